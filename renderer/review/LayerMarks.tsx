/**
 * In review mode the reader's highlights say which layer each span belongs to: a bar in the layer's colour under the
 * span (one height per layer, so stacked spans of several annotators stay apart) and the layer's initials at its
 * start, so a layer is never told by colour alone. Drawn over the article (CSS highlights cannot carry text, and the
 * article's own DOM belongs to the reader and its offset map), from the rendered text's client rectangles.
 */
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { labelDef } from '../labels/labelStore.ts';
import type { Annotation } from '../../shared/model.ts';
import { layerOf, type LayerStyle } from '../../shared/review/layers.ts';
import type { TextMap } from '../reader/textMap.ts';

interface Props {
  /** The reader's scrolling element: the marks scroll with the text inside it. */
  host: HTMLElement;
  map(): TextMap | null;
  annotations: readonly Annotation[];
  /** The visible layers in order: a layer's bar sits lower the later it comes. */
  layers: readonly string[];
  styles: Map<string, LayerStyle>;
}

interface Bar {
  left: number;
  top: number;
  width: number;
  colour: string;
}
interface Badge {
  key: string;
  left: number;
  top: number;
  colour: string;
  initials: string;
  name: string;
}

const BAR_GAP = 3;
const BADGE_WIDTH = 20;

export function LayerMarks({ host, map, annotations, layers, styles }: Props) {
  const [marks, setMarks] = useState<{ bars: Bar[]; badges: Badge[] }>({ bars: [], badges: [] });
  const order = useMemo(() => new Map(layers.map((l, i) => [l, i])), [layers]);

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setMarks(place(host, map(), annotations, order, styles)));
    };
    measure();
    // The text re-wraps when the panel or window changes width, and grows as the reader renders more chunks. A chunk
    // coming into view is laid out for real (content-visibility) and can change height, moving the text below it:
    // that resizes the article text too, so no scroll listener is needed (the marks are placed in scrolled content
    // coordinates and scroll with the text).
    const observer = new ResizeObserver(measure);
    observer.observe(host);
    const text = host.querySelector('.article-text');
    if (text) observer.observe(text);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [host, map, annotations, order, styles]);

  return createPortal(
    <div className="layer-marks" role="group" aria-label="Layer marks">
      {marks.bars.map((b, i) => (
        <span key={i} className="layer-bar" aria-hidden="true" style={{ left: b.left, top: b.top, width: b.width, backgroundColor: b.colour }} />
      ))}
      {marks.badges.map((b) => (
        <span key={b.key} className="layer-mark" role="img" aria-label={b.name} title={b.name} style={{ left: b.left, top: b.top, backgroundColor: b.colour }}>
          {b.initials}
        </span>
      ))}
    </div>,
    host,
  );
}

/** Positions in the host's scrolled content, for every annotation whose text is rendered. */
function place(host: HTMLElement, map: TextMap | null, annotations: readonly Annotation[], order: Map<string, number>, styles: Map<string, LayerStyle>) {
  const bars: Bar[] = [];
  const badges: Badge[] = [];
  if (!map) return { bars, badges };
  const origin = host.getBoundingClientRect();
  const dx = host.scrollLeft - origin.left - host.clientLeft;
  const dy = host.scrollTop - origin.top - host.clientTop;
  // badges starting at the same place go side by side instead of on top of each other
  const taken = new Map<string, number>();
  for (const a of annotations) {
    const layer = layerOf(a);
    const style = styles.get(layer);
    const index = order.get(layer);
    if (!style || index === undefined) continue;
    const range = map.renderedRange(a.start, a.end);
    if (!range) continue;
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 0) continue;
    for (const r of rects) bars.push({ left: r.left + dx, top: r.bottom + dy + 1 + index * BAR_GAP, width: r.width, colour: style.colour });
    const first = rects[0]!;
    const spot = `${Math.round(first.left)}:${Math.round(first.top)}`;
    const k = taken.get(spot) ?? 0;
    taken.set(spot, k + 1);
    badges.push({
      key: a.id,
      left: first.left + dx + k * BADGE_WIDTH,
      top: first.top + dy - 10,
      colour: style.colour,
      initials: style.initials,
      name: `${layer}: ${labelDef(a.label).name.toLowerCase()} “${a.quote.length > 40 ? `${a.quote.slice(0, 39)}…` : a.quote}”`,
    });
  }
  return { bars, badges };
}
