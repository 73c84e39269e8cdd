import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compareReadingOrder, makeAnnotation } from '../../shared/annotation.ts';
import type { Annotation, FmDocument } from '../../shared/model.ts';
import { PACK_FROM, withChanges } from './annotationPacks.ts';
import { FactmarkDatabase } from './database.ts';
import { Repository } from './repository.ts';

const TEXT = Array.from({ length: PACK_FROM + 100 }, (_, i) => `w${String(i).padStart(4, '0')}`).join(' ');
const doc = (id: string): FmDocument => ({ id, title: `Title ${id}`, text: TEXT, contentHash: `hash-${id}`, source: { kind: 'paste' }, createdAt: '2026-01-01T00:00:00Z' });
/** The n-th word of TEXT tagged (every word is 5 characters and a space). */
const tag = (documentId: string, n: number, label = 'claim'): Annotation => makeAnnotation(TEXT, { documentId, annotator: 'Ana', label, start: n * 6, end: n * 6 + 5 }, '2026-01-02T00:00:00Z');
const many = (documentId: string, count: number) => Array.from({ length: count }, (_, i) => tag(documentId, count - 1 - i, i % 3 ? 'claim' : 'denial'));

describe('withChanges', () => {
  it('folds written and removed annotations into a pack, in reading order', () => {
    const [a, b, c] = [tag('d', 1), tag('d', 2), tag('d', 3)];
    const moved = { ...a, start: 30, end: 35, quote: 'w0005' };
    const added = tag('d', 0, 'denial');
    expect(withChanges([a, b, c], [])).toEqual([a, b, c]);
    expect(withChanges([a, b, c], [{ documentId: 'd', id: b.id }, { documentId: 'd', id: a.id, annotation: moved }, { documentId: 'd', id: added.id, annotation: added }])).toEqual([added, c, moved]);
  });
});

let db: FactmarkDatabase;
let repo: Repository;
let n = 0;
beforeEach(async () => {
  db = new FactmarkDatabase(`packs-test-${++n}`);
  repo = new Repository(db);
  await repo.addDocuments([doc('a'), doc('b')]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** What the reader reads, and the pack it is offered (run at once). */
async function readAndPack(documentId: string, from = 0): Promise<Annotation[]> {
  const { annotations, pack } = await repo.annotationsToRead(documentId, from);
  await pack?.();
  return annotations;
}

/** A packed article 'a', whose stored pack is marked (`note`), so what is read from it can be told apart. */
async function packedAndMarked(): Promise<Annotation[]> {
  await db.annotations.bulkAdd(many('a', PACK_FROM));
  await readAndPack('a');
  const marked = (await db.annotationPacks.get('a'))!.annotations.map((a) => ({ ...a, note: 'from the pack' }));
  await db.annotationPacks.put({ id: 'a', annotations: marked });
  return marked;
}

describe('annotation packs', () => {
  it('an article with fewer than PACK_FROM annotations is read record by record and never packed', async () => {
    await db.annotations.bulkAdd(many('a', PACK_FROM - 1));
    const { annotations, pack } = await repo.annotationsToRead('a', 0);
    expect(annotations).toEqual(await repo.annotationsOf('a'));
    expect(pack).toBeUndefined();
  });

  it('a heavily annotated article is packed in reading order, then read from its pack, from the offset asked for', async () => {
    const all = many('a', PACK_FROM);
    await db.annotations.bulkAdd(all);
    await db.annotations.add(tag('b', 0));
    const sorted = [...all].sort(compareReadingOrder);
    expect(await readAndPack('a')).toEqual(sorted);
    expect(await db.annotationPacks.get('a')).toEqual({ id: 'a', annotations: sorted });
    expect(await db.labelCounts.get('a')).toMatchObject({ packed: true, rev: 1 });
    expect(await db.annotationPacks.get('b')).toBeUndefined();

    // read from the pack (a marked copy shows it), and not packed again: nothing changed
    const marked = sorted.map((a) => ({ ...a, note: 'from the pack' }));
    await db.annotationPacks.put({ id: 'a', annotations: marked });
    const from = sorted[10]!.start;
    expect(await repo.annotationsToRead('a', from)).toEqual({ annotations: marked.filter((a) => a.start >= from) });
  });

  it('every write of a packed article’s annotations since its pack is noted, folded into what is read, then packed in', async () => {
    await packedAndMarked();
    const [first, second, third] = await repo.annotationsOf('a');
    const added = tag('a', PACK_FROM + 50, 'unverified');
    const writes = [
      () => repo.apply({ kind: 'create', annotation: added }),
      () => repo.apply({ kind: 'update', before: second!, after: { ...second!, label: 'unverified' } }),
      () => repo.apply({ kind: 'delete', annotation: added }),
      // moved to another article (as an orphan re-attached), and a range delete
      () => db.annotations.put({ ...third!, documentId: 'b' }),
      () => db.annotations.where('id').equals(first!.id).delete(),
    ];
    for (const write of writes) await write();
    expect(await db.packChanges.count()).toBe(4); // added (removed since), second, third, first
    const { annotations, pack } = await repo.annotationsToRead('a', 0);
    const records = await repo.annotationsOf('a');
    // what changed is read as written; the rest from the pack
    expect(annotations.map((a) => a.id)).toEqual(records.map((a) => a.id));
    expect(annotations.find((a) => a.id === second!.id)).toMatchObject({ label: 'unverified' });
    expect(annotations.find((a) => a.id === second!.id)).not.toHaveProperty('note');
    expect(annotations.filter((a) => a.note === 'from the pack')).toHaveLength(PACK_FROM - 3);
    await pack!();
    expect(await db.packChanges.count()).toBe(0);
    expect((await db.annotationPacks.get('a'))!.annotations).toEqual(annotations);
    expect(await repo.annotationsToRead('a', 0)).toEqual({ annotations });
  });

  it('writes to an article that is not packed note nothing', async () => {
    await packedAndMarked();
    await repo.apply({ kind: 'create', annotation: tag('b', 3) });
    expect(await db.packChanges.count()).toBe(0);
  });

  it('a failed write notes nothing and leaves the revision', async () => {
    const marked = await packedAndMarked();
    await expect(
      db.transaction('rw', db.annotations, async () => {
        await db.annotations.add(tag('a', PACK_FROM + 1));
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await db.packChanges.count()).toBe(0);
    expect((await db.labelCounts.get('a'))?.rev).toBe(1);
    expect(await repo.annotationsToRead('a', 0)).toEqual({ annotations: marked });
  });

  it('a list read before a write is not packed after it; the pack and its changes stay what is stored', async () => {
    await db.annotations.bulkAdd(many('a', PACK_FROM));
    const unpacked = await repo.annotationsToRead('a', 0);
    await repo.apply({ kind: 'create', annotation: tag('a', PACK_FROM + 1) });
    await unpacked.pack!();
    expect(await db.annotationPacks.count()).toBe(0);
    expect(await db.labelCounts.get('a')).not.toHaveProperty('packed');

    await readAndPack('a');
    const read = await repo.annotationsToRead('a', 0); // nothing changed: nothing to pack
    expect(read.pack).toBeUndefined();
    await repo.apply({ kind: 'create', annotation: tag('a', PACK_FROM + 2) });
    const withOne = await repo.annotationsToRead('a', 0);
    await repo.apply({ kind: 'create', annotation: tag('a', PACK_FROM + 3) });
    await withOne.pack!();
    expect(await db.packChanges.count()).toBe(2);
    expect((await repo.annotationsToRead('a', 0)).annotations).toEqual(await repo.annotationsOf('a'));
  });

  it('an article whose annotations are all removed loses its pack and changes, and is packed afresh', async () => {
    const marked = await packedAndMarked();
    await repo.apply({ kind: 'delete', annotation: marked[0]! });
    await db.annotations.where('documentId').equals('a').delete();
    expect([await db.annotationPacks.count(), await db.packChanges.count(), await db.labelCounts.get('a')]).toEqual([0, 0, undefined]);
    await db.annotations.add(marked[1]!);
    expect(await db.labelCounts.get('a')).toEqual({ id: 'a', counts: { [marked[1]!.label]: 1 }, rev: 1 });
    expect((await repo.annotationsToRead('a', 0)).annotations).toEqual([marked[1]]);
  });

  it('a dataset import packs the heavily annotated articles it adds to, so even their first opening reads one record', async () => {
    const heavy = many('a', PACK_FROM);
    // both documents are already in the library: their annotations go to them
    const result = await repo.importDataset({ documents: [doc('a'), doc('b')], annotations: [...heavy, tag('b', 1)] });
    expect(result).toMatchObject({ documentsMatched: 2, annotationsAdded: PACK_FROM + 1 });
    const sorted = [...heavy].sort(compareReadingOrder);
    expect(await db.annotationPacks.get('a')).toEqual({ id: 'a', annotations: sorted });
    expect(await db.annotationPacks.get('b')).toBeUndefined();
    expect(await repo.annotationsToRead('a', 0)).toEqual({ annotations: sorted });
  });

  it('a pack that cannot be stored (a full disk) costs only speed', async () => {
    await db.annotations.bulkAdd(many('a', PACK_FROM));
    const { annotations, pack } = await repo.annotationsToRead('a', 0);
    vi.spyOn(db.annotationPacks, 'put').mockRejectedValueOnce(new DOMException('The disk is full.', 'QuotaExceededError'));
    await expect(pack!()).resolves.toBeUndefined();
    expect(await db.annotationPacks.count()).toBe(0);
    expect(await db.labelCounts.get('a')).not.toHaveProperty('packed');
    expect((await repo.annotationsToRead('a', 0)).annotations).toEqual(annotations);
  });
});
