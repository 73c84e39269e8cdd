/**
 * Runs imports for the UI: one at a time, a progress bar once it takes longer than a moment, Cancel, and the
 * "Import summary" dialog at the end (renderer/import/ImportStatus.tsx shows them).
 */
import { useCallback, useRef, useState } from 'react';
import type { Repository } from '../db/repository.ts';
import { describeError } from '../errors.ts';
import { loadImporter } from '../parts/index.ts';
import type { ImportItem, ImportProgress, ImportReport } from './pipeline.ts';
import type { Announce } from '../components/StatusArea.tsx';

/** How long an import runs before its progress bar appears: quick ones finish without flashing it. */
const PROGRESS_DELAY_MS = 300;

export interface ImportState {
  /** Shown while an import that took longer than a moment runs. */
  progress: ImportProgress | null;
  cancelling: boolean;
  /** The last import's report, while its summary is open. */
  summary: ImportReport | null;
}

interface UseImportOptions {
  repo: Repository;
  reload(): Promise<unknown>;
  announce: Announce;
  open(id: string): void;
}

export function useImport({ repo, reload, announce, open }: UseImportOptions) {
  const [state, setState] = useState<ImportState>({ progress: null, cancelling: false, summary: null });
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(
    async (items: ImportItem[]): Promise<ImportReport | null> => {
      if (items.length === 0) return null;
      if (controller.current) {
        announce('An import is already running. Wait for it to finish or cancel it first.', 'error');
        return null;
      }
      const abort = new AbortController();
      controller.current = abort;
      // the pipeline is a chunk of its own, loaded on first use (renderer/parts)
      let importer: Awaited<ReturnType<typeof loadImporter>>;
      try {
        importer = await loadImporter();
      } catch (error) {
        controller.current = null;
        announce(describeError(error), 'error');
        return null;
      }
      const { runImport, makeHtmlParser, carryAnnotationsToVersion } = importer;
      let latest: ImportProgress = { filesDone: 0, filesTotal: items.length, imported: 0 };
      let shown = false;
      const timer = setTimeout(() => {
        shown = true;
        setState((s) => ({ ...s, progress: latest }));
      }, PROGRESS_DELAY_MS);
      let report: ImportReport;
      try {
        report = await runImport(repo.db, items, {
          parseHtml: makeHtmlParser(window),
          signal: abort.signal,
          carryAnnotations: carryAnnotationsToVersion,
          onProgress(p) {
            latest = p;
            if (shown) setState((s) => ({ ...s, progress: p }));
          },
        });
      } catch (error) {
        announce(`${describeError(error)} Articles imported before the error are kept; nothing else changed.`, 'error');
        await reload();
        return null;
      } finally {
        clearTimeout(timer);
        controller.current = null;
        setState((s) => ({ ...s, progress: null, cancelling: false }));
      }
      await reload();
      // one file holding one article: say so in the status line (and open it) rather than with a dialog — however long
      // it took, so the outcome does not depend on whether the progress bar happened to appear
      const single = items.length === 1 && !report.cancelled && report.failed.length === 0 && report.imported.length + report.duplicates.length === 1;
      if (single && report.imported[0]) {
        const e = report.imported[0];
        announce(`Added 1 article.${e.version ? ` It is version ${e.version} of “${e.title}”; the reader lists the other versions.` : ''}`);
        open(e.id);
      } else if (single && report.duplicates[0]) {
        const d = report.duplicates[0];
        announce(`“${d.title}” is already in the library as “${d.existingTitle}”${d.inTrash ? ' (in the trash)' : ''}. Nothing was added.`);
      } else {
        announce(summaryLine(report), report.failed.length ? 'error' : 'info');
        setState((s) => ({ ...s, summary: report }));
      }
      return report;
    },
    [repo, reload, announce, open],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    setState((s) => ({ ...s, cancelling: true }));
  }, []);

  const closeSummary = useCallback(() => setState((s) => ({ ...s, summary: null })), []);

  return { state, start, cancel, closeSummary };
}

/** One sentence for the status line; the dialog has the details. */
export function summaryLine(r: ImportReport): string {
  const parts = [`${r.cancelled ? 'Import cancelled: ' : ''}${plural(r.imported.length, 'article')} imported`];
  if (r.duplicates.length) parts.push(`${plural(r.duplicates.length, 'duplicate')} skipped`);
  if (r.failed.length) parts.push(`${r.failed.length} failed`);
  return `${parts.join(', ')}.`;
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}
