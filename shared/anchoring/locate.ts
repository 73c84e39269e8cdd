import type { TextQuote } from './quote.ts';
import type { Span } from './snap.ts';

/**
 * Finds a quote in a text when its recorded offsets do not fit: every exact occurrence is scored by how much of the
 * prefix and suffix it matches, then by nearness to the old position. Returns null when the exact text is absent,
 * or when two occurrences are equally good (an ambiguous match is never guessed).
 */
export function locateQuote(text: string, quote: TextQuote, hint = 0): Span | null {
  if (!quote.exact) return null;
  let best: { span: Span; score: number; distance: number } | null = null;
  let tie = false;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const end = at + quote.exact.length;
    const score = commonSuffix(text.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix) +
      commonPrefix(text.slice(end, end + quote.suffix.length), quote.suffix);
    const distance = Math.abs(at - hint);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      tie = !!best && score === best.score && distance === best.distance;
      best = { span: { start: at, end }, score, distance };
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
