import { LABELS } from '../../shared/labels.ts';
import type { DocumentSummary } from '../db/repository.ts';

interface LibraryPanelProps {
  documents: readonly DocumentSummary[] | null;
  openId: string | null;
  onOpen(id: string): void;
  onPaste(): void;
  onImportFiles(): void;
  onExport(): void;
  onImportDataset(): void;
  onOpenSamples(): void;
}

export function LibraryPanel({ documents, openId, onOpen, onPaste, onImportFiles, onExport, onImportDataset, onOpenSamples }: LibraryPanelProps) {
  return (
    <nav className="library" aria-label="Library">
      <h2>Library</h2>
      <div className="library-actions">
        <button type="button" onClick={onPaste}>
          Paste text…
        </button>
        <button type="button" onClick={onImportFiles}>
          Import files…
        </button>
        <button type="button" onClick={onOpenSamples}>
          Open sample articles
        </button>
        <button type="button" onClick={onImportDataset}>
          Import dataset…
        </button>
        <button type="button" onClick={onExport}>
          Export…
        </button>
      </div>
      {documents && documents.length === 0 ? (
        <div className="empty-state">
          <p>Your library is empty.</p>
          <p>
            Add an article to start tagging: <strong>Paste text…</strong> for text you copied, <strong>Import files…</strong> for
            text, Markdown, saved web pages or JSONL corpora, <strong>Import dataset…</strong> for annotations from Factmark or
            another tool, or <strong>Open sample articles</strong> to try five real news reports.
          </p>
        </div>
      ) : null}
      <ul className="article-list" aria-label="Articles">
        {(documents ?? []).map((d) => (
          <li key={d.id} className={d.id === openId ? 'open' : undefined}>
            <button type="button" onClick={() => onOpen(d.id)} aria-current={d.id === openId ? 'page' : undefined}>
              <span className="article-title">{d.title}</span>
              <span className="article-source">{sourceLine(d)}</span>
              <span className="article-counts">
                {LABELS.map((l) => (
                  <span key={l.id} className={`count-chip label-${l.id}`}>
                    {d.counts[l.id]} {d.counts[l.id] === 1 ? l.name.toLowerCase() : l.plural}
                  </span>
                ))}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function sourceLine(d: Pick<DocumentSummary, 'source'>): string {
  const s = d.source;
  if (s.outlet) return s.outlet;
  if (s.fileName) return s.fileName;
  return s.kind === 'paste' ? 'Pasted text' : s.kind;
}
