/**
 * The token unit of token-level agreement: Intl.Segmenter word segments (Unicode UAX #29 word boundaries, ICU's
 * dictionaries for CJK and Thai) that are word-like — letters, numbers, ideographs; punctuation, spaces and emoji are
 * not tokens. Offsets are UTF-16 code units into the text, like the data model's.
 */
import { wordSegments } from '../text/wordSegments.ts';

export interface Token {
  start: number;
  end: number;
}

export interface TokenBounds {
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * Token starts and ends (what the report uses). Lines are segmented one at a time: a line feed is always a word
 * boundary (UAX #29 WB3a/WB3b), so the result is the same as segmenting the whole text, and V8's segmenter, which
 * slows down more than linearly on long strings, stays fast (shared/text/wordSegments.ts has a fast path for plain
 * Latin and Cyrillic lines).
 */
export function tokenBounds(text: string): TokenBounds {
  const starts: number[] = [];
  const ends: number[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    wordSegments(text, lineStart, lineEnd, (start, end, wordLike) => {
      if (wordLike) {
        starts.push(start);
        ends.push(end);
      }
    });
    lineStart = lineEnd + 1;
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The word-like tokens of a text in order, as UTF-16 offsets. */
export function tokenize(text: string): Token[] {
  const { starts, ends } = tokenBounds(text);
  return Array.from(starts, (start, i) => ({ start, end: ends[i]! }));
}

/**
 * Segmentation is most of a report's cost (about 3 µs a token in V8), and document text never changes after import,
 * so recent results are kept, keyed by the text itself, up to CACHE_TOKENS tokens (least recently used dropped).
 * Callers must not modify the arrays returned.
 */
const CACHE_TOKENS = 4_000_000;
const cache = new Map<string, TokenBounds>();
let cachedTokens = 0;

export function cachedTokenBounds(text: string): TokenBounds {
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const bounds = tokenBounds(text);
  if (bounds.starts.length > CACHE_TOKENS) return bounds;
  cache.set(text, bounds);
  cachedTokens += bounds.starts.length;
  for (const [key, value] of cache) {
    if (cachedTokens <= CACHE_TOKENS) break;
    cache.delete(key);
    cachedTokens -= value.starts.length;
  }
  return bounds;
}
