import { describe, expect, it } from 'vitest';
import { cohenKappa, krippendorffAlpha, tokenAgreement, tokenCategories, tokenize } from './index.ts';
import { groups, randomString } from '../text/testing.ts';
import { ann, PORT_ALPHA, PORT_FLEISS, PORT_KAPPA, PORT_TEXT, portAnnotations } from './test-fixtures.ts';

const words = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));

describe('tokenize', () => {
  it('keeps word-like segments only: words, numbers, contractions; no punctuation, spaces or emoji', () => {
    expect(words("U.S. officials said 3.5% — it's 👍 l'état, don’t e-mail.")).toEqual(['U.S', 'officials', 'said', '3.5', "it's", "l'état", 'don’t', 'e', 'mail']);
  });

  it('splits CJK with the segmenter’s dictionary and gives UTF-16 offsets', () => {
    expect(words('世界人民')).toEqual(['世界', '人民']);
    // The emoji takes two code units, so "ok" starts at 3.
    expect(tokenize('👍 ok')).toEqual([{ start: 3, end: 5 }]);
    expect(tokenize('Cafe\u0301 x')).toEqual([{ start: 0, end: 5 }, { start: 6, end: 7 }]);
  });

  it('gives the same tokens segmenting line by line as segmenting the whole text', () => {
    const text = "First line, it's here.\n\nSecond 3.5 line\nthird\n";
    const seg = new Intl.Segmenter('und', { granularity: 'word' });
    const whole = [...seg.segment(text)].filter((s) => s.isWordLike).map((s) => ({ start: s.index, end: s.index + s.segment.length }));
    expect(tokenize(text)).toEqual(whole);
    expect(tokenize('')).toEqual([]);
  });
});

describe('token categories', () => {
  it('labels tokens a span overlaps, even partly, and the rest none', () => {
    const tokens = tokenize(PORT_TEXT);
    // 16–22 starts inside "the" and ends inside "port": both words count.
    expect(tokenCategories(tokens, [{ start: 16, end: 22, label: 'claim' }])).toEqual(['none', 'none', 'claim', 'claim', 'none', 'none', 'none', 'none', 'none']);
  });

  it('lets the longest of overlapping spans win, then the earliest', () => {
    const tokens = tokenize(PORT_TEXT);
    const cats = tokenCategories(tokens, [
      { start: 15, end: 23, label: 'unverified' },
      { start: 0, end: 37, label: 'claim' },
      { start: 38, end: 44, label: 'denial' },
      { start: 38, end: 44, label: 'unverified' },
    ]);
    expect(cats).toEqual(['claim', 'claim', 'claim', 'claim', 'claim', 'claim', 'denial', 'none', 'none']);
  });
});

describe('tokenAgreement on a small document (hand-computed)', () => {
  const result = tokenAgreement(PORT_TEXT, portAnnotations(), ['A', 'B', 'C']);

  it('gives κ = 24/51, α = 1 − 102/190, Fleiss = 82/190', () => {
    expect(result.tokens).toHaveLength(9);
    expect(result.categories.A).toEqual(['claim', 'claim', 'claim', 'claim', 'claim', 'claim', 'denial', 'denial', 'denial']);
    expect(result.categories.B).toEqual(['none', 'none', 'claim', 'claim', 'claim', 'claim', 'denial', 'denial', 'none']);
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]!.cohenKappa).toBeCloseTo(PORT_KAPPA, 12);
    expect(result.pairs[0]!.observedAgreement).toBeCloseTo(6 / 9, 12);
    expect(result.alpha).toBeCloseTo(PORT_ALPHA, 12);
    expect(result.fleissKappa).toBeCloseTo(PORT_FLEISS, 12);
    expect(result.pairs[0]!.confusion).toEqual([
      [0, 0, 0, 0],
      [2, 4, 0, 0],
      [1, 0, 2, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('agrees with the generic functions on the same categories', () => {
    expect(result.pairs[0]!.cohenKappa).toBeCloseTo(cohenKappa(result.categories.A!, result.categories.B!), 12);
    expect(result.alpha).toBeCloseTo(krippendorffAlpha([result.categories.A!, result.categories.B!], 'nominal'), 12);
  });

  it('treats an annotator with no annotation in the document as missing, not as "all none"', () => {
    expect(result.annotators).toEqual(['A', 'B']);
    const withC = tokenAgreement(PORT_TEXT, [...portAnnotations(), ann('d1', 'C', 'claim', 0, 9)], ['A', 'B', 'C']);
    expect(withC.annotators).toEqual(['A', 'B', 'C']);
    expect(withC.pairs).toHaveLength(3);
    expect(withC.alpha).not.toBeCloseTo(PORT_ALPHA, 3);
  });
});

describe('tokenize fast path', () => {
  // tokenize() handles lines of plain Latin/Cyrillic text itself; it must give exactly what Intl.Segmenter gives.
  const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
  const reference = (s: string) => [...segmenter.segment(s)].filter((x) => x.isWordLike).map((x) => ({ start: x.index, end: x.index + x.segment.length }));

  it('matches Intl.Segmenter on 20,000 random strings over every character it knows', () => {
    const mismatches: string[] = [];
    for (let n = 0; n < 20_000 && mismatches.length < 5; n++) {
      const s = randomString();
      if (JSON.stringify(tokenize(s)) !== JSON.stringify(reference(s))) mismatches.push(s);
    }
    expect(mismatches).toEqual([]);
  });

  it('covers every character of the groups at least once per run', () => {
    for (const c of groups.flat()) expect(JSON.stringify(tokenize(`a${c}b 1${c}2 ${c}${c}`))).toBe(JSON.stringify(reference(`a${c}b 1${c}2 ${c}${c}`)));
  });
});
