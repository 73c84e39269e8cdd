import type { Span } from './snap.ts';

/**
 * Moving one edge of an annotation by a whole word, for the [ and ] keys: growing takes in the next word outside
 * the span (with the spaces and punctuation before it), shrinking gives up the word at that edge. Words are
 * Intl.Segmenter word-like segments, so emoji, CJK and combining marks behave as in snapToWords.
 */
export type Edge = 'start' | 'end';
export type Change = 'grow' | 'shrink';

const WINDOW = 256;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The new span, or null when there is no word to take in (edge of the text) or the span is down to one word. */
export function resizeByWord(text: string, span: Span, edge: Edge, change: Change): Span | null {
  const words = wordsAround(text, span);
  if (change === 'grow') {
    if (edge === 'start') {
      const before = words.filter((w) => w.end <= span.start).at(-1);
      return before ? { start: before.start, end: span.end } : null;
    }
    const after = words.find((w) => w.start >= span.end);
    return after ? { start: span.start, end: after.end } : null;
  }
  const inside = words.filter((w) => w.start >= span.start && w.end <= span.end);
  if (inside.length < 2) return null;
  return edge === 'start' ? { start: inside[1]!.start, end: span.end } : { start: span.start, end: inside.at(-2)!.end };
}

/** Word-like segments of the span and a window either side, cut at whitespace so segmentation is exact. */
function wordsAround(text: string, span: Span): Span[] {
  let from = Math.max(0, span.start - WINDOW);
  while (from > 0 && !/\s/u.test(text[from - 1]!)) from--;
  let to = Math.min(text.length, span.end + WINDOW);
  while (to < text.length && !/\s/u.test(text[to]!)) to++;
  const words: Span[] = [];
  for (const s of segmenter.segment(text.slice(from, to))) {
    if (s.isWordLike || /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(s.segment)) {
      words.push({ start: from + s.index, end: from + s.index + s.segment.length });
    }
  }
  return words;
}
