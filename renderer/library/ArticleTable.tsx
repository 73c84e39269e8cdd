import { useVirtualizer } from '@tanstack/react-virtual';
import { sizedAfterLayout } from '../components/virtualRect.ts';
import { memo, useMemo, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { type LabelSet } from '../../shared/labels.ts';
import { labelClass } from '../labels/labelStyles.ts';
import { useLabels } from '../labels/labelStore.ts';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../shared/model.ts';
import type { DocumentSummary } from '../db/repository.ts';
import { ADJUDICATION_NAMES, STATUS_NAMES, adjudicationOf, dateOf, sourceLine, statusOf, updatedOf, type Sort, type SortKey } from './libraryView.ts';

export type TableMode = 'library' | 'trash';

interface ArticleTableProps {
  mode: TableMode;
  /** Results are still coming (the text index's answer, or a filter pass a key behind): aria-busy. */
  busy?: boolean;
  rows: readonly DocumentSummary[];
  /** The table's size for assistive tech: more than `rows` while the library is still being read. */
  rowCount?: number;
  sort: Sort | null;
  onSort(key: SortKey): void;
  selected: ReadonlySet<string>;
  onToggle(id: string, on: boolean): void;
  onToggleAll(on: boolean): void;
  openId: string | null;
  onOpen(id: string): void;
  onStatus(id: string, status: DocumentStatus): void;
  onRestore(id: string): void;
  onPurge(id: string): void;
}

const ROW_PX = 36;

interface Column {
  id: string;
  label: string;
  sortKey?: SortKey;
  numeric?: boolean;
}

/** One count column per label of the library's set, headed by its plural ("Claims"). */
const countColumns = (labels: LabelSet): Column[] => labels.map((l) => ({ id: `count-${l.id}`, label: l.plural ? l.plural[0]!.toUpperCase() + l.plural.slice(1) : l.name, sortKey: l.id, numeric: true }));
const libraryColumns = (labels: LabelSet): Column[] => [
  { id: 'title', label: 'Title', sortKey: 'title' },
  { id: 'source', label: 'Source', sortKey: 'source' },
  { id: 'date', label: 'Date', sortKey: 'date' },
  ...countColumns(labels),
  { id: 'status', label: 'Status', sortKey: 'status' },
  { id: 'adjudication', label: 'Adjudication', sortKey: 'adjudication' },
  { id: 'updated', label: 'Updated', sortKey: 'updated' },
];
const trashColumns = (labels: LabelSet): Column[] => [
  { id: 'title', label: 'Title', sortKey: 'title' },
  { id: 'source', label: 'Source', sortKey: 'source' },
  { id: 'date', label: 'Date', sortKey: 'date' },
  ...countColumns(labels),
  { id: 'deleted', label: 'Deleted' },
  { id: 'actions', label: 'Actions' },
];

/**
 * A count column wide enough for its header in bold plus the sort mark: about 0.7ch per letter over the body's "0"
 * width is what wide UI fonts (DejaVu Sans) need; long names are capped and end in an ellipsis, with the full name
 * as the header's tooltip and accessible name.
 */
export function countColumnWidths(labels: LabelSet): string {
  return countColumns(labels)
    .map((c) => `${Math.min(11, Math.max(4.2, c.label.length * 0.64 + 2.1)).toFixed(1)}rem`)
    .join(' ');
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A date as the table shows it; a date-only value is a calendar day (no time zone shift), an unreadable one as given. */
function showDate(iso: string, withTime: boolean): string {
  if (/^\d{4}(-\d{2})?$/.test(iso)) return iso; // a year or a month: no day to invent
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return withTime && !/^\d{4}-\d{2}-\d{2}$/.test(iso) ? timeFormat.format(t) : dayFormat.format(t);
}

/**
 * The library as a table named "Articles". Virtualised: only the rows in view (plus overscan) are in the DOM, so
 * 100,000 articles cost what twenty do; aria-rowcount and aria-rowindex give assistive tech the full size and each
 * row's place. Column headers that sort are buttons, with aria-sort on the header cell. Arrow Up/Down move focus to
 * the same control in the row above or below.
 */
export function ArticleTable(props: ArticleTableProps) {
  const { mode, rows, sort, onSort, selected, onToggleAll } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const labels = useLabels();
  const columns = useMemo(() => (mode === 'library' ? libraryColumns : trashColumns)(labels), [mode, labels]);
  // one count column per label, each as wide as its header
  const tableStyle = useMemo(() => ({ '--count-columns': countColumnWidths(labels) }) as CSSProperties, [labels]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    // the virtualizer keys by index (its default): keying its size cache by article id cost a map lookup per row of
    // 100,000 on every change of the row count; rows are never measured (ROW_PX) and React keys them by id below
    overscan: 8,
    ...sizedAfterLayout(),
  });
  // with nothing ticked (the usual case) neither walks 100,000 rows on every render
  const allOn = rows.length > 0 && selected.size >= rows.length && rows.every((r) => selected.has(r.id));
  const someOn = !allOn && selected.size > 0 && rows.some((r) => selected.has(r.id));

  // Arrow keys walk a column: scroll the next row into view, then focus its control of the same column.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const target = e.target as HTMLElement;
    if (target instanceof HTMLSelectElement) return; // arrows change a select's value
    const cell = target.closest<HTMLElement>('[data-col]');
    const row = target.closest<HTMLElement>('[data-index]');
    if (!cell || !row) return;
    const next = Number(row.dataset.index) + (e.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= rows.length) return;
    e.preventDefault();
    virtualizer.scrollToIndex(next);
    const focusNext = (tries: number) => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"] [data-col="${cell.dataset.col}"] :is(button, input, select)`);
      if (el) el.focus();
      else if (tries > 0) requestAnimationFrame(() => focusNext(tries - 1));
    };
    focusNext(5);
  };

  return (
    <div ref={scrollRef} className={`article-table mode-${mode}`} style={tableStyle} role="table" aria-label="Articles" aria-rowcount={(props.rowCount ?? rows.length) + 1} aria-busy={props.busy || undefined} onKeyDown={onKeyDown}>
      <div role="rowgroup" className="article-head">
        <div role="row" aria-rowindex={1} className="article-row">
          <div role="columnheader" className="cell-select">
            <input
              type="checkbox"
              aria-label="Select all shown articles"
              checked={allOn}
              ref={(el) => void (el && (el.indeterminate = someOn))}
              onChange={(e) => onToggleAll(e.target.checked)}
              disabled={rows.length === 0}
            />
          </div>
          {columns.map((c) => {
            const active = sort?.key === c.sortKey && c.sortKey !== undefined;
            return (
              <div key={c.id} role="columnheader" className={`cell-${c.id}${c.numeric ? ' numeric' : ''}`} aria-sort={c.sortKey ? (active ? (sort!.dir === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}>
                {c.sortKey ? (
                  <button type="button" className="sort-button" onClick={() => onSort(c.sortKey!)} title={c.label}>
                    <span className="sort-label">{c.label}</span>
                    <span aria-hidden="true" className="sort-mark">
                      {active ? (sort!.dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                ) : (
                  c.label
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="article-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => (
          <ArticleRow key={rows[v.index]!.id} index={v.index} top={v.start} doc={rows[v.index]!} {...props} isSelected={selected.has(rows[v.index]!.id)} isOpen={rows[v.index]!.id === props.openId} />
        ))}
      </div>
    </div>
  );
}

interface RowProps extends ArticleTableProps {
  index: number;
  top: number;
  doc: DocumentSummary;
  isSelected: boolean;
  isOpen: boolean;
}

const ArticleRow = memo(
  function ArticleRow({ mode, index, top, doc: d, isSelected, isOpen, onToggle, onOpen, onStatus, onRestore, onPurge }: RowProps) {
    const labels = useLabels();
    return (
      <div role="row" aria-rowindex={index + 2} data-index={index} className={`article-row${isOpen ? ' open' : ''}${isSelected ? ' selected' : ''}`} style={{ transform: `translateY(${top}px)` }}>
        <div role="cell" className="cell-select" data-col="select">
          <input type="checkbox" aria-label={`Select ${d.title}`} checked={isSelected} onChange={(e) => onToggle(d.id, e.target.checked)} />
        </div>
        <div role="cell" className="cell-title" data-col="title">
          {mode === 'library' ? (
            <button type="button" className="title-button" onClick={() => onOpen(d.id)} aria-current={isOpen ? 'page' : undefined} title={d.title}>
              {d.title}
            </button>
          ) : (
            <span title={d.title}>{d.title}</span>
          )}
          {/* versions of one article share a title: the row says which one it is (outside the button, whose name is the title) */}
          {d.version !== undefined && d.versionGroup !== undefined ? (
            <span className="version-badge" title={`Version ${d.version} of this article`}>
              v{d.version}
              <span className="visually-hidden"> (version {d.version})</span>
            </span>
          ) : null}
        </div>
        <div role="cell" className="cell-source">
          {sourceLine(d)}
        </div>
        <div role="cell" className="cell-date">
          <time dateTime={dateOf(d)}>{showDate(dateOf(d), false)}</time>
        </div>
        {labels.map((l) => (
          <div key={l.id} role="cell" className={`numeric cell-count ${labelClass(l.id)}${d.counts[l.id] ? '' : ' zero'}`}>
            {d.counts[l.id] ?? 0}
            <span className="visually-hidden"> {d.counts[l.id] === 1 ? l.name.toLowerCase() : l.plural}</span>
          </div>
        ))}
        {mode === 'library' ? (
          <>
            <div role="cell" className="cell-status" data-col="status">
              <select aria-label={`Status of ${d.title}`} value={statusOf(d)} onChange={(e) => onStatus(d.id, e.target.value as DocumentStatus)} className={`status-${statusOf(d)}`}>
                {DOCUMENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_NAMES[s]}
                  </option>
                ))}
              </select>
            </div>
            <div role="cell" className={`cell-adjudication adjudication-${adjudicationOf(d)}`}>
              {ADJUDICATION_NAMES[adjudicationOf(d)]}
            </div>
            <div role="cell" className="cell-updated">
              <time dateTime={updatedOf(d)}>{showDate(updatedOf(d), true)}</time>
            </div>
          </>
        ) : (
          <>
            <div role="cell" className="cell-deleted">
              <time dateTime={d.deletedAt}>{d.deletedAt ? showDate(d.deletedAt, true) : ''}</time>
            </div>
            <div role="cell" className="cell-actions" data-col="actions">
              <button type="button" onClick={() => onRestore(d.id)}>
                Restore
              </button>
              <button type="button" onClick={() => onPurge(d.id)}>
                Delete forever
              </button>
            </div>
          </>
        )}
      </div>
    );
  },
);
