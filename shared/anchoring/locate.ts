import type { TextQuote } from './quote.ts';
import type { Span } from './snap.ts';

/** One exact occurrence of a quote, with how many characters of its recorded context it matches. */
export interface Occurrence extends Span {
  /** Characters of the prefix (ending at the quote) plus characters of the suffix (from the quote) that agree. */
  context: number;
}

/** Every exact occurrence of the quote, in text order, scored by the recorded context around it. */
export function occurrences(text: string, quote: TextQuote): Occurrence[] {
  const found: Occurrence[] = [];
  if (!quote.exact) return found;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const end = at + quote.exact.length;
    const context =
      commonSuffix(text.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix) +
      commonPrefix(text.slice(end, end + quote.suffix.length), quote.suffix);
    found.push({ start: at, end, context });
  }
  return found;
}

/**
 * Finds a quote in a text when its recorded offsets do not fit: every exact occurrence is scored by how much of the
 * prefix and suffix it matches, then by nearness to the old position. Returns null when the exact text is absent,
 * or when two occurrences are equally good (an ambiguous match is never guessed).
 */
export function locateQuote(text: string, quote: TextQuote, hint = 0): Span | null {
  let best: { span: Span; score: number; distance: number } | null = null;
  let tie = false;
  for (const { start, end, context: score } of occurrences(text, quote)) {
    const distance = Math.abs(start - hint);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      tie = !!best && score === best.score && distance === best.distance;
      best = { span: { start, end }, score, distance };
    } else if (score === best.score && distance === best.distance) {
      tie = true;
    }
  }
  return best && !tie ? best.span : null;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}
