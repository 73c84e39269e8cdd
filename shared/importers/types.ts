import type { Block, DocumentSource } from '../model.ts';

/**
 * What a converter makes of one article: everything an FmDocument needs except what the caller adds on saving
 * (id, contentHash, createdAt). `text` is already normalised (shared/normalize.ts) and is never changed after.
 */
export interface ImportedDraft {
  title: string;
  /** Normalised text; lines (and blocks) are separated by '\n'. */
  text: string;
  /** blocks[i] describes line i of `text`; absent when every line is a paragraph. */
  blocks?: Block[];
  source: DocumentSource;
}

/** A converter's verdict on one article. `reason` is a sentence a person can act on. */
export type DraftResult = { ok: true; draft: ImportedDraft } | { ok: false; reason: string };

/** The kinds of file Factmark imports. */
export type ImportKind = 'text' | 'markdown' | 'html' | 'jsonl';

/** Something that could not be imported. `message` is complete (names the file and line) and shown as is. */
export interface ImportProblem {
  file: string;
  /** 1-based line of a corpus file, when the problem is one record. */
  line?: number;
  message: string;
}
