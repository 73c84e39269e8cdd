import { describe, expect, it } from 'vitest';
import { overlapMatches, spanAgreement } from './index.ts';
import type { SpanLike } from './index.ts';

// Hand-worked: A as reference, B as the other annotator.
const A: SpanLike[] = [
  { start: 0, end: 10, label: 'claim' },
  { start: 20, end: 30, label: 'claim' },
  { start: 40, end: 50, label: 'denial' },
];
const B: SpanLike[] = [
  { start: 0, end: 10, label: 'claim' }, // exact match
  { start: 22, end: 30, label: 'claim' }, // overlaps A's 20–30
  { start: 45, end: 60, label: 'denial' }, // overlaps A's 40–50
  { start: 70, end: 80, label: 'unverified' }, // only B
];

describe('span agreement', () => {
  it('exact: only identical start, end and label match', () => {
    const s = spanAgreement(A, B, 'exact');
    expect(s.perLabel.claim).toMatchObject({ truePositives: 1, reference: 2, predicted: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(s.perLabel.denial).toMatchObject({ truePositives: 0, precision: 0, recall: 0, f1: 0 });
    expect(s.perLabel.unverified).toMatchObject({ truePositives: 0, reference: 0, predicted: 1, precision: 0, recall: null, f1: 0 });
    expect(s.micro).toMatchObject({ truePositives: 1, reference: 3, predicted: 4 });
    expect(s.micro.f1).toBeCloseTo(2 / 7, 12);
    expect(s.macro.f1).toBeCloseTo(0.5 / 3, 12);
  });

  it('overlap: same label and any shared character match', () => {
    const s = spanAgreement(A, B, 'overlap');
    expect(s.perLabel.claim).toMatchObject({ truePositives: 2, precision: 1, recall: 1, f1: 1 });
    expect(s.perLabel.denial).toMatchObject({ truePositives: 1, f1: 1 });
    expect(s.micro.precision).toBeCloseTo(3 / 4, 12);
    expect(s.micro.recall).toBe(1);
    expect(s.micro.f1).toBeCloseTo(6 / 7, 12);
    expect(s.macro).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 });
  });

  it('F1 is symmetric; precision and recall swap', () => {
    for (const mode of ['exact', 'overlap'] as const) {
      const ab = spanAgreement(A, B, mode).micro;
      const ba = spanAgreement(B, A, mode).micro;
      expect(ba.f1).toBeCloseTo(ab.f1!, 12);
      expect(ba.precision).toBeCloseTo(ab.recall!, 12);
    }
  });

  it('does not match spans that only touch (end = start)', () => {
    expect(overlapMatches([{ start: 0, end: 5 }], [{ start: 5, end: 10 }])).toEqual([]);
    expect(spanAgreement([{ start: 5, end: 10, label: 'claim' }], [{ start: 0, end: 5, label: 'claim' }], 'overlap').micro.truePositives).toBe(0);
  });

  it('does not match different labels even when spans are identical', () => {
    const s = spanAgreement([{ start: 0, end: 5, label: 'claim' }], [{ start: 0, end: 5, label: 'denial' }], 'overlap');
    expect(s.micro.truePositives).toBe(0);
  });

  it('undefined figures are null when neither side has spans', () => {
    const s = spanAgreement([], [], 'exact');
    expect(s.micro).toMatchObject({ precision: null, recall: null, f1: null });
    expect(s.macro.f1).toBeNull();
  });

  it('matches one-to-one, greedily by largest overlap', () => {
    // A's 0–10 overlaps B's 0–4 by 4 and B's 2–10 by 8: it takes 2–10; 0–4 stays unmatched.
    expect(overlapMatches([{ start: 0, end: 10 }], [{ start: 0, end: 4 }, { start: 2, end: 10 }])).toEqual([[0, 1]]);
    const s = spanAgreement([{ start: 0, end: 10, label: 'claim' }], [{ start: 0, end: 4, label: 'claim' }, { start: 2, end: 10, label: 'claim' }], 'overlap');
    expect(s.micro).toMatchObject({ truePositives: 1, precision: 0.5, recall: 1 });
    // Two reference spans competing for one: the larger overlap wins, the other is a miss.
    expect(overlapMatches([{ start: 0, end: 6 }, { start: 5, end: 20 }], [{ start: 4, end: 20 }])).toEqual([[1, 0]]);
    // Equal overlaps: the pair with closer boundaries wins.
    expect(overlapMatches([{ start: 0, end: 10 }, { start: 5, end: 10 }], [{ start: 5, end: 10 }, { start: 5, end: 15 }])).toEqual([[1, 0], [0, 1]]);
  });
});
