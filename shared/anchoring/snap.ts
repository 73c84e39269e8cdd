/**
 * Turns a raw selection into the span an analyst meant: boundaries snap outward to whole words (and never split a
 * grapheme cluster such as an emoji ZWJ sequence or a letter with combining marks), then surrounding whitespace is
 * trimmed. Returns null when nothing but whitespace was selected.
 */
export interface Span {
  start: number;
  end: number;
}

const WINDOW = 256;

export function snapToWords(text: string, start: number, end: number): Span | null {
  if (start > end) [start, end] = [end, start];
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(0, Math.min(end, text.length));
  if (start === end) return null;
  // trim first so that a selection starting in whitespace does not snap back to the previous word
  let s = trimStart(text, start, end);
  let e = trimEnd(text, s, end);
  if (s >= e) return null;
  s = segmentStartAt(text, s);
  e = segmentEndAt(text, e);
  return { start: s, end: e };
}

function isSpace(ch: string): boolean {
  return /\s/u.test(ch);
}

function trimStart(text: string, start: number, end: number): number {
  while (start < end && isSpace(text[start]!)) start++;
  return start;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text[end - 1]!)) end--;
  return end;
}

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * Word segments of a window of the text around [start, end] (WINDOW either side) whose edges are stretched to
 * whitespace, so segmentation is exact; `offset` is where the window starts in the text.
 */
export function segmentWindow(text: string, start: number, end = start): { offset: number; segments: Intl.Segments } {
  let from = Math.max(0, start - WINDOW);
  while (from > 0 && !isSpace(text[from - 1]!)) from--;
  let to = Math.min(text.length, end + WINDOW);
  while (to < text.length && !isSpace(text[to]!)) to++;
  return { offset: from, segments: wordSegmenter.segment(text.slice(from, to)) };
}

/** Start of the word (or other segment) containing the character at `pos`. */
function segmentStartAt(text: string, pos: number): number {
  const { offset, segments } = segmentWindow(text, pos);
  const seg = segments.containing(pos - offset);
  return seg ? offset + seg.index : pos;
}

/** End of the word (or other segment) containing the character just before `pos`. */
function segmentEndAt(text: string, pos: number): number {
  const { offset, segments } = segmentWindow(text, pos - 1);
  const seg = segments.containing(pos - 1 - offset);
  return seg ? offset + seg.index + seg.segment.length : pos;
}
