import { sha256Hex } from '../../shared/hash.ts';
import type { DocumentSource, FmDocument } from '../../shared/model.ts';
import { decodeTextFile, normaliseText } from '../../shared/normalize.ts';
import type { PickedFile } from '../../shared/platform.ts';

export async function newDocument(title: string, rawText: string, source: DocumentSource): Promise<FmDocument> {
  const text = normaliseText(rawText);
  return {
    id: crypto.randomUUID(),
    title: title.trim() || untitled(text),
    text,
    contentHash: await sha256Hex(text),
    source,
    createdAt: new Date().toISOString(),
  };
}

function untitled(text: string): string {
  const first = text.trim().split('\n', 1)[0] ?? '';
  return first.length <= 80 ? first : `${first.slice(0, 77).trimEnd()}…`;
}

export interface FileProblem {
  file: string;
  reason: string;
}

/** Decodes picked .txt files; each bad file becomes a problem naming it, the rest are still imported. */
export async function documentsFromTextFiles(files: PickedFile[]): Promise<{ documents: FmDocument[]; problems: FileProblem[] }> {
  const documents: FmDocument[] = [];
  const problems: FileProblem[] = [];
  for (const file of files) {
    const decoded = decodeTextFile(file.bytes);
    if (!decoded.ok) {
      problems.push({ file: file.name, reason: decoded.reason });
      continue;
    }
    documents.push(await newDocument(fileStem(file.name), decoded.text, { kind: 'file', fileName: file.name }));
  }
  return { documents, problems };
}

export function fileStem(name: string): string {
  return name.replace(/\.[^.]+$/, '');
}
