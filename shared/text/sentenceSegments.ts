/**
 * Sentence segments (Unicode UAX #29 sentence boundaries, as ICU implements them) of one line, with a fast path like
 * wordSegments.ts's: V8's Intl.Segmenter costs about as much per sentence as JSON.stringify of its text many times
 * over; lines of plain Latin or Cyrillic text are segmented here with exactly the same result (checked against
 * Intl.Segmenter on random strings in sentenceSegments.test.ts), and everything else goes to Intl.Segmenter with
 * the root locale.
 */

const segmenter = new Intl.Segmenter('und', { granularity: 'sentence' });

// Sentence_Break classes of the characters the fast path knows; 0 = not known (Intl.Segmenter decides).
const OTHER = 1;
const SP = 2;
const LOWER = 3;
const UPPER = 4;
const NUMERIC = 5;
const ATERM = 6; // '.'
const STERM = 7; // '!', '?'
const CLOSE = 8; // quotes, guillemets and brackets
const SCONTINUE = 9; // ',', '-', ':', dashes
const classes = new Uint8Array(0x20ad);
for (let c = 0x21; c < 0x7f; c++) classes[c] = OTHER;
for (const c of [0x09, 0x20, 0xa0]) classes[c] = SP;
for (let c = 0x30; c <= 0x39; c++) classes[c] = NUMERIC;
const letters: number[] = [];
for (let c = 0x41; c <= 0x5a; c++) letters.push(c, c + 0x20);
for (let c = 0xc0; c <= 0x17f; c++) if (c !== 0xd7 && c !== 0xf7) letters.push(c); // Latin-1 and Latin Extended-A letters
for (let c = 0x400; c <= 0x4ff; c++) if (c < 0x482 || c > 0x489) letters.push(c); // Cyrillic, without its sign and combining marks
// every one of these letters has a case (Lowercase or Uppercase), so none is OLetter
for (const c of letters) classes[c] = /\p{Lowercase}/u.test(String.fromCharCode(c)) ? LOWER : UPPER;
classes[0x2e] = ATERM;
classes[0x21] = classes[0x3f] = STERM;
for (const c of [0x22, 0x27, 0x28, 0x29, 0x5b, 0x5d, 0x7b, 0x7d, 0xab, 0xbb, 0x2018, 0x2019, 0x201c, 0x201d]) classes[c] = CLOSE;
for (const c of [0x2c, 0x2d, 0x3a, 0x2013, 0x2014]) classes[c] = SCONTINUE;
for (const c of [0xa9, 0xae, 0xb0, 0xa3, 0x20ac, 0x2026]) classes[c] = OTHER; // ©, ®, °, £, €, ellipsis
// ';' is left to Intl.Segmenter, to be safe: its class is not the same in every ICU rule set (Greek takes it for a '?')
classes[0x3b] = 0;

const cls = (text: string, i: number) => classes[text.charCodeAt(i)]!;

/** SB8: after ATerm Close* Sp*, no break when the next letter (skipping digits, punctuation, spaces) is lower case. */
function lowerFollows(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = cls(text, i);
    if (c === LOWER) return true;
    if (c === UPPER || c === ATERM || c === STERM) return false;
  }
  return false;
}

/**
 * Sentences of text[from, to) when it is made only of the characters in `classes`, by UAX #29 rules SB6–SB11 and
 * SB998 (no line breaks, extend or format characters and no OLetter occur, so the other rules never apply). Returns
 * false, having emitted nothing, when the range has another character.
 */
function fastSentences(text: string, from: number, to: number, emit: (start: number, end: number) => void): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20ad || classes[c] === 0) return false;
  }
  let start = from;
  let i = from;
  while (i < to) {
    const term = cls(text, i);
    if (term !== ATERM && term !== STERM) {
      i++;
      continue;
    }
    // SB9, SB10: a terminator keeps the closing punctuation and spaces after it
    let j = i + 1;
    while (j < to && cls(text, j) === CLOSE) j++;
    while (j < to && cls(text, j) === SP) j++;
    if (j === to) break;
    const next = cls(text, j);
    let join = next === SCONTINUE || next === ATERM || next === STERM; // SB8a
    if (!join && term === ATERM) {
      const prev = i > from ? cls(text, i - 1) : 0;
      if (j === i + 1 && next === NUMERIC) join = true; // SB6
      else if (j === i + 1 && next === UPPER && (prev === UPPER || prev === LOWER)) join = true; // SB7
      else join = lowerFollows(text, j, to); // SB8
    }
    if (!join) {
      emit(start, j); // SB11
      start = j;
    }
    i = j;
  }
  if (to > start) emit(start, to);
  return true;
}

/**
 * Every sentence segment of text[from, to), in order. The range must be a whole line (or a text without line
 * breaks): the rules look at the characters around each boundary, and a line break always ends a sentence.
 */
export function sentenceSegments(text: string, from: number, to: number, emit: (start: number, end: number) => void): void {
  if (to <= from || fastSentences(text, from, to, emit)) return;
  for (const s of segmenter.segment(text.slice(from, to))) emit(from + s.index, from + s.index + s.segment.length);
}
