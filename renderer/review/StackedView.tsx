/**
 * "Stacked view": under each line of the article that has spans, one row per visible layer, the layer's spans drawn
 * at the same place as the text above (same font, the uncovered text made invisible) and labelled with initials.
 * Each row also names its spans in words, so the view does not depend on sight or colour.
 */
import { labelDef } from '../labels/labelStore.ts';
import type { Annotation } from '../../shared/model.ts';
import { LayerBadge } from './LayerBadge.tsx';
import { linesWithSpans, spansOnLine, type Line, type LineViewProps } from './lineViews.ts';

export function StackedView({ text, layers, styles, byLayer, selectedIds, onSelect }: LineViewProps) {
  const shown = linesWithSpans(text, layers, byLayer);
  return (
    <section className="stacked-view" aria-label="Stacked view">
      <h3>Stacked view</h3>
      {shown.length === 0 ? <p className="empty-hint">No visible layer has spans in this article.</p> : null}
      {shown.map((line) => (
        <div className="stack-line" key={line.start}>
          <p className="stack-text">{text.slice(line.start, line.end)}</p>
          {layers.map((name) => {
            const spans = spansOnLine(byLayer, name, line);
            const style = styles.get(name);
            return (
              <div className="stack-row" key={name} role="group" aria-label={`${name}: ${spans.length ? spans.map((a) => `${labelDef(a.label).name} “${a.quote}”`).join('; ') : 'no spans'}`}>
                <LayerBadge style={style} />
                <span className="stack-track" aria-hidden="true">
                  {segments(line, spans).map((seg, i) =>
                    seg.a ? (
                      <span
                        key={i}
                        className={`stack-span label-${seg.a.label}${selectedIds.has(seg.a.id) ? ' selected' : ''}`}
                        style={{ outlineColor: style?.colour }}
                        onClick={() => onSelect(seg.a!)}
                      >
                        {text.slice(seg.start, seg.end)}
                      </span>
                    ) : (
                      <span key={i} className="stack-gap">
                        {text.slice(seg.start, seg.end)}
                      </span>
                    ),
                  )}
                </span>
              </div>
            );
          })}
        </div>
      ))}
    </section>
  );
}

/** The line cut where this layer's spans start and end; overlapping spans of one layer show the innermost. */
function segments(line: Line, spans: Annotation[]): { start: number; end: number; a?: Annotation }[] {
  const cuts = new Set([line.start, line.end]);
  for (const a of spans) {
    cuts.add(Math.max(line.start, a.start));
    cuts.add(Math.min(line.end, a.end));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: { start: number; end: number; a?: Annotation }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = spans.filter((a) => a.start <= start && a.end >= end).sort((x, y) => x.end - x.start - (y.end - y.start))[0];
    out.push(covering ? { start, end, a: covering } : { start, end });
  }
  return out;
}
