/** One export as a single file to save: the format's output (zipped when it is several files), a name and a report. */
import { toZip, type ExportReport, type FormatDef } from '../../shared/formats/index.ts';
import type { Dataset } from '../../shared/model.ts';

export type ExportScope = 'library' | 'article' | 'collection' | 'selection';

export interface ExportFile {
  suggestedName: string;
  extension: string;
  data: Uint8Array;
  report: ExportReport;
}

export function exportFile(format: FormatDef, dataset: Dataset, options: { scope: ExportScope; excel: boolean; now?: Date }): ExportFile {
  const { files, report } = format.export(dataset, format.id === 'csv' ? { excel: options.excel } : {});
  const single = files.length === 1 && !format.multiFile ? files[0]! : null;
  const extension = single ? (format.extensions[0] ?? 'txt') : 'zip';
  const data = single ? (typeof single.data === 'string' ? new TextEncoder().encode(single.data) : single.data) : toZip(files);
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  return { suggestedName: `factmark-${options.scope}-${format.id}-${date}.${extension}`, extension, data, report };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What was written and, never silently, what the format could not carry. */
export function describeExport(format: FormatDef, file: ExportFile): string {
  const { report } = file;
  const parts = [`Exported ${plural(report.documents, 'article')} and ${plural(report.annotations, 'annotation')} as ${format.name} to ${file.suggestedName}.`];
  for (const l of report.leftOut) parts.push(`Left out ${plural(l.count, 'annotation')}: ${l.reason}.`);
  parts.push(...(report.warnings ?? []));
  return parts.join(' ');
}

export const offsetUnitText = (format: FormatDef) =>
  format.offsetUnit === 'codepoint' ? 'Offsets count Unicode code points (as Python does).' : 'No character offsets: one tag per token.';

/** The dataset with only one annotator's annotations (the "Mine" layer, not the gold they adjudicated); documents are all kept. */
export function onlyAnnotator(dataset: Dataset, annotator: string): Dataset {
  return { documents: dataset.documents, annotations: dataset.annotations.filter((a) => a.annotator === annotator && a.layer !== 'gold') };
}

/** The reviewer's gold layer only (the "Gold" layer): ordinary spans for the flat formats, decisions in the native one. */
export function onlyGold(dataset: Dataset): Dataset {
  return { documents: dataset.documents, annotations: dataset.annotations.filter((a) => a.layer === 'gold') };
}
