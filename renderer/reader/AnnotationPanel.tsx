import { useEffect, useRef } from 'react';
import { LABELS, isLabel, labelDef, type Label } from '../../shared/labels.ts';
import type { Annotation } from '../../shared/model.ts';

interface AnnotationPanelProps {
  annotations: readonly Annotation[];
  selectedId: string | null;
  onSelect(annotation: Annotation): void;
  onRelabel(annotation: Annotation, label: Label): void;
  onDelete(annotation: Annotation): void;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The "Annotations" region: one item per annotation in reading order. */
export function AnnotationPanel({ annotations, selectedId, onSelect, onRelabel, onDelete }: AnnotationPanelProps) {
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!selectedId) return;
    listRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  return (
    <section className="annotation-panel" aria-label="Annotations">
      <h2>
        Annotations <span className="count">{annotations.length}</span>
      </h2>
      {annotations.length === 0 ? (
        <p className="empty-hint">Select text in the article, then press Claim, Denial or Unverified (keys 1, 2, 3).</p>
      ) : null}
      <ol ref={listRef} className="annotation-list" aria-label="Annotations list">
        {annotations.map((a) => {
          const def = labelDef(a.label);
          const selected = a.id === selectedId;
          return (
            <li
              key={a.id}
              data-id={a.id}
              className={`annotation-item label-${a.label}${selected ? ' selected' : ''}`}
              aria-current={selected ? 'true' : undefined}
              onClick={(e) => {
                if ((e.target as HTMLElement).closest('select, button.delete')) return;
                onSelect(a);
              }}
            >
              <button type="button" className="quote" title="Show in the article" aria-label={`${def.name}: ${a.quote}`}>
                <span className={`badge label-${a.label}`}>{def.name}</span>
                <q>{a.quote}</q>
              </button>
              <div className="item-meta">
                <span className="annotator">{a.annotator}</span>
                <time dateTime={a.updatedAt}>{timeFormat.format(new Date(a.updatedAt))}</time>
              </div>
              <div className="item-actions">
                <label>
                  <span className="visually-hidden">Label</span>
                  <select
                    aria-label="Label"
                    value={a.label}
                    onChange={(e) => isLabel(e.target.value) && onRelabel(a, e.target.value)}
                  >
                    {LABELS.map((l) => (
                      <option key={l.id} value={l.id}>
                        {l.name}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" className="delete" onClick={() => onDelete(a)}>
                  Delete
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
