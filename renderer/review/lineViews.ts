/** What the two line-by-line review views (Stacked, Side by side) share: their props and the article's lines with spans. */
import type { Annotation } from '../../shared/model.ts';
import type { LayerStyle } from '../../shared/review/layers.ts';

export interface LineViewProps {
  text: string;
  layers: string[];
  styles: Map<string, LayerStyle>;
  byLayer: Map<string, Annotation[]>;
  selectedIds: ReadonlySet<string>;
  onSelect(a: Annotation): void;
}

export interface Line {
  start: number;
  end: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    out.push({ start, end: start + part.length });
    start += part.length + 1;
  }
  return out;
}

const onLine = (a: Annotation, line: Line) => a.start < line.end && a.end > line.start;

/** The layer's spans that overlap the line. */
export function spansOnLine(byLayer: Map<string, Annotation[]>, layer: string, line: Line): Annotation[] {
  return (byLayer.get(layer) ?? []).filter((a) => onLine(a, line));
}

/** The article's lines that carry a span of one of these layers (both review views show only those). */
export function linesWithSpans(text: string, layers: readonly string[], byLayer: Map<string, Annotation[]>): Line[] {
  return lines(text).filter((l) => layers.some((name) => (byLayer.get(name) ?? []).some((a) => onLine(a, l))));
}
