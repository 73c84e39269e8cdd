import { segmentWindow, type Span } from './snap.ts';

/**
 * Moving one edge of an annotation by a whole word, for the [ and ] keys: growing takes in the next word outside
 * the span (with the spaces and punctuation before it), shrinking gives up the word at that edge. Words are
 * Intl.Segmenter word-like segments, so emoji, CJK and combining marks behave as in snapToWords.
 */
export type Edge = 'start' | 'end';
export type Change = 'grow' | 'shrink';

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

/** Word-like segments (and emoji) of the span and a window either side (snap.ts's window, so segmentation is exact). */
function wordsAround(text: string, span: Span): Span[] {
  const { offset, segments } = segmentWindow(text, span.start, span.end);
  const words: Span[] = [];
  for (const s of segments) {
    if (s.isWordLike || /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(s.segment)) {
      words.push({ start: offset + s.index, end: offset + s.index + s.segment.length });
    }
  }
  return words;
}
