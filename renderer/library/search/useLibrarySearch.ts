/**
 * Search as you type. Titles are matched at once on the main thread (a folded substring test per title: no index to
 * wait for); texts through the worker's index, whose answer arrives a moment later and widens the results.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DATABASE_NAME } from '../../db/database.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { fold, queryWords, titleMatches } from './textIndex.ts';

/** Words shorter than this are matched in titles only. */
const MIN_TEXT_WORD = 3;
const START_DELAY_MS = 300;
/**
 * Text matches sent back per key, best first. Titles are matched on the main thread in full; the text index's answer
 * adds at most this many rows (and says how many matched in all), so a short word over 100,000 articles costs a
 * few hundred ids per key, not tens of thousands.
 */
export const TEXT_RESULTS_LIMIT = 500;

export interface SearchState {
  /** Null when there is no query: everything matches. */
  matches: ((id: string, title: string) => boolean) | null;
  /** How far the text index is built, for the hint beside the box. */
  progress: { indexed: number; total: number } | null;
  /** True until the text index is complete: until then text results may be missing. */
  indexing: boolean;
  /** True while the worker's answer to the current query is outstanding. */
  pending: boolean;
  /** Articles whose text matches the current query, when more than TEXT_RESULTS_LIMIT (only the best are shown). */
  textTotal: number | null;
  /** Tells the worker the library changed (ids whose title or text changed, if known). */
  sync(changed?: string[]): void;
}

/** `enabled`: the library has loaded (the index is built after that). */
export function useLibrarySearch(query: string, enabled: boolean, dbName = DATABASE_NAME): SearchState {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const [progress, setProgress] = useState<SearchState['progress']>(null);
  const [textHits, setTextHits] = useState<{ query: string; ids: Set<string>; total: number } | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let w: Worker | undefined;
    // started once the library is on screen: building the index must not compete with opening it
    const timer = setTimeout(() => {
      try {
        w = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'library-search' });
      } catch {
        return; // no workers (should not happen in Chromium/Electron): titles are still searched
      }
      worker.current = w;
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        if (m.type === 'progress') setProgress({ indexed: m.indexed, total: m.total });
        // an answer to an older key is dropped (the worker also skips keys typed while it was busy)
        else if (m.type === 'result' && m.seq === seq.current) setTextHits({ query: m.query, ids: new Set(m.ids), total: m.total });
        else if (m.type === 'error') console.warn('Search index:', m.message);
      };
      w.postMessage({ type: 'init', dbName } satisfies ToWorker);
    }, START_DELAY_MS);
    return () => {
      clearTimeout(timer);
      w?.terminate();
      worker.current = null;
    };
  }, [dbName, enabled]);

  const words = useMemo(() => queryWords(query), [query]);
  // one or two letters match most of any library by prefix: those are searched in titles only. That holds for the
  // word being typed too ("kalibr m" asks the index for "kalibr": a prefix "m" expands to thousands of terms, a
  // third of a second per key at 10,000 articles); earlier words are whole words, cheap at any length.
  const textWords = words.filter((w, i) => i < words.length - 1 || w.length >= MIN_TEXT_WORD);
  const textKey = textWords.some((w) => w.length >= MIN_TEXT_WORD) ? textWords.join(' ') : '';

  // ask the worker for every new query, and again as the index grows (the earlier answer came from part of it);
  // a layout effect, so the question leaves before this key's frame is painted rather than a frame later
  useLayoutEffect(() => {
    if (!textKey || !worker.current) return;
    seq.current += 1;
    worker.current.postMessage({ type: 'query', seq: seq.current, query: textKey, limit: TEXT_RESULTS_LIMIT } satisfies ToWorker);
  }, [textKey, progress?.indexed]);

  // folded titles are computed once per title string and kept (typing must not fold 100,000 titles per key)
  const folded = useRef(new Map<string, string>());
  const matches = useMemo(() => {
    if (!words.length) return null;
    // While the answer for this key is coming, the previous answer stays if this query only narrows it (a letter
    // added): those rows are a superset, so the table does not flicker to titles only and back. The worker's answer
    // then trims them. A different query starts from title matches alone.
    const hits = textKey && textHits && (textHits.query === textKey || narrows(textKey, textHits.query)) ? textHits.ids : null;
    const cache = folded.current;
    return (id: string, title: string) => {
      if (hits?.has(id)) return true;
      let f = cache.get(title);
      if (f === undefined) cache.set(title, (f = fold(title)));
      return titleMatches(f, words);
    };
  }, [words, textKey, textHits]);

  const sync = useCallback((changed?: string[]) => worker.current?.postMessage({ type: 'sync', changed } satisfies ToWorker), []);

  const current = textKey && textHits?.query === textKey ? textHits : null;
  return {
    matches,
    progress,
    indexing: !progress || progress.indexed < progress.total,
    pending: !!textKey && !!worker.current && textHits?.query !== textKey,
    textTotal: current && current.total > current.ids.size ? current.total : null,
    sync,
  };
}

/**
 * True when every document matching `next` also matches `previous`: the same words with the last one longer
 * (or words added). Matching is AND over words with the last as a prefix, so a longer last word or an extra word
 * can only narrow.
 */
export function narrows(next: string, previous: string): boolean {
  if (!previous || next === previous) return next === previous;
  const a = previous.split(' ');
  const b = next.split(' ');
  if (b.length < a.length) return false;
  for (let i = 0; i < a.length - 1; i++) if (a[i] !== b[i]) return false;
  return b[a.length - 1]!.startsWith(a[a.length - 1]!);
}
