/**
 * A dataset import from picked files to the database: read (importDataset.ts), then written in one transaction
 * (Repository.importDataset). It runs in a worker (importFiles.worker.ts), so the window keeps painting and
 * answering input: reading a 10,000-article dataset and writing its 100,000 annotations costs the main thread
 * seconds (bench/README.md), and passing the dataset back to it would cost most of a second more.
 */
import type { Label, LabelDef, LabelSet } from '../../shared/labels.ts';
import type { PickedFile } from '../../shared/platform.ts';
import { FactmarkDatabase } from '../db/database.ts';
import { Repository, type ImportDatasetResult } from '../db/repository.ts';
import { describeError } from '../errors.ts';
import { readDatasetFiles } from './importDataset.ts';

export interface ImportRequest {
  files: PickedFile[];
  /** The library's label set: labels outside it are reported. */
  labels?: LabelSet;
  /** The app's database. */
  dbName: string;
}

/** What an import did, for the status line; `result` null when the files held nothing to import. */
export interface ImportOutcome {
  result: ImportDatasetResult | null;
  /** Names of the formats read. */
  formats: string[];
  errors: string[];
  warnings: string[];
  /** Labels the files declare or use, for the library's label set. */
  labels: (LabelDef | Label)[];
}

export type ImportReply = { ok: true; outcome: ImportOutcome } | { ok: false; message: string };

/** Reads the files and writes what they hold through `repo`. */
export async function importFiles({ files, labels }: ImportRequest, repo: Repository): Promise<ImportOutcome> {
  const read = await readDatasetFiles(files, labels);
  const { documents, annotations } = read.dataset;
  const outcome = { formats: read.formats, errors: read.errors, warnings: read.warnings };
  if (documents.length === 0 && annotations.length === 0) return { ...outcome, result: null, labels: [] };
  const result = await repo.importDataset(read.dataset);
  return { ...outcome, result, labels: [...(read.dataset.labels ?? []), ...new Set(annotations.map((a) => a.label))] };
}

/**
 * importFiles in a worker; the files' bytes are handed over to it (transferred, not copied), so `files` must not be
 * used afterwards. Where no worker can be started, it runs here, with `repo`.
 */
export async function importFilesOffThread(request: ImportRequest, repo: Repository): Promise<ImportOutcome> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./importFiles.worker.ts', import.meta.url), { type: 'module', name: 'dataset-import' });
  } catch {
    return importFiles(request, repo);
  }
  try {
    return await new Promise<ImportOutcome>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<ImportReply>) => (e.data.ok ? resolve(e.data.outcome) : reject(new Error(e.data.message)));
      // the worker's script could not be loaded, or it failed outside the import: a message, no stack trace
      worker.onerror = (e) => {
        e.preventDefault();
        reject(new Error('The dataset import stopped unexpectedly. Try again; if it happens again, import the files in smaller parts.'));
      };
      const buffers = [...new Set(request.files.map((f) => f.bytes.buffer))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
      worker.postMessage(request, buffers);
    });
  } finally {
    worker.terminate();
  }
}

/** The worker's side (importFiles.worker.ts): the app's database opened by name (Dexie opens it on first use). */
export async function answerImport(request: ImportRequest): Promise<ImportReply> {
  const db = new FactmarkDatabase(request.dbName);
  try {
    return { ok: true, outcome: await importFiles(request, new Repository(db)) };
  } catch (error) {
    return { ok: false, message: describeError(error) };
  } finally {
    db.close();
  }
}
