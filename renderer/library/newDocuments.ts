import { sha256Hex } from '../../shared/hash.ts';
import type { DocumentSource, FmDocument } from '../../shared/model.ts';
import { normaliseText } from '../../shared/normalize.ts';
import { documentFromDraft } from '../import/pipeline.ts';

/** A new library document from pasted or sample text (normalised here, once). */
export async function newDocument(title: string, rawText: string, source: DocumentSource): Promise<FmDocument> {
  const text = normaliseText(rawText);
  return documentFromDraft({ title, text, source }, await sha256Hex(text), new Date().toISOString());
}
