/**
 * Span-level agreement of two annotators on one document, one as reference and one as prediction.
 * exact: same start, end and label. overlap: same label and at least one shared code unit, matched one-to-one,
 * greedily by largest overlap (ties: closer boundaries, then earlier spans). F1 is symmetric in the two roles.
 * The low-level functions take the labels to measure (default: the default set) and refuse a label outside them;
 * spanAgreement and the report measure the labels of the data (categories.ts).
 */
import { DEFAULT_LABEL_IDS, LABEL_IDS, type Label } from '../labels.ts';
import { agreementLabels, type LabelList } from './categories.ts';
import type { SpanLike } from './tokens.ts';

export type MatchMode = 'exact' | 'overlap';

export interface MatchCounts {
  truePositives: number;
  /** Spans of the reference annotator. */
  reference: number;
  /** Spans of the other annotator. */
  predicted: number;
}

/** Precision = TP/predicted, recall = TP/reference, F1 = 2TP/(reference + predicted); null when the denominator is 0. */
export interface PRF extends MatchCounts {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface SpanScores {
  perLabel: Record<Label, PRF>;
  /** Pooled over labels. */
  micro: PRF;
  /** Mean over the labels either side used (an undefined precision or recall counts as 0); null if none used. */
  macro: { precision: number | null; recall: number | null; f1: number | null };
}

/** Zero counts for each of `labels` (default: the default set). */
export function emptyCounts(labels: readonly Label[] = LABEL_IDS): Record<Label, MatchCounts> {
  // a null prototype: a label called "constructor" or "__proto__" is a label like any other
  const counts = Object.create(null) as Record<Label, MatchCounts>;
  for (const l of labels) counts[l] = { truePositives: 0, reference: 0, predicted: 0 };
  return counts;
}

export function addCounts(into: MatchCounts, c: MatchCounts): void {
  into.truePositives += c.truePositives;
  into.reference += c.reference;
  into.predicted += c.predicted;
}

export function prf(c: MatchCounts): PRF {
  const { truePositives: tp, reference, predicted } = c;
  return {
    truePositives: tp,
    reference,
    predicted,
    precision: predicted === 0 ? null : tp / predicted,
    recall: reference === 0 ? null : tp / reference,
    f1: reference + predicted === 0 ? null : (2 * tp) / (reference + predicted),
  };
}

/** Scores per label in `labels` order (default: the order of `counts`' keys; pass it when ids may look like numbers). */
export function scoresFromCounts(counts: Record<Label, MatchCounts>, labels: readonly Label[] = Object.keys(counts)): SpanScores {
  const micro: MatchCounts = { truePositives: 0, reference: 0, predicted: 0 };
  const perLabel = Object.create(null) as Record<Label, PRF>;
  const used: PRF[] = [];
  for (const l of labels) {
    const c = counts[l] ?? { truePositives: 0, reference: 0, predicted: 0 };
    const scores = prf(c);
    addCounts(micro, c);
    perLabel[l] = scores;
    if (c.reference + c.predicted > 0) used.push(scores);
  }
  const mean = (f: (p: PRF) => number | null) => (used.length === 0 ? null : used.reduce((s, p) => s + (f(p) ?? 0), 0) / used.length);
  return { perLabel, micro: prf(micro), macro: { precision: mean((p) => p.precision), recall: mean((p) => p.recall), f1: mean((p) => p.f1) } };
}

/** Adds one document's matches between two annotators' spans to `into` (per label). */
export function countMatches(reference: readonly SpanLike[], predicted: readonly SpanLike[], mode: MatchMode, into: Record<Label, MatchCounts> = emptyCounts()): Record<Label, MatchCounts> {
  const byLabel = (spans: readonly SpanLike[]) => {
    const m = new Map<string, SpanLike[]>();
    for (const s of spans) {
      if (!Object.prototype.hasOwnProperty.call(into, s.label)) throw new Error(`Unknown label "${s.label}".`);
      let list = m.get(s.label);
      if (!list) m.set(s.label, (list = []));
      list.push(s);
    }
    return m;
  };
  const ref = byLabel(reference);
  const pred = byLabel(predicted);
  for (const [l, c] of Object.entries(into)) {
    const a = ref.get(l) ?? [];
    const b = pred.get(l) ?? [];
    c.reference += a.length;
    c.predicted += b.length;
    if (a.length && b.length) c.truePositives += mode === 'exact' ? exactMatches(a, b) : overlapMatches(a, b).length;
  }
  return into;
}

/**
 * Span-level precision, recall and F1 of `predicted` against `reference` (one document), per label of `labels` (the
 * label set; default: the default set) and any other label that occurs, sorted after them.
 */
export function spanAgreement(reference: readonly SpanLike[], predicted: readonly SpanLike[], mode: MatchMode, labels: LabelList = DEFAULT_LABEL_IDS): SpanScores {
  const order = agreementLabels(labels, [...reference, ...predicted].map((s) => s.label));
  return scoresFromCounts(countMatches(reference, predicted, mode, emptyCounts(order)), order);
}

function exactMatches(a: readonly SpanLike[], b: readonly SpanLike[]): number {
  const counts = new Map<string, number>();
  for (const s of a) counts.set(`${s.start}:${s.end}`, (counts.get(`${s.start}:${s.end}`) ?? 0) + 1);
  let tp = 0;
  for (const s of b) {
    const key = `${s.start}:${s.end}`;
    const left = counts.get(key) ?? 0;
    if (left > 0) {
      tp++;
      counts.set(key, left - 1);
    }
  }
  return tp;
}

/**
 * One-to-one matching of overlapping spans (same label assumed), greedy by largest overlap. Returns index pairs
 * [i in a, j in b]. Candidate pairs come from a sweep over start offsets, so the cost follows the number of
 * overlapping pairs, not |a|·|b|.
 */
export function overlapMatches(a: readonly { start: number; end: number }[], b: readonly { start: number; end: number }[]): [number, number][] {
  const events = [...a.map((s, i) => ({ s, i, side: 0 })), ...b.map((s, i) => ({ s, i, side: 1 }))].sort((x, y) => x.s.start - y.s.start || x.side - y.side);
  const active: [typeof events, typeof events] = [[], []];
  const candidates: { i: number; j: number; overlap: number; slack: number }[] = [];
  for (const e of events) {
    const other = active[1 - e.side]!;
    let keep = 0;
    for (const o of other) {
      if (o.s.end <= e.s.start) continue; // ended before this span starts: never overlaps anything later
      other[keep++] = o;
      const [x, y] = e.side === 0 ? [e, o] : [o, e];
      candidates.push({ i: x.i, j: y.i, overlap: Math.min(x.s.end, y.s.end) - e.s.start, slack: Math.abs(x.s.start - y.s.start) + Math.abs(x.s.end - y.s.end) });
    }
    other.length = keep;
    active[e.side]!.push(e);
  }
  candidates.sort((x, y) => y.overlap - x.overlap || x.slack - y.slack || a[x.i]!.start - a[y.i]!.start || b[x.j]!.start - b[y.j]!.start || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: [number, number][] = [];
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    pairs.push([c.i, c.j]);
  }
  return pairs;
}

/** Rows and columns of the span confusion matrix for the default set: the labels, then "none" (no overlapping span on the other side). */
export const SPAN_CATEGORIES = [...LABEL_IDS, 'none'] as const;

/** The span confusion matrix's rows and columns for `labels`: the labels, then "none". */
export function spanCategoryList(labels: readonly Label[]): string[] {
  return [...labels, 'none'];
}

export function emptySpanConfusion(labels: readonly Label[] = LABEL_IDS): number[][] {
  const n = labels.length + 1;
  return Array.from({ length: n }, () => new Array<number>(n).fill(0));
}

/**
 * Confusion between two annotators' labels over matched spans (one document). Spans are paired one-to-one by overlap
 * whatever their labels (overlapMatches: largest overlap first), so the matrix shows which label each side gave the
 * same stretch of text: a pair counts in [reference's label][other's label]; a span the other side has nothing
 * overlapping for counts in [label][none] or [none][label]. [none][none] stays 0. Adds into `into` (rows: reference),
 * whose rows and columns are `labels` (default: the default set) and none.
 */
export function spanConfusion(reference: readonly SpanLike[], predicted: readonly SpanLike[], into?: number[][], labels: readonly Label[] = LABEL_IDS): number[][] {
  const matrix = into ?? emptySpanConfusion(labels);
  const position = new Map(labels.map((l, i) => [l, i]));
  const index = (s: SpanLike) => {
    const i = position.get(s.label);
    if (i === undefined) throw new Error(`Unknown label "${s.label}".`);
    return i;
  };
  const none = labels.length;
  const pairs = overlapMatches(reference, predicted);
  const matchedA = new Set<number>();
  const matchedB = new Set<number>();
  for (const [i, j] of pairs) {
    matchedA.add(i);
    matchedB.add(j);
    matrix[index(reference[i]!)]![index(predicted[j]!)]! += 1;
  }
  reference.forEach((s, i) => matchedA.has(i) || (matrix[index(s)]![none]! += 1));
  predicted.forEach((s, j) => matchedB.has(j) || (matrix[none]![index(s)]! += 1));
  return matrix;
}
