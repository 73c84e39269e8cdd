/**
 * Random strings over the characters shared/text/wordSegments.ts's fast path knows (and some it does not), from a
 * fixed seed: the tests compare its segments with Intl.Segmenter's on them.
 */
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
export const groups = [
  [...range(0x41, 0x5a), ...range(0x61, 0x7a), ...range(0xc0, 0x17f).filter((c) => c !== '×' && c !== '÷'), ...range(0x400, 0x4ff)],
  range(0x30, 0x39),
  ['_'],
  [':', '.', "'", '‘', '’', ',', ';'],
  [...range(0x20, 0x7e).filter((c) => !/[A-Za-z0-9_:.',;]/.test(c)), '\t', '\u00a0', '«', '»', '©', '®', '°', '£', '€', '–', '—', '“', '”', '…'],
  ['世', '界', '👍', '\u0301', '\u200d', 'א', '·', '٣', 'ｱ', '¬', '\u00ad'], // outside the fast path: the segmenter decides
];
const weights = [6, 3, 1, 3, 3, 1];
/** mulberry32: a fixed, reproducible sequence from a seed. */
function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(12345);
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
const total = weights.reduce((a, b) => a + b, 0);
const char = () => {
  let w = random() * total;
  let g = 0;
  while ((w -= weights[g]!) > 0) g++;
  return pick(groups[g]!);
};

/** A reproducible random string of 1–14 characters. */
export function randomString(): string {
  let s = '';
  for (let len = 1 + Math.floor(random() * 14); len > 0; len--) s += char();
  return s;
}

/** A reproducible generator (from `seed`) of strings of `n` pieces, each drawn from one of `groups` by `weights`. */
export function prngString(groups: readonly (readonly string[])[], weights: readonly number[], seed: number): (n: number) => string {
  const rand = mulberry32(seed);
  const sum = weights.reduce((x, y) => x + y, 0);
  return (n) => {
    let s = '';
    for (let k = 0; k < n; k++) {
      let w = rand() * sum;
      let g = 0;
      while ((w -= weights[g]!) > 0) g++;
      const group = groups[g]!;
      s += group[Math.floor(rand() * group.length)]!;
    }
    return s;
  };
}
