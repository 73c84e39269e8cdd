import { textQuoteFor } from './anchoring/quote.ts';
import type { Annotation, AnnotationDraft } from './model.ts';

export class InvalidSpanError extends Error {}

/** Builds the stored record for a draft: validates the span and derives the quote and its context. */
export function makeAnnotation(text: string, draft: AnnotationDraft, now: string, id: string = crypto.randomUUID()): Annotation {
  const { start, end } = draft;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new InvalidSpanError(`The span ${start}–${end} is not inside the text (length ${text.length}).`);
  }
  const q = textQuoteFor(text, start, end);
  return { id, ...draft, quote: q.exact, prefix: q.prefix, suffix: q.suffix, createdAt: now, updatedAt: now };
}

/** Reading order: by start, longer spans first when two start together, then by creation. */
export function compareReadingOrder(a: Annotation, b: Annotation): number {
  return a.start - b.start || b.end - a.end || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}
