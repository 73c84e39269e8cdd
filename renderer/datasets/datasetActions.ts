/**
 * The library's dataset commands, export (whole library, the open article, a collection or the selection) and
 * import of annotated datasets: they load with the dataset formats (renderer/parts); useDatasetActions calls them.
 */
import { formatById } from '../../shared/formats/index.ts';
import type { PickedFile } from '../../shared/platform.ts';
import type { Repository } from '../db/repository.ts';
import { describeError } from '../errors.ts';
import { platform } from '../platform/index.ts';
import type { ExportChoice } from './ExportDialog.tsx';
import { withRejections } from '../db/review.ts';
import { describeExport, exportFile, onlyAnnotator, onlyGold } from './exportDataset.ts';
import { DATASET_EXTENSIONS } from './importDataset.ts';
import { importFilesOffThread } from './importFiles.ts';
import type { LabelActions } from '../labels/LabelsProvider.tsx';
import { getLabels } from '../labels/labelStore.ts';
import type { Announce } from '../components/StatusArea.tsx';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export async function exportDataset({ repo, announce, openId, annotator }: { repo: Repository; announce: Announce; openId: string | null; annotator: string }, choice: ExportChoice): Promise<boolean> {
  const format = formatById(choice.format);
  if (!format) return false;
  try {
    const all = await repo.datasetFor(choice.documentIds ?? (choice.scope === 'article' && openId ? [openId] : undefined));
    // every layer carries the reviewer's rejections too (the native format keeps them; others ignore them)
    const dataset = choice.layer === 'mine' ? onlyAnnotator(all, annotator) : choice.layer === 'gold' ? onlyGold(all) : await withRejections(repo.db, all);
    // every export carries the library's label set (formats that have room for it write it)
    const file = exportFile(format, { ...dataset, labels: [...getLabels()] }, { scope: choice.scope, excel: choice.excel });
    const saved = await platform.saveFile({ suggestedName: file.suggestedName, data: file.data, filters: [{ name: format.name, extensions: [file.extension] }] });
    announce(saved ? describeExport(format, file) : 'Export cancelled: nothing was saved.');
    return true;
  } catch (e) {
    announce(`${describeError(e)} Nothing was exported.`, 'error');
    return false;
  }
}

export async function importDataset({ repo, announce, reload, labelActions }: { repo: Repository; announce: Announce; reload(): Promise<unknown>; labelActions: LabelActions }): Promise<void> {
  let files: PickedFile[];
  try {
    files = await platform.openFiles({ title: 'Import dataset', filters: [{ name: 'Annotated datasets', extensions: DATASET_EXTENSIONS }], multiple: true });
  } catch (e) {
    return announce(describeError(e), 'error');
  }
  if (files.length === 0) return;
  const names = files.map((f) => f.name).join(', ');
  try {
    // read and written in a worker; `files` is handed over to it
    const { result, formats, errors, warnings, labels } = await importFilesOffThread({ files, labels: getLabels(), dbName: repo.db.name }, repo);
    if (!result) {
      const why = errors.length ? errors.join('\n') : `${names} holds no articles or annotations.`;
      return announce(`${why}\nNothing was imported.`, 'error');
    }
    // labels the files use or declare that the library lacks join its set, so no annotation is left without one
    const merged = await labelActions.merge(labels);
    await reload();
    const parts = [`Imported ${plural(result.documentsAdded, 'new article')} and ${plural(result.annotationsAdded, 'annotation')} from ${formats.join(' and ')}.`];
    if (result.documentsMatched) parts.push(`${plural(result.documentsMatched, 'article')} already in the library got their annotations.`);
    if (result.annotationsSkipped) parts.push(`${plural(result.annotationsSkipped, 'annotation')} had been imported before and ${result.annotationsSkipped === 1 ? 'was' : 'were'} left as is.`);
    if (merged.added.length) parts.push(`New label${merged.added.length === 1 ? '' : 's'} in the label set: ${merged.added.map((l) => l.name).join(', ')}.`);
    announce(parts.join(' '));
    warnings.push(...merged.warnings);
    if (errors.length || warnings.length) announce([...errors, ...warnings].join('\n'), 'error');
  } catch (e) {
    announce(`${describeError(e)} Nothing was imported.`, 'error');
  }
}
