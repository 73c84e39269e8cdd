/**
 * The token unit of token-level agreement: Intl.Segmenter word segments (Unicode UAX #29 word boundaries, ICU's
 * dictionaries for CJK and Thai) that are word-like — letters, numbers, ideographs; punctuation, spaces and emoji are
 * not tokens. Offsets are UTF-16 code units into the text, like the data model's.
 */
export interface Token {
  start: number;
  end: number;
}

export interface TokenBounds {
  starts: Int32Array;
  ends: Int32Array;
}

// Root locale: the same tokens whatever the machine's language.
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

// Word_Break classes of the characters the fast path knows (UAX #29 as ICU implements it); 0 = not known.
const OTHER = 1;
const LETTER = 2; // ALetter
const DIGIT = 3; // Numeric
const CONNECTOR = 4; // ExtendNumLet: '_'
const MID_LETTER = 5; // ':'
const MID_NUM_LET = 6; // '.', apostrophes (Single_Quote behaves the same without Hebrew letters)
const MID_NUM = 7; // ',', ';'
const classes = new Uint8Array(0x2030);
for (let c = 0x20; c < 0x7f; c++) classes[c] = OTHER;
classes[0x09] = OTHER;
for (let c = 0x41; c <= 0x5a; c++) classes[c] = classes[c + 0x20] = LETTER;
for (let c = 0x30; c <= 0x39; c++) classes[c] = DIGIT;
for (let c = 0xc0; c <= 0x17f; c++) if (c !== 0xd7 && c !== 0xf7) classes[c] = LETTER; // Latin-1 and Latin Extended-A letters
for (let c = 0x400; c <= 0x4ff; c++) if (c < 0x482 || c > 0x489) classes[c] = LETTER; // Cyrillic, without its sign and combining marks
classes[0x5f] = CONNECTOR;
classes[0x3a] = MID_LETTER;
for (const c of [0x2e, 0x27, 0x2018, 0x2019]) classes[c] = MID_NUM_LET;
classes[0x2c] = classes[0x3b] = MID_NUM;
for (const c of [0xa0, 0x2013, 0x2014, 0x201c, 0x201d, 0x2026]) classes[c] = OTHER; // no-break space, dashes, quotes, ellipsis

/**
 * Word-like segments of a line made only of the characters in `classes`, by UAX #29 rules WB5–WB13b (no extend,
 * format, ZWJ, Hebrew or Katakana characters can occur, so the other rules never apply). Segmenting costs about
 * 3 µs a token in V8; this is some 20 times faster. The test suite checks it against Intl.Segmenter on random
 * strings over every character it knows. Returns false, having added nothing, when the line has another character.
 */
function simpleLine(text: string, from: number, to: number, starts: number[], ends: number[]): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2030 || classes[c] === 0) return false;
  }
  const cls = (i: number) => classes[text.charCodeAt(i)]!;
  let i = from;
  while (i < to) {
    const first = cls(i);
    if (first !== LETTER && first !== DIGIT && first !== CONNECTOR) {
      i++;
      continue;
    }
    let wordLike = first !== CONNECTOR;
    let prev = first;
    let j = i + 1;
    while (j < to) {
      const cur = cls(j);
      if (cur === LETTER || cur === DIGIT || cur === CONNECTOR) {
        // WB5, WB8–WB10, WB13a, WB13b: letters, digits and connectors always join.
        if (cur !== CONNECTOR) wordLike = true;
        prev = cur;
        j++;
        continue;
      }
      const next = j + 1 < to ? cls(j + 1) : OTHER;
      const letters = prev === LETTER && next === LETTER && (cur === MID_LETTER || cur === MID_NUM_LET); // WB6, WB7
      const digits = prev === DIGIT && next === DIGIT && (cur === MID_NUM || cur === MID_NUM_LET); // WB11, WB12
      if (!letters && !digits) break;
      prev = next;
      j += 2;
    }
    // ICU tags a run of connectors word-like only when a rule joined it (two or more).
    if (wordLike || j - i > 1) {
      starts.push(i);
      ends.push(j);
    }
    i = j;
  }
  return true;
}

/**
 * Token starts and ends (what the report uses). Lines are segmented one at a time: a line feed is always a word
 * boundary (UAX #29 WB3a/WB3b), so the result is the same as segmenting the whole text, and V8's segmenter, which
 * slows down more than linearly on long strings, stays fast. Lines of plain Latin or Cyrillic text take the fast path above.
 */
export function tokenBounds(text: string): TokenBounds {
  const starts: number[] = [];
  const ends: number[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd > lineStart && !simpleLine(text, lineStart, lineEnd, starts, ends)) {
      segmentLine(text, lineStart, lineEnd, starts, ends);
    }
    lineStart = lineEnd + 1;
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Word-like segments of text[from, to) by Intl.Segmenter. */
export function segmentLine(text: string, from: number, to: number, starts: number[], ends: number[]): void {
  for (const s of segmenter.segment(text.slice(from, to))) {
    if (!s.isWordLike) continue;
    starts.push(from + s.index);
    ends.push(from + s.index + s.segment.length);
  }
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
