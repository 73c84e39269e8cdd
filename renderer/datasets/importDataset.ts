/** Reads picked dataset files (any importable format, or a zip) into one dataset, with every problem placed. */
import { detectFormat, formatById, importableFormats, type FormatDef, type FormatFile, type FormatId, type ImportProblem } from '../../shared/formats/index.ts';
import type { LabelSet } from '../../shared/labels.ts';
import type { Dataset } from '../../shared/model.ts';
import type { PickedFile } from '../../shared/platform.ts';

export const DATASET_EXTENSIONS = [...new Set([...importableFormats().flatMap((f) => f.extensions), 'zip', 'ann', 'txt'])];

export interface ReadDataset {
  dataset: Dataset;
  /** Names of the formats read. */
  formats: string[];
  /** Complete messages: file, line and what is wrong. */
  errors: string[];
  warnings: string[];
}

export function problemText(p: ImportProblem): string {
  const place = p.file ? (p.line ? `${p.file} line ${p.line}: ` : `${p.file}: `) : p.line ? `line ${p.line}: ` : '';
  return `${place}${p.message}`;
}

/** `labels`: the library's label set; a label outside it is reported with its place (and kept, see LabelsProvider.merge). */
export async function readDatasetFiles(files: PickedFile[], labels?: LabelSet): Promise<ReadDataset> {
  const out: ReadDataset = { dataset: { documents: [], annotations: [] }, formats: [], errors: [], warnings: [] };
  // brat comes as .txt/.ann pairs or a zip: files of one format are read together
  const groups = new Map<FormatId, FormatFile[]>();
  for (const f of files) {
    const id = detectFormat(f.name, f.bytes.subarray(0, 4096));
    const format = id ? formatById(id) : undefined;
    if (!format) {
      out.errors.push(`Could not import ${f.name}: it is not in a dataset format Factmark reads (${importableNames()}).`);
      continue;
    }
    if (!format.import) {
      out.errors.push(`Could not import ${f.name}: it looks like ${format.name}, which Factmark writes but cannot read back. Import ${importableNames()}.`);
      continue;
    }
    groups.set(format.id, [...(groups.get(format.id) ?? []), { path: f.name, data: f.bytes }]);
  }
  for (const [id, group] of groups) {
    const format = formatById(id) as FormatDef & Required<Pick<FormatDef, 'import'>>;
    const result = await format.import(group, labels ? { labels } : {});
    out.formats.push(format.name);
    // a loop, not push(...): a spread of 100,000 annotations overflows the call stack (a worker's is the smaller)
    for (const d of result.dataset.documents) out.dataset.documents.push(d);
    for (const a of result.dataset.annotations) out.dataset.annotations.push(a);
    if (result.dataset.labels) out.dataset.labels = [...(out.dataset.labels ?? []), ...result.dataset.labels];
    for (const p of result.problems) (p.severity === 'error' ? out.errors : out.warnings).push(problemText(p));
  }
  return out;
}

function importableNames(): string {
  return importableFormats()
    .map((f) => f.name)
    .join(', ');
}
