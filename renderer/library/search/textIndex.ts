/**
 * Full-text search over the library (MiniSearch): titles and texts, prefix matching on every word so results update
 * as the analyst types. Pure: the worker (search.worker.ts) owns one of these; tests use it directly.
 */
import MiniSearch from 'minisearch';
import type { SearchRecord } from '../../db/library.ts';

/** Lower case without diacritics, so "Kyiv" finds "kyiv" and "cafe" finds "café". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a query, folded; empty words dropped. */
export function queryWords(query: string): string[] {
  return fold(query).split(/[\s\p{P}]+/u).filter(Boolean);
}

/** True when every word of the query occurs in the title (the instant, index-free title search). */
export function titleMatches(foldedTitle: string, words: readonly string[]): boolean {
  return words.every((w) => foldedTitle.includes(w));
}

export class TextIndex {
  private readonly index = new MiniSearch<SearchRecord>({
    fields: ['title', 'text'],
    storeFields: [],
    processTerm: (term) => fold(term) || null,
    searchOptions: { prefix: true, combineWith: 'AND', boost: { title: 2 } },
  });

  /** The indexed ids (MiniSearch keeps no public list of them). */
  private readonly known = new Set<string>();

  get size(): number {
    return this.known.size;
  }

  has(id: string): boolean {
    return this.known.has(id);
  }

  /** Adds records, replacing ones already indexed under the same id. */
  put(records: readonly SearchRecord[]): void {
    for (const r of records) {
      if (this.known.has(r.id)) this.index.discard(r.id);
      this.index.add(r);
      this.known.add(r.id);
    }
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      if (!this.known.delete(id)) continue;
      this.index.discard(id);
    }
  }

  ids(): string[] {
    return [...this.known];
  }

  /** Ids of the documents holding every word of the query (the last may be a prefix), best first. */
  search(query: string): string[] {
    if (!queryWords(query).length) return [];
    return this.index.search(query).map((r) => r.id as string);
  }
}
