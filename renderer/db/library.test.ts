import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAnnotation } from '../../shared/annotation.ts';
import { orphanQueueId } from '../../shared/anchoring/orphans.ts';
import type { FmDocument } from '../../shared/model.ts';
import { FactmarkDatabase } from './database.ts';
import { firstDocuments, LibraryStore } from './library.ts';
import { Repository } from './repository.ts';

let db: FactmarkDatabase;
let repo: Repository;
let store: LibraryStore;
let n = 0;

const doc = (id: string, text: string): FmDocument => ({
  id, title: `Title ${id}`, text, contentHash: `hash-${id}`, source: { kind: 'paste' }, createdAt: `2026-01-01T00:00:0${id.length}Z`,
});
const tag = (documentId: string, text: string) => makeAnnotation(text, { documentId, annotator: 'Ana', label: 'claim', start: 0, end: 3 }, '2026-01-02T00:00:00Z');

beforeEach(async () => {
  db = new FactmarkDatabase(`library-test-${++n}`);
  repo = new Repository(db);
  store = new LibraryStore(db);
  await repo.addDocuments([doc('a', 'one two'), doc('bb', 'three four')]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('LibraryStore', () => {
  it('sets status and stamps updatedAt', async () => {
    await store.setStatus(['a'], 'done');
    const [a, b] = await repo.listDocuments();
    expect(a!.status).toBe('done');
    expect(a!.updatedAt).toBeTruthy();
    expect(b!.status).toBeUndefined();
  });

  it('edits metadata, removes emptied fields, and refuses a bad URL or date without changing anything', async () => {
    await store.updateMetadata('a', { title: ' New title ', outlet: 'Reuters', url: 'https://example.org/a', published: '2024-03-05', notes: 'check the date' });
    let a = (await repo.getDocument('a'))!;
    expect(a).toMatchObject({ title: 'New title', notes: 'check the date', source: { kind: 'paste', outlet: 'Reuters', url: 'https://example.org/a', published: '2024-03-05' } });
    await store.updateMetadata('a', { title: 'New title', outlet: '', url: '', published: '', notes: '' });
    a = (await repo.getDocument('a'))!;
    expect(a.source).toEqual({ kind: 'paste' });
    expect(a.notes).toBeUndefined();
    await expect(store.updateMetadata('a', { title: 'x', outlet: '', url: 'javascript:alert(1)', published: '', notes: '' })).rejects.toThrow('http');
    await expect(store.updateMetadata('a', { title: 'x', outlet: '', url: '', published: '5 March', notes: '' })).rejects.toThrow('YYYY-MM-DD');
    await store.updateMetadata('a', { title: 'New title', outlet: '', url: '', published: '2023', notes: '' });
    await store.updateMetadata('a', { title: 'New title', outlet: '', url: '', published: '2023-03-31T10:00:00Z', notes: '' });
    await expect(store.updateMetadata('a', { title: '  ', outlet: '', url: '', published: '', notes: '' })).rejects.toThrow('title');
    expect((await repo.getDocument('a'))!.title).toBe('New title');
  });

  it('puts articles in collections once, lists them, and takes them out', async () => {
    await store.addToCollection(['a', 'bb'], 'Caspian ports');
    await store.addToCollection(['a'], 'Caspian ports');
    await store.addToCollection(['a'], 'Drones');
    expect(await store.listCollections()).toEqual(['Caspian ports', 'Drones']);
    expect((await repo.getDocument('a'))!.collections).toEqual(['Caspian ports', 'Drones']);
    await store.removeFromCollection(['a'], 'Caspian ports');
    expect((await repo.getDocument('a'))!.collections).toEqual(['Drones']);
    await expect(store.addToCollection(['a'], ' ')).rejects.toThrow('name');
  });

  it('trash hides an article with its annotations; restore brings both back; delete forever removes everything', async () => {
    await repo.apply({ kind: 'create', annotation: tag('a', 'one two') });
    const deleted = tag('a', 'one two');
    await repo.apply({ kind: 'create', annotation: deleted });
    await repo.apply({ kind: 'delete', annotation: deleted });
    await db.annotations.add({ ...tag('a', 'one two'), documentId: orphanQueueId('a') });

    await store.trash(['a']);
    expect((await repo.listDocuments()).map((d) => d.id)).toEqual(['bb']);
    expect((await store.listTrash()).map((d) => [d.id, d.counts.claim])).toEqual([['a', 1]]);
    expect((await repo.datasetFor()).documents.map((d) => d.id)).toEqual(['bb']);

    await store.restore(['a']);
    expect((await repo.listDocuments()).map((d) => [d.id, d.counts.claim])).toEqual([['a', 1], ['bb', 0]]);
    await expect(store.purge(['a'])).rejects.toThrow('trash');

    await store.trash(['a']);
    await store.purge(['a']);
    expect(await db.documents.get('a')).toBeUndefined();
    expect(await db.texts.get('a')).toBeUndefined();
    expect(await db.annotations.count()).toBe(0);
    expect(await db.tombstones.count()).toBe(0);
    expect(await store.listTrash()).toEqual([]);
  });

  it('a change to an annotation stamps its article updatedAt (the Updated column)', async () => {
    expect((await repo.getDocument('a'))!.updatedAt).toBeUndefined();
    await repo.apply({ kind: 'create', annotation: tag('a', 'one two') });
    const first = (await repo.getDocument('a'))!.updatedAt!;
    expect(first).toBeTruthy();
    expect((await repo.getDocument('bb'))!.updatedAt).toBeUndefined();
  });

  it('feeds the search index page by page, and by id', async () => {
    const first = await store.searchRecords(null, 1);
    const rest = await store.searchRecords(first[0]!.id, 10);
    expect([...first, ...rest].map((r) => [r.id, r.text])).toEqual([['a', 'one two'], ['bb', 'three four']]);
    expect(await store.searchRecordsFor(['bb', 'missing'])).toEqual([{ id: 'bb', title: 'Title bb', text: 'three four' }]);
  });

  it('counts every article, and the first rows agree with the whole list', async () => {
    const docs = Array.from({ length: 30 }, (_, i) => ({ ...doc(`d${String(i).padStart(2, '0')}`, 'abc def'), contentHash: `h${i}`, createdAt: `2026-02-01T00:00:${String(i).padStart(2, '0')}Z` }));
    await repo.addDocuments(docs);
    const tags = docs.flatMap((d, i) => Array.from({ length: i % 4 }, () => tag(d.id, 'abc def')));
    for (const a of tags) await repo.apply({ kind: 'create', annotation: a });
    await store.trash(['bb']);
    const all = await repo.listDocuments();
    expect(all).toHaveLength(31);
    for (const [i, d] of docs.entries()) expect(all.find((s) => s.id === d.id)!.counts.claim ?? 0).toBe(i % 4);
    const first = await firstDocuments(db, 5);
    expect(first.total).toBe(31);
    expect(first.docs.map((d) => [d.id, d.counts.claim ?? 0])).toEqual(all.slice(0, 5).map((d) => [d.id, d.counts.claim ?? 0]));
  });

  it('renames a collection (a taken name is refused) and deletes one, keeping its articles', async () => {
    await store.addToCollection(['a', 'bb'], 'Black Sea');
    await store.addToCollection(['bb'], 'Crimea');
    await expect(store.renameCollection('Black Sea', 'Crimea')).rejects.toThrow('A collection named “Crimea” already exists.');
    expect(await store.renameCollection('Black Sea', ' Fleet ')).toEqual(['a', 'bb']);
    expect(await store.listCollections()).toEqual(['Crimea', 'Fleet']);
    expect((await repo.listDocuments()).map((d) => d.collections)).toEqual([['Fleet'], ['Fleet', 'Crimea']]);
    expect(await store.deleteCollection('Fleet')).toEqual(['a', 'bb']);
    expect(await store.listCollections()).toEqual(['Crimea']);
    const [a, b] = await repo.listDocuments();
    expect(a!.collections).toBeUndefined();
    expect(b!.collections).toEqual(['Crimea']);
  });
});
