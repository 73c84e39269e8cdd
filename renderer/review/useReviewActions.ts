/** "Export for review" and "Import teammates' work…": the library's review commands (docs/REVIEW.md). */
import { useCallback, useState } from 'react';
import type { PickedFile } from '../../shared/platform.ts';
import { readPackageFiles } from '../../shared/review/package.ts';
import { describePlan, type ImportPlan } from '../../shared/review/plan.ts';
import type { FactmarkDatabase } from '../db/database.ts';
import { exportAdjudicated, exportForReview, importPackages, installationId } from '../db/review.ts';
import { describeError } from '../errors.ts';
import { platform } from '../platform/index.ts';

type Announce = (text: string, kind?: 'info' | 'error') => void;

export interface ImportReport {
  lines: string[];
  warnings: string[];
  errors: string[];
  orphans: ImportPlan['orphans'];
}

export function useReviewActions({ db, annotator, announce, reload }: { db: FactmarkDatabase; annotator: string; announce: Announce; reload(): Promise<unknown> }) {
  const [report, setReport] = useState<ImportReport | null>(null);

  const save = useCallback(
    async (build: () => Promise<{ fileName: string; data: string }>, what: string) => {
      try {
        const pkg = await build();
        const saved = await platform.saveFile({ suggestedName: pkg.fileName, data: new TextEncoder().encode(pkg.data), filters: [{ name: 'Factmark review package', extensions: ['jsonl'] }] });
        announce(saved ? `Saved ${what} as ${pkg.fileName}.` : 'Export cancelled: nothing was saved.');
      } catch (e) {
        announce(`${describeError(e)} Nothing was exported.`, 'error');
      }
    },
    [announce],
  );

  const exportReview = useCallback(() => save(() => exportForReview(db, annotator), 'your annotations for review'), [save, db, annotator]);
  const exportAdjudicatedPackage = useCallback(() => save(() => exportAdjudicated(db, annotator), 'the adjudicated package (every layer, gold and decisions)'), [save, db, annotator]);

  const importWork = useCallback(
    async (mode: 'files' | 'folder' = 'files') => {
      let files: PickedFile[];
      try {
        const pick = platform as typeof platform & { openFolder?(o: { title: string }): Promise<PickedFile[]> };
        files =
          mode === 'folder' && pick.openFolder
            ? await pick.openFolder({ title: 'Import teammates’ work' })
            : await platform.openFiles({ title: 'Import teammates’ work', filters: [{ name: 'Factmark review packages', extensions: ['jsonl', 'zip'] }], multiple: true });
      } catch (e) {
        return announce(describeError(e), 'error');
      }
      if (files.length === 0) return;
      try {
        const read = await readPackageFiles(files);
        const plans = await importPackages(db, read.packages, { annotator, origin: await installationId(db) });
        await reload();
        const warnings = [...read.packages.flatMap((p) => p.problems.map((x) => `${p.fileName}${x.line ? ` line ${x.line}` : ''}: ${x.message}`)), ...plans.flatMap((p) => p.warnings)];
        const result: ImportReport = { lines: plans.map(describePlan), warnings, errors: read.errors, orphans: plans.flatMap((p) => p.orphans) };
        setReport(result);
        announce(plans.length ? `Imported ${plans.length} package${plans.length === 1 ? '' : 's'}. See the import report.` : 'Nothing was imported.', plans.length ? 'info' : 'error');
      } catch (e) {
        announce(`${describeError(e)} Nothing was imported.`, 'error');
      }
    },
    [db, annotator, announce, reload],
  );

  return { exportReview, exportAdjudicatedPackage, importWork, report, closeReport: () => setReport(null) };
}
