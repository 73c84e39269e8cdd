import type { Span } from '../../../shared/anchoring/snap.ts';

/** Upper bound on matches listed, so a one-letter query in a book-length article stays responsive. */
export const MAX_MATCHES = 5000;

/**
 * Every occurrence of the query in the text, case-insensitive (Unicode case folding of the regex engine, so the
 * offsets are the text's own UTF-16 offsets even where lower-casing would change a string's length).
 */
export function findMatches(text: string, query: string, limit = MAX_MATCHES): Span[] {
  if (!query.trim()) return [];
  const pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
  const found: Span[] = [];
  for (const m of text.matchAll(pattern)) {
    if (found.length >= limit) break;
    found.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return found;
}

/** The match to show first: the first one at or after the offset (the caret), wrapping to the first. */
export function firstMatchFrom(matches: readonly Span[], offset: number): number {
  const i = matches.findIndex((m) => m.start >= offset);
  return matches.length === 0 ? -1 : i === -1 ? 0 : i;
}
