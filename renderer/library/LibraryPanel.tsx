import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import './library.css';
import { totalCount } from '../../shared/labels.ts';
import { useLabels } from '../labels/labelStore.ts';
import type { DocumentStatus } from '../../shared/model.ts';
import type { LibraryStore, MetadataEdit } from '../db/library.ts';
import type { DocumentSummary } from '../db/repository.ts';
import { describeError } from '../errors.ts';
import { ArticleTable } from './ArticleTable.tsx';
import { SplitHandle, useLibraryLayout } from './LibraryLayout.tsx';
import { CollectionDialog, ConfirmDialog, EditDetailsDialog, RenameCollectionDialog } from './LibraryDialogs.tsx';
import { NO_FILTERS, STATUS_NAMES, matchesFilters, sortDocuments, sourcesOf, type AnnotationFilter, type Filters, type Sort, type SortKey } from './libraryView.ts';
import { useLibrarySearch } from './search/useLibrarySearch.ts';
import type { Announce } from '../components/StatusArea.tsx';

export { sourceLine } from './libraryView.ts';

interface LibraryPanelProps {
  documents: readonly DocumentSummary[] | null;
  /** Set while `documents` is only the first rows of the library: how many articles it holds (App.tsx). */
  loadingTotal?: number | null;
  openId: string | null;
  store: LibraryStore;
  onOpen(id: string): void;
  onPaste(): void;
  onImportFiles(): void;
  /** Imports every article file in a folder and its subfolders (renderer/import). */
  onImportFolder?(): void;
  onExport(): void;
  onImportDataset(): void;
  onOpenSamples(): void;
  /** Review commands (renderer/review): share the analyst's work, import teammates' packages. */
  review?: { onExportForReview(): void; onImportWork(): void; onImportWorkFolder?(): void };
  announce: Announce;
  /** Reloads the library from the database (after trash, restore, delete forever). */
  onReload(): Promise<unknown>;
  /** Applies a change already written to the database to the loaded summaries (no reload of 100,000 rows). */
  onPatch(ids: readonly string[], patch: (d: DocumentSummary) => DocumentSummary): void;
  /** Articles left the library (trash): the reader closes them if open. */
  onRemoved(ids: readonly string[]): void;
  /** An article's details changed: the reader shows the new title. */
  onEdited(id: string): void;
  /** The ticked rows (the export's "selection" scope). */
  onSelectionChange(ids: readonly string[]): void;
}

// one formatter: toLocaleString builds one per call, about a millisecond of every keystroke's render
const numbers = new Intl.NumberFormat();
const plural = (n: number, one: string, many = `${one}s`) => `${numbers.format(n)} ${n === 1 ? one : many}`;

type Pending =
  | { kind: 'edit'; doc: DocumentSummary }
  | { kind: 'collection'; ids: string[] }
  | { kind: 'trash'; ids: string[] }
  | { kind: 'purge'; ids: string[] }
  | { kind: 'rename-collection' | 'delete-collection'; name: string }
  | null;

/**
 * The library: add articles, search and filter them, and the "Articles" table (sort, status, selection). Ticked
 * rows can be put in a collection, edited, or moved to the trash; the "Trash" view restores or deletes them forever.
 */
export function LibraryPanel(props: LibraryPanelProps) {
  const { documents, openId, store, announce, onReload, onPatch, onRemoved, onEdited, onSelectionChange } = props;
  const [view, setView] = useState<'library' | 'trash'>('library');
  const [query, setQuery] = useState('');
  const labels = useLabels();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<Sort | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [trash, setTrash] = useState<DocumentSummary[]>([]);
  const [collections, setCollections] = useState<string[]>([]);
  const [pending, setPending] = useState<Pending>(null);
  const loading = view === 'library' && !!props.loadingTotal;
  // the text index is opened once the whole list is in (its reads would compete with opening)
  const search = useLibrarySearch(query, documents !== null && !props.loadingTotal);
  // while an article is open the library takes a resizable share of the height, or one line when hidden
  const layout = useLibraryLayout();
  const navRef = useRef<HTMLElement>(null);
  const reading = openId !== null;
  const collapsed = reading && layout.collapsed;
  const { sync } = search;

  // after any change to the library: refresh the trash and collections, let the search index catch up
  useEffect(() => {
    if (!documents || props.loadingTotal) return;
    store.listTrash().then(setTrash, (e) => announce(describeError(e), 'error'));
    store.listCollections().then(setCollections, () => setCollections([]));
    sync();
  }, [documents, props.loadingTotal, store, announce, sync]);

  const source = view === 'library' ? (documents ?? []) : trash;
  const sources = useMemo(() => sourcesOf(source), [source]);
  const sorted = useMemo(() => sortDocuments(source, sort), [source, sort]);
  // once the text index is complete, the rows' numbers in it are looked up while idle, not on the first key press
  const { prepare } = search;
  const indexed = !search.indexing;
  useEffect(() => {
    if (!indexed) return;
    const idle = requestIdleCallback(() => void prepare(sorted));
    return () => cancelIdleCallback(idle);
  }, [indexed, sorted, prepare]);
  // typing stays responsive on 100,000 rows: the filter pass may lag a key behind the box, never block it
  const matches = useDeferredValue(search.matches);
  const shown = useMemo(() => {
    const found = matches ? matches.select(sorted) : sorted;
    return filters === NO_FILTERS ? found : found.filter((d) => matchesFilters(d, filters));
  }, [sorted, filters, matches]);

  // the selection is what is ticked among the rows shown
  useEffect(() => {
    setSelected((sel) => {
      if (sel.size === 0) return sel;
      const ids = new Set(shown.map((d) => d.id));
      const kept = [...sel].filter((id) => ids.has(id));
      return kept.length === sel.size ? sel : new Set(kept);
    });
  }, [shown]);
  useEffect(() => onSelectionChange(view === 'library' ? [...selected] : []), [selected, view, onSelectionChange]);

  const onSort = useCallback((key: SortKey) => setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' })), []);
  const onToggle = useCallback((id: string, on: boolean) => setSelected((sel) => {
    const next = new Set(sel);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  }), []);
  const onToggleAll = useCallback((on: boolean) => setSelected(on ? new Set(shown.map((d) => d.id)) : new Set()), [shown]);

  const onStatus = useCallback(
    (id: string, status: DocumentStatus) => {
      store.setStatus([id], status).then(
        () => onPatch([id], (d) => ({ ...d, status, updatedAt: new Date().toISOString() })),
        (e) => announce(`${describeError(e)} The status was not changed.`, 'error'),
      );
    },
    [store, onPatch, announce],
  );

  const restore = useCallback(
    async (ids: string[]) => {
      await store.restore(ids);
      await onReload();
      announce(`Restored ${plural(ids.length, 'article')} from the trash.`);
    },
    [store, onReload, announce],
  );
  const onRestore = useCallback((id: string) => void restore([id]).catch((e) => announce(describeError(e), 'error')), [restore, announce]);
  const onPurge = useCallback((id: string) => setPending({ kind: 'purge', ids: [id] }), []);

  const moveToTrash = async (ids: string[]) => {
    await store.trash(ids);
    onRemoved(ids);
    await onReload();
    announce(`Moved ${plural(ids.length, 'article')} to the trash.`, 'info', { label: 'Undo', run: () => void restore(ids).catch((e) => announce(describeError(e), 'error')) });
  };

  const selectedIds = [...selected];
  const selectedDocs = selectedIds.length === 1 ? shown.find((d) => d.id === selectedIds[0]) : undefined;
  const titleOf = (id: string) => (documents ?? []).concat(trash).find((d) => d.id === id)?.title ?? 'the article';
  const annotationsIn = (ids: string[]) => trash.filter((d) => ids.includes(d.id)).reduce((n, d) => n + totalCount(d.counts), 0);
  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const filtered = shown.length !== source.length;
  // while the rest is read, the table has the first rows and the library's size
  const total = loading ? props.loadingTotal! : source.length;

  return (
    <nav ref={navRef} className={`library${reading ? ' reading' : ''}${collapsed ? ' collapsed' : ''}`} aria-label="Library" style={reading && !collapsed ? { height: `${layout.pct}cqh` } : undefined}>
      <div className="library-top">
        <h2>{view === 'library' ? 'Library' : 'Trash'}</h2>
        {reading ? (
          <button type="button" className="library-toggle" aria-expanded={!collapsed} aria-controls="library-body" onClick={layout.toggle}>
            {collapsed ? 'Show library' : 'Hide library'}
          </button>
        ) : null}
        {collapsed ? <span className="hint">{plural(total, 'article')}{filtered ? ` · ${plural(shown.length, 'match', 'matches')}` : ''}</span> : null}
        <div className="library-actions" hidden={collapsed}>
          <button type="button" onClick={props.onPaste}>
            Paste text…
          </button>
          <button type="button" onClick={props.onImportFiles}>
            Import files…
          </button>
          {props.onImportFolder ? (
            <button type="button" onClick={props.onImportFolder}>
              Import folder…
            </button>
          ) : null}
          <button type="button" onClick={props.onOpenSamples}>
            Open sample articles
          </button>
          <button type="button" onClick={props.onImportDataset}>
            Import dataset…
          </button>
          <button type="button" onClick={props.onExport}>
            Export…
          </button>
          {props.review ? (
            <>
              <button type="button" onClick={props.review.onExportForReview}>
                Export for review
              </button>
              <button type="button" onClick={props.review.onImportWork}>
                Import teammates' work…
              </button>
              {props.review.onImportWorkFolder ? (
                <button type="button" onClick={props.review.onImportWorkFolder}>
                  Import teammates' folder…
                </button>
              ) : null}
            </>
          ) : null}
        </div>
      </div>
      <div id="library-body" className="library-body" hidden={collapsed}>
      {documents && documents.length === 0 && view === 'library' ? (
        <div className="empty-state">
          <p>Your library is empty.</p>
          <p>
            Add an article to start tagging: <strong>Paste text…</strong> for text you copied, <strong>Import files…</strong> for
            text, Markdown, saved web pages or JSONL corpora, <strong>Import dataset…</strong> for annotations from Factmark or
            another tool, or <strong>Open sample articles</strong> to try five real news reports.
          </p>
        </div>
      ) : null}
      <div className="library-bar">
      <div className="library-filters" role="search" aria-label="Search and filter articles">
        <input type="search" aria-label="Search articles" placeholder="Search titles and text" value={query} onChange={(e) => setQuery(e.target.value)} />
        <select aria-label="Filter by status" value={filters.status} onChange={(e) => setFilter('status', e.target.value as Filters['status'])}>
          <option value="any">Any status</option>
          {Object.entries(STATUS_NAMES).map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <select aria-label="Filter by source" value={filters.source} onChange={(e) => setFilter('source', e.target.value)}>
          <option value="any">Any source</option>
          {(filters.source !== 'any' && !sources.includes(filters.source) ? [filters.source, ...sources] : sources).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select aria-label="Filter by annotations" value={filters.annotations} onChange={(e) => setFilter('annotations', e.target.value as AnnotationFilter)}>
          <option value="any">Any annotations</option>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              Has {l.plural || l.name}
            </option>
          ))}
          <option value="none">Nothing yet</option>
        </select>
        <select aria-label="Filter by collection" value={filters.collection} onChange={(e) => setFilter('collection', e.target.value)}>
          <option value="any">All collections</option>
          {collections.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        {filters.collection !== 'any' ? (
          <>
            <button type="button" onClick={() => setPending({ kind: 'rename-collection', name: filters.collection })}>
              Rename collection…
            </button>
            <button type="button" onClick={() => setPending({ kind: 'delete-collection', name: filters.collection })}>
              Delete collection…
            </button>
          </>
        ) : null}
        <button type="button" aria-pressed={view === 'trash'} onClick={() => (setView((v) => (v === 'trash' ? 'library' : 'trash')), setSelected(new Set()))}>
          Trash{trash.length ? ` (${numbers.format(trash.length)})` : ''}
        </button>
      </div>
      <p className="library-summary">
        <span>{filtered ? `${plural(shown.length, 'article')} of ${numbers.format(total)} shown` : plural(total, 'article')}</span>
        {loading ? <span className="hint"> · loading the list…</span> : null}
        {query.trim() && search.indexing ? (
          <span className="hint index-progress">
            {' '}
            · titles searched; article text {search.progress ? `indexed ${Math.floor((100 * search.progress.indexed) / Math.max(1, search.progress.total))} %` : 'not indexed yet'}
          </span>
        ) : null}
        {filtered ? (
          <button type="button" className="link-button" onClick={() => (setQuery(''), setFilters(NO_FILTERS))}>
            Clear search and filters
          </button>
        ) : null}
      </p>
      </div>
      {selected.size > 0 ? (
        <div role="toolbar" aria-label="Selected articles" className="selection-bar">
          <span>{plural(selected.size, 'article')} selected</span>
          {view === 'library' ? (
            <>
              <button type="button" onClick={() => setPending({ kind: 'collection', ids: selectedIds })}>
                Add to collection…
              </button>
              {filters.collection !== 'any' ? (
                <button
                  type="button"
                  onClick={() => {
                    const name = filters.collection;
                    store.removeFromCollection(selectedIds, name).then(
                      () => {
                        onPatch(selectedIds, (d) => ({ ...d, collections: d.collections?.filter((c) => c !== name) }));
                        announce(`Removed ${plural(selectedIds.length, 'article')} from “${name}”.`);
                      },
                      (e) => announce(describeError(e), 'error'),
                    );
                  }}
                >
                  Remove from “{filters.collection}”
                </button>
              ) : null}
              {selectedDocs ? (
                <button type="button" onClick={() => setPending({ kind: 'edit', doc: selectedDocs })}>
                  Edit details…
                </button>
              ) : null}
              <button type="button" onClick={() => setPending({ kind: 'trash', ids: selectedIds })}>
                Delete…
              </button>
            </>
          ) : (
            <>
              <button type="button" onClick={() => void restore(selectedIds).catch((e) => announce(describeError(e), 'error'))}>
                Restore selected
              </button>
              <button type="button" onClick={() => setPending({ kind: 'purge', ids: selectedIds })}>
                Delete selected forever…
              </button>
            </>
          )}
          <button type="button" onClick={() => setSelected(new Set())}>
            Clear selection
          </button>
        </div>
      ) : null}
      {view === 'trash' && trash.length === 0 ? <p className="empty-state">The trash is empty.</p> : null}
      <ArticleTable
        mode={view}
        busy={loading || search.pending || matches !== search.matches}
        rows={shown}
        rowCount={loading && !filtered ? total : shown.length}
        sort={sort}
        onSort={onSort}
        selected={selected}
        onToggle={onToggle}
        onToggleAll={onToggleAll}
        openId={openId}
        onOpen={props.onOpen}
        onStatus={onStatus}
        onRestore={onRestore}
        onPurge={onPurge}
      />
      </div>
      {reading && !collapsed ? <SplitHandle layout={layout} panel={navRef} /> : null}

      <EditDetailsDialog
        doc={pending?.kind === 'edit' ? pending.doc : null}
        onClose={() => setPending(null)}
        onSave={async (id: string, edit: MetadataEdit) => {
          await store.updateMetadata(id, edit);
          const source = { outlet: edit.outlet.trim(), url: edit.url.trim(), published: edit.published.trim() };
          onPatch([id], (d) => {
            const next = { ...d, title: edit.title.trim(), source: { ...d.source }, notes: edit.notes.trim() ? edit.notes : undefined, updatedAt: new Date().toISOString() };
            for (const [k, v] of Object.entries(source) as [keyof typeof source, string][]) {
              if (v) next.source[k] = v;
              else delete next.source[k];
            }
            return next;
          });
          sync([id]);
          onEdited(id);
          announce(`Saved the details of “${edit.title.trim()}”.`);
        }}
      />
      <CollectionDialog
        open={pending?.kind === 'collection'}
        count={pending?.kind === 'collection' ? pending.ids.length : 0}
        collections={collections}
        onClose={() => setPending(null)}
        onAdd={async (name) => {
          const ids = pending?.kind === 'collection' ? pending.ids : [];
          await store.addToCollection(ids, name);
          onPatch(ids, (d) => (d.collections?.includes(name) ? d : { ...d, collections: [...(d.collections ?? []), name] }));
          setCollections((cs) => (cs.includes(name) ? cs : [...cs, name].sort((a, b) => a.localeCompare(b))));
          announce(`Added ${plural(ids.length, 'article')} to “${name}”.`);
        }}
      />
      <RenameCollectionDialog
        name={pending?.kind === 'rename-collection' ? pending.name : null}
        onClose={() => setPending(null)}
        onRename={async (to) => {
          const from = pending?.kind === 'rename-collection' ? pending.name : '';
          const ids = await store.renameCollection(from, to);
          onPatch(ids, (d) => ({ ...d, collections: d.collections?.map((c) => (c === from ? to : c)) }));
          setCollections((cs) => [...new Set(cs.map((c) => (c === from ? to : c)))].sort((a, b) => a.localeCompare(b)));
          setFilter('collection', to);
          announce(`Renamed the collection “${from}” to “${to}”.`);
        }}
      />
      <ConfirmDialog
        title="Delete collection"
        confirmLabel="Delete collection"
        open={pending?.kind === 'delete-collection'}
        onClose={() => setPending(null)}
        onConfirm={async () => {
          const name = pending?.kind === 'delete-collection' ? pending.name : '';
          const ids = await store.deleteCollection(name);
          onPatch(ids, (d) => {
            const rest = d.collections?.filter((c) => c !== name);
            const next = { ...d, collections: rest };
            if (!rest?.length) delete next.collections;
            return next;
          });
          setCollections((cs) => cs.filter((c) => c !== name));
          setFilter('collection', 'any');
          announce(`Deleted the collection “${name}”. ${ids.length === 1 ? 'Its article stays' : `Its ${ids.length.toLocaleString()} articles stay`} in the library.`);
        }}
      >
        <p>
          Delete the collection “{pending?.kind === 'delete-collection' ? pending.name : ''}”? Its articles stay in the library (and their annotations with them); only
          their place in this collection goes.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        title="Move to trash"
        confirmLabel="Move to trash"
        open={pending?.kind === 'trash'}
        onClose={() => setPending(null)}
        onConfirm={() => moveToTrash(pending?.kind === 'trash' ? pending.ids : [])}
      >
        <p>
          {pending?.kind === 'trash' && pending.ids.length === 1 ? `Move “${titleOf(pending.ids[0]!)}” to the trash?` : `Move ${plural(pending?.kind === 'trash' ? pending.ids.length : 0, 'article')} to the trash?`} Their
          annotations go with them. You can restore them from the Trash.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        title="Delete forever"
        confirmLabel="Delete forever"
        open={pending?.kind === 'purge'}
        onClose={() => setPending(null)}
        onConfirm={async () => {
          const ids = pending?.kind === 'purge' ? pending.ids : [];
          const n = annotationsIn(ids);
          await store.purge(ids);
          await onReload();
          announce(`Deleted ${plural(ids.length, 'article')} and ${plural(n, 'annotation')} forever.`);
        }}
      >
        <p>
          {pending?.kind === 'purge' && pending.ids.length === 1 ? `Delete “${titleOf(pending.ids[0]!)}” forever?` : `Delete ${plural(pending?.kind === 'purge' ? pending.ids.length : 0, 'article')} forever?`}{' '}
          {pending?.kind === 'purge' ? `${plural(annotationsIn(pending.ids), 'annotation')} will be deleted with ${pending.ids.length === 1 ? 'it' : 'them'}. ` : ''}This cannot be
          undone.
        </p>
      </ConfirmDialog>
    </nav>
  );
}
