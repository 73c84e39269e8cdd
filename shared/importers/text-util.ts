import type { Block } from '../model.ts';
import { normaliseText } from '../normalize.ts';

/** One line of an article with its structure, before the lines are joined into the document text. */
export interface Line {
  text: string;
  block: Block;
}

/**
 * Joins lines into the document text and its blocks. Each line is normalised on its own (NFC never adds or
 * removes a line break, so blocks[i] still describes line i); `blocks` is left out when all lines are paragraphs.
 */
export function joinLines(lines: readonly Line[]): { text: string; blocks?: Block[] } {
  const text = lines.map((l) => normaliseText(l.text)).join('\n');
  const blocks = lines.map((l) => l.block);
  return blocks.every((b) => b.type === 'paragraph') ? { text } : { text, blocks };
}

/** Collapses runs of whitespace (including line breaks) to one space and trims the ends. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** "kaspiysk-port-attack.md" → "kaspiysk-port-attack": the file name without folder or extension, as the library names files. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return normaliseText(dot > 0 ? base.slice(0, dot) : base);
}

/** The extension of a file name, lower case, without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}
