/** Types shared by every dataset format: what an export produces and what an import returns. */
import type { LabelSet } from '../labels.ts';
import type { Dataset } from '../model.ts';

export const FORMAT_IDS = ['factmark', 'csv', 'brat', 'conll', 'w3c', 'spacy', 'label-studio', 'doccano'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** How a format counts span offsets: Unicode code points (Python's str indices), or tokens (no offsets). */
export type OffsetUnit = 'codepoint' | 'token';

/** One output or input file; `path` is relative (may contain '/'). */
export interface FormatFile {
  path: string;
  data: string | Uint8Array;
}

export interface ExportOptions {
  /** ISO 8601 time written into headers; defaults to now. Fixed in tests so outputs compare byte for byte. */
  exportedAt?: string;
  /** CSV only: UTF-8 with a byte-order mark and CRLF line breaks, formula-like cells escaped, for Excel. */
  excel?: boolean;
}

/** Annotations an export could not carry, grouped by reason. Never silent: the UI and CLI show these. */
export interface LeftOut {
  reason: string;
  count: number;
  annotationIds: string[];
}

export interface ExportReport {
  format: FormatId;
  offsetUnit: OffsetUnit;
  documents: number;
  /** Annotations written. */
  annotations: number;
  leftOut: LeftOut[];
  /** What the format lost without leaving annotations out, e.g. "2 links left out: …". Shown with the report. */
  warnings?: string[];
}

export interface ExportResult {
  files: FormatFile[];
  report: ExportReport;
}

export interface ImportOptions {
  /** Annotator recorded for annotations from formats that do not name one (default "unknown"). */
  annotator?: string;
  /** ISO 8601 time used for creation times a format does not carry; defaults to now. */
  now?: string;
  /**
   * The label set of the library being imported into (default: the default set). A label outside it is reported
   * (first use per file, with its place) and kept: the importing app adds it to the library's set.
   */
  labels?: LabelSet;
}

/** Something wrong with the input, with its place. Errors skip a record; warnings say what was repaired. */
export interface ImportProblem {
  severity: 'error' | 'warning';
  file?: string;
  /** 1-based line number, when the format is line-based (JSONL, .ann, CSV). */
  line?: number;
  message: string;
}

export interface ImportResult {
  dataset: Dataset;
  problems: ImportProblem[];
}

export interface FormatDef {
  id: FormatId;
  /** Name shown to people. */
  name: string;
  /** File name extensions without the dot, the first being the one exports use. */
  extensions: string[];
  /** True when an export is several files (offered as a zip or a directory). */
  multiFile: boolean;
  offsetUnit: OffsetUnit;
  /** What the format cannot carry, in one sentence, for the export dialog. */
  loses: string;
  export(dataset: Dataset, options?: ExportOptions): ExportResult;
  /** Reads files of this format; never throws on bad input, reports problems instead. */
  import?(files: FormatFile[], options?: ImportOptions): Promise<ImportResult>;
}
