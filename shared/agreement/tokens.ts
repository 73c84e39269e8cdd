/**
 * Token-level categories and the tables built from them. Every token gets, per annotator, the label of the
 * annotation covering it or 'none'. "Covering" means overlapping the token by at least one code unit (a span that
 * starts or ends inside a word takes the whole word); when several of one annotator's spans cover a token, the
 * longest wins, then the one starting first, then the label that comes first in the measured labels' order.
 * Categories are 'none' and then the labels measured (categories.ts: the label set, then other occurring labels), so
 * they follow each library's own set; CATEGORIES is that list for the default set.
 */
import { DEFAULT_LABEL_IDS, LABEL_IDS, type Label } from '../labels.ts';
import type { Annotation } from '../model.ts';
import { agreementLabels, type LabelList } from './categories.ts';
import { addUnit, alphaFromCoincidences, cohenKappaFromMatrix, fleissKappaFromTotals, type FleissTotals } from './metrics.ts';
import { tokenBounds } from './tokenize.ts';

export const NONE = 'none';
/** Token categories of the default label set in table order: 'none', then the labels. */
export const CATEGORIES = [NONE, ...LABEL_IDS] as const;
/** A token's category: 'none' or a label id. */
export type Category = string;
export type SpanLike = Pick<Annotation, 'start' | 'end' | 'label'>;

/** Category indices are stored per token in 16 bits: 'none' and up to 65,535 labels. */
const MAX_LABELS = 0xffff;

/** The token categories in table order for `labels`: 'none', then the labels. */
export function tokenCategoryList(labels: readonly Label[]): string[] {
  return [NONE, ...labels];
}

/**
 * Category index (0 = none, i = labels[i − 1]) of each token for one annotator's spans. A span whose label is not in
 * `labels` (default: the default set) is an error: callers measure over the labels that occur (agreementLabels).
 */
export function tokenCategoryIndices(starts: ArrayLike<number>, ends: ArrayLike<number>, spans: readonly SpanLike[], labels: readonly Label[] = LABEL_IDS): Uint16Array {
  if (labels.length > MAX_LABELS) throw new Error(`Agreement can measure at most ${MAX_LABELS} labels; got ${labels.length}.`);
  const cats = new Uint16Array(starts.length);
  if (spans.length === 0 || starts.length === 0) return cats;
  const labelIndex = new Map<string, number>(labels.map((l, i) => [l, i + 1]));
  const ordered = [...spans].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || labelIndex.get(a.label)! - labelIndex.get(b.label)!,
  );
  for (const span of ordered) {
    const cat = labelIndex.get(span.label);
    if (cat === undefined) throw new Error(`Unknown label "${span.label}".`);
    // First token ending after the span starts.
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! > span.start) hi = mid;
      else lo = mid + 1;
    }
    for (let t = lo; t < starts.length && starts[t]! < span.end; t++) if (cats[t] === 0) cats[t] = cat;
  }
  return cats;
}

/** The category of each token for one annotator's spans; `labels` (default: the default set) orders ties, other labels follow sorted. */
export function tokenCategories(tokens: readonly { start: number; end: number }[], spans: readonly SpanLike[], labels: LabelList = DEFAULT_LABEL_IDS): Category[] {
  const order = agreementLabels(labels, spans.map((s) => s.label));
  const cats = tokenCategoryIndices(
    tokens.map((t) => t.start),
    tokens.map((t) => t.end),
    spans,
    order,
  );
  const names = tokenCategoryList(order);
  return Array.from(cats, (c) => names[c]!);
}

/** Token tables of one document for the annotators present (layers), in layer order. */
export interface TokenTables {
  tokens: number;
  /** Krippendorff coincidence matrix over the categories (pairable values only: needs ≥ 2 layers). */
  coincidences: number[][];
  /** Fleiss totals with n = number of layers. */
  fleiss: FleissTotals;
  /** Confusion matrix (flattened K×K, row = first layer) for each pair of layers i < j, in order (0,1), (0,2)… */
  confusions: Float64Array[];
}

/** A k×k matrix of zeros (k = number of categories, 'none' included). */
export function emptyMatrix(k: number): number[][] {
  return Array.from({ length: k }, () => new Array<number>(k).fill(0));
}

/** `k`: the number of categories ('none' and the labels measured) the indices in `categories` refer to. */
export function tokenTables(categories: readonly ArrayLike<number>[], tokens: number, K: number): TokenTables {
  const m = categories.length;
  const o = emptyMatrix(K);
  const fleiss: FleissTotals = { items: tokens, raters: m, sumSquares: 0, categoryTotals: new Array<number>(K).fill(0) };
  const confusions: Float64Array[] = [];
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) confusions.push(new Float64Array(K * K));
  const counts = new Array<number>(K).fill(0);
  const present: number[] = [];
  let allNone = 0;
  for (let t = 0; t < tokens; t++) {
    let labelled = false;
    for (let l = 0; l < m; l++) if (categories[l]![t] !== 0) labelled = true;
    if (!labelled) {
      allNone++;
      continue;
    }
    for (let l = 0; l < m; l++) {
      const c = categories[l]![t]!;
      if (counts[c] === 0) present.push(c);
      counts[c]! += 1;
    }
    for (const c of present) {
      fleiss.sumSquares += counts[c]! * counts[c]!;
      fleiss.categoryTotals[c]! += counts[c]!;
    }
    if (m >= 2) addUnit(o, present, counts, m);
    let p = 0;
    for (let i = 0; i < m; i++) {
      const ci = categories[i]![t]! * K;
      for (let j = i + 1; j < m; j++) confusions[p++]![ci + categories[j]![t]!]! += 1;
    }
    for (const c of present) counts[c] = 0;
    present.length = 0;
  }
  // Tokens nobody labelled: every layer says 'none'.
  if (m >= 2) o[0]![0]! += allNone * m;
  fleiss.sumSquares += allNone * m * m;
  fleiss.categoryTotals[0]! += allNone * m;
  for (const c of confusions) c[0]! += allNone;
  return { tokens, coincidences: o, fleiss, confusions };
}

export function unflatten(flat: Float64Array, K: number): number[][] {
  return Array.from({ length: K }, (_, i) => Array.from(flat.subarray(i * K, (i + 1) * K)));
}

/**
 * Share of a coincidence or confusion matrix on its diagonal: for coincidences, the share of pairable values whose
 * partner agrees (pairwise percent agreement); for a confusion matrix, the share of items labelled alike. NaN when empty.
 */
export function observedAgreement(o: readonly (readonly number[])[]): number {
  let total = 0;
  let diagonal = 0;
  o.forEach((row, i) => row.forEach((x, j) => ((total += x), i === j && (diagonal += x))));
  return total === 0 ? Number.NaN : diagonal / total;
}

export interface TokenPairAgreement {
  annotators: [string, string];
  cohenKappa: number;
  observedAgreement: number;
  /** Rows: first annotator, columns: second, both in the agreement's `categoryOrder`. */
  confusion: number[][];
}

export interface TokenAgreement {
  tokens: { start: number; end: number }[];
  /** Annotators present: those with at least one annotation in the document, in the order given. */
  annotators: string[];
  /** The categories in table order: 'none', then the labels measured. */
  categoryOrder: string[];
  categories: Record<string, Category[]>;
  pairs: TokenPairAgreement[];
  /** Over all present annotators (needs ≥ 2). */
  fleissKappa: number;
  /** Nominal, over present annotators (missing annotators do not count). */
  alpha: number;
  observedAgreement: number;
}

/**
 * Token-level agreement for one document. `annotations` are the document's; annotators without any annotation in
 * it are absent (missing), not "all none". `labels`: the label set, whose order the tables follow (default: the default
 * set); labels outside it that occur follow it, sorted. Undefined coefficients are NaN.
 */
export function tokenAgreement(text: string, annotations: readonly Annotation[], annotators: readonly string[], labels: LabelList = DEFAULT_LABEL_IDS): TokenAgreement {
  const { starts, ends } = tokenBounds(text);
  const present = annotators.filter((a) => annotations.some((x) => x.annotator === a));
  const order = agreementLabels(labels, annotations.filter((x) => present.includes(x.annotator)).map((x) => x.label));
  const names = tokenCategoryList(order);
  const cats = present.map((a) => tokenCategoryIndices(starts, ends, annotations.filter((x) => x.annotator === a), order));
  const tables = tokenTables(cats, starts.length, names.length);
  const pairs: TokenPairAgreement[] = [];
  let p = 0;
  for (let i = 0; i < present.length; i++) {
    for (let j = i + 1; j < present.length; j++) {
      const confusion = unflatten(tables.confusions[p++]!, names.length);
      pairs.push({ annotators: [present[i]!, present[j]!], cohenKappa: cohenKappaFromMatrix(confusion), observedAgreement: observedAgreement(confusion), confusion });
    }
  }
  return {
    tokens: Array.from(starts, (start, i) => ({ start, end: ends[i]! })),
    annotators: present,
    categoryOrder: names,
    categories: Object.fromEntries(present.map((a, i) => [a, Array.from(cats[i]!, (c) => names[c]!)])),
    pairs,
    fleissKappa: present.length >= 2 ? fleissKappaFromTotals(tables.fleiss) : Number.NaN,
    alpha: alphaFromCoincidences(tables.coincidences, null, 'nominal'),
    observedAgreement: observedAgreement(tables.coincidences),
  };
}
