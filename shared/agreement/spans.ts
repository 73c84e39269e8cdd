/**
 * Span-level agreement of two annotators on one document, one as reference and one as prediction.
 * exact: same start, end and label. overlap: same label and at least one shared code unit, matched one-to-one,
 * greedily by largest overlap (ties: closer boundaries, then earlier spans). F1 is symmetric in the two roles.
 */
import { LABEL_IDS, type DefaultLabel as Label } from '../labels.ts';
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

export function emptyCounts(): Record<Label, MatchCounts> {
  return Object.fromEntries(LABEL_IDS.map((l) => [l, { truePositives: 0, reference: 0, predicted: 0 }])) as Record<Label, MatchCounts>;
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

export function scoresFromCounts(counts: Record<Label, MatchCounts>): SpanScores {
  const micro: MatchCounts = { truePositives: 0, reference: 0, predicted: 0 };
  const perLabel = {} as Record<Label, PRF>;
  const used: PRF[] = [];
  for (const l of LABEL_IDS) {
    addCounts(micro, counts[l]);
    perLabel[l] = prf(counts[l]);
    if (counts[l].reference + counts[l].predicted > 0) used.push(perLabel[l]);
  }
  const mean = (f: (p: PRF) => number | null) => (used.length === 0 ? null : used.reduce((s, p) => s + (f(p) ?? 0), 0) / used.length);
  return { perLabel, micro: prf(micro), macro: { precision: mean((p) => p.precision), recall: mean((p) => p.recall), f1: mean((p) => p.f1) } };
}

/** Adds one document's matches between two annotators' spans to `into` (per label). */
export function countMatches(reference: readonly SpanLike[], predicted: readonly SpanLike[], mode: MatchMode, into: Record<Label, MatchCounts> = emptyCounts()): Record<Label, MatchCounts> {
  const byLabel = (spans: readonly SpanLike[]) => {
    const m = new Map<string, SpanLike[]>();
    for (const s of spans) {
      if (!(s.label in into)) throw new Error(`Unknown label "${s.label}".`);
      let list = m.get(s.label);
      if (!list) m.set(s.label, (list = []));
      list.push(s);
    }
    return m;
  };
  const ref = byLabel(reference);
  const pred = byLabel(predicted);
  for (const l of LABEL_IDS) {
    const a = ref.get(l) ?? [];
    const b = pred.get(l) ?? [];
    into[l].reference += a.length;
    into[l].predicted += b.length;
    if (a.length && b.length) into[l].truePositives += mode === 'exact' ? exactMatches(a, b) : overlapMatches(a, b).length;
  }
  return into;
}

/** Span-level precision, recall and F1 of `predicted` against `reference` (one document). */
export function spanAgreement(reference: readonly SpanLike[], predicted: readonly SpanLike[], mode: MatchMode): SpanScores {
  return scoresFromCounts(countMatches(reference, predicted, mode));
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

/** Rows and columns of the span confusion matrix: the labels, then "none" (no overlapping span on the other side). */
export const SPAN_CATEGORIES = [...LABEL_IDS, 'none'] as const;

export function emptySpanConfusion(): number[][] {
  return SPAN_CATEGORIES.map(() => SPAN_CATEGORIES.map(() => 0));
}

/**
 * Confusion between two annotators' labels over matched spans (one document). Spans are paired one-to-one by overlap
 * whatever their labels (overlapMatches: largest overlap first), so the matrix shows which label each side gave the
 * same stretch of text: a pair counts in [reference's label][other's label]; a span the other side has nothing
 * overlapping for counts in [label][none] or [none][label]. [none][none] stays 0. Adds into `into` (rows: reference).
 */
export function spanConfusion(reference: readonly SpanLike[], predicted: readonly SpanLike[], into: number[][] = emptySpanConfusion()): number[][] {
  const index = (s: SpanLike) => {
    const i = LABEL_IDS.indexOf(s.label as Label);
    if (i === -1) throw new Error(`Unknown label "${s.label}".`);
    return i;
  };
  const none = LABEL_IDS.length;
  const pairs = overlapMatches(reference, predicted);
  const matchedA = new Set<number>();
  const matchedB = new Set<number>();
  for (const [i, j] of pairs) {
    matchedA.add(i);
    matchedB.add(j);
    into[index(reference[i]!)]![index(predicted[j]!)]! += 1;
  }
  reference.forEach((s, i) => matchedA.has(i) || (into[index(s)]![none]! += 1));
  predicted.forEach((s, j) => matchedB.has(j) || (into[none]![index(s)]! += 1));
  return into;
}
