/**
 * Placing an annotation made against another version of an article. Only a confident, unambiguous placement is
 * used; anything else is an orphan for the import report, never a span on the wrong text.
 */
import { locateQuote } from '../anchoring/locate.ts';
import type { Annotation } from '../model.ts';

export interface Placement {
  start: number;
  end: number;
  /** 'exact' when the recorded offsets still cover the quote; 'quote' when found again by quote and context. */
  method: 'exact' | 'quote';
}

// TODO(kbd): switch to reanchor() from shared/anchoring/reanchor.ts (fuzzy, with confidence) once it lands; until
// then an exact quote match, disambiguated by prefix and suffix, is the only placement trusted.
export function placeAnnotation(text: string, a: Pick<Annotation, 'start' | 'end' | 'quote' | 'prefix' | 'suffix'>): Placement | null {
  if (a.quote && text.slice(a.start, a.end) === a.quote) return { start: a.start, end: a.end, method: 'exact' };
  const found = locateQuote(text, { exact: a.quote, prefix: a.prefix, suffix: a.suffix }, a.start);
  return found ? { ...found, method: 'quote' } : null;
}
