/** "Export for review" and "Import teammates' work…": the library's review commands (docs/REVIEW.md). */
import { useCallback, useState } from 'react';
import type { ImportPlan } from '../../shared/review/plan.ts';
import type { FactmarkDatabase } from '../db/database.ts';
import { describeError } from '../errors.ts';
import { loadDatasets } from '../parts/index.ts';
import type { ReviewDeps } from './reviewActions.ts';
import type { Announce } from '../components/StatusArea.tsx';

export interface ImportReport {
  lines: string[];
  warnings: string[];
  errors: string[];
  orphans: ImportPlan['orphans'];
  /** What a reviewer decided on the importing analyst's own annotations, per article (adjudicated packages). */
  yourWork: string[];
}

type DatasetsPart = Awaited<ReturnType<typeof loadDatasets>>;

/** The commands come with the dataset formats' chunk (reviewActions.ts, loaded on first use); the report is kept here. */
export function useReviewActions({ db, annotator, announce, reload }: { db: FactmarkDatabase; annotator: string; announce: Announce; reload(): Promise<unknown> }) {
  const [report, setReport] = useState<ImportReport | null>(null);

  const run = useCallback(
    async (command: (part: DatasetsPart, deps: ReviewDeps) => Promise<void>) => {
      try {
        await command(await loadDatasets(), { db, annotator, announce, reload });
      } catch (e) {
        announce(describeError(e), 'error');
      }
    },
    [db, annotator, announce, reload],
  );

  const exportReview = useCallback(() => run((part, deps) => part.exportReview(deps)), [run]);
  const exportAdjudicatedPackage = useCallback(() => run((part, deps) => part.exportAdjudicatedPackage(deps)), [run]);
  const importWork = useCallback((mode: 'files' | 'folder' = 'files') => run((part, deps) => part.importWork(deps, mode, setReport)), [run]);

  return { exportReview, exportAdjudicatedPackage, importWork, report, closeReport: () => setReport(null) };
}
