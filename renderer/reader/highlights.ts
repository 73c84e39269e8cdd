import { LABEL_IDS, highlightName, type Label } from '../../shared/labels.ts';
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
 * a tag or an undo touches one range instead of rebuilding ten thousand. While the article is still being rendered
 * in chunks, annotations not rendered yet wait in `pending` and are painted by `extend` as their text lands.
 *
 * Only the ranges meeting the reading window (`setWindow`: what the scroll box shows and about a screenful either
 * side, readingWindow.ts) are registered in the label and overlap highlights. Why: Chromium re-validates every
 * registered range on any highlight change, so each tag, undo and scroll frame paid for all of them (~33 ms a frame
 * with 10,000). Ranges of the rest are kept ready in `painted` and registered as the window moves over them.
 */
export class HighlightPainter {
  private readonly layers = new Map<string, Highlight>();
  private readonly overlapLayer: Highlight;
  /** The range painted for each annotation object currently shown. */
  private readonly painted = new Map<Annotation, StaticRange>();
  /** Annotations whose text is not rendered yet. */
  private readonly pending = new Set<Annotation>();
  /** Overlap stretches keyed by "start:end", with their range (null while not rendered yet). */
  private overlaps = new Map<string, Stretch>();
  private previous: readonly Annotation[] = [];
  /** Annotations whose range is registered in their label's highlight (those meeting the window). */
  private readonly shown = new Set<Annotation>();
  /** The reading window, document offsets [lo, hi): ranges meeting it are registered. */
  private lo = 0;
  private hi = Infinity;
  private selectedLayer: Highlight | null = null;
  /** The annotations of the list painted, by id: the selected one is looked up on every paint. */
  private readonly byId = new Map<string, Annotation>();

  constructor(readonly map: TextMap) {
    for (const label of LABEL_IDS) this.layer(label);
    this.overlapLayer = register('fm-overlap', 1);
  }

  update(annotations: readonly Annotation[], selectedId: string | null): void {
    if (annotations !== this.previous) this.sync(annotations);
    const selected = selectedId === null ? undefined : this.byId.get(selectedId);
    const range = selected && this.map.staticRange(selected.start, selected.end);
    this.selectedLayer = setHighlight('fm-selected', range ? [range] : [], 2);
  }

  /**
   * Takes this painter's highlights off the page — only those still registered by it: when one article replaces
   * another, the new reader's painter registers its layers before the old one is disposed.
   */
  dispose(): void {
    const own = [...this.layers.entries()].map(([label, h]) => [highlightName(label), h] as const);
    own.push(['fm-overlap', this.overlapLayer]);
    if (this.selectedLayer) own.push(['fm-selected', this.selectedLayer]);
    for (const [name, h] of own) if (CSS.highlights.get(name) === h) CSS.highlights.delete(name);
  }

  /** How many annotations have their range ready (registered or waiting for the window): all of them once rendered. */
  get prepared(): number {
    return this.painted.size;
  }

  /**
   * Moves the reading window to [lo, hi): registers the ranges that meet it and takes out those that no longer do.
   * A pass over the prepared ranges (cheap: pointer and number comparisons), called when the window has to move:
   * every few frames of a scroll, not every frame.
   */
  setWindow(lo: number, hi: number): void {
    if (lo === this.lo && hi === this.hi) return;
    this.lo = lo;
    this.hi = hi;
    for (const [a, range] of this.painted) {
      const want = this.meets(a);
      if (want === this.shown.has(a)) continue;
      if (want) {
        this.layer(a.label).add(range);
        this.shown.add(a);
      } else {
        this.layers.get(a.label)?.delete(range);
        this.shown.delete(a);
      }
    }
    for (const s of this.overlaps.values()) this.showOverlap(s);
  }

  private meets(span: { start: number; end: number }): boolean {
    return span.start < this.hi && span.end > this.lo;
  }

  /** More of the article is rendered: paints what was waiting for it. */
  extend(): void {
    const end = this.map.renderedEnd;
    for (const a of this.pending) if (a.end <= end) this.paint(a);
    for (const s of this.overlaps.values()) if (!s.range && s.end <= end) this.paintOverlap(s);
  }

  private paint(a: Annotation): void {
    this.pending.delete(a);
    const range = this.map.staticRange(a.start, a.end);
    if (range) {
      this.painted.set(a, range);
      if (this.meets(a)) {
        this.layer(a.label).add(range);
        this.shown.add(a);
      }
    } else if (a.end > this.map.renderedEnd) this.pending.add(a);
  }

  /** The highlight painting one label, made when the label is first met (the label set is configurable). */
  private layer(label: Label): Highlight {
    let layer = this.layers.get(label);
    if (!layer) this.layers.set(label, (layer = register(highlightName(label), 0)));
    return layer;
  }

  private paintOverlap(s: Stretch): void {
    s.range = this.map.staticRange(s.start, s.end);
    this.showOverlap(s);
  }

  /** Registers an overlap stretch's range when it meets the window, takes it out when it does not. */
  private showOverlap(s: Stretch): void {
    const want = s.range !== null && this.meets(s);
    if (want === s.shown) return;
    if (want) this.overlapLayer.add(s.range!);
    else if (s.range) this.overlapLayer.delete(s.range);
    s.shown = want;
  }

  private hideOverlap(s: Stretch): void {
    if (s.shown && s.range) this.overlapLayer.delete(s.range);
    s.shown = false;
  }

  /**
   * Both lists are in reading order and an unchanged annotation is the same object in both, so walking them side by
   * side finds the few that changed with pointer comparisons (no set of ten thousand built per key press).
   */
  private sync(next: readonly Annotation[]): void {
    const prev = this.previous;
    const removed: Annotation[] = [];
    const added: Annotation[] = [];
    const known = (a: Annotation) => this.painted.has(a) || this.pending.has(a);
    const remove = (a: Annotation) => {
      const range = this.painted.get(a);
      if (range && this.shown.has(a)) this.layers.get(a.label)?.delete(range);
      this.shown.delete(a);
      this.painted.delete(a);
      this.pending.delete(a);
      if (this.byId.get(a.id) === a) this.byId.delete(a.id);
      removed.push(a);
    };
    let i = 0;
    let j = 0;
    while (i < prev.length && j < next.length) {
      if (prev[i] === next[j]) {
        i++;
        j++;
      } else if (known(next[j]!)) remove(prev[i++]!);
      else added.push(next[j++]!);
    }
    while (i < prev.length) remove(prev[i++]!);
    while (j < next.length) added.push(next[j++]!);
    // an object removed above and met again later in `next` (only if the order changed) is painted again
    for (const a of added) {
      this.byId.set(a.id, a);
      this.paint(a);
    }
    if (this.previous.length === 0 || removed.length + added.length > 64) this.syncAllOverlaps(next);
    else if (!sameSpans(removed, added)) this.syncOverlapsAround(next, [...removed, ...added]);
    this.previous = next;
  }

  /** Recomputes the overlap layer from all annotations, keeping the ranges of stretches that did not move. */
  private syncAllOverlaps(annotations: readonly Annotation[]): void {
    const next = new Map<string, Stretch>();
    for (const s of overlapSpans(annotations)) {
      const key = `${s.start}:${s.end}`;
      const kept = this.overlaps.get(key);
      if (kept) {
        next.set(key, kept);
        this.overlaps.delete(key);
        continue;
      }
      const entry: Stretch = { ...s, range: null, shown: false };
      next.set(key, entry);
      this.paintOverlap(entry);
    }
    for (const gone of this.overlaps.values()) this.hideOverlap(gone);
    this.overlaps = next;
  }

  /** A few annotations changed: only the overlap stretches around them are recomputed (see overlapsAround). */
  private syncOverlapsAround(annotations: readonly Annotation[], changed: Annotation[]): void {
    const { lo, hi, fresh } = overlapsAround(this.overlaps.values(), annotations, changed);
    for (const [key, s] of this.overlaps) {
      if (s.start < lo || s.end > hi || fresh.has(key)) continue;
      this.hideOverlap(s);
      this.overlaps.delete(key);
    }
    for (const [key, s] of fresh) {
      if (this.overlaps.has(key)) continue;
      const entry: Stretch = { ...s, range: null, shown: false };
      this.overlaps.set(key, entry);
      this.paintOverlap(entry);
    }
  }
}

/** An overlap stretch, its range (null while not rendered yet) and whether that range is registered. */
interface Stretch {
  start: number;
  end: number;
  range: StaticRange | null;
  shown: boolean;
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

function register(name: string, priority: number): Highlight {
  const highlight = new Highlight();
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
  return highlight;
}

/** Sets the highlight `name` to exactly `ranges`, at `priority`; returns the Highlight registered. */
export function setHighlight(name: string, ranges: AbstractRange[], priority: number): Highlight {
  const highlight = new Highlight(...ranges);
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
  return highlight;
}

/**
 * The overlap stretches after a change to a few annotations, as a region [lo, hi] and the stretches inside it; those
 * outside it are unchanged. The region starts as the changed spans' extent and takes in every old stretch touching
 * it, so no stretch crosses its edges; inside, stacking depends only on the annotations that meet the region, so the
 * stretches computed from those (clipped to it) are exact.
 */
export function overlapsAround(
  old: Iterable<{ start: number; end: number }>,
  annotations: readonly { start: number; end: number }[],
  changed: readonly { start: number; end: number }[],
): { lo: number; hi: number; fresh: Map<string, { start: number; end: number }> } {
  const stretches = [...old];
  let lo = Math.min(...changed.map((a) => a.start));
  let hi = Math.max(...changed.map((a) => a.end));
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stretches) {
      if (s.start <= hi && s.end >= lo && (s.start < lo || s.end > hi)) {
        lo = Math.min(lo, s.start);
        hi = Math.max(hi, s.end);
        grew = true;
      }
    }
  }
  const fresh = new Map<string, { start: number; end: number }>();
  for (const s of overlapSpans(annotations.filter((a) => a.start < hi && a.end > lo))) {
    const start = Math.max(s.start, lo);
    const end = Math.min(s.end, hi);
    if (end > start) fresh.set(`${start}:${end}`, { start, end });
  }
  return { lo, hi, fresh };
}

/** Stretches of text covered by two or more annotations, so stacked tags are visibly deeper. */
export function overlapSpans(annotations: readonly { start: number; end: number }[]): { start: number; end: number }[] {
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
