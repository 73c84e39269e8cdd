/** W3C TextQuoteSelector fields for a span: the exact text and its context either side. */
export const CONTEXT_CODE_POINTS = 32;

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Up to `context` code points before and after [start, end), never splitting a surrogate pair. */
export function textQuoteFor(text: string, start: number, end: number, context = CONTEXT_CODE_POINTS): TextQuote {
  return {
    exact: text.slice(start, end),
    prefix: lastCodePoints(text.slice(Math.max(0, start - context * 2), start), context),
    suffix: firstCodePoints(text.slice(end, end + context * 2), context),
  };
}

function lastCodePoints(s: string, n: number): string {
  const cps = Array.from(s);
  // a slice may begin with the low half of a pair cut by the slice itself; Array.from keeps it as a lone unit
  const kept = cps.slice(Math.max(0, cps.length - n));
  if (kept.length && isLowSurrogate(kept[0]!)) kept.shift();
  return kept.join('');
}

function firstCodePoints(s: string, n: number): string {
  const kept = Array.from(s).slice(0, n);
  const last = kept[kept.length - 1];
  if (last && last.length === 1 && isHighSurrogate(last)) kept.pop();
  return kept.join('');
}

const isLowSurrogate = (ch: string) => ch.length === 1 && ch.charCodeAt(0) >= 0xdc00 && ch.charCodeAt(0) <= 0xdfff;
const isHighSurrogate = (ch: string) => ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdbff;
