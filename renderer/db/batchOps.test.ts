import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAnnotation } from '../../shared/annotation.ts';
import { orphanQueueId } from '../../shared/anchoring/orphans.ts';
import { inverseOp, type HistoryOp } from '../../shared/history.ts';
import type { FmDocument } from '../../shared/model.ts';
import { buildReviewPackage } from '../../shared/review/package.ts';
import { FactmarkDatabase } from './database.ts';
import { LibraryStore } from './library.ts';
import { Repository } from './repository.ts';
import { fullDataset } from './reviewPackages.ts';

const TEXT = 'The port was hit. The port denied it. A port report.';
let db: FactmarkDatabase;
let repo: Repository;
let n = 0;

const doc = (id: string, text: string): FmDocument => ({
  id, title: `Title ${id}`, text, contentHash: `hash-${id}`, source: { kind: 'paste' }, createdAt: '2026-01-01T00:00:00Z',
});
const at = (documentId: string, start: number, end: number) =>
  makeAnnotation(TEXT, { documentId, annotator: 'Ana', label: 'claim', start, end }, '2026-01-02T00:00:00Z');
/** "port" three times, as Tag all matches would create them. */
const ports = () => [at('a', 4, 8), at('a', 22, 26), at('a', 40, 44)];

beforeEach(async () => {
  db = new FactmarkDatabase(`batch-test-${++n}`);
  repo = new Repository(db);
  await repo.addDocuments([doc('a', TEXT)]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('Repository.apply with a batch', () => {
  it('writes every operation of a batch, and its inverse takes all of them back (with tombstones) and again', async () => {
    const batch: HistoryOp = { kind: 'batch', ops: ports().map((annotation) => ({ kind: 'create', annotation })) };
    await repo.apply(batch);
    expect((await repo.annotationsOf('a')).map((a) => a.quote)).toEqual(['port', 'port', 'port']);
    expect((await repo.getDocument('a'))!.updatedAt).toBeTruthy();

    await repo.apply(inverseOp(batch));
    expect(await repo.annotationsOf('a')).toEqual([]);
    expect((await db.tombstones.toArray()).map((t) => t.documentId)).toEqual(['a', 'a', 'a']);

    await repo.apply(batch);
    expect(await repo.annotationsOf('a')).toHaveLength(3);
    expect(await db.tombstones.count()).toBe(0);
  });

  it('is all or nothing: one failing operation leaves the database as it was', async () => {
    const [one, two, three] = ports();
    await repo.apply({ kind: 'create', annotation: two! });
    // two is already there: the bulk path refuses, and nothing of the batch stays
    await expect(repo.apply({ kind: 'batch', ops: [one!, two!, three!].map((annotation) => ({ kind: 'create', annotation })) })).rejects.toThrow();
    expect((await repo.annotationsOf('a')).map((a) => a.id)).toEqual([two!.id]);
    // a mixed batch (the one-by-one path) whose update finds its annotation gone
    const gone = at('a', 0, 3);
    const mixed: HistoryOp = { kind: 'batch', ops: [{ kind: 'create', annotation: one! }, { kind: 'delete', annotation: two! }, { kind: 'update', before: gone, after: gone }] };
    await expect(repo.apply(mixed)).rejects.toThrow(/no longer exists/);
    expect((await repo.annotationsOf('a')).map((a) => a.id)).toEqual([two!.id]);
    expect(await db.tombstones.count()).toBe(0);
  });
});

describe('discarding an orphan', () => {
  it('leaves a tombstone under the article id, so a review package of that article carries the deletion', async () => {
    await repo.addDocuments([doc('other', 'Something else entirely.')]);
    const orphan = { ...at('a', 4, 8), documentId: orphanQueueId('a'), orphan: { reason: 'gone', fromDocumentId: 'old' } };
    await db.annotations.add(orphan);
    await repo.apply({ kind: 'delete', annotation: orphan });
    expect((await db.tombstones.toArray()).map((t) => [t.id, t.documentId])).toEqual([[orphan.id, 'a']]);

    const library = await fullDataset(db, ['a']);
    const pkg = buildReviewPackage(library, { annotator: 'Ana', origin: 'test' });
    expect(pkg.dataset.tombstones!.map((t) => t.id)).toEqual([orphan.id]);
    expect(pkg.dataset.documents.map((d) => d.id)).toEqual(['a']);

    // undo brings it back to the queue and forgets the tombstone
    await repo.apply({ kind: 'create', annotation: orphan });
    expect(await repo.annotationsOf(orphanQueueId('a'))).toEqual([orphan]);
    expect(await db.tombstones.count()).toBe(0);
  });
});

describe('deleting an article forever', () => {
  it('deletes its Orphans queue and the tombstones of discarded orphans (old ones under the queue id too), nothing of other articles', async () => {
    await repo.addDocuments([doc('other', TEXT)]);
    const queue = orphanQueueId('a');
    const orphan = (start: number, end: number) => ({ ...at('a', start, end), documentId: queue, orphan: { reason: 'gone', fromDocumentId: 'old' } });
    const kept = orphan(4, 8);
    const discarded = orphan(22, 26);
    await db.annotations.bulkAdd([kept, discarded, { ...orphan(40, 44), documentId: orphanQueueId('other') }]);
    await repo.apply({ kind: 'delete', annotation: discarded });
    // a tombstone as versions before the fix wrote it
    await db.tombstones.put({ id: 'legacy', documentId: queue, annotator: 'Ana', deletedAt: '2026-01-01T00:00:00Z' });
    const elsewhere = at('other', 0, 3);
    await repo.apply({ kind: 'create', annotation: elsewhere });
    await repo.apply({ kind: 'delete', annotation: elsewhere });

    const store = new LibraryStore(db);
    await store.trash(['a']);
    await store.purge(['a']);
    expect(await db.annotations.where('documentId').equals(queue).count()).toBe(0);
    expect((await db.annotations.toArray()).map((a) => a.documentId)).toEqual([orphanQueueId('other')]);
    expect((await db.tombstones.toArray()).map((t) => t.id)).toEqual([elsewhere.id]);
  });
});
