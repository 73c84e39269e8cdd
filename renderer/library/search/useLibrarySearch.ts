/**
 * Search as you type. Titles are matched at once on the main thread (a folded substring test per title: no index to
 * wait for); texts through the worker's index, whose answer arrives a moment later and widens the results.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DATABASE_NAME } from '../../db/database.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { fold, queryWords, titleMatches } from './textIndex.ts';

/** Words shorter than this are matched in titles only. */
const MIN_TEXT_WORD = 3;
const START_DELAY_MS = 300;

export interface SearchState {
  /** Null when there is no query: everything matches. */
  matches: ((id: string, title: string) => boolean) | null;
  /** How far the text index is built, for the hint beside the box. */
  progress: { indexed: number; total: number } | null;
  /** True until the text index is complete: until then text results may be missing. */
  indexing: boolean;
  /** True while the worker's answer to the current query is outstanding. */
  pending: boolean;
  /** Tells the worker the library changed (ids whose title or text changed, if known). */
  sync(changed?: string[]): void;
}

/** `enabled`: the library has loaded (the index is built after that). */
export function useLibrarySearch(query: string, enabled: boolean, dbName = DATABASE_NAME): SearchState {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const [progress, setProgress] = useState<SearchState['progress']>(null);
  const [textHits, setTextHits] = useState<{ query: string; ids: Set<string> } | null>(null);

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
        else if (m.type === 'result' && m.seq === seq.current) setTextHits({ query: m.query, ids: new Set(m.ids) });
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
  const key = words.join(' ');
  // one or two letters match most of any library by prefix: those are searched in titles only
  const textKey = words.some((w) => w.length >= MIN_TEXT_WORD) ? key : '';

  // ask the worker for every new query, and again as the index grows (the earlier answer came from part of it)
  useEffect(() => {
    if (!textKey || !worker.current) return;
    seq.current += 1;
    worker.current.postMessage({ type: 'query', seq: seq.current, query: textKey } satisfies ToWorker);
  }, [textKey, progress?.indexed]);

  // folded titles are computed once per title string and kept (typing must not fold 100,000 titles per key)
  const folded = useRef(new Map<string, string>());
  const matches = useMemo(() => {
    if (!words.length) return null;
    const hits = textKey && textHits?.query === textKey ? textHits.ids : null;
    const cache = folded.current;
    return (id: string, title: string) => {
      if (hits?.has(id)) return true;
      let f = cache.get(title);
      if (f === undefined) cache.set(title, (f = fold(title)));
      return titleMatches(f, words);
    };
  }, [words, textKey, textHits]);

  const sync = useCallback((changed?: string[]) => worker.current?.postMessage({ type: 'sync', changed } satisfies ToWorker), []);

  return { matches, progress, indexing: !progress || progress.indexed < progress.total, pending: !!textKey && !!worker.current && textHits?.query !== textKey, sync };
}
