import { useSyncExternalStore } from 'react';
import { DEFAULT_LABELS, labelDef as defIn, type Label, type LabelDef, type LabelSet } from '../../shared/labels.ts';
import { applyLabelStyles } from './labelStyles.ts';

/**
 * The library's label set for the whole renderer. A module store rather than only React state, because key handlers
 * and the highlight painter read it outside rendering; components subscribe with useLabels(). It is read at startup
 * (startup.ts) and LabelsProvider writes changes back.
 */
let current: LabelSet = DEFAULT_LABELS;
/** Bumped when annotations were relabelled or deleted in bulk, so an open reader reloads them. */
let revision = 0;
const listeners = new Set<() => void>();

applyLabelStyles(current);

export function getLabels(): LabelSet {
  return current;
}

/** The current set's definition of `id` (a grey stand-in for a label no longer in the set). */
export function labelDef(id: Label): LabelDef {
  return defIn(id, current);
}

export function setLabels(set: LabelSet): void {
  current = set;
  applyLabelStyles(set);
  for (const l of listeners) l();
}

export function bumpLabelsRevision(): void {
  revision += 1;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current label set; re-renders when it changes. */
export function useLabels(): LabelSet {
  return useSyncExternalStore(subscribe, getLabels);
}

/** Changes when annotations were relabelled or deleted in bulk (a removed label). */
export function getLabelsRevision(): number {
  return revision;
}

export function useLabelsRevision(): number {
  return useSyncExternalStore(subscribe, () => revision);
}
