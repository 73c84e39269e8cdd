/** The running import's progress bar with Cancel, and the "Import summary" dialog when it ends. */
import type { ReactNode } from 'react';
import { useModalDialog } from '../components/useModalDialog.ts';
import type { ImportProgress, ImportReport } from './pipeline.ts';
import { plural } from './useImport.ts';
import './import.css';

/** Long lists are cut here; the counts above them stay exact. */
const MAX_ROWS = 500;

export function ImportProgressBar({ progress, cancelling, onCancel }: { progress: ImportProgress | null; cancelling: boolean; onCancel(): void }) {
  if (!progress) return null;
  const { filesDone, filesTotal, imported } = progress;
  return (
    <section className="import-progress" aria-label="Importing">
      <div role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={filesTotal} aria-valuenow={filesDone} aria-valuetext={`${filesDone} of ${filesTotal} files`}>
        <div className="import-progress-fill" style={{ width: `${filesTotal ? (100 * filesDone) / filesTotal : 0}%` }} />
      </div>
      <p className="import-progress-text">
        {filesDone.toLocaleString('en')} of {filesTotal.toLocaleString('en')} files · {plural(imported, 'article')} imported
      </p>
      <button type="button" onClick={onCancel} disabled={cancelling}>
        {cancelling ? 'Cancelling…' : 'Cancel import'}
      </button>
    </section>
  );
}

export function ImportSummaryDialog({ report, onClose }: { report: ImportReport | null; onClose(): void }) {
  const ref = useModalDialog(report !== null);
  const r = report;
  const versions = r?.imported.filter((e) => e.version) ?? [];
  return (
    <dialog ref={ref} aria-label="Import summary" className="dialog import-summary" onClose={onClose}>
      {r ? (
        <>
          <h2>Import summary</h2>
          {r.cancelled ? (
            <p className="import-cancelled">
              Import cancelled after {r.filesDone} of {plural(r.filesTotal, 'file')}
              {r.stoppedAt ? `, part way through ${r.stoppedAt} (import it again to add the rest: what is already in is skipped)` : ''}. Everything imported
              before that is in the library; nothing was half-written.
            </p>
          ) : null}
          <dl className="import-counts">
            <dt>Imported</dt>
            <dd>{plural(r.imported.length, 'article')}{versions.length ? `, ${plural(versions.length, 'new version')} of articles already in the library` : ''}</dd>
            <dt>Duplicates skipped</dt>
            <dd>{r.duplicates.length.toLocaleString('en')}</dd>
            <dt>Failed</dt>
            <dd>{r.failed.length.toLocaleString('en')}</dd>
          </dl>
          {r.annotationsMoved + r.annotationsOrphaned > 0 ? (
            <p>
              {plural(r.annotationsMoved, 'annotation')} moved to the new versions
              {r.annotationsOrphaned ? `; ${r.annotationsOrphaned} could not be placed and wait in the new versions' Orphans queue` : ''}.
            </p>
          ) : null}
          {versions.length ? (
            <Section title="New versions" count={versions.length}>
              {versions.slice(0, MAX_ROWS).map((e) => (
                <li key={e.id}>
                  “{e.title}” is version {e.version} <span className="import-file">({e.file})</span>
                </li>
              ))}
            </Section>
          ) : null}
          {r.failed.length ? (
            <Section title="Failed" count={r.failed.length}>
              {r.failed.slice(0, MAX_ROWS).map((f, i) => (
                <li key={i}>
                  <span className="import-file">{f.file}</span>: {f.message}
                </li>
              ))}
            </Section>
          ) : null}
          {r.duplicates.length ? (
            <Section title="Duplicates skipped" count={r.duplicates.length}>
              {r.duplicates.slice(0, MAX_ROWS).map((d, i) => (
                <li key={i}>
                  <span className="import-file">{d.file}</span>: “{d.title}” is already in the library{d.existingTitle !== d.title ? ` as “${d.existingTitle}”` : ''}
                  {d.inTrash ? ' (in the trash)' : ''}.
                </li>
              ))}
            </Section>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose} autoFocus>
              Close
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h3>
        {title} ({count.toLocaleString('en')})
      </h3>
      <ul className="import-list">{children}</ul>
      {count > MAX_ROWS ? <p className="import-more">…and {(count - MAX_ROWS).toLocaleString('en')} more.</p> : null}
    </section>
  );
}
