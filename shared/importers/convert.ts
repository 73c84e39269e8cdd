/**
 * One file → drafts: detect the kind, check the size, decode, convert. Every refusal becomes a problem with a
 * complete message; nothing is dropped silently. HTML needs a DOM, so the renderer passes `parseHtml`
 * (renderer/import/html.ts, `makeHtmlParser`).
 */
import { decodeTextFile } from '../normalize.ts';
import { checkSize, detectKind } from './detect.ts';
import { decodeHtmlFile } from './html-decode.ts';
import { jsonlRecords } from './jsonl.ts';
import { markdownToDraft } from './markdown.ts';
import { textToDraft } from './text.ts';
import type { DraftResult, ImportedDraft, ImportProblem } from './types.ts';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ConvertDeps {
  /** Saved web page (already decoded) → draft; its refusal reason is shown as is. */
  parseHtml?: (html: string, fileName: string) => DraftResult;
}

export interface ConvertResult {
  drafts: ImportedDraft[];
  problems: ImportProblem[];
}

/** One article or one problem, as `convertFile` finds them. */
export type ConvertItem = { ok: true; draft: ImportedDraft } | { ok: false; problem: ImportProblem };

/** Converts a whole file at once: every draft and every problem. */
export function fileToDrafts(file: ImportFile, deps: ConvertDeps = {}): ConvertResult {
  const result: ConvertResult = { drafts: [], problems: [] };
  for (const item of convertFile(file, deps)) {
    if (item.ok) result.drafts.push(item.draft);
    else result.problems.push(item.problem);
  }
  return result;
}

/**
 * Converts a file one article at a time, so a caller can save a large corpus in chunks and yield to the UI between
 * them (renderer/import/pipeline.ts). A single-article file yields one item; a corpus one per non-blank line.
 */
export function* convertFile(file: ImportFile, deps: ConvertDeps = {}): Generator<ConvertItem> {
  const { name, bytes } = file;
  const refuse = (message: string): ConvertItem => ({ ok: false, problem: { file: name, message } });
  const detected = detectKind(name, bytes.subarray(0, 1024));
  if (!detected.ok) return yield refuse(detected.reason);
  const size = checkSize(name, bytes.length, detected.kind);
  if (!size.ok) return yield refuse(size.reason);

  switch (detected.kind) {
    case 'text':
    case 'markdown': {
      const decoded = decodeTextFile(bytes);
      if (!decoded.ok) return yield refuse(`Could not import ${name}: ${decoded.reason}.`);
      const draft = detected.kind === 'text' ? textToDraft(decoded.text, name) : markdownToDraft(decoded.text, name);
      if (draft.text.trim() === '') return yield refuse(`Could not import ${name}: it has no text outside markup.`);
      return yield { ok: true, draft };
    }
    case 'html': {
      if (!deps.parseHtml) return yield refuse(`Could not import ${name}: web pages can only be imported in the Factmark window.`);
      const decoded = decodeHtmlFile(bytes);
      if (!decoded.ok) return yield refuse(`Could not import ${name}: ${decoded.reason}.`);
      const result = deps.parseHtml(decoded.text, name);
      return yield result.ok ? { ok: true, draft: result.draft } : refuse(result.reason);
    }
    case 'jsonl':
      return yield* corpusItems(name, bytes);
  }
}

function* corpusItems(name: string, bytes: Uint8Array): Generator<ConvertItem> {
  let input: string | Uint8Array = bytes;
  // UTF-16 (and binary files) cannot be split at LF bytes: decode whole, or refuse with the decoder's reason.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bytes.length === 0 || utf16 || bytes.subarray(0, 1 << 16).includes(0)) {
    const decoded = decodeTextFile(bytes);
    if (!decoded.ok) return yield { ok: false, problem: { file: name, message: `Could not import ${name}: ${decoded.reason}.` } };
    input = decoded.text;
  }
  let any = false;
  for (const record of jsonlRecords(input, name)) {
    any = true;
    if (record.ok) yield { ok: true, draft: record.draft };
    else yield { ok: false, problem: { file: name, line: record.line, message: `${name} line ${record.line}: ${record.reason}.` } };
  }
  if (!any) yield { ok: false, problem: { file: name, message: `Could not import ${name}: it has no documents, only blank lines.` } };
}
