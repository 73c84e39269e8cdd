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
    // only the word being typed (the last) is a prefix: the words before it are complete, and prefix-matching each
    // of them again would multiply the terms looked up per key
    searchOptions: { prefix: (_term, i, terms) => i === terms.length - 1, combineWith: 'AND', boost: { title: 2 } },
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
    return this.searchTop(query, Infinity).ids;
  }

  /**
   * The `limit` best matches and how many there are in all: a short word can match most of a large library, and
   * sending (and turning into a set) tens of thousands of ids on every key press is what made typing slow.
   */
  searchTop(query: string, limit: number): { ids: string[]; total: number } {
    if (!queryWords(query).length) return { ids: [], total: 0 };
    const results = this.index.search(query);
    const ids: string[] = [];
    for (let i = 0; i < results.length && i < limit; i++) ids.push(results[i]!.id as string);
    return { ids, total: results.length };
  }
}
