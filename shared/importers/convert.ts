/**
 * One file → drafts: detect the kind, check the size, decode, convert. Every refusal becomes a problem with a
 * complete message; nothing is dropped silently. HTML needs a DOM, so the renderer passes `parseHtml`
 * (renderer/import/html.ts, `makeHtmlParser`).
 */
import { decodeTextFile } from '../normalize.ts';
import { checkSize, detectKind } from './detect.ts';
import { decodeHtmlFile } from './html-decode.ts';
import { parseJsonl } from './jsonl.ts';
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

export function fileToDrafts(file: ImportFile, deps: ConvertDeps = {}): ConvertResult {
  const { name, bytes } = file;
  const refuse = (message: string): ConvertResult => ({ drafts: [], problems: [{ file: name, message }] });
  const detected = detectKind(name, bytes.subarray(0, 1024));
  if (!detected.ok) return refuse(detected.reason);
  const size = checkSize(name, bytes.length, detected.kind);
  if (!size.ok) return refuse(size.reason);

  switch (detected.kind) {
    case 'text':
    case 'markdown': {
      const decoded = decodeTextFile(bytes);
      if (!decoded.ok) return refuse(`Could not import ${name}: ${decoded.reason}.`);
      const draft = detected.kind === 'text' ? textToDraft(decoded.text, name) : markdownToDraft(decoded.text, name);
      if (draft.text.trim() === '') return refuse(`Could not import ${name}: it has no text outside markup.`);
      return { drafts: [draft], problems: [] };
    }
    case 'html': {
      if (!deps.parseHtml) return refuse(`Could not import ${name}: web pages can only be imported in the Factmark window.`);
      const decoded = decodeHtmlFile(bytes);
      if (!decoded.ok) return refuse(`Could not import ${name}: ${decoded.reason}.`);
      const result = deps.parseHtml(decoded.text, name);
      return result.ok ? { drafts: [result.draft], problems: [] } : refuse(result.reason);
    }
    case 'jsonl':
      return corpusToDrafts(name, bytes);
  }
}

function corpusToDrafts(name: string, bytes: Uint8Array): ConvertResult {
  let input: string | Uint8Array = bytes;
  // UTF-16 (and binary files) cannot be split at LF bytes: decode whole, or refuse with the decoder's reason.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bytes.length === 0 || utf16 || bytes.subarray(0, 1 << 16).includes(0)) {
    const decoded = decodeTextFile(bytes);
    if (!decoded.ok) return { drafts: [], problems: [{ file: name, message: `Could not import ${name}: ${decoded.reason}.` }] };
    input = decoded.text;
  }
  const { drafts, problems } = parseJsonl(input, name);
  const result: ConvertResult = {
    drafts,
    problems: problems.map((p) => ({ file: name, line: p.line, message: `${name} line ${p.line}: ${p.message}.` })),
  };
  if (drafts.length === 0 && problems.length === 0) result.problems.push({ file: name, message: `Could not import ${name}: it has no documents, only blank lines.` });
  return result;
}
