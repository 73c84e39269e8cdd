/**
 * Factmark JSONL, the native lossless format (docs/FORMATS.md): line 1 a header, then one document per line with
 * its text, metadata and every field of its annotations. Offsets are Unicode code points.
 */
import { LABEL_IDS } from '../labels.ts';
import { SCHEMA_VERSION, type Block, type Dataset, type DocumentSource } from '../model.ts';
import { assemble, isObject, jsonLines, parseJson, Problems, type Place, type RawDoc, type RawSpan } from './assemble.ts';
import { countSpans, json, makeReport, prepareExport } from './prepare.ts';
import { readableFiles } from './readFiles.ts';
import type { ExportOptions, ExportResult, FormatFile, ImportOptions, ImportResult } from './types.ts';

export const FACTMARK_FORMAT = 'factmark';

export interface FactmarkHeader {
  format: typeof FACTMARK_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  offsetUnit: 'codepoint';
  labels: string[];
  documents: number;
  annotations: number;
}

const SOURCE_KEYS = ['kind', 'fileName', 'outlet', 'url', 'author', 'published'] as const;
const BLOCK_TYPES = ['paragraph', 'heading', 'quote', 'list-item'];
const DOC_KEYS = ['id', 'title', 'text', 'contentHash', 'source', 'blocks', 'createdAt', 'annotations'];
const ANN_KEYS = ['id', 'label', 'start', 'end', 'quote', 'prefix', 'suffix', 'annotator', 'note', 'createdAt', 'updatedAt'];

function copySource(s: DocumentSource): DocumentSource {
  const out: Record<string, string> = {};
  for (const k of SOURCE_KEYS) if (typeof s[k] === 'string') out[k] = s[k];
  return out as unknown as DocumentSource;
}

function copyBlock(b: Block): Block {
  return { type: b.type, ...(b.level !== undefined ? { level: b.level } : {}), ...(b.ordered !== undefined ? { ordered: b.ordered } : {}) };
}

export function exportFactmark(dataset: Dataset, options: ExportOptions = {}): ExportResult {
  const prepared = prepareExport(dataset);
  const header: FactmarkHeader = {
    format: FACTMARK_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: options.exportedAt ?? new Date().toISOString(),
    offsetUnit: 'codepoint',
    labels: [...LABEL_IDS],
    documents: prepared.docs.length,
    annotations: countSpans(prepared),
  };
  const lines = [json(header)];
  for (const { doc, spans } of prepared.docs) {
    lines.push(
      json({
        id: doc.id,
        title: doc.title,
        text: doc.text,
        contentHash: doc.contentHash,
        source: copySource(doc.source),
        ...(doc.blocks ? { blocks: doc.blocks.map(copyBlock) } : {}),
        createdAt: doc.createdAt,
        annotations: spans.map(({ annotation: a, start, end }) => ({
          id: a.id,
          label: a.label,
          start,
          end,
          quote: a.quote,
          prefix: a.prefix,
          suffix: a.suffix,
          annotator: a.annotator,
          ...(a.note !== undefined ? { note: a.note } : {}),
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
        })),
      }),
    );
  }
  return { files: [{ path: 'dataset.factmark.jsonl', data: `${lines.join('\n')}\n` }], report: makeReport('factmark', 'codepoint', prepared, countSpans(prepared)) };
}

/** Hand-written checks of a document line (the renderer cannot compile JSON Schemas: its CSP forbids eval). */
function readDocument(value: unknown, place: Place, problems: Problems): RawDoc | null {
  if (!isObject(value)) {
    problems.error(place, 'a document line must be a JSON object; skipped');
    return null;
  }
  const bad: string[] = [];
  const str = (k: string) => typeof value[k] === 'string' || (bad.push(`"${k}" must be a string`), false);
  str('id');
  str('title');
  str('text');
  str('contentHash');
  str('createdAt');
  if (typeof value.id === 'string' && value.id.trim() === '') bad.push('"id" must not be empty');
  const source = value.source;
  if (!isObject(source) || typeof source.kind !== 'string') bad.push('"source" must be an object with a string "kind"');
  else for (const k of SOURCE_KEYS) if (source[k] !== undefined && typeof source[k] !== 'string') bad.push(`"source.${k}" must be a string`);
  const blocks = value.blocks;
  if (blocks !== undefined) {
    if (!Array.isArray(blocks)) bad.push('"blocks" must be an array');
    else
      blocks.forEach((b, i) => {
        if (!isObject(b) || !BLOCK_TYPES.includes(b.type as string)) bad.push(`"blocks[${i}].type" must be one of ${BLOCK_TYPES.join(', ')}`);
        else if ((b.level !== undefined && !(Number.isInteger(b.level) && (b.level as number) >= 1 && (b.level as number) <= 6)) || (b.ordered !== undefined && typeof b.ordered !== 'boolean'))
          bad.push(`"blocks[${i}]" has a bad level or ordered value`);
      });
  }
  if (!Array.isArray(value.annotations)) bad.push('"annotations" must be an array');
  if (bad.length) {
    problems.error(place, `document ${typeof value.id === 'string' ? `"${value.id}" ` : ''}is malformed: ${bad.join('; ')}; skipped`);
    return null;
  }
  const unknown = Object.keys(value).filter((k) => !DOC_KEYS.includes(k));
  if (unknown.length) problems.warn(place, `unknown document field(s) ignored: ${unknown.join(', ')}`);
  const spans: RawSpan[] = [];
  (value.annotations as unknown[]).forEach((a, i) => {
    const at = `annotation ${i + 1} of document "${value.id as string}"`;
    if (!isObject(a)) {
      problems.error(place, `${at} is not an object; skipped`);
      return;
    }
    const wrong: string[] = [];
    for (const k of ['id', 'label', 'quote', 'prefix', 'suffix', 'annotator', 'createdAt', 'updatedAt']) if (typeof a[k] !== 'string') wrong.push(`"${k}" must be a string`);
    for (const k of ['start', 'end']) if (!Number.isInteger(a[k])) wrong.push(`"${k}" must be an integer`);
    if (a.note !== undefined && typeof a.note !== 'string') wrong.push('"note" must be a string');
    if (typeof a.id === 'string' && a.id.trim() === '') wrong.push('"id" must not be empty');
    if (wrong.length) {
      problems.error(place, `${at}${typeof a.id === 'string' ? ` ("${a.id}")` : ''} is malformed: ${wrong.join('; ')}; skipped`);
      return;
    }
    const extra = Object.keys(a).filter((k) => !ANN_KEYS.includes(k));
    if (extra.length) problems.warn(place, `${at}: unknown field(s) ignored: ${extra.join(', ')}`);
    spans.push({
      place,
      id: a.id,
      label: a.label,
      start: a.start,
      end: a.end,
      unit: 'codepoint',
      text: a.quote as string,
      prefix: a.prefix as string,
      suffix: a.suffix as string,
      annotator: a.annotator,
      note: a.note,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    });
  });
  return {
    place,
    id: value.id,
    title: value.title,
    text: value.text as string,
    contentHash: value.contentHash,
    source: copySource(source as unknown as DocumentSource),
    ...(blocks ? { blocks: (blocks as Block[]).map(copyBlock) } : {}),
    createdAt: value.createdAt,
    expectNormalised: true,
    spans,
  };
}

function checkHeader(value: unknown, place: Place, problems: Problems): void {
  if (!isObject(value) || value.format !== FACTMARK_FORMAT) {
    problems.error(place, 'line 1 must be the Factmark header {"format":"factmark",…}; is this a Factmark JSONL file?');
    return;
  }
  if (value.schemaVersion !== SCHEMA_VERSION) {
    problems.warn(place, `schemaVersion ${JSON.stringify(value.schemaVersion)} is not the version this app writes (${SCHEMA_VERSION}); read as version ${SCHEMA_VERSION}`);
  }
  if (value.offsetUnit !== 'codepoint') problems.error(place, `offsetUnit ${JSON.stringify(value.offsetUnit)} is not supported (expected "codepoint"); offsets read as code points`);
  if (Array.isArray(value.labels)) {
    const unknown = value.labels.filter((l) => !(LABEL_IDS as readonly unknown[]).includes(l));
    if (unknown.length) problems.warn(place, `the header lists label(s) this app does not know: ${unknown.join(', ')}`);
  }
}

export async function importFactmark(files: FormatFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const problems = new Problems();
  const raws: RawDoc[] = [];
  for (const { file, text } of readableFiles(files, problems)) {
    const lines = jsonLines(text);
    if (!lines.length) {
      problems.error({ file: file.path }, 'the file is empty');
      continue;
    }
    let declared: { documents?: unknown; annotations?: unknown } = {};
    let docs = 0;
    let spans = 0;
    lines.forEach((l, i) => {
      const place = { file: file.path, line: l.line };
      const parsed = parseJson(l.text, place, problems);
      if (!parsed.ok) return;
      if (i === 0) {
        checkHeader(parsed.value, place, problems);
        if (isObject(parsed.value)) declared = parsed.value;
        if (isObject(parsed.value) && parsed.value.format === FACTMARK_FORMAT) return;
      }
      if (isObject(parsed.value) && parsed.value.format === FACTMARK_FORMAT) {
        problems.error(place, 'a second header line; ignored');
        return;
      }
      const raw = readDocument(parsed.value, place, problems);
      if (raw) {
        raws.push(raw);
        docs++;
        spans += raw.spans.length;
      }
    });
    if (typeof declared.documents === 'number' && declared.documents !== docs) problems.warn({ file: file.path, line: 1 }, `the header announces ${declared.documents} document(s) but ${docs} were read`);
    if (typeof declared.annotations === 'number' && declared.annotations !== spans) problems.warn({ file: file.path, line: 1 }, `the header announces ${declared.annotations} annotation(s) but ${spans} were read`);
  }
  const dataset = await assemble(raws, problems, options);
  return { dataset, problems: problems.list };
}
