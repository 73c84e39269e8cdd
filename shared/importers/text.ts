/**
 * Plain text → draft. The text is kept exactly as decoded (normalised once, nothing trimmed), so offsets into the
 * file stay offsets into the document; every line is a paragraph.
 */
import { titleFromFileName } from './text-util.ts';
import type { ImportedDraft } from './types.ts';

/** Longest first line taken for a headline. */
export const MAX_HEADLINE_LENGTH = 150;

/**
 * Title: the first non-blank line when it looks like a headline — at most 150 characters, not ending like a
 * sentence clause (. , ; :), and followed by more text — otherwise a readable form of the file name.
 */
export function textToDraft(text: string, fileName: string): ImportedDraft {
  return { title: headline(text) ?? titleFromFileName(fileName), text, source: { kind: 'file', fileName } };
}

function headline(text: string): string | undefined {
  // Scans with indexOf instead of splitting the text into lines: this runs on every imported file.
  let start = 0;
  let end = text.indexOf('\n');
  while (true) {
    const stop = end === -1 ? text.length : end;
    if (text.slice(start, stop).trim() !== '') break;
    if (end === -1) return undefined;
    start = end + 1;
    end = text.indexOf('\n', start);
  }
  if (end === -1) return undefined;
  const line = text.slice(start, end);
  // Collapsing a prefix collapses to a prefix of the whole: a long first line is rejected without scanning it all.
  const limit = 4 * MAX_HEADLINE_LENGTH;
  if (line.length > limit && collapse(line.slice(0, limit)).length > MAX_HEADLINE_LENGTH + 1) return undefined;
  const candidate = collapse(line);
  // slices are cheap views in JS engines; the search stops at the first non-space
  const found = /\S/.test(text.slice(end + 1));
  if (!found || candidate.length > MAX_HEADLINE_LENGTH || /[.,;:]$/.test(candidate)) return undefined;
  return candidate;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
