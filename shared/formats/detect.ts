/** Guesses the format of an input file from its name and first bytes, for the CLI and the app's import. */
import type { FormatId } from './types.ts';

const byExtension: Record<string, FormatId> = {
  zip: 'brat',
  ann: 'brat',
  txt: 'brat',
  conll: 'conll',
  iob: 'conll',
  iob2: 'conll',
  csv: 'csv',
  jsonld: 'w3c',
};

/** Content first (JSON and JSONL files are told apart by their keys), then the extension. Null when unsure. */
export function detectFormat(fileName: string, firstBytes: Uint8Array | string): FormatId | null {
  const lower = fileName.toLowerCase();
  const ext = lower.includes('.') ? lower.slice(lower.lastIndexOf('.') + 1) : '';
  if (typeof firstBytes !== 'string' && firstBytes[0] === 0x50 && firstBytes[1] === 0x4b) return 'brat';
  const head = (typeof firstBytes === 'string' ? firstBytes : new TextDecoder('utf-8', { fatal: false }).decode(firstBytes)).replace(/^\ufeff/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    const firstLine = head.split('\n', 1)[0]!;
    if (/"format"\s*:\s*"factmark"/.test(firstLine)) return 'factmark';
    if (/"AnnotationCollection"|"@context"/.test(head.slice(0, 4096))) return 'w3c';
    if (head.startsWith('[') || /^\{\s*"(data|annotations|id)"/.test(head)) {
      if (/"data"\s*:/.test(head) && /"(annotations|predictions|completions)"|"text"/.test(head)) return 'label-studio';
    }
    if (/"spans"\s*:/.test(firstLine)) return 'spacy';
    if (/"(label|labels|entities)"\s*:/.test(firstLine)) return 'doccano';
    if (ext === 'jsonl' && /"text"\s*:/.test(firstLine)) return 'spacy';
  }
  return byExtension[ext] ?? null;
}
