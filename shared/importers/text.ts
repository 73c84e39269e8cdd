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
  const lines = text.split('\n', 200);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1) return undefined;
  const candidate = (lines[first] ?? '').replace(/\s+/g, ' ').trim();
  const more = lines.slice(first + 1).some((l) => l.trim() !== '');
  if (!more || candidate.length > MAX_HEADLINE_LENGTH || /[.,;:]$/.test(candidate)) return undefined;
  return candidate;
}
