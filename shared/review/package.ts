/**
 * Review packages (docs/REVIEW.md): a Factmark JSONL file whose header says who made it and on which
 * installation, so a lead can import several teammates' work, tell layers apart and update them later.
 */
import { exportFactmark, FACTMARK_FORMAT, importFactmark } from '../formats/factmark.ts';
import { detectFormat, formatById } from '../formats/index.ts';
import { expandZips } from '../formats/zip.ts';
import type { ImportProblem } from '../formats/types.ts';
import type { Dataset } from '../model.ts';

export type PackageKind = 'review' | 'adjudicated';

/** Where one annotator layer in a file came from. `annotator` is the name in the file. */
export interface LayerOrigin {
  annotator: string;
  /** The name on the machine that made the layer, when the file renamed it (two analysts with one name). */
  original?: string;
  origin?: string;
}

export interface PackageHeader {
  kind: PackageKind;
  /** The analyst whose work this is (kind 'review'). */
  annotator?: string;
  /** The reviewer who adjudicated (kind 'adjudicated'). */
  reviewer?: string;
  /** Random id of the installation that wrote the file. */
  origin: string;
  createdAt: string;
  layers?: LayerOrigin[];
}

export interface PackageFile {
  fileName: string;
  /** Null for a plain Factmark JSONL export (not made with "Export for review"). */
  header: PackageHeader | null;
  dataset: Dataset;
  problems: ImportProblem[];
}

export interface Author {
  annotator: string;
  origin: string;
}

/** `factmark-review-<annotator>-<YYYY-MM-DD>.jsonl`, the annotator's name made safe for any file system. */
export function reviewFileName(annotator: string, now: Date, kind: PackageKind = 'review'): string {
  const safe = annotator.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '').trim().replace(/\s+/g, '-') || 'annotator';
  return `factmark-${kind === 'review' ? 'review' : 'adjudicated'}-${safe}-${now.toISOString().slice(0, 10)}.jsonl`;
}

/**
 * The analyst's own work for a teammate: their annotations (not the gold layer), the documents those are on or
 * were deleted from, and the deletions as tombstones.
 */
export function buildReviewPackage(library: Dataset, author: Author, now = new Date()): { fileName: string; data: string; dataset: Dataset } {
  const annotations = library.annotations.filter((a) => a.annotator === author.annotator && a.layer !== 'gold');
  const tombstones = (library.tombstones ?? []).filter((t) => t.annotator === author.annotator);
  const used = new Set([...annotations.map((a) => a.documentId), ...tombstones.map((t) => t.documentId)]);
  const dataset: Dataset = { documents: library.documents.filter((d) => used.has(d.id)), annotations, tombstones };
  const header: PackageHeader = { kind: 'review', annotator: author.annotator, origin: author.origin, createdAt: now.toISOString() };
  const { files } = exportFactmark(dataset, { exportedAt: now.toISOString() }, { package: header });
  return { fileName: reviewFileName(author.annotator, now), data: files[0]!.data as string, dataset };
}

/**
 * The reviewer's adjudicated dataset: every layer, the gold layer with its decisions, the rejections with their
 * reasons, and where each layer came from so an analyst recognises their own work in it.
 */
export function buildAdjudicatedPackage(library: Dataset, author: Author, layers: LayerOrigin[], now = new Date()): { fileName: string; data: string } {
  const header: PackageHeader = { kind: 'adjudicated', reviewer: author.annotator, origin: author.origin, createdAt: now.toISOString(), layers };
  const { files } = exportFactmark(library, { exportedAt: now.toISOString() }, { package: header });
  return { fileName: reviewFileName(author.annotator, now, 'adjudicated'), data: files[0]!.data as string };
}

export interface ReadResult {
  packages: PackageFile[];
  /** Files that could not be read at all, each with a complete sentence. */
  errors: string[];
}

/** Reads picked files (JSONL packages, or zips of them). Other products' files and broken files get a clear reason. */
export async function readPackageFiles(files: { name: string; bytes: Uint8Array }[]): Promise<ReadResult> {
  const out: ReadResult = { packages: [], errors: [] };
  const expanded = expandZips(
    files.map((f) => ({ path: f.name, data: f.bytes })),
    (file, reason) => out.errors.push(`Could not import ${file}: ${reason}.`),
  );
  for (const file of expanded) {
    const bytes = typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data;
    const name = file.path;
    if (name.startsWith('__MACOSX/') || name.split('/').pop()!.startsWith('.')) continue;
    const head = bytes.subarray(0, 4096);
    const format = detectFormat(name, head);
    if (format !== FACTMARK_FORMAT) {
      const empty = new TextDecoder('utf-8', { fatal: false }).decode(head).trim() === '';
      const what = format ? `it looks like ${formatById(format)?.name ?? format}, not a Factmark review package` : empty ? 'the file is empty' : 'it is not a Factmark review package (its first line is not a Factmark header)';
      out.errors.push(`Could not import ${name}: ${what}. Use "Export for review" in Factmark to make one, or "Import dataset…" for other tools' files.`);
      continue;
    }
    const result = await importFactmark([{ path: name, data: bytes }]);
    const { dataset } = result;
    if (dataset.documents.length === 0) {
      const why = result.problems.filter((p) => p.severity === 'error').map((p) => `${p.line ? `line ${p.line}: ` : ''}${p.message}`);
      out.errors.push(`Could not import ${name}: no article could be read${why.length ? ` (${why.slice(0, 3).join('; ')})` : ''}.`);
      continue;
    }
    out.packages.push({ fileName: name, header: readHeader(firstLine(bytes)), dataset, problems: result.problems });
  }
  return out;
}

function firstLine(bytes: Uint8Array): string {
  const end = bytes.indexOf(0x0a);
  return new TextDecoder().decode(end === -1 ? bytes : bytes.subarray(0, end)).replace(/^\ufeff/, '');
}

const str = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** The package part of a Factmark header; null when absent or unusable (then the file is read as a plain export). */
function readHeader(line: string): PackageHeader | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const p = (value as { package?: unknown } | null)?.package as Record<string, unknown> | undefined;
  if (!p || typeof p !== 'object' || (p.kind !== 'review' && p.kind !== 'adjudicated') || !str(p.origin)) return null;
  const layers = Array.isArray(p.layers)
    ? p.layers.flatMap((l: unknown) => {
        const o = l as Record<string, unknown> | null;
        return o && str(o.annotator) ? [{ annotator: o.annotator, ...(str(o.original) ? { original: o.original } : {}), ...(str(o.origin) ? { origin: o.origin } : {}) }] : [];
      })
    : undefined;
  return {
    kind: p.kind,
    ...(str(p.annotator) ? { annotator: p.annotator } : {}),
    ...(str(p.reviewer) ? { reviewer: p.reviewer } : {}),
    origin: p.origin,
    createdAt: str(p.createdAt) ? p.createdAt : '',
    ...(layers ? { layers } : {}),
  };
}
