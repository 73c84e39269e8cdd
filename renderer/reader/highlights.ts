import { LABEL_IDS } from '../../shared/labels.ts';
import type { Annotation } from '../../shared/model.ts';
import type { TextMap } from './textMap.ts';

/**
 * Highlights are painted with the CSS Custom Highlight API: ranges over the rendered text, no extra DOM nodes, so
 * overlapping annotations need no splitting and the article renders as fast as plain text. Styles: styles.css.
 */
const FLASH_MS = 1200;

export function paintHighlights(map: TextMap, annotations: readonly Annotation[], selectedId: string | null): void {
  const byLabel = new Map<string, Range[]>(LABEL_IDS.map((l) => [l, []]));
  let selected: Range | null = null;
  for (const a of annotations) {
    const range = map.toRange(a.start, a.end);
    if (!range) continue;
    byLabel.get(a.label)?.push(range);
    if (a.id === selectedId) selected = map.toRange(a.start, a.end);
  }
  for (const [label, ranges] of byLabel) setHighlight(`fm-${label}`, ranges, 0);
  setHighlight('fm-overlap', overlapSpans(annotations).flatMap((s) => map.toRange(s.start, s.end) ?? []), 1);
  setHighlight('fm-selected', selected ? [selected] : [], 2);
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

export function flashHighlight(map: TextMap, annotation: Annotation): void {
  const range = map.toRange(annotation.start, annotation.end);
  if (!range) return;
  setHighlight('fm-flash', [range], 3);
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => CSS.highlights.delete('fm-flash'), FLASH_MS);
}

export function clearHighlights(): void {
  for (const label of LABEL_IDS) CSS.highlights.delete(`fm-${label}`);
  for (const name of ['fm-overlap', 'fm-selected', 'fm-flash']) CSS.highlights.delete(name);
}

function setHighlight(name: string, ranges: Range[], priority: number): void {
  const highlight = new Highlight(...ranges);
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
}

/** Stretches of text covered by two or more annotations, so stacked tags are visibly deeper. */
export function overlapSpans(annotations: readonly Annotation[]): { start: number; end: number }[] {
  const events: [number, number][] = [];
  for (const a of annotations) events.push([a.start, 1], [a.end, -1]);
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const spans: { start: number; end: number }[] = [];
  let depth = 0;
  let from = 0;
  for (const [at, delta] of events) {
    if (depth >= 2 && depth + delta < 2 && at > from) spans.push({ start: from, end: at });
    if (depth < 2 && depth + delta >= 2) from = at;
    depth += delta;
  }
  return spans;
}
