import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../db/repository.ts';
import { NO_FILTERS, matchesFilters, sortDocuments } from './libraryView.ts';
import { TextIndex, fold, hasBit, queryWords, titleMatches } from './search/textIndex.ts';

const summary = (id: string, over: Partial<DocumentSummary> = {}): DocumentSummary => ({
  id, title: `Article ${id}`, contentHash: id, source: { kind: 'paste' }, createdAt: '2026-01-01T00:00:00Z', counts: { claim: 0, denial: 0, unverified: 0 }, ...over,
});

describe('library view', () => {
  const docs = [
    summary('1', { title: 'Zeta', status: 'done', counts: { claim: 2, denial: 0, unverified: 0 }, source: { kind: 'sample', outlet: 'CNN' } }),
    summary('2', { title: 'alpha', collections: ['Ports'] }),
    summary('3', { title: 'Mid', status: 'in-progress', counts: { claim: 0, denial: 1, unverified: 0 } }),
  ];

  it('filters by status, source, annotations and collection', () => {
    const ids = (f: Partial<typeof NO_FILTERS>) => docs.filter((d) => matchesFilters(d, { ...NO_FILTERS, ...f })).map((d) => d.id);
    expect(ids({ status: 'todo' })).toEqual(['2']);
    expect(ids({ source: 'CNN' })).toEqual(['1']);
    expect(ids({ source: 'Pasted text' })).toEqual(['2', '3']);
    expect(ids({ annotations: 'claim' })).toEqual(['1']);
    expect(ids({ annotations: 'denial' })).toEqual(['3']);
    expect(ids({ annotations: 'none' })).toEqual(['2']);
    expect(ids({ collection: 'Ports' })).toEqual(['2']);
  });

  it('sorts by any column both ways; no sort keeps library order', () => {
    expect(sortDocuments(docs, { key: 'title', dir: 'asc' }).map((d) => d.title)).toEqual(['alpha', 'Mid', 'Zeta']);
    expect(sortDocuments(docs, { key: 'title', dir: 'desc' }).map((d) => d.title)).toEqual(['Zeta', 'Mid', 'alpha']);
    expect(sortDocuments(docs, { key: 'status', dir: 'asc' }).map((d) => d.id)).toEqual(['2', '3', '1']);
    expect(sortDocuments(docs, { key: 'claim', dir: 'desc' }).map((d) => d.id)).toEqual(['1', '2', '3']);
    expect(sortDocuments(docs, null)).toBe(docs);
  });
});

describe('search', () => {
  it('folds case and diacritics; title words match anywhere in the title', () => {
    expect(fold('Café KYIV')).toBe('cafe kyiv');
    expect(queryWords('  Kyiv, port ')).toEqual(['kyiv', 'port']);
    expect(titleMatches(fold('Drone attack on the Kaspiysk port'), queryWords('kasp PORT'))).toBe(true);
    expect(titleMatches(fold('Drone attack'), queryWords('port'))).toBe(false);
  });

  it('finds words in text by prefix, every word required; re-indexing replaces, removing forgets', () => {
    const index = new TextIndex();
    index.add([
      { id: 'a', title: 'Port report', text: 'Moscow denied the drone strike.' },
      { id: 'b', title: 'Other', text: 'Kyiv said the port was hit.' },
    ]);
    const found = (q: string) => [...index.ids()].filter((id) => hasBit(index.search(q).bits, index.ordinal(id)!)).sort();
    expect(found('den')).toEqual(['a']);
    expect(found('port')).toEqual(['a', 'b']);
    expect(found('kyiv port')).toEqual(['b']);
    expect(found('moscow kyiv')).toEqual([]);
    index.add([{ id: 'a', title: 'Port report', text: 'Nothing here.' }]);
    expect(found('denied')).toEqual([]);
    index.remove(['b']);
    expect(found('kyiv')).toEqual([]);
    expect([...index.ids()]).toEqual(['a']);
  });
});
