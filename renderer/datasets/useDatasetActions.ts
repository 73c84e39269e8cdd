/**
 * The library's dataset commands: export (whole library or the open article) and import of annotated datasets.
 * Their implementation comes with the dataset formats' chunk (datasetActions.ts, loaded on first use).
 */
import { useCallback } from 'react';
import type { Repository } from '../db/repository.ts';
import { describeError } from '../errors.ts';
import type { ExportChoice } from './ExportDialog.tsx';
import { useLabelActions } from '../labels/LabelsProvider.tsx';
import { loadDatasets } from '../parts/index.ts';
import type { Announce } from '../components/StatusArea.tsx';

export function useDatasetActions({ repo, announce, reload, openId, annotator }: { repo: Repository; announce: Announce; reload(): Promise<unknown>; openId: string | null; annotator: string }) {
  const labelActions = useLabelActions();
  const exportDataset = useCallback(
    async (choice: ExportChoice): Promise<boolean> => {
      try {
        return await (await loadDatasets()).exportDataset({ repo, announce, openId, annotator }, choice);
      } catch (e) {
        announce(describeError(e), 'error');
        return false;
      }
    },
    [repo, announce, openId, annotator],
  );

  const importDataset = useCallback(async () => {
    try {
      await (await loadDatasets()).importDataset({ repo, announce, reload, labelActions });
    } catch (e) {
      announce(describeError(e), 'error');
    }
  }, [repo, announce, reload, labelActions]);

  return { exportDataset, importDataset };
}
