/**
 * Label Studio JSON tasks for a Labels-on-Text project (labelling config in docs/FORMATS.md): one task per
 * document, one annotation per annotator, each span a `labels` result. Offsets are code points: Label Studio
 * stores code point offsets for text since its emoji fix (label-studio-frontend #308; reports of UTF-16 offsets in
 * label-studio #1347 predate it). The annotator's name is in `factmark_annotator` (Label Studio's completed_by is
 * one of its own user ids), the note in the region's meta.text, as Label Studio's region notes are.
 */
import type { Dataset } from '../model.ts';
import { assemble, isObject, Problems, type RawDoc, type RawSpan } from './assemble.ts';
import { linksLeftOut, withWarnings, writtenAnnotations } from './details.ts';
import { countSpans, makeReport, prepareExport } from './prepare.ts';
import { jsonFiles } from './readFiles.ts';
import type { ExportOptions, ExportResult, FormatFile, ImportOptions, ImportResult } from './types.ts';

export const LABEL_STUDIO_CONFIG = `<View>
  <Labels name="label" toName="text">
    <Label value="claim"/>
    <Label value="denial"/>
    <Label value="unverified"/>
  </Labels>
  <Text name="text" value="$text"/>
</View>`;

export function exportLabelStudio(dataset: Dataset, _options: ExportOptions = {}): ExportResult {
  const prepared = prepareExport(dataset);
  const tasks = prepared.docs.map(({ doc, spans }) => {
    const byAnnotator = new Map<string, typeof spans>();
    for (const s of spans) byAnnotator.set(s.annotation.annotator, [...(byAnnotator.get(s.annotation.annotator) ?? []), s]);
    return {
      data: { text: doc.text, title: doc.title, document_id: doc.id, offset_unit: 'codepoint', content_hash: doc.contentHash },
      annotations: [...byAnnotator].map(([annotator, list]) => ({
        factmark_annotator: annotator,
        created_at: list.map((s) => s.annotation.createdAt).sort()[0],
        updated_at: list.map((s) => s.annotation.updatedAt).sort().at(-1),
        result: list.map(({ annotation: a, start, end, text }) => ({
          id: a.id,
          from_name: 'label',
          to_name: 'text',
          type: 'labels',
          origin: 'manual',
          value: { start, end, text, labels: [a.label] },
          ...(a.note !== undefined ? { meta: { text: [a.note] } } : {}),
        })),
      })),
    };
  });
  return { files: [{ path: 'dataset.label-studio.json', data: `${JSON.stringify(tasks, null, 2)}\n` }], report: withWarnings(makeReport('label-studio', 'codepoint', prepared, countSpans(prepared)), linksLeftOut(writtenAnnotations(prepared), 'This Label Studio export')) };
}

function annotatorOf(a: Record<string, unknown>): unknown {
  if (typeof a.factmark_annotator === 'string') return a.factmark_annotator;
  const by = a.completed_by;
  if (isObject(by)) return by.email ?? by.username ?? (by.id !== undefined ? `user ${String(by.id)}` : undefined);
  if (typeof by === 'number') return `user ${by}`;
  return typeof by === 'string' ? by : undefined;
}

export async function importLabelStudio(files: FormatFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const problems = new Problems();
  const raws: RawDoc[] = [];
  for (const { place, value } of jsonFiles(files, problems)) {
    const tasks = Array.isArray(value) ? value : [value];
    tasks.forEach((task, t) => {
      const at = `task ${t + 1}`;
      if (!isObject(task) || !isObject(task.data) || typeof task.data.text !== 'string') {
        problems.error(place, `${at} has no data.text; skipped`);
        return;
      }
      const data = task.data;
      const spans: RawSpan[] = [];
      const annotations = Array.isArray(task.annotations) ? task.annotations : Array.isArray(task.completions) ? task.completions : [];
      if (Array.isArray(task.predictions) && task.predictions.length) problems.warn(place, `${at}: predictions are not imported (only annotations)`);
      annotations.forEach((a, k) => {
        if (!isObject(a) || !Array.isArray(a.result)) {
          problems.error(place, `${at}, annotation ${k + 1} has no result list; skipped`);
          return;
        }
        if (a.was_cancelled === true) return;
        a.result.forEach((r, j) => {
          const where = `${at}, annotation ${k + 1}, result ${j + 1}`;
          if (!isObject(r) || !isObject(r.value)) {
            problems.error(place, `${where} is malformed; skipped`);
            return;
          }
          if (r.type !== 'labels') {
            problems.warn(place, `${where}: type ${JSON.stringify(r.type)} is not a text span; ignored`);
            return;
          }
          const v = r.value;
          const labels = Array.isArray(v.labels) ? v.labels : [];
          if (labels.length !== 1) problems.warn(place, `${where} has ${labels.length} labels; ${labels.length ? 'each becomes an annotation' : 'skipped'}`);
          const note = isObject(r.meta) && Array.isArray(r.meta.text) ? r.meta.text.filter((x) => typeof x === 'string').join('\n') : undefined;
          labels.forEach((label, li) => {
            spans.push({
              place: { ...place },
              id: typeof r.id === 'string' && li === 0 ? r.id : undefined,
              label,
              start: v.start,
              end: v.end,
              unit: 'codepoint',
              ...(typeof v.text === 'string' ? { text: v.text } : {}),
              annotator: annotatorOf(a),
              note,
              createdAt: a.created_at,
              updatedAt: a.updated_at,
            });
          });
        });
      });
      raws.push({ place: { ...place }, id: data.document_id, title: data.title, text: data.text as string, spans });
    });
  }
  return { dataset: await assemble(raws, problems, options), problems: problems.list };
}
