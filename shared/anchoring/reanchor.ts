import search from 'approx-string-match';
import { occurrences, type Occurrence } from './locate.ts';
import { snapToWords } from './snap.ts';

/**
 * Re-anchoring: finding where an annotation belongs in a new version of its text, as Hypothesis does. In order:
 * the recorded position (the quote is still there), the exact quote told apart by its prefix and suffix, then a
 * fuzzy match of quote and context (Myers' bit-parallel edit distance, the npm package approx-string-match) with a
 * confidence threshold. Ambiguous or weak matches give null: nothing is ever silently attached to the wrong text.
 * All offsets are UTF-16 code units.
 */
export interface QuoteSelectorInput {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

export interface Reanchored {
  start: number;
  end: number;
  method: 'position' | 'context' | 'fuzzy';
  /** 0–1; at least the threshold. 1 = the quote and its context are where they were. */
  confidence: number;
}

export interface ReanchorOptions {
  /** Minimum confidence (0–1) to accept a match; default DEFAULT_THRESHOLD. */
  threshold?: number;
}

export const DEFAULT_THRESHOLD = 0.75;

/** Hypothesis' weights (match-quote.js): the quote counts most, then its context, then nearness to the old place. */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const WEIGHT_SUM = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;
/** A second fuzzy candidate this close to the best one makes the match ambiguous. */
const AMBIGUITY_MARGIN = 0.05;

export function reanchor(text: string, selector: QuoteSelectorInput, options: ReanchorOptions = {}): Reanchored | null {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!selector.quote) return null;
  const exact = occurrences(text, { exact: selector.quote, prefix: selector.prefix, suffix: selector.suffix });
  const found = exact.length > 0 ? exactMatch(exact, selector) : fuzzyMatch(text, selector);
  return found && found.confidence >= threshold ? found : null;
}

/** Among exact occurrences: the recorded position if its context is as good as any, else the one context singles out. */
function exactMatch(exact: Occurrence[], selector: QuoteSelectorInput): Reanchored | null {
  const contextLength = selector.prefix.length + selector.suffix.length;
  const share = (o: Occurrence) => (contextLength === 0 ? 1 : o.context / contextLength);
  const bestContext = Math.max(...exact.map((o) => o.context));
  const best = exact.filter((o) => o.context === bestContext);
  // a quote that occurs once is safe to follow even with new context; among several, context must do the choosing
  const confidence = (o: Occurrence) => (exact.length === 1 ? 0.8 + 0.2 * share(o) : 0.5 + 0.5 * share(o));

  const atPosition = best.find((o) => o.start === selector.start && o.end === selector.end);
  if (atPosition) return { start: atPosition.start, end: atPosition.end, method: 'position', confidence: exact.length === 1 ? 1 : confidence(atPosition) };
  if (best.length > 1) return null; // equally good occurrences: ambiguous, never guessed
  const only = best[0]!;
  return { start: only.start, end: only.end, method: 'context', confidence: confidence(only) };
}

/** Approximate matches of the quote, each scored by quote, prefix and suffix similarity and nearness. */
function fuzzyMatch(text: string, selector: QuoteSelectorInput): Reanchored | null {
  const { quote } = selector;
  const maxErrors = Math.min(256, Math.floor(quote.length / 2));
  if (maxErrors === 0) return null;
  const scored = search(text, quote, maxErrors).map((m) => ({ ...m, score: score(text, selector, m.start, m.end, m.errors) }));
  if (scored.length === 0) return null;
  scored.sort((a, b) => b.score - a.score);
  const top = refineStart(text, selector, scored[0]!, maxErrors);
  // the search reports overlapping variants of one place; only a match elsewhere can make it ambiguous
  const rival = scored.find((c) => (c.end <= top.start || c.start >= top.end) && c.score >= top.score - AMBIGUITY_MARGIN);
  if (rival) return null;
  // annotations are word-snapped when made: an edited word keeps its whole new form
  const span = snapToWords(text, top.start, top.end) ?? top;
  return { start: span.start, end: span.end, method: 'fuzzy', confidence: top.score };
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  score: number;
}

function score(text: string, selector: QuoteSelectorInput, start: number, end: number, errors: number): number {
  const { quote, prefix, suffix } = selector;
  const quoteScore = 1 - errors / quote.length;
  const prefixScore = similarity(text.slice(Math.max(0, start - prefix.length), start), prefix);
  const suffixScore = similarity(text.slice(end, end + suffix.length), suffix);
  const positionScore = 1 - Math.abs(start - selector.start) / Math.max(1, text.length);
  return (WEIGHT.quote * quoteScore + WEIGHT.prefix * prefixScore + WEIGHT.suffix * suffixScore + WEIGHT.position * positionScore) / WEIGHT_SUM;
}

/**
 * The search gives one start per end, the cheapest: with a word inserted at the front of the quote it aligns
 * "Moscow denied …" to "firmly denied …" (six substitutions) rather than "Moscow firmly denied …" (seven
 * insertions). Nearby starts that cost a little more are tried too, and quote and context together decide.
 */
function refineStart(text: string, selector: QuoteSelectorInput, c: Candidate, maxErrors: number): Candidate {
  if (c.errors === 0 || selector.quote.length > 2000) return c;
  const limit = Math.min(maxErrors, 2 * c.errors + 1, 64);
  let best = c;
  for (let start = Math.max(0, c.start - limit); start <= Math.min(c.end - 1, c.start + c.errors); start++) {
    if (start === c.start) continue;
    const errors = editDistance(selector.quote, text.slice(start, c.end), limit);
    if (errors > limit) continue;
    const s = score(text, selector, start, c.end, errors);
    if (s > best.score) best = { start, end: c.end, errors, score: s };
  }
  return best;
}

/** Levenshtein distance, or limit + 1 as soon as it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** 1 − (edit distance of the best match of `pattern` within `s`) / pattern length; an empty pattern is 1. */
function similarity(s: string, pattern: string): number {
  if (!pattern) return 1;
  if (!s) return 0;
  const matches = search(s, pattern, pattern.length);
  const errors = matches.length ? Math.min(...matches.map((m) => m.errors)) : pattern.length;
  return 1 - errors / pattern.length;
}
