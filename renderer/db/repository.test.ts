import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAnnotation } from '../../shared/annotation.ts';
import type { FmDocument } from '../../shared/model.ts';
import { FactmarkDatabase } from './database.ts';
import { Repository } from './repository.ts';

let db: FactmarkDatabase;
let repo: Repository;
let n = 0;

const doc = (id: string, text: string, hash = `hash-${id}`): FmDocument => ({
  id, title: `Title ${id}`, text, contentHash: hash, source: { kind: 'paste' }, createdAt: `2026-01-0${id.length}T00:00:00Z`,
});

beforeEach(() => {
  db = new FactmarkDatabase(`test-${++n}`);
  repo = new Repository(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('Repository', () => {
  it('adds documents and skips ones whose text is already there', async () => {
    const first = await repo.addDocuments([doc('a', 'one'), doc('b', 'two')]);
    expect(first.added.map((d) => d.id)).toEqual(['a', 'b']);
    const again = await repo.addDocuments([doc('c', 'one', 'hash-a'), doc('d', 'three'), doc('e', 'three', 'hash-d')]);
    expect(again.added.map((d) => d.id)).toEqual(['d']);
    expect(again.duplicates.map((d) => [d.document.id, d.existingTitle])).toEqual([['c', 'Title a'], ['e', 'Title d']]);
    expect(await db.documents.count()).toBe(3);
  });

  it('creates, relabels and deletes annotations, with counts per label', async () => {
    const text = 'Moscow denied it. Kyiv said it happened.';
    await repo.addDocuments([doc('a', text)]);
    const denial = makeAnnotation(text, { documentId: 'a', annotator: 'Ana', label: 'denial', start: 0, end: 16 }, 't1');
    const claim = makeAnnotation(text, { documentId: 'a', annotator: 'Ana', label: 'claim', start: 18, end: 39 }, 't2');
    await repo.apply({ kind: 'create', annotation: claim });
    await repo.apply({ kind: 'create', annotation: denial });
    expect((await repo.annotationsOf('a')).map((a) => a.quote)).toEqual(['Moscow denied it', 'Kyiv said it happened']);
    expect(await repo.countLabels('a')).toEqual({ claim: 1, denial: 1, unverified: 0 });

    const relabelled = { ...claim, label: 'unverified' as const, updatedAt: 't3' };
    await repo.apply({ kind: 'update', before: claim, after: relabelled });
    expect((await repo.listDocuments())[0]!.counts).toEqual({ claim: 0, denial: 1, unverified: 1 });

    await repo.apply({ kind: 'delete', annotation: denial });
    expect((await repo.annotationsOf('a')).map((a) => a.id)).toEqual([claim.id]);
    // the deletion is remembered for review packages, and forgotten again on undo
    expect((await db.tombstones.toArray()).map((t) => [t.id, t.documentId, t.annotator])).toEqual([[denial.id, 'a', 'Ana']]);
    await repo.apply({ kind: 'create', annotation: denial });
    expect(await db.tombstones.count()).toBe(0);
  });

  it('refuses to update an annotation that is gone, and to create one twice', async () => {
    const a = makeAnnotation('abc def', { documentId: 'x', annotator: 'Ana', label: 'claim', start: 0, end: 3 }, 't');
    await expect(repo.apply({ kind: 'update', before: a, after: a })).rejects.toThrow(/no longer exists/);
    await repo.apply({ kind: 'create', annotation: a });
    await expect(repo.apply({ kind: 'create', annotation: a })).rejects.toThrow();
    expect(await db.annotations.count()).toBe(1);
  });

  it('an operation that fails changes nothing: not the annotations, tombstones, counts or the article’s Updated time', async () => {
    const text = 'Moscow denied it. Kyiv said it happened.';
    await repo.addDocuments([doc('a', text)]);
    const a = makeAnnotation(text, { documentId: 'a', annotator: 'Ana', label: 'claim', start: 18, end: 39 }, 't1');
    await repo.apply({ kind: 'delete', annotation: a }); // leaves a tombstone for a.id
    await repo.apply({ kind: 'create', annotation: a });
    const stamped = (await repo.getDocument('a'))!.updatedAt;
    expect(stamped).toBeTruthy();
    const tombstones = await db.tombstones.toArray();
    await new Promise((r) => setTimeout(r, 5));
    // the add fails (the id is there) while the tombstone delete and the article's update are in flight beside it
    await expect(repo.apply({ kind: 'create', annotation: { ...a, label: 'denial' } })).rejects.toThrow();
    expect(await repo.annotationsOf('a')).toEqual([a]);
    expect(await db.tombstones.toArray()).toEqual(tombstones);
    expect(await repo.countLabels('a')).toEqual({ claim: 1, denial: 0, unverified: 0 });
    expect((await repo.getDocument('a'))!.updatedAt).toBe(stamped);
  });

  it('commits an operation as soon as its last request is sent, its article marked updated; not one that fails, nor a mixed batch', async () => {
    const text = 'Moscow denied it. Kyiv said it happened.';
    await repo.addDocuments([doc('a', text)]);
    const updated = async () => (await repo.getDocument('a'))!.updatedAt ?? '';
    const later = () => new Promise((r) => setTimeout(r, 5)); // a new Updated time for each operation
    let commits = 0;
    const commit = IDBTransaction.prototype.commit;
    IDBTransaction.prototype.commit = function (this: IDBTransaction) {
      commits++;
      commit.call(this);
    };
    try {
      const claim = makeAnnotation(text, { documentId: 'a', annotator: 'Ana', label: 'claim', start: 18, end: 39 }, 't1');
      const denial = makeAnnotation(text, { documentId: 'a', annotator: 'Ana', label: 'denial', start: 0, end: 16 }, 't2');
      // every derived write is sent before the commit: one sent after it would fail the operation
      await repo.apply({ kind: 'create', annotation: claim });
      expect(commits).toBe(1);
      const created = await updated();
      expect(created).toBeTruthy();
      await later();
      const relabelled = { ...claim, label: 'denial' as const, updatedAt: 't3' };
      await repo.apply({ kind: 'update', before: claim, after: relabelled });
      expect(commits).toBe(2);
      expect(await repo.countLabels('a')).toEqual({ claim: 0, denial: 1, unverified: 0 });
      const relabelledAt = await updated();
      expect(relabelledAt > created).toBe(true);

      // the check of an update fails, or the add of an id already there: no early commit, nothing written
      await expect(repo.apply({ kind: 'update', before: denial, after: { ...denial, label: 'claim' } })).rejects.toThrow(/no longer exists/);
      await expect(repo.apply({ kind: 'create', annotation: relabelled })).rejects.toThrow();
      expect(commits).toBe(2);
      expect(await repo.annotationsOf('a')).toEqual([relabelled]);
      expect(await updated()).toBe(relabelledAt);

      // a batch of different operations is several writes: committed once all are answered, as before
      await later();
      await repo.apply({ kind: 'batch', ops: [{ kind: 'create', annotation: denial }, { kind: 'update', before: relabelled, after: claim }] });
      expect(commits).toBe(2);
      expect(await repo.countLabels('a')).toEqual({ claim: 1, denial: 1, unverified: 0 });
      expect((await updated()) > relabelledAt).toBe(true);

      // Tag all's undo (deletes written in bulk) and a delete are one write each
      await repo.apply({ kind: 'batch', ops: [{ kind: 'delete', annotation: denial }, { kind: 'delete', annotation: claim }] });
      expect(commits).toBe(3);
      expect(await repo.countLabels('a')).toEqual({ claim: 0, denial: 0, unverified: 0 });
      await repo.apply({ kind: 'create', annotation: claim });
      await repo.apply({ kind: 'delete', annotation: claim });
      expect(commits).toBe(5);
      expect(await db.annotations.count()).toBe(0);
      expect((await db.tombstones.toArray()).map((t) => t.id).sort()).toEqual([claim.id, denial.id].sort());
    } finally {
      IDBTransaction.prototype.commit = commit;
    }
  });

  it('lists documents without their text, oldest first', async () => {
    await repo.addDocuments([doc('bb', 'two'), doc('a', 'one')]);
    const list = await repo.listDocuments();
    expect(list.map((d) => d.id)).toEqual(['a', 'bb']);
    expect(list[0]).not.toHaveProperty('text');
  });

  it('keeps settings', async () => {
    expect(await repo.getSetting('annotator')).toBeUndefined();
    await repo.setSetting('annotator', 'Ana');
    expect(await repo.getSetting<string>('annotator')).toBe('Ana');
  });

  it('keeps everything across closing and reopening the database', async () => {
    const text = 'A port was attacked.';
    await repo.addDocuments([doc('a', text)]);
    const a = makeAnnotation(text, { documentId: 'a', annotator: 'Ana', label: 'claim', start: 0, end: 19 }, 't');
    await repo.apply({ kind: 'create', annotation: a });
    db.close();
    const reopened = new FactmarkDatabase(db.name);
    expect(await new Repository(reopened).annotationsOf('a')).toEqual([a]);
    reopened.close();
  });

  it('builds a dataset of the whole library or of chosen documents, annotations in reading order', async () => {
    const text = 'Moscow denied it. Kyiv said it happened.';
    await repo.addDocuments([doc('a', text), doc('bb', 'Other text here.')]);
    const late = makeAnnotation(text, { documentId: 'a', annotator: 'Ana', label: 'claim', start: 18, end: 39 }, 't1');
    const early = makeAnnotation(text, { documentId: 'a', annotator: 'Ana', label: 'denial', start: 0, end: 16 }, 't2');
    const other = makeAnnotation('Other text here.', { documentId: 'bb', annotator: 'Ana', label: 'unverified', start: 0, end: 5 }, 't3');
    for (const annotation of [late, other, early]) await repo.apply({ kind: 'create', annotation });
    const all = await repo.datasetFor();
    expect(all.documents.map((d) => d.id)).toEqual(['a', 'bb']);
    expect(all.annotations.map((a) => a.id)).toEqual([early.id, late.id, other.id]);
    const one = await repo.datasetFor(['bb']);
    expect(one.documents.map((d) => d.text)).toEqual(['Other text here.']);
    expect(one.annotations).toEqual([other]);
  });

  it('imports a dataset in one go: known texts get the annotations, known annotation ids are left alone, twice changes nothing', async () => {
    const text = 'Moscow denied it. Kyiv said it happened.';
    await repo.addDocuments([doc('mine', text, 'hash-shared')]);
    const theirs = { ...doc('theirs', text, 'hash-shared'), title: 'Their copy' };
    const fresh = doc('new', 'A new article.');
    const onShared = makeAnnotation(text, { documentId: 'theirs', annotator: 'Bo', label: 'claim', start: 18, end: 39 }, 't1');
    const onFresh = makeAnnotation(fresh.text, { documentId: 'new', annotator: 'Bo', label: 'denial', start: 0, end: 5 }, 't2');
    const dataset = { documents: [theirs, fresh], annotations: [onShared, onFresh] };

    expect(await repo.importDataset(dataset)).toEqual({ documentsAdded: 1, documentsMatched: 1, annotationsAdded: 2, annotationsSkipped: 0 });
    expect((await repo.annotationsOf('mine')).map((a) => [a.id, a.quote])).toEqual([[onShared.id, 'Kyiv said it happened']]);
    expect((await repo.annotationsOf('new')).map((a) => a.id)).toEqual([onFresh.id]);
    expect(await db.documents.count()).toBe(2);

    expect(await repo.importDataset(dataset)).toEqual({ documentsAdded: 0, documentsMatched: 2, annotationsAdded: 0, annotationsSkipped: 2 });
    expect(await db.documents.count()).toBe(2);
    expect(await db.annotations.count()).toBe(2);
  });

  it('imports a dataset of many batches as one: an id taken in the library gets a new one, known annotations are skipped, a failure in the last batch writes nothing', async () => {
    await repo.addDocuments([doc('d0', 'Already in the library.', 'hash-library')]);
    const docs = Array.from({ length: 1000 }, (_, i) => doc(`d${i}`, `Article ${i}: Moscow denied it.`, `hash-${i}`));
    const annotations = docs.flatMap((d, i) =>
      [0, 1, 2].map((k) => makeAnnotation(d.text, { documentId: d.id, annotator: 'Bo', label: 'claim', start: 0, end: 7 }, `t${i}-${k}`)),
    );
    const known = annotations[2900]!;
    await db.annotations.add({ ...known, documentId: 'd0' });

    const failing = { documents: docs, annotations: [...annotations, { ...annotations[0]!, id: undefined as unknown as string }] };
    await expect(repo.importDataset(failing)).rejects.toThrow();
    expect(await db.documents.count()).toBe(1);
    expect(await db.annotations.count()).toBe(1);

    expect(await repo.importDataset({ documents: docs, annotations })).toEqual({ documentsAdded: 1000, documentsMatched: 0, annotationsAdded: 2999, annotationsSkipped: 1 });
    expect(await db.documents.count()).toBe(1001);
    expect(await db.annotations.count()).toBe(3000);
    // the file's d0 got a new id, and its annotations went with it
    expect((await repo.getDocument('d0'))!.text).toBe('Already in the library.');
    const [moved] = await db.documents.where('contentHash').equals('hash-0').toArray();
    expect(moved!.id).not.toBe('d0');
    expect((await repo.annotationsOf(moved!.id)).map((a) => a.id)).toEqual(annotations.slice(0, 3).map((a) => a.id));
    expect((await repo.annotationsOf('d999')).map((a) => a.id)).toEqual(annotations.slice(2997, 3000).map((a) => a.id));
  });

  it('writes nothing when an import fails part way', async () => {
    const a = makeAnnotation('abc def', { documentId: 'x', annotator: 'Ana', label: 'claim', start: 0, end: 3 }, 't');
    // an annotation without an id: its write fails after the document's, so the document must be rolled back
    const broken = { documents: [doc('x', 'abc def', 'h1')], annotations: [a, { ...a, id: undefined as unknown as string }] };
    await expect(repo.importDataset(broken)).rejects.toThrow();
    expect(await db.documents.count()).toBe(0);
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('FactmarkDatabase migration', () => {
  it('opens a version 1 database with data and finds all of it in the current version', async () => {
    const Dexie = (await import('dexie')).default;
    const { SCHEMA_V1 } = await import('./database.ts');
    const name = `migrate-${++n}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const text = 'Kyiv said the port was hit.\nMoscow denied it. 👍🏽 漢字';
    const structured: FmDocument = { ...doc('s', '# Head\nBody'), blocks: [{ type: 'heading', level: 1 }, { type: 'paragraph' }] };
    const a = makeAnnotation(text, { documentId: 'a', annotator: 'Ana', label: 'claim', start: 0, end: 26 }, 't1');
    await v1.table('documents').bulkAdd([doc('a', text), structured]);
    await v1.table('annotations').add(a);
    await v1.table('settings').put({ key: 'annotator', value: 'Ana' });
    v1.close();

    const v2 = new FactmarkDatabase(name);
    const repo2 = new Repository(v2);
    expect(await repo2.getDocument('a')).toEqual(doc('a', text));
    expect(await repo2.getDocument('s')).toEqual(structured);
    expect((await repo2.listDocuments()).map((d) => [d.id, d.counts.claim, 'text' in d])).toEqual([['a', 1, false], ['s', 0, false]]);
    expect(await repo2.annotationsOf('a')).toEqual([a]);
    expect(await repo2.getSetting('annotator')).toBe('Ana');
    expect(v2.verno).toBe(5);
    // version 3's index: an article's annotations by start offset
    expect(await v2.annotations.where('[documentId+start]').between(['a', 0], ['a', 1]).primaryKeys()).toEqual([a.id]);
    // version 3's derived facts, computed for the data already there
    expect(await v2.labelCounts.toArray()).toEqual([{ id: 'a', counts: { claim: 1 } }]);
    expect(await v2.documents.orderBy('[createdAt+titleKey+id]').primaryKeys()).toEqual(['a', 's']);
    expect(await v2.libraryStats.get('documents')).toEqual({ id: 'documents', total: 2 });
    v2.close();
    await v2.delete();
  });

  it('opens a version 2 database and counts its annotations per article and label, and orders it by title key', async () => {
    const Dexie = (await import('dexie')).default;
    const { SCHEMA_V2 } = await import('./database.ts');
    const name = `migrate-${++n}`;
    const old = new Dexie(name);
    old.version(2).stores(SCHEMA_V2);
    const text = 'Kyiv said the port was hit. Moscow denied it.';
    const at = '2026-05-01T00:00:00Z';
    const docs = [{ ...doc('x', text), title: 'Zaporizhzhia', createdAt: at }, { ...doc('y', text), title: 'érosion', createdAt: at }, { ...doc('z', text), title: 'Azov', createdAt: at }];
    await old.table('documents').bulkAdd(docs.map(({ text: _t, ...meta }) => meta));
    await old.table('texts').bulkAdd(docs.map((d) => ({ id: d.id, text: d.text })));
    const mk = (documentId: string, label: string) => makeAnnotation(text, { documentId, annotator: 'Ana', label, start: 0, end: 4 }, 't');
    await old.table('annotations').bulkAdd([mk('x', 'claim'), mk('x', 'claim'), mk('x', 'retraction'), mk('z', 'denial'), mk('orphans:z', 'claim')]);
    old.close();

    const v3 = new FactmarkDatabase(name);
    const repo3 = new Repository(v3);
    expect(Object.fromEntries((await v3.labelCounts.toArray()).map((c) => [c.id, c.counts]))).toEqual({ x: { claim: 2, retraction: 1 }, z: { denial: 1 }, 'orphans:z': { claim: 1 } });
    expect((await repo3.listDocuments()).map((d) => [d.title, d.counts])).toEqual([
      ['Azov', { claim: 0, denial: 1, unverified: 0 }],
      ['érosion', { claim: 0, denial: 0, unverified: 0 }],
      ['Zaporizhzhia', { claim: 2, denial: 0, unverified: 0, retraction: 1 }],
    ]);
    // and they are kept from then on
    await repo3.apply({ kind: 'create', annotation: mk('y', 'unverified') });
    expect(await repo3.countLabels('y')).toEqual({ claim: 0, denial: 0, unverified: 1 });
    v3.close();
    await v3.delete();
  });
});

describe('countLabels', () => {
  it('counts each label of the set, and labels outside the set too', async () => {
    const text = 'Kyiv said the port was hit. Moscow denied it. The outlet retracted it.';
    await repo.addDocuments([doc('a', text)]);
    const tag = (label: string, start: number, end: number) =>
      repo.apply({ kind: 'create', annotation: makeAnnotation(text, { documentId: 'a', annotator: 'Ana', label, start, end }, 't') });
    await tag('claim', 0, 26);
    await tag('claim', 5, 9);
    await tag('denial', 28, 44);
    expect(await repo.countLabels('a')).toEqual({ claim: 2, denial: 1, unverified: 0 });
    await tag('retraction', 46, 69);
    expect(await repo.countLabels('a')).toEqual({ claim: 2, denial: 1, unverified: 0, retraction: 1 });
  });
});
