import { describe, expect, it } from 'vitest';
import { cohenKappa, confusionMatrix, fleissKappa, krippendorffAlpha } from './index.ts';

/** Two raters' labels from a confusion table of counts (rows: rater A, columns: rater B). */
function fromTable(categories: string[], table: number[][]): [string[], string[]] {
  const a: string[] = [];
  const b: string[] = [];
  table.forEach((row, i) => row.forEach((n, j) => {
    for (let k = 0; k < n; k++) {
      a.push(categories[i]!);
      b.push(categories[j]!);
    }
  }));
  return [a, b];
}

describe("Cohen's kappa", () => {
  it('Wikipedia example: 50 proposals, Yes/No 20/5/10/15 → κ = 0.40', () => {
    const [a, b] = fromTable(['yes', 'no'], [[20, 5], [10, 15]]);
    expect(a).toHaveLength(50);
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 10);
  });

  it('Wikipedia "same percentages, different numbers": 45/15/25/15 → 0.1304 and 25/35/5/35 → 0.2593', () => {
    expect(cohenKappa(...fromTable(['yes', 'no'], [[45, 15], [25, 15]]))).toBeCloseTo(0.1304, 4);
    expect(cohenKappa(...fromTable(['yes', 'no'], [[25, 35], [5, 35]]))).toBeCloseTo(0.2593, 4);
  });

  it('Cohen (1960) three-category example, 200 items: p_o = .70, p_c = .41 → κ = .492', () => {
    const [a, b] = fromTable(['1', '2', '3'], [[88, 14, 18], [10, 40, 10], [2, 6, 12]]);
    expect(a).toHaveLength(200);
    expect(cohenKappa(a, b)).toBeCloseTo(0.492, 3);
    expect(cohenKappa(a, b)).toBeCloseTo((0.7 - 0.41) / (1 - 0.41), 10);
  });

  it('is 1 for perfect agreement, 0 at chance, negative below chance, and symmetric', () => {
    expect(cohenKappa(['x', 'y', 'z', 'x'], ['x', 'y', 'z', 'x'])).toBe(1);
    expect(cohenKappa(['x', 'x', 'y', 'y'], ['x', 'y', 'x', 'y'])).toBe(0);
    expect(cohenKappa(['x', 'y'], ['y', 'x'])).toBe(-1);
    const [a, b] = fromTable(['1', '2', '3'], [[88, 14, 18], [10, 40, 10], [2, 6, 12]]);
    expect(cohenKappa(b, a)).toBeCloseTo(cohenKappa(a, b), 12);
  });

  it('is NaN (undefined) when both raters use one and the same category throughout', () => {
    expect(cohenKappa(['none', 'none', 'none'], ['none', 'none', 'none'])).toBeNaN();
  });

  it('is 0, not undefined, when each rater uses a different single category', () => {
    expect(cohenKappa(['a', 'a'], ['b', 'b'])).toBe(0);
  });

  it('throws a clear error on unequal lengths or no items', () => {
    expect(() => cohenKappa(['a', 'b'], ['a'])).toThrow(/same items: got 2 and 1/);
    expect(() => cohenKappa([], [])).toThrow(/at least one item/);
  });

  it('builds a confusion matrix in the order given', () => {
    expect(confusionMatrix(['a', 'b', 'b'], ['a', 'a', 'b'], ['b', 'a']).matrix).toEqual([[1, 1], [0, 1]]);
    expect(() => confusionMatrix(['a'], ['c'], ['a', 'b'])).toThrow(/"c"/);
  });
});

describe("Fleiss' kappa", () => {
  // Fleiss (1971) as worked on Wikipedia: 10 subjects, 14 raters, 5 categories.
  const fleiss1971 = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];

  it('worked example: P̄ = 0.378, P̄e = 0.213 → κ = 0.210', () => {
    expect(fleissKappa(fleiss1971)).toBeCloseTo(0.21, 3);
  });

  it('is 1 for perfect agreement and NaN when every rating is the same category', () => {
    expect(fleissKappa([[3, 0], [0, 3], [3, 0]])).toBe(1);
    expect(fleissKappa([[3, 0], [3, 0]])).toBeNaN();
  });

  it("with two raters is Scott's π: (P̄ − P̄e)/(1 − P̄e)", () => {
    // 4 items, 2 agree: P̄ = 0.5, both categories half the ratings: P̄e = 0.5 → 0.
    expect(fleissKappa([[2, 0], [0, 2], [1, 1], [1, 1]])).toBeCloseTo(0, 12);
    // 5 items, 4 agree: P̄ = 0.8, P̄e = 0.5 → 0.6.
    expect(fleissKappa([[2, 0], [0, 2], [1, 1], [2, 0], [0, 2]])).toBeCloseTo(0.6, 12);
  });

  it('throws clear errors on malformed counts', () => {
    expect(() => fleissKappa([])).toThrow(/at least one item/);
    expect(() => fleissKappa([[1, 2], [2, 2]])).toThrow(/row 1 sums to 3, row 2 to 4/);
    expect(() => fleissKappa([[1, 0], [0, 1]])).toThrow(/at least 2 raters/);
    expect(() => fleissKappa([[1, 1], [1, 1, 0]])).toThrow(/row 2 has 3/);
    expect(() => fleissKappa([[1.5, 0.5]])).toThrow(/whole numbers/);
  });
});

describe("Krippendorff's alpha", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 coders × 12 units, missing data.
  const k2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];

  it('Krippendorff (2011) example: nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797', () => {
    expect(krippendorffAlpha(k2011, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(k2011, 'ordinal')).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(k2011, 'interval')).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(k2011, 'ratio')).toBeCloseTo(0.797, 3);
  });

  it('nominal: hand-computed coincidences give 1 − 39·8/1216 (n = 40 pairable values, unit 12 dropped)', () => {
    // Disagreeing coincidences: unit 2 (2,2,3,2) gives o23 = o32 = 1, unit 6 (1,2,3,4) gives 1/3 to each of the 12
    // ordered pairs, unit 8 (1,1,2,1) gives o12 = o21 = 1: Σ_{c≠k} o_ck = 8. Value counts n_c = 9, 13, 10, 5, 3.
    expect(krippendorffAlpha(k2011, 'nominal')).toBeCloseTo(1 - (39 * 8) / (40 * 40 - (81 + 169 + 100 + 25 + 9)), 12);
    // Nominal values are categories: the same data as strings gives the same α.
    const strings = k2011.map((row) => row.map((v) => (v === null ? null : `v${v}`)));
    expect(krippendorffAlpha(strings, 'nominal')).toBeCloseTo(krippendorffAlpha(k2011, 'nominal'), 12);
  });

  it('Krippendorff (2011) binary example, two observers, 10 units: α = 1 − 19·4/(14·6) = 0.095', () => {
    const data = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    expect(krippendorffAlpha(data, 'nominal')).toBeCloseTo(0.095, 3);
    expect(krippendorffAlpha(data, 'nominal')).toBeCloseTo(1 - (19 * 4) / (14 * 6), 12);
  });

  it('is 1 for perfect agreement', () => {
    expect(krippendorffAlpha([['a', 'b', null], ['a', 'b', 'c'], [null, 'b', 'c']], 'nominal')).toBe(1);
    expect(krippendorffAlpha([[1, 2, 3], [1, 2, 3]], 'interval')).toBe(1);
  });

  it('is NaN when only one value occurs (no variation) or nothing is pairable', () => {
    expect(krippendorffAlpha([['a', 'a', null], ['a', 'a', 'a']], 'nominal')).toBeNaN();
    expect(krippendorffAlpha([[null, null], [null, null]], 'nominal')).toBeNaN();
    expect(krippendorffAlpha([['a', null], [null, 'b']], 'nominal')).toBeNaN();
  });

  it('drops units with a single value', () => {
    const base = [[1, 2, 1], [1, 2, 2]];
    const withLoner = [[1, 2, 1, 5], [1, 2, 2, null]];
    expect(krippendorffAlpha(withLoner, 'interval')).toBe(krippendorffAlpha(base, 'interval'));
  });

  it('treats NaN and undefined as missing, like null', () => {
    const withNaN = k2011.map((row) => row.map((v) => (v === null ? Number.NaN : v)));
    expect(krippendorffAlpha(withNaN, 'nominal')).toBeCloseTo(0.743, 3);
  });

  it('throws clear errors on malformed data', () => {
    expect(() => krippendorffAlpha([], 'nominal')).toThrow(/at least one coder/);
    expect(() => krippendorffAlpha([[]], 'nominal')).toThrow(/at least one unit/);
    expect(() => krippendorffAlpha([[1, 2], [1]], 'nominal')).toThrow(/coder 2 has 1/);
    expect(() => krippendorffAlpha([['a'], ['b']], 'interval')).toThrow(/not a number/);
    expect(() => krippendorffAlpha([[1], [-1]], 'ratio')).toThrow(/negative/);
    expect(() => krippendorffAlpha([[1], [2]], 'cardinal' as 'nominal')).toThrow(/Unknown level/);
  });
});
