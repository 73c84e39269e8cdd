import { sha256Hex } from '../../shared/hash.ts';
import type { DocumentSource, FmDocument } from '../../shared/model.ts';
import { fileToDrafts, type ConvertDeps, type ImportedDraft } from '../../shared/importers/index.ts';
import { normaliseText } from '../../shared/normalize.ts';
import type { PickedFile } from '../../shared/platform.ts';

/** A new library document from pasted or sample text (normalised here, once). */
export function newDocument(title: string, rawText: string, source: DocumentSource): Promise<FmDocument> {
  return documentFromDraft({ title, text: normaliseText(rawText), source }, new Date().toISOString());
}

/** The stored document for a converted draft: an id, its content hash, a title even when the draft has none. */
async function documentFromDraft(draft: ImportedDraft, createdAt: string): Promise<FmDocument> {
  return {
    id: crypto.randomUUID(),
    title: draft.title.trim() || untitled(draft.text),
    text: draft.text,
    contentHash: await sha256Hex(draft.text),
    source: draft.source,
    ...(draft.blocks ? { blocks: draft.blocks } : {}),
    createdAt,
  };
}

function untitled(text: string): string {
  const first = text.trim().split('\n', 1)[0] ?? '';
  return first.length <= 80 ? first : `${first.slice(0, 77).trimEnd()}…`;
}

/** What "Import files…" reads (docs/IMPORT.md). */
export const ARTICLE_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'jsonl', 'ndjson'];

/**
 * Converts picked article files (text, Markdown, saved web pages, JSONL corpora) to documents. Each problem is a
 * complete message naming the file (and line); the good files and records are still imported.
 */
export async function documentsFromFiles(files: PickedFile[], deps: ConvertDeps): Promise<{ documents: FmDocument[]; problems: string[] }> {
  const documents: FmDocument[] = [];
  const problems: string[] = [];
  const createdAt = new Date().toISOString();
  for (const file of files) {
    const result = fileToDrafts(file, deps);
    problems.push(...result.problems.map((p) => p.message));
    for (const draft of result.drafts) documents.push(await documentFromDraft(draft, createdAt));
  }
  return { documents, problems };
}
