/**
 * "Side by side view": the annotators' spans in columns, one row group per line of the article that has spans — the
 * line, then each visible layer's spans in that layer's column. Each span is a button that selects it in the reader.
 */
import { labelDef } from '../labels/labelStore.ts';
import { LayerBadge } from './LayerBadge.tsx';
import { linesWithSpans, spansOnLine, type LineViewProps } from './lineViews.ts';

export function SideBySideView({ text, layers, styles, byLayer, selectedIds, onSelect }: LineViewProps) {
  const shown = linesWithSpans(text, layers, byLayer);
  return (
    <section className="side-by-side-view" aria-label="Side by side view">
      <h3>Side by side view</h3>
      {shown.length === 0 ? (
        <p className="empty-hint">No visible layer has spans in this article.</p>
      ) : (
        <table aria-label="Spans by annotator, line by line">
          <thead>
            <tr>
              {layers.map((name) => (
                <th key={name} scope="col">
                  <LayerBadge style={styles.get(name)} /> {name}
                </th>
              ))}
            </tr>
          </thead>
          {shown.map((line) => (
            <tbody key={line.start}>
              <tr className="sbs-line">
                <th scope="rowgroup" colSpan={layers.length}>
                  {text.slice(line.start, line.end)}
                </th>
              </tr>
              <tr>
                {layers.map((name) => {
                  const spans = spansOnLine(byLayer, name, line);
                  return (
                    <td key={name}>
                      {spans.length === 0 ? (
                        <span className="hint">—</span>
                      ) : (
                        <ul>
                          {spans.map((a) => (
                            <li key={a.id}>
                              <button
                                type="button"
                                className={`sbs-span label-${a.label}${selectedIds.has(a.id) ? ' selected' : ''}`}
                                aria-label={`${name}: ${labelDef(a.label).name} “${a.quote}”`}
                                aria-current={selectedIds.has(a.id) ? 'true' : undefined}
                                onClick={() => onSelect(a)}
                              >
                                <span className="sbs-label">{labelDef(a.label).name}</span> “{a.quote}”
                              </button>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}
