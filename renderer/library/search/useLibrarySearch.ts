/**
 * Search as you type. Titles are matched at once on the main thread (a folded substring test per title: no index to
 * wait for); texts through the worker's index, whose answer arrives a moment later and widens the results.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { QUIET_MS, whenIdle } from '../../components/lazyPart.tsx';
import { DATABASE_NAME } from '../../db/database.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import type { DocumentSummary } from '../../db/repository.ts';
import { fold, queryWords, titleMatches } from './textIndex.ts';

/** Words shorter than this are matched in titles only. */
const MIN_TEXT_WORD = 3;
/** The index starts this long after the library shows, when the page is quiet (or START_LATEST_MS after that). */
const START_DELAY_MS = 2_000;
const START_LATEST_MS = 5_000;

export interface SearchState {
  /** Null when there is no query: everything matches. */
  matches: Matcher | null;
  /** How far the text index is built, for the hint beside the box. */
  progress: { indexed: number; total: number } | null;
  /** True until the text index is complete: until then text results may be missing. */
  indexing: boolean;
  /** True while the worker's answer to the current query is outstanding. */
  pending: boolean;
  /** Tells the worker the library changed (ids whose title or text changed, if known). */
  sync(changed?: string[]): void;
  /** Looks up the worker's numbers of these rows ahead of the next key press (when idle). */
  prepare(rows: readonly DocumentSummary[]): void;
}

/** The rows of a list that match the query, in their order. */
export interface Matcher {
  select(rows: readonly DocumentSummary[]): DocumentSummary[];
}

/** `enabled`: the library has loaded (the index is opened after that). */
export function useLibrarySearch(query: string, enabled: boolean, dbName = DATABASE_NAME): SearchState {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  // the worker answers with bit sets over its document numbers: which number is which document
  const ordinals = useRef(new Map<string, number>());
  const ordinalsVersion = useRef(0);
  // the ordinal of each row of the list last searched, so a key costs one bit test per row, not a map lookup
  const aligned = useRef<{ rows: readonly DocumentSummary[]; version: number; ords: Int32Array } | null>(null);
  const ordinalsOf = useCallback((rows: readonly DocumentSummary[]): Int32Array => {
    const a = aligned.current;
    if (a && a.rows === rows && a.version === ordinalsVersion.current) return a.ords;
    const map = ordinals.current;
    const ords = Int32Array.from(rows, (d) => map.get(d.id) ?? -1);
    aligned.current = { rows, version: ordinalsVersion.current, ords };
    return ords;
  }, []);
  const [progress, setProgress] = useState<SearchState['progress']>(null);
  // the newest answer: `complete` when the worker had every title and text indexed
  const [answer, setAnswer] = useState<{ key: string; bits: Uint32Array; complete: boolean } | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let w: Worker | undefined;
    // Started a while after the library is on screen, once the page is quiet: starting the worker and opening the
    // index must not compete with opening the library, nor with an article opened right after it (with the index
    // started 300 ms after the list, the 200k-word article's first screen took 114 ms and its whole 890 ms, against
    // 88 and 802 ms with it out of the way; started at the first quiet moment, it came before that click: 133 ms).
    // Titles are matched at once meanwhile; texts from when the index is open.
    let cancelIdle = () => {};
    const timer = setTimeout(() => (cancelIdle = whenIdle(start, { minMs: QUIET_MS, timeoutMs: START_LATEST_MS })), START_DELAY_MS);
    function start() {
      try {
        w = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'library-search' });
      } catch {
        return; // no workers (should not happen in Chromium/Electron): titles are still searched
      }
      worker.current = w;
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        if (m.type === 'progress') setProgress({ indexed: m.indexed, total: m.total });
        else if (m.type === 'ids') {
          if (m.reset) ordinals.current.clear();
          m.ids.forEach((id, i) => void (id !== null && ordinals.current.set(id, m.from + i)));
          ordinalsVersion.current += 1;
        }
        // an answer to an older key is dropped (the worker also skips keys typed while it was busy)
        else if (m.type === 'result' && m.seq === seq.current) setAnswer({ key: m.key, bits: m.bits, complete: m.complete });
        else if (m.type === 'error') console.warn('Search index:', m.message);
      };
      w.postMessage({ type: 'init', dbName } satisfies ToWorker);
    }
    return () => {
      clearTimeout(timer);
      cancelIdle();
      w?.terminate();
      worker.current = null;
    };
  }, [dbName, enabled]);

  const words = useMemo(() => queryWords(query), [query]);
  // one or two letters match most of any library by prefix: those are searched in titles only. That holds for the
  // word being typed too ("kalibr m" asks the index for "kalibr"); earlier words are whole words, cheap at any length.
  const textWords = words.filter((w, i) => i < words.length - 1 || w.length >= MIN_TEXT_WORD);
  const textKey = textWords.some((w) => w.length >= MIN_TEXT_WORD) ? textWords.join(' ') : '';
  const key = words.length ? `${words.join(' ')}\n${textKey}` : '';

  // ask the worker for every new query, and again as the index grows (the earlier answer came from part of it);
  // a layout effect, so the question leaves before this key's frame is painted rather than a frame later
  useLayoutEffect(() => {
    if (!key || !worker.current) return;
    seq.current += 1;
    worker.current.postMessage({ type: 'query', seq: seq.current, key, words, text: textKey } satisfies ToWorker);
  }, [key, progress?.indexed]); // eslint-disable-line react-hooks/exhaustive-deps -- words and textKey follow key

  // The worker's answer as a matcher: one bit test per row.
  const answered = useMemo((): Matcher | null => {
    if (!answer) return null;
    const { bits } = answer;
    return {
      select(rows) {
        const ords = ordinalsOf(rows);
        const out: DocumentSummary[] = [];
        for (let i = 0; i < rows.length; i++) {
          const o = ords[i]!;
          if (o >= 0 && (bits[o >>> 5]! & (1 << (o & 31))) !== 0) out.push(rows[i]!);
        }
        return out;
      },
    };
  }, [answer, ordinalsOf]);

  // folded titles are computed once per title string and kept (typing must not fold 100,000 titles per key)
  const folded = useRef(new Map<string, string>());
  const shownMatcher = useRef<Matcher | null>(null);
  const current = answer?.key === key ? answer : null;
  const matches = useMemo((): Matcher | null => {
    let m: Matcher | null;
    if (!key) m = null;
    // The worker matched the titles and texts of the whole library: its answer is the result. A query that only
    // narrows the one answered (a letter added) keeps that superset until its own answer; any other keeps what
    // the table showed (it is busy meanwhile, for the few milliseconds the worker takes).
    else if (answer?.complete) m = keyNarrows(key, answer.key) ? answered : shownMatcher.current;
    else {
      // The index is still being built (or not open yet): titles are matched here, widened by the worker's partial
      // answer when this query narrows the one it answered.
      const widen = answer && keyNarrows(key, answer.key) ? answered : null;
      const cache = folded.current;
      const title = (t: string) => {
        let f = cache.get(t);
        if (f === undefined) cache.set(t, (f = fold(t)));
        return titleMatches(f, words);
      };
      m = {
        select(rows) {
          const hit = new Set(widen?.select(rows));
          return rows.filter((d) => hit.has(d) || title(d.title));
        },
      };
    }
    shownMatcher.current = m;
    return m;
  }, [key, words, answer, answered]);

  const sync = useCallback((changed?: string[]) => worker.current?.postMessage({ type: 'sync', changed } satisfies ToWorker), []);

  return {
    matches,
    progress,
    indexing: !progress || progress.indexed < progress.total,
    pending: !!key && !!worker.current && !current,
    sync,
    prepare: ordinalsOf,
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

/**
 * The same for whole query keys (the words for titles, a line break, the words for the text index): the title part
 * and the text part must both narrow; a text part where there was none widens (more letters reach the index).
 */
export function keyNarrows(next: string, previous: string): boolean {
  const [nextWords = '', nextText = ''] = next.split('\n');
  const [prevWords = '', prevText = ''] = previous.split('\n');
  return narrows(nextWords, prevWords) && (prevText ? narrows(nextText, prevText) : !nextText);
}
