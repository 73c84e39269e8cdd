/**
 * Placing an annotation made against another version of an article (reanchor: position, then quote told apart by
 * context, then fuzzy with a confidence threshold). Anything weak or ambiguous is an orphan for the import report,
 * never a span on the wrong text.
 */
import { reanchor, type Reanchored } from '../anchoring/reanchor.ts';
import type { Annotation } from '../model.ts';

export type Placement = Reanchored;

export function placeAnnotation(text: string, a: Pick<Annotation, 'start' | 'end' | 'quote' | 'prefix' | 'suffix'>): Placement | null {
  return reanchor(text, { start: a.start, end: a.end, quote: a.quote, prefix: a.prefix, suffix: a.suffix });
}
