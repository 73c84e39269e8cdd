import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAnnotation } from '../../shared/annotation.ts';
import { orphanQueueId } from '../../shared/anchoring/orphans.ts';
import { inverseOp, type HistoryOp } from '../../shared/history.ts';
import type { Annotation, FmDocument } from '../../shared/model.ts';
import { carryAnnotationsToVersion } from './anchorVersions.ts';
import { FactmarkDatabase } from './database.ts';
import { finishWithDerivedWrites, titleKey } from './derived.ts';
import { removeLabel } from './labels.ts';
import { firstDocuments, LibraryStore } from './library.ts';
import { Repository } from './repository.ts';
import { deleteGold, putGold } from './review.ts';
import { DEFAULT_LABELS } from '../../shared/labels.ts';

const TEXT = 'Kyiv said the port was hit. Moscow denied it. Nobody could check.';
let db: FactmarkDatabase;
let repo: Repository;
let n = 0;

const doc = (id: string, title = `Title ${id}`, createdAt = '2026-01-01T00:00:00Z'): FmDocument => ({ id, title, text: TEXT, contentHash: `hash-${id}`, source: { kind: 'paste' }, createdAt });
const tag = (documentId: string, label = 'claim', start = 0, end = 4): Annotation => makeAnnotation(TEXT, { documentId, annotator: 'Ana', label, start, end }, '2026-01-02T00:00:00Z');

/** The stored counts, as { documentId: { label: n } }. */
async function stored(database = db): Promise<Record<string, Record<string, number>>> {
  return Object.fromEntries((await database.labelCounts.toArray()).map((c) => [c.id, c.counts]));
}

/** The counts recounted from the annotations themselves: what the stored ones must always equal. */
async function recounted(): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const a of await db.annotations.toArray()) {
    const c = (out[a.documentId] ??= {});
    c[a.label] = (c[a.label] ?? 0) + 1;
  }
  return out;
}

beforeEach(async () => {
  db = new FactmarkDatabase(`derived-test-${++n}`);
  repo = new Repository(db);
  await repo.addDocuments([doc('a'), doc('b')]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('label counts kept by the database', () => {
  it('follow create, relabel, delete, batches and their undo', async () => {
    const claim = tag('a');
    await repo.apply({ kind: 'create', annotation: claim });
    await repo.apply({ kind: 'create', annotation: tag('a', 'denial', 28, 44) });
    expect(await stored()).toEqual({ a: { claim: 1, denial: 1 } });
    const relabel: HistoryOp = { kind: 'update', before: claim, after: { ...claim, label: 'unverified' } };
    await repo.apply(relabel);
    expect(await stored()).toEqual({ a: { unverified: 1, denial: 1 } });
    await repo.apply(inverseOp(relabel));
    expect(await stored()).toEqual({ a: { claim: 1, denial: 1 } });

    const batch: HistoryOp = { kind: 'batch', ops: [tag('b'), tag('b', 'claim', 5, 9), tag('a', 'unverified', 46, 52)].map((annotation) => ({ kind: 'create', annotation })) };
    await repo.apply(batch);
    expect(await stored()).toEqual({ a: { claim: 1, denial: 1, unverified: 1 }, b: { claim: 2 } });
    await repo.apply(inverseOp(batch));
    expect(await stored()).toEqual({ a: { claim: 1, denial: 1 } });
    await repo.apply({ kind: 'delete', annotation: claim });
    expect(await repo.countLabels('a')).toEqual({ claim: 0, denial: 1, unverified: 0 });
    expect(await stored()).toEqual(await recounted());
  });

  it('a failed write leaves the counts as they were (one transaction)', async () => {
    const claim = tag('a');
    await repo.apply({ kind: 'create', annotation: claim });
    // the same id again: the batch's add fails and the whole of it is rolled back, counts too
    await expect(repo.apply({ kind: 'batch', ops: [tag('b'), claim].map((annotation) => ({ kind: 'create', annotation })) })).rejects.toThrow();
    expect(await stored()).toEqual({ a: { claim: 1 } });
    // a failure caught inside the transaction: the adds that succeeded are counted, the one that failed is not
    await db.transaction('rw', db.annotations, async () => {
      await db.annotations.bulkAdd([tag('b'), claim]).catch(() => undefined);
    });
    expect(await stored()).toEqual({ a: { claim: 1 }, b: { claim: 1 } });
  });

  it('a relabel sends its write with the reads of what it replaces, not after their answers', async () => {
    const claim = tag('a');
    await repo.apply({ kind: 'create', annotation: claim });
    const events: string[] = [];
    const { get, put } = IDBObjectStore.prototype;
    const logged = <A extends unknown[]>(kind: string, call: (this: IDBObjectStore, ...args: A) => IDBRequest) =>
      function (this: IDBObjectStore, ...args: A): IDBRequest {
        const request = call.apply(this, args);
        events.push(`${kind} ${this.name}`);
        request.addEventListener('success', () => events.push(`answer ${kind} ${this.name}`));
        return request;
      };
    IDBObjectStore.prototype.get = logged('get', get);
    IDBObjectStore.prototype.put = logged('put', put);
    try {
      await repo.apply({ kind: 'update', before: claim, after: { ...claim, label: 'denial' } });
    } finally {
      Object.assign(IDBObjectStore.prototype, { get, put });
    }
    expect(events.indexOf('put annotations')).toBeGreaterThan(-1);
    expect(events.indexOf('put annotations')).toBeLessThan(events.findIndex((e) => e.startsWith('answer')));
    expect(await stored()).toEqual({ a: { denial: 1 } });
  });

  it('each table of the stack is built once, not again for every transaction and write', async () => {
    const first = db.core.table('annotations');
    await repo.apply({ kind: 'create', annotation: tag('a') });
    expect(db.core.table('annotations')).toBe(first);
    expect(db.core.table('labelCounts')).toBe(db.core.table('labelCounts'));
    expect(await stored()).toEqual({ a: { claim: 1 } });
  });

  it('a write sent ahead of its answer that then reports a failure takes its whole transaction back', async () => {
    const failing = new FactmarkDatabase(`derived-test-failing-${++n}`);
    // under the counting layer: the write itself goes through, but is answered as failed
    failing.use({
      stack: 'dbcore',
      name: 'answers-puts-as-failed',
      level: 5,
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name !== 'annotations' ? table : { ...table, mutate: async (req) => ({ ...(await table.mutate(req)), ...(req.type === 'put' ? { numFailures: 1, failures: { 0: new Error('refused') } } : {}) }) };
        },
      }),
    });
    try {
      const other = new Repository(failing);
      await other.addDocuments([doc('a')]);
      const claim = tag('a');
      await other.apply({ kind: 'create', annotation: claim });
      // the failure caught inside the transaction, which would otherwise commit counts derived as if all was written
      const relabel = failing.transaction('rw', failing.annotations, async () => {
        await failing.annotations.put({ ...claim, label: 'denial' }).catch(() => undefined);
      });
      await expect(relabel).rejects.toThrow();
      expect((await failing.annotations.get(claim.id))?.label).toBe('claim');
      expect(await stored(failing)).toEqual({ a: { claim: 1 } });
    } finally {
      failing.close();
      await failing.delete();
    }
  });

  it('a finishing write commits once its derived writes are sent, unless it is a put that replaced nothing', async () => {
    let commits = 0;
    const commit = IDBTransaction.prototype.commit;
    IDBTransaction.prototype.commit = function (this: IDBTransaction) {
      commits++;
      commit.call(this);
    };
    const finishing = (write: () => Promise<unknown>) =>
      db.transaction('rw', db.annotations, db.documents, async (t) => {
        finishWithDerivedWrites(t.idbtrans, { articles: ['a'], updatedAt: '2026-02-01T00:00:00Z' });
        await write();
      });
    try {
      const claim = tag('a');
      // a put of a new record: its caller may be about to refuse it (an update's check), so it commits as usual
      await finishing(() => db.annotations.put(claim));
      expect(commits).toBe(0);
      await finishing(() => db.annotations.put({ ...claim, label: 'denial' }));
      expect(commits).toBe(1);
      expect(await stored()).toEqual({ a: { denial: 1 } });
      expect((await db.documents.get('a'))!.updatedAt).toBe('2026-02-01T00:00:00Z');
    } finally {
      IDBTransaction.prototype.commit = commit;
    }
  });

  it('writes side by side in one transaction are all counted', async () => {
    await db.transaction('rw', db.annotations, () => Promise.all([db.annotations.add(tag('a')), db.annotations.bulkPut([tag('a'), tag('a', 'denial')]), db.annotations.add(tag('b'))]));
    expect(await stored()).toEqual({ a: { claim: 2, denial: 1 }, b: { claim: 1 } });
  });

  it('follow an imported dataset, skipping annotations already there', async () => {
    const a = tag('x');
    const dataset = { documents: [doc('x'), { ...doc('y'), contentHash: 'hash-a' }], annotations: [a, tag('x', 'denial'), tag('y')] };
    await repo.importDataset(dataset);
    await repo.importDataset(dataset);
    // y's text is a's: its annotation went to a
    expect(await stored()).toEqual({ x: { claim: 1, denial: 1 }, a: { claim: 1 } });
    expect(await stored()).toEqual(await recounted());
  });

  it('follow removing a label (relabel or delete), gold, and carrying annotations to a new version', async () => {
    await repo.apply({ kind: 'batch', ops: [tag('a'), tag('a', 'denial'), tag('b', 'denial')].map((annotation) => ({ kind: 'create', annotation })) });
    await removeLabel(db, DEFAULT_LABELS, 'denial', { relabelTo: 'unverified' });
    expect(await stored()).toEqual({ a: { claim: 1, unverified: 1 }, b: { unverified: 1 } });
    await removeLabel(db, DEFAULT_LABELS, 'unverified', { delete: true });
    expect(await stored()).toEqual({ a: { claim: 1 } });

    const gold = { ...tag('b'), layer: 'gold' as const };
    await putGold(db, [gold]);
    expect(await stored()).toEqual({ a: { claim: 1 }, b: { claim: 1 } });
    await deleteGold(db, gold.id);

    await repo.addDocuments([{ ...doc('a2'), text: 'Kyiv reported it.', contentHash: 'hash-a2' }]);
    await repo.apply({ kind: 'create', annotation: tag('a', 'denial', 28, 44) });
    await carryAnnotationsToVersion(db, 'a', 'a2');
    // "Kyiv" re-anchors; "Moscow denied it" is not in the new text: an orphan in a2's queue
    expect(await stored()).toEqual({ a2: { claim: 1 }, [orphanQueueId('a2')]: { denial: 1 } });
  });

  it('follow delete forever (range deletes) and a cleared table', async () => {
    const store = new LibraryStore(db);
    await repo.apply({ kind: 'batch', ops: [tag('a'), tag('b')].map((annotation) => ({ kind: 'create', annotation })) });
    await db.annotations.add({ ...tag('a', 'denial'), documentId: orphanQueueId('a') });
    await store.trash(['a']);
    expect((await store.listTrash()).map((d) => d.counts)).toEqual([{ claim: 1, denial: 0, unverified: 0 }]);
    await store.purge(['a']);
    expect(await stored()).toEqual({ b: { claim: 1 } });
    await db.annotations.where(':id').above('').delete(); // a deleteRange
    expect(await stored()).toEqual({});
    await db.annotations.bulkAdd([tag('a'), tag('b')]);
    await db.annotations.clear();
    expect(await stored()).toEqual({});
  });

  it('stay equal to a recount after a long random sequence of writes', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const labels = ['claim', 'denial', 'unverified', 'retraction'];
    const docs = ['a', 'b', orphanQueueId('a')];
    const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
    for (let step = 0; step < 150; step++) {
      const all = await db.annotations.toArray();
      const r = random();
      if (r < 0.35 || all.length === 0) await db.annotations.bulkAdd(Array.from({ length: 1 + Math.floor(random() * 3) }, () => tag(pick(docs), pick(labels))));
      else if (r < 0.55) await db.annotations.bulkPut(all.filter(() => random() < 0.3).map((a) => ({ ...a, label: pick(labels), documentId: pick(docs) })));
      else if (r < 0.7) await db.annotations.bulkDelete(all.filter(() => random() < 0.2).map((a) => a.id));
      else if (r < 0.8) await db.annotations.where('documentId').equals(pick(docs)).modify((a) => void (a.label = pick(labels)));
      else if (r < 0.9) await db.annotations.where('[documentId+label]').equals([pick(docs), pick(labels)]).delete();
      else await db.annotations.update(pick(all).id, { label: pick(labels) });
    }
    expect(await stored()).toEqual(await recounted());
  });
});

describe('the stored number of documents', () => {
  const total = async () => (await db.libraryStats.get('documents'))?.total;

  it('follows adds, duplicates, puts over existing ones, delete forever and a cleared table', async () => {
    expect(await total()).toBe(2);
    await repo.addDocuments([doc('c'), { ...doc('d'), contentHash: 'hash-a' }]); // d is a's text: not added
    expect(await total()).toBe(3);
    await db.documents.bulkPut([{ ...(await db.documents.get('c'))!, title: 'C' }, { ...(await db.documents.get('a'))!, id: 'e', contentHash: 'hash-e' }]);
    expect(await total()).toBe(4);
    await db.transaction('rw', db.documents, async () => {
      await db.documents.bulkAdd([doc('a'), { ...doc('f'), contentHash: 'hash-f' }].map(({ text: _t, ...meta }) => meta)).catch(() => undefined); // a is there
    });
    expect(await total()).toBe(5);
    const store = new LibraryStore(db);
    await store.trash(['c', 'e']);
    expect(await total()).toBe(5); // the trash is still stored
    expect((await firstDocuments(db, 10)).total).toBe(3);
    await store.purge(['c', 'e']);
    await db.documents.bulkDelete(['f', 'no such id']);
    expect(await total()).toBe(2);
    expect(await total()).toBe(await db.documents.count());
    await db.documents.clear();
    expect(await total()).toBe(0);
  });
});

describe('the library order index', () => {
  it('orders articles added together by folded title, so the first rows are a bounded read of the whole list', async () => {
    const at = '2026-03-01T00:00:00Z';
    await repo.addDocuments(['Zebra crossing', 'apple harvest', 'Éclair', '“Quoted” headline', 'eclair'].map((t, i) => doc(`t${i}`, t, at)));
    const list = (await repo.listDocuments()).map((d) => d.title);
    expect(list).toEqual(['Title a', 'Title b', 'apple harvest', 'Éclair', 'eclair', '“Quoted” headline', 'Zebra crossing']);
    expect((await firstDocuments(db, 4)).docs.map((d) => d.title)).toEqual(list.slice(0, 4));
    expect(titleKey('  “Éclair”, à la Kyiv! ')).toBe('eclair a la kyiv');
  });

  it('a renamed article moves to its new place; the key never leaves the database', async () => {
    await new LibraryStore(db).updateMetadata('a', { title: 'Zulu', outlet: '', url: '', published: '', notes: '' });
    expect((await repo.listDocuments()).map((d) => d.id)).toEqual(['b', 'a']);
    expect(await repo.getDocument('a')).not.toHaveProperty('titleKey');
    expect((await repo.datasetFor()).documents.some((d) => 'titleKey' in d)).toBe(false);
  });

  it('pages through more articles than one read takes, skipping the trash', { timeout: 60_000 }, async () => {
    const many = Array.from({ length: 12_345 }, (_, i) => ({ ...doc(`m${i}`, `Report ${String(i).padStart(5, '0')}`, '2026-04-01T00:00:00Z'), contentHash: `m${i}` }));
    await repo.addDocuments(many);
    await new LibraryStore(db).trash(['m5000', 'm10']);
    const list = await repo.listDocuments();
    expect(list).toHaveLength(12_345 + 2 - 2);
    expect(list.slice(2).map((d) => d.id)).toEqual(many.map((d) => d.id).filter((id) => id !== 'm5000' && id !== 'm10'));
    expect((await firstDocuments(db, 20)).total).toBe(list.length);
  });
});
