/**
 * Turns what an importer read (documents with spans, in the file's offset unit) into a Dataset the app can store:
 * text normalised as on every import, content hashed, labels and offsets checked against the covered text, spans
 * that do not fit found again by their quote, ids kept or derived stably. Every decision that drops or repairs
 * something is reported with its place.
 */
import { locateQuote } from '../anchoring/locate.ts';
import { offsetConverter, type OffsetConverter } from '../anchoring/offsets.ts';
import { textQuoteFor } from '../anchoring/quote.ts';
import { sha256Hex } from '../hash.ts';
import { DEFAULT_LABELS, isLabel } from '../labels.ts';
import type { Annotation, Block, Dataset, DocumentSource, FmDocument } from '../model.ts';
import { normaliseText } from '../normalize.ts';
import { stableUuid } from './ids.ts';
import { normaliseWithMap } from './text.ts';
import type { SpanDetails } from './details.ts';
import type { ImportOptions, ImportProblem } from './types.ts';

export interface Place {
  file?: string;
  line?: number;
}

export interface RawSpan {
  place: Place;
  id?: unknown;
  label: unknown;
  start: unknown;
  end: unknown;
  /** Unit of start/end in the file: code points of the raw text, or UTF-16 code units. */
  unit: 'codepoint' | 'utf16';
  /** The covered text as the file gives it, if it does. */
  text?: string;
  prefix?: string;
  suffix?: string;
  annotator?: unknown;
  note?: unknown;
  /** Source, confidence, evidence and link, already checked by the format's reader (shared/formats/details.ts). */
  details?: SpanDetails;
  /** For formats whose links name spans rather than ids (brat R lines): the span this one answers. */
  answersSpan?: RawSpan;
  createdAt?: unknown;
  updatedAt?: unknown;
}

export interface RawDoc {
  place: Place;
  id?: unknown;
  title?: unknown;
  /** The text as the file gives it; offsets refer to it. */
  text: string;
  contentHash?: unknown;
  source?: DocumentSource;
  blocks?: Block[];
  createdAt?: unknown;
  /** Title when the file has none (e.g. a file name). */
  fallbackTitle?: string;
  /** The native format stores normalised text; say so when it was not. */
  expectNormalised?: boolean;
  spans: RawSpan[];
}

export class Problems {
  readonly list: ImportProblem[] = [];
  error(place: Place, message: string): void {
    this.list.push({ severity: 'error', ...place, message });
  }
  warn(place: Place, message: string): void {
    this.list.push({ severity: 'warning', ...place, message });
  }
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const short = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

export async function assemble(raws: RawDoc[], problems: Problems, options: ImportOptions = {}): Promise<Dataset> {
  const now = options.now ?? new Date().toISOString();
  const documents: FmDocument[] = [];
  const annotations: Annotation[] = [];
  const docsById = new Map<string, FmDocument>();
  const annotationPlace = new Map<string, Place>();
  // links by span (brat): the annotation made from each raw span, to resolve them once every id is known
  const made = new Map<RawSpan, Annotation>();
  const labels = options.labels ?? DEFAULT_LABELS;
  // a label outside the library's set is reported once per file (with its first place), not once per span
  const reportedLabels = new Set<string>();

  const norms = raws.map((raw) => normaliseWithMap(raw.text));
  const hashes = await contentHashes(norms.map((n) => n.text));
  for (const [r, raw] of raws.entries()) {
    const norm = norms[r]!;
    const text = norm.text;
    if (raw.expectNormalised && text !== raw.text) {
      problems.warn(raw.place, 'the text was not normalised (BOM, CRLF line breaks or not Unicode NFC); normalised as on import');
    }
    const contentHash = hashes[r]!;
    if (raw.contentHash !== undefined && raw.contentHash !== contentHash) {
      problems.warn(raw.place, 'contentHash does not match the text; recomputed');
    }
    const id = nonEmpty(raw.id) ? raw.id : stableUuid('document', contentHash);
    let doc = docsById.get(id);
    if (doc) {
      if (doc.contentHash !== contentHash) {
        problems.error(raw.place, `another document already has the id "${id}" with a different text; skipped with its ${raw.spans.length} annotation(s)`);
        continue;
      }
      problems.warn(raw.place, `document "${id}" appears more than once; its annotations are merged`);
    } else {
      doc = {
        id,
        title: nonEmpty(raw.title) ? raw.title : raw.fallbackTitle ?? (text.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 80),
        text,
        contentHash,
        source: raw.source ?? { kind: 'file', ...(raw.place.file ? { fileName: raw.place.file } : {}) },
        ...(raw.blocks ? { blocks: raw.blocks } : {}),
        createdAt: isTime(raw.createdAt) ? raw.createdAt : now,
      };
      docsById.set(id, doc);
      documents.push(doc);
    }
    const rawConv = raw.spans.some((s) => s.unit === 'codepoint') ? offsetConverter(raw.text) : null;
    // code points of the normalised text, for relocation messages: made once per document, when first needed
    let conv: OffsetConverter | undefined;

    for (const s of raw.spans) {
      if (typeof s.label !== 'string' || !s.label.trim()) {
        problems.error(s.place, `label ${JSON.stringify(s.label)} is not a label name; skipped`);
        continue;
      }
      if (!isLabel(s.label, labels) && !reportedLabels.has(`${s.place.file ?? ''}\u0000${s.label}`)) {
        reportedLabels.add(`${s.place.file ?? ''}\u0000${s.label}`);
        problems.warn(s.place, `label ${JSON.stringify(s.label)} is not in the label set (${labels.map((l) => l.id).join(', ')}); its annotations are kept and the label is added to the library's labels`);
      }
      const where = `${String(s.start)}–${String(s.end)}`;
      const max = s.unit === 'codepoint' ? rawConv!.codePointLength : raw.text.length;
      const inRange = Number.isInteger(s.start) && Number.isInteger(s.end) && (s.start as number) >= 0 && (s.start as number) < (s.end as number) && (s.end as number) <= max;
      let span: { start: number; end: number } | null = null;
      if (inRange && norm.map) {
        const toRaw = (o: number) => (s.unit === 'codepoint' ? rawConv!.toUtf16(o) : o);
        span = { start: norm.map(toRaw(s.start as number)), end: norm.map(toRaw(s.end as number)) };
        if (span.start >= span.end) span = null;
      }
      const covered = s.text === undefined ? undefined : normaliseText(s.text);
      const fits = span !== null && (covered === undefined || text.slice(span.start, span.end) === covered);
      if (!fits) {
        const problem = !inRange
          ? `offsets ${where} are outside the text (${max} ${s.unit === 'codepoint' ? 'code points' : 'UTF-16 units'})`
          : span === null ? `offsets ${where} could not be carried through text normalisation` : `offsets ${where} do not match the covered text ${short(covered ?? '')}`;
        const found = covered ? locateQuote(text, { exact: covered, prefix: normaliseText(s.prefix ?? ''), suffix: normaliseText(s.suffix ?? '') }, span?.start ?? 0) : null;
        if (!found) {
          problems.error(s.place, `${problem}${covered ? ' and it was not found in the text unambiguously' : ''}; skipped`);
          continue;
        }
        conv ??= offsetConverter(text);
        problems.warn(s.place, `${problem}; relocated to ${conv.toCodePoints(found.start)}–${conv.toCodePoints(found.end)} (code points) by its quote`);
        span = found;
      }
      const annotator = nonEmpty(s.annotator) ? s.annotator : options.annotator ?? 'unknown';
      const aid = nonEmpty(s.id) ? s.id : stableUuid('annotation', contentHash, span!.start, span!.end, s.label, annotator);
      const first = annotationPlace.get(aid);
      if (first && !nonEmpty(s.id)) {
        // a format without ids: the same span, label and annotator again is the same annotation
        problems.warn(s.place, `the same ${s.label} span ${where} appears more than once for annotator "${annotator}"; kept once`);
        continue;
      }
      if (first) {
        const at = [first.file, first.line && `line ${first.line}`].filter(Boolean).join(' ');
        problems.error(s.place, `duplicate annotation id "${aid}"${at ? ` (first at ${at})` : ''}; skipped`);
        continue;
      }
      annotationPlace.set(aid, s.place);
      const q = textQuoteFor(text, span!.start, span!.end);
      const createdAt = isTime(s.createdAt) ? s.createdAt : now;
      annotations.push({
        id: aid,
        documentId: doc.id,
        annotator,
        label: s.label,
        start: span!.start,
        end: span!.end,
        quote: q.exact,
        prefix: q.prefix,
        suffix: q.suffix,
        ...(nonEmpty(s.note) ? { note: s.note } : {}),
        ...s.details,
        createdAt,
        updatedAt: isTime(s.updatedAt) ? s.updatedAt : createdAt,
      });
      made.set(s, annotations[annotations.length - 1]!);
    }
  }
  for (const [raw, a] of made) {
    if (!raw.answersSpan) continue;
    const target = made.get(raw.answersSpan);
    if (target) a.answers = target.id;
    else problems.warn(raw.place, 'the annotation it answers was skipped; the link is left out');
  }
  return { documents, annotations };
}

/**
 * SHA-256 of each text (shared/hash.ts), 64 at a time: each is an asynchronous Web Crypto job, and awaiting them one
 * by one left the thread idle between jobs (10,000 documents in a large import).
 */
async function contentHashes(texts: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < texts.length; i += 64) out.push(...(await Promise.all(texts.slice(i, i + 64).map(sha256Hex))));
  return out;
}

/** Parses one JSON value, reporting a syntax error with its place. */
export function parseJson(text: string, place: Place, problems: Problems): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    problems.error(place, `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    return { ok: false };
  }
}

/** Lines of a JSONL file with their 1-based numbers, blank lines skipped. */
export function jsonLines(text: string): { line: number; text: string }[] {
  return text
    .split(/\r?\n/)
    .map((t, i) => ({ line: i + 1, text: t }))
    .filter((l) => l.text.trim() !== '');
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
