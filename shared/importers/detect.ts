/**
 * Which converter reads a file, decided from its name and first bytes, and whether it is small enough to import.
 * Pure functions, so the UI can refuse a file from its name and size before reading it.
 */
import { extensionOf } from './text-util.ts';
import type { ImportKind } from './types.ts';

export type DetectResult = { ok: true; kind: ImportKind } | { ok: false; reason: string };
export type SizeCheck = { ok: true } | { ok: false; reason: string };

const EXTENSIONS: Record<string, ImportKind> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

/** Shown whenever a file is refused for its type. */
export const SUPPORTED_TYPES = 'text (.txt, .text), Markdown (.md, .markdown), web pages (.html, .htm, .xhtml) and JSONL corpora (.jsonl, .ndjson)';

/** The largest single-article file (text, Markdown, HTML): far above any real article, below memory trouble. */
export const MAX_ARTICLE_BYTES = 50 * 1024 * 1024;
/** The largest JSONL corpus: read line by line, so it may be much larger than an article. */
export const MAX_CORPUS_BYTES = 500 * 1024 * 1024;

/** Formats that people try to import, with what to do instead. */
const KNOWN_OTHERS: Record<string, string> = {
  pdf: 'a PDF',
  doc: 'a Word document',
  docx: 'a Word document',
  odt: 'an OpenDocument text',
  rtf: 'an RTF document',
  epub: 'an e-book',
  mhtml: 'a single-file web archive (MHTML)',
  mht: 'a single-file web archive (MHTML)',
  webarchive: 'a Safari web archive',
  json: 'a JSON file',
  csv: 'a CSV file',
  zip: 'a zip archive',
};

/** Magic numbers of binary formats that sometimes hide behind a text extension. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF' }, // %PDF-
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive or Word/OpenDocument file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Word or Office document' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' }, // {\rtf
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
];

/**
 * The kind of a file from its name and (optionally) its first bytes. A file whose name has no known extension is
 * read as HTML when it starts like a web page; a file whose bytes are a known binary format is refused whatever
 * its name says.
 */
export function detectKind(fileName: string, firstBytes?: Uint8Array): DetectResult {
  const ext = extensionOf(fileName);
  if (firstBytes) {
    const binary = SIGNATURES.find((s) => s.bytes.every((b, i) => firstBytes[i] === b));
    if (binary) return { ok: false, reason: `${fileName} is ${binary.what}, not text. Factmark imports ${SUPPORTED_TYPES}.` };
  }
  const kind = EXTENSIONS[ext];
  if (kind) return { ok: true, kind };
  if (firstBytes && looksLikeHtml(firstBytes)) return { ok: true, kind: 'html' };
  const known = KNOWN_OTHERS[ext];
  if (known) return { ok: false, reason: `${fileName} is ${known}, which Factmark cannot import. Save or export it as one of: ${SUPPORTED_TYPES}.` };
  const what = ext ? `files of type .${ext}` : 'files without an extension';
  return { ok: false, reason: `Factmark cannot import ${fileName}: it reads ${SUPPORTED_TYPES}, not ${what}.` };
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  let head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024));
  head = head.replace(/^\uFEFF/, '').replace(/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*/, '').toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

/** Refuses a file too large to import, before it is read. `bytes` is the file's size. */
export function checkSize(fileName: string, bytes: number, kind: ImportKind): SizeCheck {
  const corpus = kind === 'jsonl';
  const limit = corpus ? MAX_CORPUS_BYTES : MAX_ARTICLE_BYTES;
  if (bytes <= limit) return { ok: true };
  const what = corpus ? 'corpus' : 'article';
  // Just over the limit would round to the limit's own figure just above it; say "more than" instead.
  const size = formatSize(bytes) === formatSize(limit) ? `more than ${formatSize(limit)}` : formatSize(bytes);
  return { ok: false, reason: `${fileName} is ${size}; the largest ${what} Factmark imports is ${formatSize(limit)}.` };
}

/** Sizes as people read them: 1 MB = 1024 × 1024 bytes; whole numbers from 10 MB up. */
export function formatSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} bytes`;
  const rounded = value >= 10 ? Math.round(value).toString() : (Math.round(value * 10) / 10).toString();
  return `${rounded} ${units[unit]}`;
}

/**
 * What can be decided from a file's name and size alone, before reading it: whether it is too large (by the limit
 * for its kind; an unknown kind gets the article limit, as it can only be read as a web page) and, with
 * `knownTypeOnly` (files found in a folder rather than picked one by one), whether its type is one Factmark reads.
 */
export function checkBeforeReading(fileName: string, bytes: number, knownTypeOnly = false): SizeCheck {
  const detected = detectKind(fileName);
  if (!detected.ok && knownTypeOnly) return detected;
  return checkSize(fileName, bytes, detected.ok ? detected.kind : 'html');
}
