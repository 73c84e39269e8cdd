import { describe, expect, it } from 'vitest';
import { groups, randomString } from './testing.ts';
import { wordSegments } from './wordSegments.ts';

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
const reference = (s: string) => [...segmenter.segment(s)].map((x) => [x.index, x.index + x.segment.length, x.isWordLike ?? false]);
const ours = (s: string) => {
  const out: [number, number, boolean][] = [];
  wordSegments(s, 0, s.length, (start, end, wordLike) => out.push([start, end, wordLike]));
  return out;
};

describe('wordSegments', () => {
  it('gives exactly Intl.Segmenter’s segments and isWordLike on 20,000 random strings', () => {
    const mismatches: string[] = [];
    for (let n = 0; n < 20_000 && mismatches.length < 5; n++) {
      const s = randomString();
      if (JSON.stringify(ours(s)) !== JSON.stringify(reference(s))) mismatches.push(s);
    }
    expect(mismatches).toEqual([]);
  });

  it('covers every character of the groups, runs of spaces and tabs', () => {
    for (const c of [...groups.flat(), '  ', '\t\t', ' \t ']) {
      const s = `a${c}b 1${c}2 ${c}${c}`;
      expect(JSON.stringify(ours(s))).toBe(JSON.stringify(reference(s)));
    }
  });

  it('segments a range of a longer text at that text’s offsets', () => {
    const text = 'Kyiv said: "the port was hit."\n港口遭到袭击。';
    const got: string[] = [];
    wordSegments(text, 31, text.length, (start, end) => got.push(text.slice(start, end)));
    expect(got.join('|')).toBe([...segmenter.segment(text.slice(31))].map((s) => s.segment).join('|'));
    const first: string[] = [];
    wordSegments(text, 0, 30, (start, end, wordLike) => wordLike && first.push(text.slice(start, end)));
    expect(first).toEqual(['Kyiv', 'said', 'the', 'port', 'was', 'hit']);
  });
});
