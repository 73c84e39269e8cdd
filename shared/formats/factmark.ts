/**
 * Factmark JSONL, the native lossless format (docs/FORMATS.md): line 1 a header, then one document per line with
 * its text, metadata and every field of its annotations. Offsets are Unicode code points.
 */
import { parseLabelSet, type LabelDef } from '../labels.ts';
import { ADJUDICATION_STATES, SCHEMA_VERSION, type AdjudicationState, type Annotation, type FmDocument, type Block, type Dataset, type DocumentSource, type GoldDecision, type Rejection, type Tombstone } from '../model.ts';
import { assemble, isObject, jsonLines, parseJson, Problems, type Place, type RawDoc, type RawSpan } from './assemble.ts';
import { DETAIL_FIELDS, readDetails, reportDanglingLinks, writeDetails } from './details.ts';
import { countSpans, exportLabelSet, json, makeReport, prepareExport } from './prepare.ts';
import { readableFiles } from './readFiles.ts';
import type { ExportOptions, ExportResult, FormatFile, ImportOptions, ImportResult } from './types.ts';

export const FACTMARK_FORMAT = 'factmark';

export interface FactmarkHeader {
  format: typeof FACTMARK_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  offsetUnit: 'codepoint';
  /** The label set: definitions (this version) or bare ids (files written before labels were configurable). */
  labels: (Omit<LabelDef, 'underline'> & { underline: string })[] | string[];
  documents: number;
  annotations: number;
}

const SOURCE_KEYS = ['kind', 'fileName', 'outlet', 'url', 'author', 'published'] as const;
const BLOCK_TYPES = ['paragraph', 'heading', 'quote', 'list-item'];
const DOC_KEYS = ['id', 'title', 'text', 'contentHash', 'source', 'blocks', 'createdAt', 'annotations', 'versionGroup', 'version', 'adjudication', 'tombstones', 'rejections'];
const ANN_KEYS = ['id', 'label', 'start', 'end', 'quote', 'prefix', 'suffix', 'annotator', 'note', ...DETAIL_FIELDS, 'createdAt', 'updatedAt', 'layer', 'decision'];

function copySource(s: DocumentSource): DocumentSource {
  const out: Record<string, string> = {};
  for (const k of SOURCE_KEYS) if (typeof s[k] === 'string') out[k] = s[k];
  return out as unknown as DocumentSource;
}

function copyBlock(b: Block): Block {
  return { type: b.type, ...(b.level !== undefined ? { level: b.level } : {}), ...(b.ordered !== undefined ? { ordered: b.ordered } : {}) };
}

/**
 * `extraHeader` lets a review package say who made it (shared/review); readers that do not know a header field
 * ignore it.
 */
export function exportFactmark(dataset: Dataset, options: ExportOptions = {}, extraHeader: Record<string, unknown> = {}): ExportResult {
  const prepared = prepareExport(dataset);
  // review data (shared/review, docs/REVIEW.md): deletions and rejections travel on their document's line
  const tombstones = groupByDocument(dataset.tombstones);
  const rejections = groupByDocument(dataset.rejections);
  const header: FactmarkHeader & Record<string, unknown> = {
    format: FACTMARK_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: options.exportedAt ?? new Date().toISOString(),
    offsetUnit: 'codepoint',
    // the label set with its definitions (name, key, colour, underline, guideline): an importing library adds them
    labels: exportLabelSet(dataset).map(({ id, name, plural, key, colour, underline, description }) => ({ id, name, plural, key, colour, underline, description })),
    documents: prepared.docs.length,
    annotations: countSpans(prepared),
    ...extraHeader,
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
        ...(doc.versionGroup !== undefined ? { versionGroup: doc.versionGroup } : {}),
        ...(doc.version !== undefined ? { version: doc.version } : {}),
        ...(doc.adjudication !== undefined ? { adjudication: doc.adjudication } : {}),
        ...(tombstones.has(doc.id) ? { tombstones: tombstones.get(doc.id)!.map(({ id, annotator, deletedAt }) => ({ id, annotator, deletedAt })) } : {}),
        ...(rejections.has(doc.id) ? { rejections: rejections.get(doc.id)!.map(({ id, reviewer, reason, createdAt }) => ({ id, reviewer, ...(reason !== undefined ? { reason } : {}), createdAt })) } : {}),
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
          ...writeDetails(a),
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
          ...(a.layer ? { layer: a.layer } : {}),
          ...(a.decision ? { decision: copyDecision(a.decision) } : {}),
        })),
      }),
    );
  }
  return { files: [{ path: 'dataset.factmark.jsonl', data: `${lines.join('\n')}\n` }], report: makeReport('factmark', 'codepoint', prepared, countSpans(prepared)) };
}

function groupByDocument<T extends { documentId: string }>(records: readonly T[] | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of records ?? []) out.set(r.documentId, [...(out.get(r.documentId) ?? []), r]);
  return out;
}

function copyDecision(d: GoldDecision): GoldDecision {
  return { action: d.action, ...(d.from ? { from: [...d.from] } : {}), ...(d.reason !== undefined ? { reason: d.reason } : {}) };
}

const DECISION_ACTIONS = ['accept', 'majority', 'edit', 'add'];
const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** The review fields of one annotation (gold layer, decision); a malformed one is dropped with a warning. */
function readReviewFields(a: Record<string, unknown>, at: string, place: Place, problems: Problems): Pick<Annotation, 'layer' | 'decision'> {
  const out: Pick<Annotation, 'layer' | 'decision'> = {};
  if (a.layer !== undefined) {
    if (a.layer === 'gold') out.layer = 'gold';
    else problems.warn(place, `${at}: "layer" must be "gold"; ignored`);
  }
  const d = a.decision;
  if (d !== undefined) {
    if (isObject(d) && DECISION_ACTIONS.includes(d.action as string) && (d.from === undefined || (Array.isArray(d.from) && d.from.every((x) => typeof x === 'string'))) && (d.reason === undefined || typeof d.reason === 'string'))
      out.decision = copyDecision(d as unknown as GoldDecision);
    else problems.warn(place, `${at}: "decision" must be {action: ${DECISION_ACTIONS.join('|')}, from?: string[], reason?: string}; ignored`);
  }
  return out;
}

/** Tombstones and rejections of a document line; malformed entries are skipped with a warning. */
function readReviewRecords(value: Record<string, unknown>, documentId: string, place: Place, problems: Problems): { tombstones: Tombstone[]; rejections: Rejection[] } {
  const tombstones: Tombstone[] = [];
  const rejections: Rejection[] = [];
  const list = (k: string) => (value[k] === undefined ? [] : Array.isArray(value[k]) ? (value[k] as unknown[]) : (problems.warn(place, `"${k}" of document "${documentId}" must be an array; ignored`), []));
  list('tombstones').forEach((t, i) => {
    if (isObject(t) && typeof t.id === 'string' && typeof t.annotator === 'string' && isTime(t.deletedAt)) tombstones.push({ id: t.id, documentId, annotator: t.annotator, deletedAt: t.deletedAt });
    else problems.warn(place, `tombstone ${i + 1} of document "${documentId}" is malformed (needs id, annotator, deletedAt); ignored`);
  });
  list('rejections').forEach((r, i) => {
    if (isObject(r) && typeof r.id === 'string' && typeof r.reviewer === 'string' && isTime(r.createdAt) && (r.reason === undefined || typeof r.reason === 'string'))
      rejections.push({ id: r.id, documentId, reviewer: r.reviewer, ...(typeof r.reason === 'string' ? { reason: r.reason } : {}), createdAt: r.createdAt });
    else problems.warn(place, `rejection ${i + 1} of document "${documentId}" is malformed (needs id, reviewer, createdAt); ignored`);
  });
  return { tombstones, rejections };
}

/** Hand-written checks of a document line (the renderer cannot compile JSON Schemas: its CSP forbids eval). */
/** What assemble() does not carry: review fields, re-attached by id after assembly. */
interface ReviewSide {
  annotations: Map<string, Pick<Annotation, 'layer' | 'decision'>>;
  documents: Map<string, DocSide>;
}
type DocSide = Pick<FmDocument, 'versionGroup' | 'version' | 'adjudication'> & { tombstones: Tombstone[]; rejections: Rejection[] };

function readDocument(value: unknown, place: Place, problems: Problems, side: ReviewSide): RawDoc | null {
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
    const review = readReviewFields(a, at, place, problems);
    if (review.layer || review.decision) side.annotations.set(a.id as string, review);
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
      details: readDetails(a, at, place, problems),
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    });
  });
  const docSide: DocSide = readReviewRecords(value, value.id as string, place, problems);
  if (typeof value.versionGroup === 'string') docSide.versionGroup = value.versionGroup;
  if (Number.isInteger(value.version) && (value.version as number) >= 1) docSide.version = value.version as number;
  if ((ADJUDICATION_STATES as readonly unknown[]).includes(value.adjudication)) docSide.adjudication = value.adjudication as AdjudicationState;
  side.documents.set(value.id as string, docSide);
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
  if (value.labels !== undefined && !Array.isArray(value.labels)) problems.warn(place, 'labels is not a list; the label set of the file is ignored');
}

/** The label set a header declares (ids, as version 1 files wrote, or definitions); empty when it declares none. */
function declaredLabels(value: unknown): LabelDef[] {
  return (isObject(value) && parseLabelSet(value.labels)) || [];
}

export async function importFactmark(files: FormatFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const problems = new Problems();
  const raws: RawDoc[] = [];
  // the label sets the files declare, merged by the importing library (LabelsProvider.merge)
  const fileLabels: LabelDef[] = [];
  const side: ReviewSide = { annotations: new Map(), documents: new Map() };
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
        for (const def of declaredLabels(parsed.value)) if (!fileLabels.some((l) => l.id === def.id)) fileLabels.push(def);
        if (isObject(parsed.value)) declared = parsed.value;
        if (isObject(parsed.value) && parsed.value.format === FACTMARK_FORMAT) return;
      }
      if (isObject(parsed.value) && parsed.value.format === FACTMARK_FORMAT) {
        problems.error(place, 'a second header line; ignored');
        return;
      }
      const raw = readDocument(parsed.value, place, problems, side);
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
  reportDanglingLinks(dataset.annotations, problems);
  if (fileLabels.length) dataset.labels = fileLabels;
  return { dataset: attachReview(dataset, side), problems: problems.list };
}

/** Native ids are kept by assemble(), so the review fields read beside it attach by id. */
function attachReview(dataset: Dataset, side: ReviewSide): Dataset {
  if (side.annotations.size) dataset.annotations = dataset.annotations.map((a) => (side.annotations.has(a.id) ? { ...a, ...side.annotations.get(a.id) } : a));
  const tombstones: Tombstone[] = [];
  const rejections: Rejection[] = [];
  dataset.documents = dataset.documents.map((d) => {
    const extra = side.documents.get(d.id);
    if (!extra) return d;
    tombstones.push(...extra.tombstones);
    rejections.push(...extra.rejections);
    const { tombstones: _t, rejections: _r, ...fields } = extra;
    return { ...d, ...fields };
  });
  if (tombstones.length) dataset.tombstones = tombstones;
  if (rejections.length) dataset.rejections = rejections;
  return dataset;
}
