import { describe, expect, it } from 'vitest';
import { resizeByWord, type Change, type Edge } from './resize.ts';

const text = 'Officials said: Moscow denied responsibility for the strike. Families 👩‍👩‍👧 fled.';
const span = (quote: string) => {
  const start = text.indexOf(quote);
  return { start, end: start + quote.length };
};
const cover = (s: { start: number; end: number } | null) => s && text.slice(s.start, s.end);

describe('resizeByWord', () => {
  const cases: [string, Edge, Change, string | null][] = [
    ['denied responsibility', 'start', 'grow', 'Moscow denied responsibility'],
    ['Moscow denied', 'start', 'grow', 'said: Moscow denied'], // takes the punctuation between
    ['denied responsibility', 'end', 'grow', 'denied responsibility for'],
    ['the strike', 'end', 'grow', 'the strike. Families'],
    ['Families', 'end', 'grow', 'Families 👩‍👩‍👧'], // an emoji sequence counts as one word, never split
    ['denied responsibility for', 'start', 'shrink', 'responsibility for'],
    ['denied responsibility for', 'end', 'shrink', 'denied responsibility'],
    ['denied', 'start', 'shrink', null], // one word left: cannot shrink
    ['denied', 'end', 'shrink', null],
    ['Officials', 'start', 'grow', null], // start of the text
    ['fled', 'end', 'grow', null], // only punctuation after
  ];
  it.each(cases)('%s: %s %s → %s', (quote, edge, change, want) => {
    expect(cover(resizeByWord(text, span(quote), edge, change))).toBe(want);
  });
});
