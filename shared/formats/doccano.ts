/**
 * doccano sequence-labelling JSONL: one document per line, {"text", "label": [[start, end, "claim"], …]}, offsets in
 * code points. Extra keys (document_id, title, offset_unit) become doccano metadata. Import also reads doccano's
 * newer export shape, "entities": [{"start_offset","end_offset","label"}].
 */
import type { Dataset } from '../model.ts';
import { assemble, isObject, Problems, type RawDoc, type RawSpan } from './assemble.ts';
import { linksLeftOut, withWarnings, writtenAnnotations } from './details.ts';
import { countSpans, json, makeReport, prepareExport } from './prepare.ts';
import { textRecords } from './readFiles.ts';
import type { ExportOptions, ExportResult, FormatFile, ImportOptions, ImportResult } from './types.ts';

export function exportDoccano(dataset: Dataset, _options: ExportOptions = {}): ExportResult {
  const prepared = prepareExport(dataset);
  const lines = prepared.docs.map(({ doc, spans }) =>
    json({ text: doc.text, label: spans.map((s) => [s.start, s.end, s.annotation.label]), document_id: doc.id, title: doc.title, offset_unit: 'codepoint' }),
  );
  return { files: [{ path: 'dataset.doccano.jsonl', data: lines.length ? `${lines.join('\n')}\n` : '' }], report: withWarnings(makeReport('doccano', 'codepoint', prepared, countSpans(prepared)), linksLeftOut(writtenAnnotations(prepared), 'doccano')) };
}

export async function importDoccano(files: FormatFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const problems = new Problems();
  const raws: RawDoc[] = [];
  for (const { place, value: v } of textRecords(files, problems)) {
    const spans: RawSpan[] = [];
    const labels = v.label ?? v.labels;
    if (labels !== undefined && !Array.isArray(labels)) problems.error(place, '"label" must be an array of [start, end, label]; skipped');
    if (Array.isArray(labels)) {
      labels.forEach((e, i) => {
        if (!Array.isArray(e) || e.length !== 3) problems.error(place, `label entry ${i + 1} is not [start, end, label]; skipped`);
        else spans.push({ place, label: e[2], start: e[0], end: e[1], unit: 'codepoint' });
      });
    }
    if (Array.isArray(v.entities)) {
      v.entities.forEach((e, i) => {
        if (!isObject(e)) problems.error(place, `entity ${i + 1} is not an object; skipped`);
        else spans.push({ place, label: e.label, start: e.start_offset, end: e.end_offset, unit: 'codepoint' });
      });
    }
    raws.push({ place, id: v.document_id, title: v.title, text: v.text, spans });
  }
  return { dataset: await assemble(raws, problems, options), problems: problems.list };
}
