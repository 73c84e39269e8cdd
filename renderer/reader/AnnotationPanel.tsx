import { defaultRangeExtractor, useVirtualizer, type Range as VirtualRange, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useValueAfterPaint } from '../components/useValueAfterPaint.ts';
import { labelDef, type Label } from '../../shared/labels.ts';
import { labelClass } from '../labels/labelStyles.ts';
import { useLabels } from '../labels/labelStore.ts';
import { ChoosingLabelSelect, LabelSelect } from '../labels/LabelSelect.tsx';
import { reverseLinkPhrase } from '../../shared/links.ts';
import type { Annotation } from '../../shared/model.ts';
import type { ArticleLinks, LinkedAnnotation } from '../db/links.ts';
import './details/details.css';

interface AnnotationPanelProps {
  annotations: readonly Annotation[];
  /** False while a long article's annotations after its first screen are still being read: the count waits. */
  loaded: boolean;
  selectedId: string | null;
  onSelect(annotation: Annotation): void;
  /** Resolves to whether the new label was saved. */
  onRelabel(annotation: Annotation, label: Label): Promise<boolean>;
  onDelete(annotation: Annotation): void;
  /** Links into and out of this article's annotations. */
  links: ArticleLinks;
  onOpenDetails(annotation: Annotation): void;
  /** Goes to a linked annotation, in this article or another. */
  onFollow(target: Annotation): void;
  /** Removes an annotation's link to a claim that was deleted. */
  onClearLink(annotation: Annotation): void;
  onOpenEvidence(url: string): void;
}

/** The panel's filters; '' = any. */
interface Filters {
  label: Label | '';
  annotator: string;
  hasNote: boolean;
  hasSource: boolean;
  linked: '' | 'linked' | 'unlinked';
}
const NOTHING_SHOWN: { all: readonly Annotation[]; selectedId: string | null } = { all: [], selectedId: null };
const NO_FILTERS: Filters = { label: '', annotator: '', hasNote: false, hasSource: false, linked: '' };

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
export function AnnotationPanel({ annotations: allNow, loaded, selectedId: selectedNow, onSelect, onRelabel, onDelete, links, onOpenDetails, onFollow, onClearLink, onOpenEvidence }: AnnotationPanelProps) {
  // The panel follows the reader by a frame: a tag's highlight is painted first, and re-rendering the panel (its
  // items, scrolling to the new one) comes after that frame, as a transition, instead of delaying it. On the first
  // render the panel is empty, so an article shows its text and highlights without waiting for the panel's items.
  const now = useMemo(() => ({ all: allNow, selectedId: selectedNow }), [allNow, selectedNow]);
  const { all, selectedId } = useValueAfterPaint(now, NOTHING_SHOWN);
  const panelRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const [listTop, setListTop] = useState(0);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const annotators = useMemo(() => [...new Set(all.map((a) => a.annotator))].sort((x, y) => x.localeCompare(y)), [all]);
  const filtering = filters !== NO_FILTERS && JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  const annotations = useMemo(() => (filtering ? all.filter((a) => matches(a, filters, links)) : all), [all, filters, filtering, links]);
  // sources that are spans of this article, so an item can show and follow its source
  const byId = useMemo(() => {
    const wanted = new Set(all.flatMap((a) => (a.source?.annotationId ? [a.source.annotationId] : [])));
    return new Map(wanted.size ? all.filter((a) => wanted.has(a.id)).map((a) => [a.id, a]) : []);
  }, [all]);
  const selectedIndex = useMemo(() => (selectedId === null ? -1 : annotations.findIndex((a) => a.id === selectedId)), [annotations, selectedId]);

  // The panel scrolls its heading and the list together: the list starts below the heading. Measured once the
  // browser has laid the panel out (a ResizeObserver's first report comes after layout), not by forcing a layout
  // here: the panel mounts with the article's first screen, and forcing it then cost ~20 ms before that screen's frame.
  useEffect(() => {
    const panel = panelRef.current;
    const list = listRef.current;
    if (!panel || !list) return;
    const laidOut = new ResizeObserver(() => {
      laidOut.disconnect();
      setListTop(list.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop);
    });
    laidOut.observe(list);
    return () => laidOut.disconnect();
  }, [all.length === 0]);

  // The selected item stays rendered even when scrolled away, so focus in it and aria-current are not lost.
  const rangeExtractor = useCallback(
    (range: VirtualRange) => {
      const indexes = defaultRangeExtractor(range);
      if (selectedIndex < 0 || indexes.includes(selectedIndex)) return indexes;
      return [...indexes, selectedIndex].sort((x, y) => x - y);
    },
    [selectedIndex],
  );

  // The virtualizer rebuilds its measurements of every item (ten thousand objects) when this function changes, so it
  // changes only when the ids in the list do (a tag, a delete, a reordering), not when an annotation's details or
  // label do; it reads the list through a ref.
  const shownList = useRef(annotations);
  const keysVersion = useRef({ list: annotations, version: 0 });
  if (keysVersion.current.list !== annotations) {
    if (!sameIds(keysVersion.current.list, annotations)) keysVersion.current.version++;
    keysVersion.current.list = annotations;
  }
  shownList.current = annotations;
  const getItemKey = useCallback((index: number) => shownList.current[index]!.id, [keysVersion.current.version]);
  const virtualizer = useVirtualizer({
    count: annotations.length,
    getScrollElement: () => panelRef.current,
    estimateSize: () => ESTIMATED_ITEM_PX,
    getItemKey,
    measureElement: measureWithoutLayout,
    gap: GAP_PX,
    overscan: 6,
    scrollMargin: listTop,
    rangeExtractor,
    // scrolling re-renders in React's own time rather than synchronously inside the scroll event
    useFlushSync: false,
  });

  // Selecting an annotation anywhere (click in the text, J/K, tagging) brings its item into view — once per
  // selection, so later changes to the list do not pull the panel back while the reader scrolls it. A passive effect:
  // scrolling reads the panel's layout, which would otherwise be forced before the frame showing the new highlight.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (selectedId === null) scrolledTo.current = null;
    if (selectedIndex < 0 || scrolledTo.current === selectedId) return;
    scrolledTo.current = selectedId;
    scrollIntoPanel(panelRef.current, virtualizer.measurementsCache[selectedIndex]);
  }, [selectedId, selectedIndex, virtualizer]);

  const items = virtualizer.getVirtualItems();
  return (
    <section ref={panelRef} className="annotation-panel" aria-label="Annotations" aria-busy={loaded ? undefined : 'true'}>
      <h2>
        Annotations <span className="count">{loaded ? all.length : '…'}</span>
      </h2>
      {all.length > 0 ? <PanelFilters filters={filters} annotators={annotators} onChange={setFilters} shown={filtering ? annotations.length : null} total={all.length} /> : null}
      {loaded && all.length === 0 ? (
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
              target={a.answers ? links.targets.get(a.answers) ?? MISSING : undefined}
              answeredBy={links.answeredBy.get(a.id)}
              sourceSpan={a.source?.annotationId ? byId.get(a.source.annotationId) ?? MISSING : undefined}
              onOpenDetails={onOpenDetails}
              onFollow={onFollow}
              onClearLink={onClearLink}
              onOpenEvidence={onOpenEvidence}
            />
          );
        })}
      </ol>
    </section>
  );
}

/** True when both lists hold the same ids in the same order. */
function sameIds(a: readonly Annotation[], b: readonly Annotation[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id) return false;
  return true;
}

/**
 * Scrolls the panel just enough to show an item (its place as the virtualizer knows it: measured, or estimated if it
 * was never rendered), once. The virtualizer's own scrollToIndex keeps re-reading the panel's scroll height frame
 * after frame until its measurements settle, a forced layout each time beside the long article.
 */
function scrollIntoPanel(panel: HTMLElement | null, item: { start: number; end: number } | undefined): void {
  if (!panel || !item) return;
  const margin = GAP_PX * 2;
  const top = panel.scrollTop;
  const bottom = top + panel.clientHeight;
  if (item.start - margin < top) panel.scrollTop = Math.max(0, item.start - margin);
  else if (item.end + margin > bottom) panel.scrollTop = item.end + margin - panel.clientHeight;
}

/**
 * An item's height from its ResizeObserver entry (measured after layout, with the frame), or, when an item has just
 * been rendered and has no entry yet, the height last seen or the estimate. The library's default reads the element's
 * box at once, which forces the browser to lay out the whole page (the long article beside the panel included) in
 * the middle of React's commit, once per new item.
 */
function measureWithoutLayout(element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLElement, Element>): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return box.blockSize;
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? ESTIMATED_ITEM_PX;
}

interface AnnotationItemProps {
  annotation: Annotation;
  index: number;
  setSize: number;
  top: number;
  selected: boolean;
  measure(element: Element | null): void;
  onSelect(annotation: Annotation): void;
  /** Resolves to whether the new label was saved. */
  onRelabel(annotation: Annotation, label: Label): Promise<boolean>;
  onDelete(annotation: Annotation): void;
  /** The claim this one answers; MISSING when it was deleted. */
  target: LinkedAnnotation | typeof MISSING | undefined;
  answeredBy: LinkedAnnotation[] | undefined;
  /** The span of this article named as the source; MISSING when it was deleted. */
  sourceSpan: Annotation | typeof MISSING | undefined;
  onOpenDetails(annotation: Annotation): void;
  onFollow(target: Annotation): void;
  onClearLink(annotation: Annotation): void;
  onOpenEvidence(url: string): void;
}

const MISSING = 'missing' as const;

const AnnotationItem = memo(function AnnotationItem({
  annotation: a, index, setSize, top, selected, measure, onSelect, onRelabel, onDelete, target, answeredBy, sourceSpan, onOpenDetails, onFollow, onClearLink, onOpenEvidence,
}: AnnotationItemProps) {
  const labels = useLabels();
  // the item shows the label as stored: a relabel shows in the select (as the user chose) and the reader's highlight
  // at once, and here once the list follows its commit, a frame later
  const label = a.label;
  const def = labelDef(label, labels);
  return (
    <li
      ref={measure}
      data-index={index}
      data-id={a.id}
      className={`annotation-item ${labelClass(label)}${selected ? ' selected' : ''}`}
      aria-current={selected ? 'true' : undefined}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${top}px)` }}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('select, button:not(.quote), a')) return;
        onSelect(a);
      }}
    >
      <button type="button" className="quote" title="Show in the article" aria-label={`${def.name}: ${a.quote}`}>
        <span className={`badge ${labelClass(label)}`}>{def.name}</span>
        <q>{a.quote}</q>
      </button>
      <div className="item-meta">
        <span className="annotator">{a.annotator}</span>
        <time dateTime={a.updatedAt}>{timeFormat.format(new Date(a.updatedAt))}</time>
      </div>
      <ItemDetails annotation={a} target={target} answeredBy={answeredBy} sourceSpan={sourceSpan} onFollow={onFollow} onClearLink={onClearLink} onOpenEvidence={onOpenEvidence} />
      <div className="item-actions">
        <label>
          <span className="visually-hidden">Label</span>
          {/* a label no longer in the set still shows as this annotation's value */}
          <ChoosingLabelSelect aria-label="Label" value={label} onChoose={(l) => onRelabel(a, l)} />
        </label>
        <button type="button" className="details-button" aria-haspopup="dialog" aria-keyshortcuts="Enter" onClick={() => onOpenDetails(a)}>
          Details…
        </button>
        <button type="button" className="delete" onClick={() => onDelete(a)}>
          Delete
        </button>
      </div>
    </li>
  );
});

function matches(a: Annotation, f: Filters, links: ArticleLinks): boolean {
  if (f.label && a.label !== f.label) return false;
  if (f.annotator && a.annotator !== f.annotator) return false;
  if (f.hasNote && !a.note) return false;
  if (f.hasSource && !a.source) return false;
  if (f.linked) {
    const linked = !!a.answers || (links.answeredBy.get(a.id)?.length ?? 0) > 0;
    if (linked !== (f.linked === 'linked')) return false;
  }
  return true;
}

/** Filters over the list: label, annotator, has note, has source, linked or not. */
function PanelFilters({ filters: f, annotators, onChange, shown, total }: { filters: Filters; annotators: string[]; onChange(f: Filters): void; shown: number | null; total: number }) {
  const set = (patch: Partial<Filters>) => onChange({ ...f, ...patch });
  return (
    <div className="panel-filters" role="group" aria-label="Filters">
      <label>
        Label
        <LabelSelect aria-label="Filter by label" anyOption="Any" value={f.label} onChange={(label) => set({ label })} />
      </label>
      <label>
        Annotator
        <select aria-label="Filter by annotator" value={f.annotator} onChange={(e) => set({ annotator: e.target.value })}>
          <option value="">Anyone</option>
          {annotators.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={f.hasNote} onChange={(e) => set({ hasNote: e.target.checked })} />
        Has note
      </label>
      <label>
        <input type="checkbox" checked={f.hasSource} onChange={(e) => set({ hasSource: e.target.checked })} />
        Has source
      </label>
      <label>
        Links
        <select aria-label="Filter by links" value={f.linked} onChange={(e) => set({ linked: e.target.value as Filters['linked'] })}>
          <option value="">Any</option>
          <option value="linked">Linked</option>
          <option value="unlinked">Not linked</option>
        </select>
      </label>
      {shown !== null ? (
        <span className="shown" role="status">
          Showing {shown} of {total}.{' '}
          <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
            Clear filters
          </button>
        </span>
      ) : null}
    </div>
  );
}

interface ItemDetailsProps {
  annotation: Annotation;
  target: LinkedAnnotation | typeof MISSING | undefined;
  answeredBy: LinkedAnnotation[] | undefined;
  sourceSpan: Annotation | typeof MISSING | undefined;
  onFollow(target: Annotation): void;
  onClearLink(annotation: Annotation): void;
  onOpenEvidence(url: string): void;
}

/** What the details add to an item: note, source, confidence, evidence, and links both ways (each followable). */
function ItemDetails({ annotation: a, target, answeredBy, sourceSpan, onFollow, onClearLink, onOpenEvidence }: ItemDetailsProps) {
  if (!a.note && !a.source && !a.confidence && !a.evidence?.length && !target && !answeredBy?.length) return null;
  const where = (l: LinkedAnnotation) => (l.annotation.documentId === a.documentId ? '' : ` in “${l.documentTitle}”${l.inTrash ? ' (in the trash)' : ''}`);
  return (
    <div className="item-details">
      {a.note ? <p className="note">{a.note}</p> : null}
      {a.source || a.confidence ? (
        <p className="meta-line">
          {a.source ? (
            <>
              Source:{' '}
              {sourceSpan && sourceSpan !== MISSING ? (
                <button type="button" className="link-button" aria-label={`Source: ${a.source.text} (span in this article)`} onClick={() => onFollow(sourceSpan)}>
                  {a.source.text}
                </button>
              ) : (
                <strong>{a.source.text}</strong>
              )}
              {sourceSpan === MISSING ? ' (its span was deleted)' : sourceSpan ? ' (span in this article)' : ''}
            </>
          ) : null}
          {a.source && a.confidence ? ' · ' : null}
          {a.confidence ? <>Confidence: <strong>{a.confidence}</strong></> : null}
        </p>
      ) : null}
      {a.evidence?.length ? (
        <p className="meta-line">
          Evidence:{' '}
          {a.evidence.map((url, i) => (
            <span key={url}>
              {i > 0 ? ', ' : null}
              <button type="button" className="link-button" title={url} aria-label={`Open evidence ${url}`} onClick={() => onOpenEvidence(url)}>
                {hostOf(url)}
              </button>
            </span>
          ))}
        </p>
      ) : null}
      {target === MISSING ? (
        <p className="link-missing">
          Answers a claim that was deleted
          <button type="button" onClick={() => onClearLink(a)}>
            Clear link
          </button>
        </p>
      ) : target ? (
        <p className="meta-line">
          Answers{' '}
          <button type="button" className="link-button" onClick={() => onFollow(target.annotation)}>
            “{short(target.annotation.quote)}”{where(target)}
          </button>
        </p>
      ) : null}
      {answeredBy?.map((l) => (
        <p key={l.annotation.id} className="meta-line">
          {reverseLinkPhrase(l.annotation)}{' '}
          <button type="button" className="link-button" onClick={() => onFollow(l.annotation)}>
            “{short(l.annotation.quote)}”{where(l)}
          </button>
        </p>
      ))}
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function short(s: string): string {
  return s.length > 70 ? `${s.slice(0, 69)}…` : s;
}
