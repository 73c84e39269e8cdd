import { describe, expect, it } from 'vitest';
import { prngString } from './testing.ts';
import { sentenceSegments } from './sentenceSegments.ts';

const segmenter = new Intl.Segmenter('und', { granularity: 'sentence' });
const reference = (s: string) => [...segmenter.segment(s)].map((x) => [x.index, x.index + x.segment.length]);
const ours = (s: string) => {
  const out: [number, number][] = [];
  sentenceSegments(s, 0, s.length, (start, end) => out.push([start, end]));
  return out;
};

// what sentence boundaries depend on: terminators, closing punctuation, spaces, case, digits, continuations; and
// characters outside the fast path (the segmenter decides)
const pieces = [
  ['.', '.', '.', '!', '?'],
  ['"', "'", '(', ')', '[', ']', '{', '}', '«', '»', '‘', '’', '“', '”'],
  [' ', ' ', ' ', '\t', '\u00a0'],
  ['a', 'z', 'é', 'ß', 'ÿ', 'ı', 'ĸ', 'ж', 'я', 'ё', 'ӏ', 'etc', 'he', 'e.g'],
  ['A', 'Z', 'É', 'Ž', 'Ж', 'Я', 'Ӏ', 'Mr', 'U.S', 'Kyiv', 'NATO'],
  ['0', '7', '3.5', '1,000'],
  [',', '-', ':', '–', '—'],
  ['#', '$', '%', '&', '*', '+', '/', '<', '=', '>', '@', '\\', '^', '_', '`', '|', '~', '…', '©', '®', '°', '£', '€'],
  [';', '¬', '😀', '\u0301', '\u2028', '\r', '世', 'ª', '·', '\u00ad', '\u200d'],
];
const weights = [5, 3, 5, 5, 4, 2, 2, 1, 1];

describe('sentenceSegments', () => {
  it('gives exactly Intl.Segmenter’s sentences on 30,000 random lines', () => {
    const next = prngString(pieces, weights, 99);
    const mismatches: string[] = [];
    for (let n = 0; n < 30_000 && mismatches.length < 5; n++) {
      const s = next(1 + (n % 24));
      if (JSON.stringify(ours(s)) !== JSON.stringify(reference(s))) mismatches.push(s);
    }
    expect(mismatches).toEqual([]);
  });

  it('handles the cases the rules name: abbreviations, numbers, initials, quotes, lower-case continuations', () => {
    for (const s of ['He left. She stayed.', 'It was 3.5 km. Then', 'The U.S. Army said.', 'U.S.A. Next', 'Say “no.” Then he left!', 'etc. and so on', 'Hi!? Yes', 'Wait... what', 'End.) (start', 'Is it? no. Yes', ' Lead. ', '.', '. A', 'a.B', 'a.1 B']) {
      expect(JSON.stringify(ours(s)), s).toBe(JSON.stringify(reference(s)));
    }
  });

  it('segments a line of a longer text at that text’s offsets', () => {
    const text = 'First line.\nHe said: "the port was hit." Moscow denied it.\n';
    const got: string[] = [];
    sentenceSegments(text, 12, text.length - 1, (start, end) => got.push(text.slice(start, end)));
    expect(got).toEqual(['He said: "the port was hit." ', 'Moscow denied it.']);
  });
});
