/**
 * CSV, one row per annotation (RFC 4180 quoting via papaparse). Offsets are code points, and the column names say
 * so: start_cp, end_cp. Default: UTF-8 without BOM, LF line breaks. The "excel" option writes what Excel opens
 * correctly: a BOM, CRLF line breaks, and cells that Excel would run as formulas (=, +, -, @ …) prefixed with '.
 */
import Papa from 'papaparse';
import type { Dataset } from '../model.ts';
import { linksLeftOut, withWarnings, writtenAnnotations } from './details.ts';
import { countSpans, makeReport, prepareExport } from './prepare.ts';
import type { ExportOptions, ExportResult } from './types.ts';

export const CSV_COLUMNS = ['annotation_id', 'document_id', 'title', 'label', 'start_cp', 'end_cp', 'text', 'annotator', 'note', 'created'] as const;

export function exportCsv(dataset: Dataset, options: ExportOptions = {}): ExportResult {
  const prepared = prepareExport(dataset);
  const rows = prepared.docs.flatMap(({ doc, spans }) =>
    spans.map(({ annotation: a, start, end, text }) => [a.id, doc.id, doc.title, a.label, start, end, text, a.annotator, a.note ?? '', a.createdAt]),
  );
  const excel = options.excel === true;
  const body = Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: excel ? '\r\n' : '\n', quotes: false, escapeFormulae: excel });
  return {
    files: [{ path: 'annotations.csv', data: `${excel ? '\ufeff' : ''}${body}${excel ? '\r\n' : '\n'}` }],
    report: withWarnings(makeReport('csv', 'codepoint', prepared, countSpans(prepared)), linksLeftOut(writtenAnnotations(prepared), 'CSV')),
  };
}
