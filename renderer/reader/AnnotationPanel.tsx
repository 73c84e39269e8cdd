import { defaultRangeExtractor, useVirtualizer, type Range as VirtualRange } from '@tanstack/react-virtual';
import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
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
/** A typical item (one line of quote, meta, actions); real heights are measured once an item is rendered. */
const ESTIMATED_ITEM_PX = 96;
/** The space between items (the list's former flex gap of 0.45rem). */
const GAP_PX = 7;

/**
 * The "Annotations" region: one item per annotation in reading order. The list is virtualised — only the items in
 * view (plus overscan, plus the selected one) are in the DOM — so ten thousand annotations cost what twenty do;
 * aria-setsize/aria-posinset give assistive tech the full count and each item's place in it.
 */
export function AnnotationPanel({ annotations, selectedId, onSelect, onRelabel, onDelete }: AnnotationPanelProps) {
  const panelRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const [listTop, setListTop] = useState(0);
  const selectedIndex = selectedId === null ? -1 : annotations.findIndex((a) => a.id === selectedId);

  // The panel scrolls its heading and the list together: the list starts below the heading.
  useLayoutEffect(() => {
    const panel = panelRef.current;
    const list = listRef.current;
    if (!panel || !list) return;
    setListTop(list.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop);
  }, [annotations.length === 0]);

  // The selected item stays rendered even when scrolled away, so focus in it and aria-current are not lost.
  const rangeExtractor = useCallback(
    (range: VirtualRange) => {
      const indexes = defaultRangeExtractor(range);
      if (selectedIndex < 0 || indexes.includes(selectedIndex)) return indexes;
      return [...indexes, selectedIndex].sort((x, y) => x - y);
    },
    [selectedIndex],
  );

  const virtualizer = useVirtualizer({
    count: annotations.length,
    getScrollElement: () => panelRef.current,
    estimateSize: () => ESTIMATED_ITEM_PX,
    getItemKey: (index) => annotations[index]!.id,
    gap: GAP_PX,
    overscan: 6,
    scrollMargin: listTop,
    rangeExtractor,
  });

  // Selecting an annotation anywhere (click in the text, J/K, tagging) brings its item into view — once per
  // selection, so later changes to the list do not pull the panel back while the reader scrolls it.
  const scrolledTo = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (selectedId === null) scrolledTo.current = null;
    if (selectedIndex < 0 || scrolledTo.current === selectedId) return;
    scrolledTo.current = selectedId;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedId, selectedIndex, virtualizer]);

  const items = virtualizer.getVirtualItems();
  return (
    <section ref={panelRef} className="annotation-panel" aria-label="Annotations">
      <h2>
        Annotations <span className="count">{annotations.length}</span>
      </h2>
      {annotations.length === 0 ? (
        <p className="empty-hint">Select text in the article, then press Claim, Denial or Unverified (keys 1, 2, 3).</p>
      ) : null}
      <ol ref={listRef} className="annotation-list" aria-label="Annotations list" style={{ position: 'relative', display: 'block', height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const a = annotations[item.index]!;
          return (
            <AnnotationItem
              key={item.key}
              annotation={a}
              index={item.index}
              setSize={annotations.length}
              top={item.start - listTop}
              selected={a.id === selectedId}
              measure={virtualizer.measureElement}
              onSelect={onSelect}
              onRelabel={onRelabel}
              onDelete={onDelete}
            />
          );
        })}
      </ol>
    </section>
  );
}

interface AnnotationItemProps {
  annotation: Annotation;
  index: number;
  setSize: number;
  top: number;
  selected: boolean;
  measure(element: Element | null): void;
  onSelect(annotation: Annotation): void;
  onRelabel(annotation: Annotation, label: Label): void;
  onDelete(annotation: Annotation): void;
}

const AnnotationItem = memo(function AnnotationItem({ annotation: a, index, setSize, top, selected, measure, onSelect, onRelabel, onDelete }: AnnotationItemProps) {
  const def = labelDef(a.label);
  return (
    <li
      ref={measure}
      data-index={index}
      data-id={a.id}
      className={`annotation-item label-${a.label}${selected ? ' selected' : ''}`}
      aria-current={selected ? 'true' : undefined}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${top}px)` }}
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
          <select aria-label="Label" value={a.label} onChange={(e) => isLabel(e.target.value) && onRelabel(a, e.target.value)}>
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
});
