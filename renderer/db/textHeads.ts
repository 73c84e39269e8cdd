/**
 * The head of a long text: its first characters, stored apart (the `textHeads` table), so the reader shows the first
 * screen of a long article without waiting for the whole text. Reading a 1.3 M-character text from IndexedDB takes
 * ~45–50 ms in Chromium here, its first 16,384 characters ~2 ms. Heads are derived by the database on every write of
 * a text (derived.ts); a text stored before they existed gets its head the first time it is opened (repository.ts).
 */
import type { Block } from '../../shared/model.ts';
import type { TextRecord } from './database.ts';

export const HEADS_TABLE = 'textHeads';

/** A text longer than this has a head: a shorter one is read whole in a few milliseconds. */
export const HEAD_FROM_CHARS = 65_536;
/**
 * Characters in a head. The reader renders a head's complete lines only, and shows it only if they make up its first
 * chunk (renderer/reader/buildArticle.ts, firstChunkFor: 3 characters a pixel of the window's height and one line,
 * ~6,500 characters in a 2,160 px tall window), which this leaves room for.
 */
export const HEAD_CHARS = 16_384;

/** A head: the text's first characters, the blocks of its lines (the last may be cut) and the whole text's length. */
export interface TextHeadRecord {
  id: string;
  text: string;
  /** The length of the whole text (UTF-16 code units). */
  length: number;
  blocks?: Block[];
}

/** The head a text has, or null for a text too short to need one. */
export function headOf({ id, text, blocks }: TextRecord): TextHeadRecord | null {
  if (text.length <= HEAD_FROM_CHARS) return null;
  // never half a surrogate pair: the cut line is not shown, but the record stays well-formed text
  const code = text.charCodeAt(HEAD_CHARS - 1);
  const head = text.slice(0, code >= 0xd800 && code <= 0xdbff ? HEAD_CHARS - 1 : HEAD_CHARS);
  const record: TextHeadRecord = { id, text: head, length: text.length };
  if (blocks) record.blocks = blocks.slice(0, head.split('\n').length);
  return record;
}
