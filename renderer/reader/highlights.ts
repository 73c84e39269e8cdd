import { LABEL_IDS } from '../../shared/labels.ts';
import type { Annotation } from '../../shared/model.ts';
import type { TextMap } from './textMap.ts';

/**
 * Highlights are painted with the CSS Custom Highlight API: ranges over the rendered text, no extra DOM nodes, so
 * overlapping annotations need no splitting and the article renders as fast as plain text. Styles: styles.css.
 */
const FLASH_MS = 1200;

/**
 * Keeps one Highlight per layer for one rendered article and changes only the ranges of annotations that changed.
 * The annotation list is replaced immutably (applyOpToList), so an unchanged annotation keeps its object identity:
 * a tag or an undo touches one range instead of rebuilding ten thousand.
 */
export class HighlightPainter {
  private readonly layers = new Map<string, Highlight>();
  private readonly overlapLayer: Highlight;
  /** The range painted for each annotation object currently shown. */
  private readonly painted = new Map<Annotation, Range>();
  /** Overlap ranges keyed by "start:end", so a change re-creates only the stretches that moved. */
  private overlaps = new Map<string, Range>();
  private previous: readonly Annotation[] = [];

  constructor(readonly map: TextMap) {
    for (const label of LABEL_IDS) this.layers.set(label, register(`fm-${label}`, 0));
    this.overlapLayer = register('fm-overlap', 1);
  }

  update(annotations: readonly Annotation[], selectedId: string | null): void {
    if (annotations !== this.previous) this.sync(annotations);
    const selected = selectedId === null ? undefined : annotations.find((a) => a.id === selectedId);
    const range = selected && this.map.toRange(selected.start, selected.end);
    setHighlight('fm-selected', range ? [range] : [], 2);
  }

  private sync(next: readonly Annotation[]): void {
    const nextSet = new Set(next);
    const removed = [...this.painted.keys()].filter((a) => !nextSet.has(a));
    const added = next.filter((a) => !this.painted.has(a));
    for (const a of removed) {
      this.layers.get(a.label)?.delete(this.painted.get(a)!);
      this.painted.delete(a);
    }
    for (const a of added) {
      const range = this.map.toRange(a.start, a.end);
      if (!range) continue;
      this.layers.get(a.label)?.add(range);
      this.painted.set(a, range);
    }
    if (!sameSpans(removed, added)) this.syncOverlaps(next);
    this.previous = next;
  }

  private syncOverlaps(annotations: readonly Annotation[]): void {
    const layer = this.overlapLayer;
    const next = new Map<string, Range>();
    for (const s of overlapSpans(annotations)) {
      const key = `${s.start}:${s.end}`;
      const kept = this.overlaps.get(key);
      if (kept) {
        next.set(key, kept);
        this.overlaps.delete(key);
        continue;
      }
      const range = this.map.toRange(s.start, s.end);
      if (!range) continue;
      next.set(key, range);
      layer.add(range);
    }
    for (const gone of this.overlaps.values()) layer.delete(gone);
    this.overlaps = next;
  }
}

/** True when the changes leave every span where it was (a relabel), so the overlap layer cannot have changed. */
function sameSpans(removed: readonly Annotation[], added: readonly Annotation[]): boolean {
  if (removed.length !== added.length) return false;
  const spans = new Map(removed.map((a) => [a.id, a]));
  return added.every((a) => {
    const before = spans.get(a.id);
    return before !== undefined && before.start === a.start && before.end === a.end;
  });
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

function register(name: string, priority: number): Highlight {
  const highlight = new Highlight();
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
  return highlight;
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
