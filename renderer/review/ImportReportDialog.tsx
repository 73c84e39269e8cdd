import { Dialog } from '../components/Dialog.tsx';
import type { ImportReport } from './useReviewActions.ts';

/** The "Import report": what each package changed, and never silently what could not be imported or placed. */
export function ImportReportDialog({ report, onClose }: { report: ImportReport | null; onClose(): void }) {
  return (
    <Dialog title="Import report" open={report !== null} onClose={onClose} submitLabel="Close" onSubmit={onClose} report>
      {report ? (
        <div className="import-report">
          {report.lines.length ? (
            <ul aria-label="Imported packages">
              {report.lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          ) : null}
          {report.yourWork.length ? (
            <>
              <h3>Reviewer’s decisions on your work</h3>
              <ul aria-label="Reviewer’s decisions on your work">
                {report.yourWork.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            </>
          ) : null}
          {report.errors.length ? (
            <>
              <h3>Not imported</h3>
              <ul aria-label="Not imported">
                {report.errors.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            </>
          ) : null}
          {report.warnings.length ? (
            <>
              <h3>Warnings</h3>
              <ul aria-label="Warnings">
                {report.warnings.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            </>
          ) : null}
          {report.orphans.length ? (
            <>
              <h3>Orphaned annotations (not attached)</h3>
              <ul aria-label="Orphaned annotations">
                {report.orphans.map((o, i) => (
                  <li key={i}>
                    {o.annotator}: {o.label} “{o.quote}” in “{o.documentTitle}” — {o.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
}
