/**
 * Chance-corrected agreement coefficients: Cohen's κ, Fleiss' κ and Krippendorff's α (docs/AGREEMENT.md).
 * Each has a public function over raw ratings and an internal one over the additive table it is computed from
 * (confusion matrix, per-item category totals, coincidence matrix), so the report can sum tables over documents.
 * Undefined values (expected disagreement 0, no pairable data) are NaN here; the report turns them into null.
 */

/** Cohen's κ from a square confusion matrix (rows: rater A, columns: rater B). NaN when chance agreement is 1. */
export function cohenKappaFromMatrix(matrix: readonly (readonly number[])[]): number {
  const k = matrix.length;
  let total = 0;
  let diagonal = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    const row = matrix[i]!;
    for (let j = 0; j < k; j++) {
      const c = row[j] ?? 0;
      rows[i]! += c;
      cols[j]! += c;
      total += c;
      if (i === j) diagonal += c;
    }
  }
  if (total === 0) return Number.NaN;
  // κ = (po − pe)/(1 − pe) multiplied through by N² so integer counts give an exact zero test.
  let chance = 0;
  for (let i = 0; i < k; i++) chance += rows[i]! * cols[i]!;
  const denominator = total * total - chance;
  if (denominator === 0) return Number.NaN;
  return (total * diagonal - chance) / denominator;
}

/** Confusion matrix of two raters' labels; `categories` fixes the order (default: sorted union of the labels). */
export function confusionMatrix(a: readonly string[], b: readonly string[], categories?: readonly string[]): { categories: string[]; matrix: number[][] } {
  checkPair(a, b);
  const cats = categories ? [...categories] : [...new Set([...a, ...b])].sort();
  const index = new Map(cats.map((c, i) => [c, i]));
  const matrix = cats.map(() => new Array<number>(cats.length).fill(0));
  for (let i = 0; i < a.length; i++) {
    const r = index.get(a[i]!);
    const c = index.get(b[i]!);
    if (r === undefined || c === undefined) throw new Error(`Label "${r === undefined ? a[i] : b[i]}" (item ${i + 1}) is not one of the categories: ${cats.join(', ')}.`);
    matrix[r]![c]! += 1;
  }
  return { categories: cats, matrix };
}

function checkPair(a: readonly string[], b: readonly string[]): void {
  if (a.length !== b.length) throw new Error(`Cohen's kappa needs the two raters' labels for the same items: got ${a.length} and ${b.length} labels.`);
  if (a.length === 0) throw new Error("Cohen's kappa needs at least one item; got none.");
}

/**
 * Cohen's κ for two raters' labels of the same items. Throws on unequal lengths or no items.
 * NaN when both raters used one and the same category for every item (expected agreement 1: κ = 0/0).
 */
export function cohenKappa(a: string[], b: string[]): number {
  return cohenKappaFromMatrix(confusionMatrix(a, b).matrix);
}

/** What Fleiss' κ needs, summed over items; additive across item sets with the same raters-per-item n. */
export interface FleissTotals {
  items: number;
  /** Raters per item. */
  raters: number;
  /** Σ over items and categories of n_ij². */
  sumSquares: number;
  /** Σ over items of n_ij, per category. */
  categoryTotals: number[];
}

export function fleissKappaFromTotals(t: FleissTotals): number {
  const { items: N, raters: n, sumSquares } = t;
  if (N === 0 || n < 2) return Number.NaN;
  const all = N * n;
  let sumT2 = 0;
  for (const c of t.categoryTotals) sumT2 += c * c;
  if (sumT2 === all * all) return Number.NaN; // one category for everything: P̄e = 1
  const pBar = (sumSquares - all) / (all * (n - 1));
  const pe = sumT2 / (all * all);
  return (pBar - pe) / (1 - pe);
}

/**
 * Fleiss' κ (1971). Rows are items, columns categories, cells the number of raters who chose the category for the
 * item; every row must sum to the same n ≥ 2. NaN when every rating falls in one category (P̄e = 1).
 */
export function fleissKappa(counts: number[][]): number {
  if (counts.length === 0) throw new Error("Fleiss' kappa needs at least one item (row); got none.");
  const k = counts[0]!.length;
  if (k === 0) throw new Error("Fleiss' kappa needs at least one category (column); row 1 is empty.");
  const totals: FleissTotals = { items: counts.length, raters: 0, sumSquares: 0, categoryTotals: new Array<number>(k).fill(0) };
  counts.forEach((row, i) => {
    if (row.length !== k) throw new Error(`Fleiss' kappa needs the same categories for every item: row 1 has ${k} columns, row ${i + 1} has ${row.length}.`);
    let sum = 0;
    row.forEach((c, j) => {
      if (!Number.isInteger(c) || c < 0) throw new Error(`Fleiss' kappa counts must be whole numbers ≥ 0: row ${i + 1}, column ${j + 1} is ${c}.`);
      sum += c;
      totals.sumSquares += c * c;
      totals.categoryTotals[j]! += c;
    });
    if (i === 0) totals.raters = sum;
    else if (sum !== totals.raters) throw new Error(`Fleiss' kappa needs the same number of raters for every item: row 1 sums to ${totals.raters}, row ${i + 1} to ${sum}.`);
  });
  if (totals.raters < 2) throw new Error(`Fleiss' kappa needs at least 2 raters per item; the rows sum to ${totals.raters}.`);
  return fleissKappaFromTotals(totals);
}

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/**
 * α from a coincidence matrix over `values` (sorted ascending for ordinal, interval and ratio), as in
 * Krippendorff (2011): α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck. NaN with no pairable values or when the
 * expected disagreement is 0 (a single value).
 */
export function alphaFromCoincidences(o: readonly (readonly number[])[], values: readonly number[] | null, level: AlphaLevel): number {
  const k = o.length;
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  if (n === 0) return Number.NaN;
  const delta = metric(level, values, nc);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < k; j++) {
      if (c === j) continue;
      const d = delta(c, j);
      observed += o[c]![j]! * d;
      expected += nc[c]! * nc[j]! * d;
    }
  }
  if (expected === 0) return Number.NaN;
  return 1 - ((n - 1) * observed) / expected;
}

function metric(level: AlphaLevel, values: readonly number[] | null, nc: readonly number[]): (c: number, k: number) => number {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  if (!values) throw new Error(`Krippendorff's alpha at the ${level} level needs numeric values.`);
  if (level === 'interval') return (c, k) => (values[c]! - values[k]!) ** 2;
  if (level === 'ratio') {
    return (c, k) => {
      const sum = values[c]! + values[k]!;
      return sum === 0 ? 0 : ((values[c]! - values[k]!) / sum) ** 2;
    };
  }
  // Ordinal: δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², ranks by the marginal frequencies of the sorted values.
  const cumulative = [0];
  for (const x of nc) cumulative.push(cumulative[cumulative.length - 1]! + x);
  return (c, k) => {
    const lo = Math.min(c, k);
    const hi = Math.max(c, k);
    return (cumulative[hi + 1]! - cumulative[lo]! - (nc[c]! + nc[k]!) / 2) ** 2;
  };
}

type AlphaValue = string | number | null;

function isMissing(v: AlphaValue | undefined): v is null | undefined {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/**
 * Krippendorff's α. `data` rows are coders, columns units; null (also undefined or NaN) is a missing value.
 * Units with fewer than 2 values are not pairable and are dropped. Nominal values compare by identity (the number 1
 * and the string "1" differ); ordinal, interval and ratio need finite numbers (ratio: ≥ 0).
 * Throws on no coders, no units, rows of unequal length or bad values; NaN when nothing is pairable or only one
 * value occurs (no variation: α = 0/0).
 */
export function krippendorffAlpha(data: (string | number | null)[][], level: 'nominal' | 'ordinal' | 'interval' | 'ratio'): number {
  if (!['nominal', 'ordinal', 'interval', 'ratio'].includes(level)) throw new Error(`Unknown level of measurement "${String(level)}": use nominal, ordinal, interval or ratio.`);
  if (data.length === 0) throw new Error("Krippendorff's alpha needs at least one coder (row); got none.");
  const units = data[0]!.length;
  if (units === 0) throw new Error("Krippendorff's alpha needs at least one unit (column); got none.");
  data.forEach((row, i) => {
    if (row.length !== units) throw new Error(`Krippendorff's alpha needs a value or null for every unit: coder 1 has ${units} units, coder ${i + 1} has ${row.length}.`);
  });
  const numeric = level !== 'nominal';
  const keyOf = (v: string | number, coder: number, unit: number): string => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`Coder ${coder + 1}, unit ${unit + 1}: ${v} is not a finite number.`);
      if (level === 'ratio' && v < 0) throw new Error(`Coder ${coder + 1}, unit ${unit + 1}: ratio data cannot be negative (${v}).`);
      return `n${v}`;
    }
    if (typeof v !== 'string') throw new Error(`Coder ${coder + 1}, unit ${unit + 1}: values must be strings, numbers or null.`);
    if (numeric) throw new Error(`Coder ${coder + 1}, unit ${unit + 1}: "${v}" is not a number; ${level} data must be numbers.`);
    return `s${v}`;
  };
  // Pass 1: the value set.
  const index = new Map<string, number>();
  const raw: (string | number)[] = [];
  for (let u = 0; u < units; u++) {
    for (let c = 0; c < data.length; c++) {
      const v = data[c]![u];
      if (isMissing(v)) continue;
      const key = keyOf(v, c, u);
      if (!index.has(key)) {
        index.set(key, raw.length);
        raw.push(v);
      }
    }
  }
  let order = raw.map((_, i) => i);
  if (numeric) order.sort((x, y) => (raw[x] as number) - (raw[y] as number));
  const position = new Array<number>(raw.length);
  order.forEach((r, i) => (position[r] = i));
  const k = raw.length;
  const o = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const counts = new Array<number>(k).fill(0);
  const seen: number[] = [];
  for (let u = 0; u < units; u++) {
    let m = 0;
    for (let c = 0; c < data.length; c++) {
      const v = data[c]![u];
      if (isMissing(v)) continue;
      const p = position[index.get(keyOf(v, c, u))!]!;
      if (counts[p] === 0) seen.push(p);
      counts[p]! += 1;
      m++;
    }
    if (m >= 2) addUnit(o, seen, counts, m);
    for (const p of seen) counts[p] = 0;
    seen.length = 0;
  }
  const values = numeric ? order.map((r) => raw[r] as number) : null;
  return alphaFromCoincidences(o, values, level);
}

/** Adds one pairable unit (m ≥ 2 values, `counts` per value) to a coincidence matrix. */
export function addUnit(o: number[][], present: readonly number[], counts: readonly number[], m: number): void {
  for (const c of present) {
    const nc = counts[c]!;
    for (const j of present) o[c]![j]! += (c === j ? nc * (nc - 1) : nc * counts[j]!) / (m - 1);
  }
}
