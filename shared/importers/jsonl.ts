/**
 * Corpus JSONL: one article per line, {"text": …, "title"?: …, "meta"?: {source, url, date, author, title}}.
 * A bad line is reported with its 1-based line number and skipped; the good lines are imported. Blank lines are
 * skipped; a BOM and CRLF line endings are tolerated. Work is linear in the input: lines are found with indexOf
 * (or by scanning bytes), never by repeated slicing of the rest of the file.
 */
import type { DocumentSource } from '../model.ts';
import { normaliseText } from '../normalize.ts';
import { normaliseDate } from './dates.ts';
import { collapseWhitespace } from './text-util.ts';
import type { DraftResult, ImportedDraft } from './types.ts';

export interface JsonlProblem {
  /** 1-based line number in the file. */
  line: number;
  /** Why the line was skipped, e.g. `"text" is empty`. */
  message: string;
}

export interface JsonlResult {
  drafts: ImportedDraft[];
  problems: JsonlProblem[];
}

/** One non-blank line of a corpus, converted or refused; for callers that save in batches as they go. */
export type JsonlRecord = { line: number; ok: true; draft: ImportedDraft } | { line: number; ok: false; reason: string };

/** Converts one line (without its line break) of a corpus. `lineNumber` is 1-based and names untitled records. */
export function parseJsonlLine(line: string, lineNumber: number, fileName: string): DraftResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!isObject(value)) return { ok: false, reason: `expected a JSON object like {"text": "…"}, found ${kindOf(value)}` };
  const text = value['text'];
  if (text === undefined || text === null) return { ok: false, reason: 'it has no "text"' };
  if (typeof text !== 'string') return { ok: false, reason: `"text" must be a string, not ${kindOf(text)}` };
  const title = value['title'];
  if (title != null && typeof title !== 'string') return { ok: false, reason: `"title" must be a string, not ${kindOf(title)}` };
  const meta = value['meta'];
  if (meta != null && !isObject(meta)) return { ok: false, reason: `"meta" must be an object, not ${kindOf(meta)}` };
  const fields: Record<string, string> = {};
  if (meta) {
    for (const key of ['source', 'url', 'date', 'author', 'title']) {
      const v = meta[key];
      if (v == null) continue;
      if (typeof v !== 'string') return { ok: false, reason: `"meta.${key}" must be a string, not ${kindOf(v)}` };
      const clean = collapseWhitespace(normaliseText(v));
      if (clean !== '') fields[key] = clean;
    }
  }
  const normalised = normaliseText(text);
  if (normalised.trim() === '') return { ok: false, reason: '"text" is empty' };

  const source: DocumentSource = { kind: 'jsonl', fileName };
  if (fields['source']) source.outlet = fields['source'];
  if (fields['url']) source.url = fields['url'];
  if (fields['author']) source.author = fields['author'];
  const published = normaliseDate(fields['date']);
  if (published) source.published = published;
  const ownTitle = typeof title === 'string' ? collapseWhitespace(normaliseText(title)) : '';
  return { ok: true, draft: { title: ownTitle || fields['title'] || `${fileName} line ${lineNumber}`, text: normalised, source } };
}

/**
 * The records of a corpus, one per non-blank line, in order. Bytes are split at LF (which never occurs inside a
 * UTF-8 sequence) and decoded line by line, so a 500 MB corpus never becomes one string and a stray bad byte
 * costs one line, not the file. Callers that need UTF-16 must decode first and pass a string.
 */
export function* jsonlRecords(input: string | Uint8Array, fileName: string): Generator<JsonlRecord> {
  const lines = typeof input === 'string' ? stringLines(input) : byteLines(input);
  for (const { line, number } of lines) {
    if (typeof line !== 'string') {
      yield { line: number, ok: false, reason: 'not valid UTF-8 text' };
      continue;
    }
    if (line.trim() === '') continue;
    const result = parseJsonlLine(line, number, fileName);
    yield result.ok ? { line: number, ok: true, draft: result.draft } : { line: number, ok: false, reason: result.reason };
  }
}

/** Converts a whole corpus: every good line a draft, every bad line a problem. */
export function parseJsonl(input: string | Uint8Array, fileName: string): JsonlResult {
  const drafts: ImportedDraft[] = [];
  const problems: JsonlProblem[] = [];
  for (const record of jsonlRecords(input, fileName)) {
    if (record.ok) drafts.push(record.draft);
    else problems.push({ line: record.line, message: record.reason });
  }
  return { drafts, problems };
}

interface RawLine {
  /** The line without its line break; null when its bytes are not UTF-8. */
  line: string | null;
  number: number;
}

function* stringLines(text: string): Generator<RawLine> {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let number = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const stop = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    yield { line: text.slice(start, stop), number };
    start = end + 1;
    number++;
  }
}

function* byteLines(bytes: Uint8Array): Generator<RawLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let number = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const stop = end > start && bytes[end - 1] === 0x0d ? end - 1 : end;
    let line: string | null;
    try {
      line = decoder.decode(bytes.subarray(start, stop));
    } catch {
      line = null;
    }
    yield { line, number };
    start = end + 1;
    number++;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  return `a ${typeof v}`;
}
