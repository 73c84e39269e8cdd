/** The dataset formats' chunk (renderer/parts): export and dataset import, review packages in and out. */
export { ExportDialog } from '../datasets/ExportDialog.tsx';
export { exportDataset, importDataset } from '../datasets/datasetActions.ts';
export { exportAdjudicatedPackage, exportReview, importWork } from '../review/reviewActions.ts';
