/**
 * Which labels agreement is measured over. The categories come from the data, not from a fixed list, so a library
 * with its own label set (or an import with labels nobody configured) is measured in full instead of losing the
 * annotations it cannot place: the label set's ids in set order, then any other label that occurs, in code-unit
 * order (locale-independent, so the same on every machine). With no set, that is just the occurring labels sorted.
 */
import type { Label, LabelDef } from '../labels.ts';

/** A label set as definitions or bare ids (what Dataset.labels, a native header or a caller may hold). */
export type LabelList = readonly (LabelDef | Label)[];

const idOf = (l: LabelDef | Label): Label => (typeof l === 'string' ? l : l.id);

/** True for a label agreement can count: a non-empty string (anything else is reported as an invalid label). */
export function isMeasurableLabel(value: unknown): value is Label {
  return typeof value === 'string' && value !== '';
}

/** The ordered labels to measure: `set` (when given) in its order, then the other occurring labels sorted. */
export function agreementLabels(set: LabelList | undefined, occurring: Iterable<unknown>): Label[] {
  const out: Label[] = [];
  const seen = new Set<Label>();
  for (const l of set ?? []) {
    const id = idOf(l);
    if (isMeasurableLabel(id) && !seen.has(id)) (seen.add(id), out.push(id));
  }
  const extra = new Set<Label>();
  for (const l of occurring) if (isMeasurableLabel(l) && !seen.has(l)) extra.add(l);
  return [...out, ...[...extra].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))];
}
