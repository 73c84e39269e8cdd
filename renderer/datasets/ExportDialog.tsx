import { useId, useState } from 'react';
import { FORMATS, formatById, type FormatId } from '../../shared/formats/index.ts';
import { Dialog } from '../components/Dialog.tsx';
import { offsetUnitText, type ExportScope } from './exportDataset.ts';

export interface ExportChoice {
  scope: ExportScope;
  /** The "collection" scope's collection. */
  collection?: string;
  /** The articles to export, resolved by the caller for the collection and selection scopes. */
  documentIds?: string[];
  /** 'mine': only the annotations made under the analyst's own name. */
  layer: 'all' | 'mine' | 'gold';
  format: FormatId;
  excel: boolean;
}

interface ExportDialogProps {
  open: boolean;
  /** The article open in the reader, if any: the "Open article" scope. */
  openTitle: string | null;
  /** The analyst's name: the "Mine" layer. */
  annotator: string;
  /** The library's collections: the "Collection" scope. */
  collections: readonly string[];
  /** How many articles are ticked in the library table: the "Selection" scope. */
  selectionCount: number;
  onClose(): void;
  /** Resolves true when the export is done (the dialog then closes). */
  onExport(choice: ExportChoice): Promise<boolean>;
}

export function ExportDialog({ open, openTitle, annotator, collections, selectionCount, onClose, onExport }: ExportDialogProps) {
  const [scope, setScope] = useState<ExportScope>('library');
  const [formatId, setFormatId] = useState<FormatId>('factmark');
  const [excel, setExcel] = useState(false);
  const [layer, setLayer] = useState<'all' | 'mine' | 'gold'>('all');
  const layerLabel = useId();
  const [busy, setBusy] = useState(false);
  const scopeLabel = useId();
  const format = formatById(formatId) ?? FORMATS[0]!;
  const [collectionChoice, setCollection] = useState('');
  const collection = collections.includes(collectionChoice) ? collectionChoice : (collections[0] ?? '');
  // a scope with nothing to export (no open article, no collection, nothing ticked) falls back to the whole library
  const available: Record<ExportScope, boolean> = { library: true, article: openTitle !== null, collection: collections.length > 0, selection: selectionCount > 0 };
  const effectiveScope: ExportScope = available[scope] ? scope : 'library';

  return (
    <Dialog
      title="Export dataset"
      open={open}
      onClose={onClose}
      submitLabel="Export"
      onSubmit={async () => {
        if (busy) return;
        setBusy(true);
        try {
          await onExport({ scope: effectiveScope, ...(effectiveScope === 'collection' ? { collection } : {}), layer, format: format.id, excel: format.id === 'csv' && excel });
        } finally {
          setBusy(false);
        }
      }}
    >
      <div role="radiogroup" aria-labelledby={scopeLabel} className="field radio-group">
        <span id={scopeLabel}>Scope</span>
        <label>
          <input type="radio" name="export-scope" value="library" checked={effectiveScope === 'library'} onChange={() => setScope('library')} />
          Whole library
        </label>
        <span className="radio-line">
          <label>
            <input
              type="radio"
              name="export-scope"
              value="article"
              checked={effectiveScope === 'article'}
              disabled={openTitle === null}
              onChange={() => setScope('article')}
              aria-describedby={`${scopeLabel}-article`}
            />
            Open article
          </label>
          <span id={`${scopeLabel}-article`} className="hint">
            {openTitle === null ? 'No article is open.' : `“${openTitle}”`}
          </span>
        </span>
        <span className="radio-line">
          <label>
            <input type="radio" name="export-scope" value="collection" checked={effectiveScope === 'collection'} disabled={!available.collection} onChange={() => setScope('collection')} />
            Collection
          </label>
          {available.collection ? (
            <select aria-label="Collection to export" value={collection} onChange={(e) => (setCollection(e.target.value), setScope('collection'))}>
              {collections.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          ) : (
            <span className="hint">No collections yet.</span>
          )}
        </span>
        <span className="radio-line">
          <label>
            <input
              type="radio"
              name="export-scope"
              value="selection"
              checked={effectiveScope === 'selection'}
              disabled={!available.selection}
              onChange={() => setScope('selection')}
              aria-describedby={`${scopeLabel}-selection`}
            />
            Selection
          </label>
          <span id={`${scopeLabel}-selection`} className="hint">
            {selectionCount === 0 ? 'Tick articles in the library to export them.' : `${selectionCount} ticked article${selectionCount === 1 ? '' : 's'}`}
          </span>
        </span>
      </div>
      <div role="radiogroup" aria-labelledby={layerLabel} className="field radio-group">
        <span id={layerLabel}>Layers</span>
        <label>
          <input type="radio" name="export-layer" value="all" checked={layer === 'all'} onChange={() => setLayer('all')} />
          All annotators
        </label>
        <label>
          <input type="radio" name="export-layer" value="mine" checked={layer === 'mine'} onChange={() => setLayer('mine')} />
          Mine ({annotator})
        </label>
        <label>
          <input type="radio" name="export-layer" value="gold" checked={layer === 'gold'} onChange={() => setLayer('gold')} />
          Gold
        </label>
      </div>
      <label className="field">
        Format
        <select value={format.id} onChange={(e) => setFormatId(e.target.value as FormatId)}>
          {FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      {format.id === 'csv' ? (
        <label className="checkbox">
          <input type="checkbox" checked={excel} onChange={(e) => setExcel(e.target.checked)} />
          Excel (UTF-8 with BOM)
        </label>
      ) : null}
      <p className="format-note">
        {offsetUnitText(format)} Loses: {format.loses}
        {format.multiFile ? ' Saved as a zip archive.' : ''}
      </p>
    </Dialog>
  );
}
