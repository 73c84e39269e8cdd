/**
 * Adjudication: the reviewer's gold layer built from the annotators' layers (docs/REVIEW.md). Pure: the caller
 * stores what these return. A gold annotation is an ordinary annotation with layer 'gold', the reviewer as
 * annotator and a decision saying how it was reached and why.
 */
import { makeAnnotation } from '../annotation.ts';
import type { Label } from '../labels.ts';
import type { Annotation, GoldDecision, Rejection } from '../model.ts';

export interface GoldDraft {
  start: number;
  end: number;
  label: Label;
  decision: GoldDecision;
}

const spanKey = (a: Pick<Annotation, 'start' | 'end' | 'label'>) => `${a.start}:${a.end}:${a.label}`;

export function makeGold(text: string, documentId: string, reviewer: string, draft: GoldDraft, now: string, id?: string): Annotation {
  const decision: GoldDecision = { action: draft.decision.action, ...(draft.decision.from?.length ? { from: draft.decision.from } : {}), ...(draft.decision.reason?.trim() ? { reason: draft.decision.reason.trim() } : {}) };
  return { ...makeAnnotation(text, { documentId, annotator: reviewer, label: draft.label, start: draft.start, end: draft.end }, now, id), layer: 'gold', decision };
}

/** Annotators' spans (not gold), grouped by identical span and label, with who chose each. */
function votes(annotations: readonly Annotation[]): Map<string, Annotation[]> {
  const out = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (a.layer === 'gold') continue;
    const k = spanKey(a);
    out.set(k, [...(out.get(k) ?? []), a]);
  }
  return out;
}

const annotatorsOf = (list: readonly Annotation[]) => new Set(list.map((a) => a.annotator));

/**
 * The span and label more than half of the article's annotators chose among these (a disagreement's spans), or
 * null when there is no strict majority.
 */
export function majorityOf(candidates: readonly Annotation[], annotatorCount: number): { start: number; end: number; label: Label; from: string[] } | null {
  let best: Annotation[] | null = null;
  for (const group of votes(candidates).values()) if (!best || annotatorsOf(group).size > annotatorsOf(best).size) best = group;
  if (!best || annotatorsOf(best).size * 2 <= annotatorCount) return null;
  const a = best[0]!;
  return { start: a.start, end: a.end, label: a.label, from: best.map((x) => x.id) };
}

/** Spans every one of the article's annotators made identically (same offsets and label) and gold does not have yet. */
export function agreedSpans(annotations: readonly Annotation[], annotators: readonly string[]): GoldDraft[] {
  if (annotators.length < 2) return [];
  const gold = new Set(annotations.filter((a) => a.layer === 'gold').map(spanKey));
  const out: GoldDraft[] = [];
  for (const [k, group] of votes(annotations)) {
    const who = annotatorsOf(group);
    if (gold.has(k) || !annotators.every((n) => who.has(n))) continue;
    const a = group[0]!;
    out.push({ start: a.start, end: a.end, label: a.label, decision: { action: 'accept', from: group.map((x) => x.id), reason: 'All annotators agreed.' } });
  }
  return out.sort((x, y) => x.start - y.start || y.end - x.end);
}

export type Outcome =
  | { status: 'pending' }
  | { status: 'accepted'; gold: Annotation; reason?: string }
  | { status: 'edited'; gold: Annotation; reason?: string; change: string }
  | { status: 'rejected'; reason?: string; reviewer: string };

/** What the reviewer did with an annotator's span: what an analyst sees after importing the adjudicated package. */
export function outcomeOf(a: Annotation, gold: readonly Annotation[], rejections: ReadonlyMap<string, Rejection>): Outcome {
  const rejected = rejections.get(a.id);
  if (rejected) return { status: 'rejected', reviewer: rejected.reviewer, ...(rejected.reason ? { reason: rejected.reason } : {}) };
  const g = gold.find((x) => x.decision?.from?.includes(a.id));
  if (!g) return { status: 'pending' };
  const reason = g.decision?.reason;
  if (g.start === a.start && g.end === a.end && g.label === a.label) return { status: 'accepted', gold: g, ...(reason ? { reason } : {}) };
  const changes: string[] = [];
  if (g.label !== a.label) changes.push(`label ${a.label} → ${g.label}`);
  if (g.start !== a.start || g.end !== a.end) changes.push(`span “${g.quote}”`);
  return { status: 'edited', gold: g, change: changes.join(', '), ...(reason ? { reason } : {}) };
}
