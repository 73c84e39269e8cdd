/**
 * spaCy / Prodigy span JSONL: one document per line, {"text", "spans": [{"start","end","label",…}], "meta"}.
 * Offsets are code points (Python str indices), as spaCy's Doc.char_span expects. Besides the three fields spaCy
 * reads, each span carries its covered text, id, annotator and note; meta carries the document's id and metadata.
 */
import type { Dataset } from '../model.ts';
import { assemble, isObject, Problems, type RawDoc } from './assemble.ts';
import { linksLeftOut, withWarnings, writtenAnnotations } from './details.ts';
import { countSpans, json, makeReport, prepareExport } from './prepare.ts';
import { textRecords } from './readFiles.ts';
import type { ExportOptions, ExportResult, FormatFile, ImportOptions, ImportResult } from './types.ts';

export function exportSpacy(dataset: Dataset, _options: ExportOptions = {}): ExportResult {
  const prepared = prepareExport(dataset);
  const lines = prepared.docs.map(({ doc, spans }) =>
    json({
      text: doc.text,
      spans: spans.map(({ annotation: a, start, end, text }) => ({ start, end, label: a.label, text, id: a.id, annotator: a.annotator, ...(a.note !== undefined ? { note: a.note } : {}) })),
      meta: { id: doc.id, title: doc.title, offset_unit: 'codepoint', content_hash: doc.contentHash, source: doc.source, created_at: doc.createdAt },
    }),
  );
  return { files: [{ path: 'dataset.spacy.jsonl', data: lines.length ? `${lines.join('\n')}\n` : '' }], report: withWarnings(makeReport('spacy', 'codepoint', prepared, countSpans(prepared)), linksLeftOut(writtenAnnotations(prepared), 'spaCy span JSONL')) };
}

export async function importSpacy(files: FormatFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const problems = new Problems();
  const raws: RawDoc[] = [];
  for (const { place, value: v } of textRecords(files, problems)) {
    const meta = isObject(v.meta) ? v.meta : {};
    if (meta.offset_unit !== undefined && meta.offset_unit !== 'codepoint') problems.warn(place, `meta.offset_unit ${JSON.stringify(meta.offset_unit)} is not "codepoint"; offsets read as code points`);
    if (v.spans !== undefined && !Array.isArray(v.spans)) problems.error(place, '"spans" must be an array; its spans are skipped');
    const spans = Array.isArray(v.spans) ? v.spans : [];
    raws.push({
      place,
      id: meta.id,
      title: meta.title,
      text: v.text,
      source: isObject(meta.source) && typeof meta.source.kind === 'string' ? (meta.source as unknown as RawDoc['source']) : undefined,
      createdAt: meta.created_at,
      spans: spans.flatMap((s, i) => {
        if (!isObject(s)) {
          problems.error(place, `span ${i + 1} is not an object; skipped`);
          return [];
        }
        return [{ place, id: s.id, label: s.label, start: s.start, end: s.end, unit: 'codepoint' as const, ...(typeof s.text === 'string' ? { text: s.text } : {}), annotator: s.annotator, note: s.note }];
      }),
    });
  }
  return { dataset: await assemble(raws, problems, options), problems: problems.list };
}
