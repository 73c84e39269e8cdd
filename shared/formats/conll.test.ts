import { describe, expect, it } from 'vitest';
import { randomString } from '../text/testing.ts';
import { tokenise } from './conll.ts';

const sentenceSegmenter = new Intl.Segmenter('und', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** The tokeniser as docs/FORMATS.md states it, the slow way: every sentence of every line, every word segment of it. */
function reference(text: string) {
  const out: { text: string; start: number; end: number }[][] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    for (const s of sentenceSegmenter.segment(line)) {
      const tokens = [...wordSegmenter.segment(s.segment)]
        .filter((w) => !/^\s+$/u.test(w.segment))
        .map((w) => ({ text: w.segment, start: lineStart + s.index + w.index, end: lineStart + s.index + w.index + w.segment.length }));
      if (tokens.length) out.push(tokens);
    }
    lineStart += line.length + 1;
  }
  return out;
}

describe('CoNLL tokeniser', () => {
  it('gives the same sentences and tokens as Intl.Segmenter line by line, on 3,000 random texts', () => {
    const seps = [' ', '  ', '\n', '\n\n', '. ', '? ', '! ', '.\n', ' \t', '\r', '\u2028', '😀 ', ' "', '." ', '  \n'];
    const mismatches: string[] = [];
    for (let n = 0; n < 3000 && mismatches.length < 5; n++) {
      let text = '';
      for (let k = (n % 9) + 1; k > 0; k--) text += randomString() + seps[(n + k * 7) % seps.length];
      if (JSON.stringify(tokenise(text)) !== JSON.stringify(reference(text))) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });

  it('handles empty texts, whitespace-only texts and a trailing line break', () => {
    for (const text of ['', ' ', '\n', '\n\n', ' \t \n ', 'End.\n']) expect(tokenise(text)).toEqual(reference(text));
  });
});
