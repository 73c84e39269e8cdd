/**
 * The import pipeline behind every way of adding articles (files, folder, drop, paste): convert, hash, decide
 * duplicate / new version / new (renderer/db/versions.ts), and write in chunks, one transaction per chunk.
 *
 * It runs on the main thread because web pages need DOMParser, which workers lack; it stays responsive by
 * yielding to the event loop whenever a slice of work has taken SLICE_MS, so no task runs much longer than that.
 * Cancel takes effect after the current chunk is written: every chunk is whole, nothing is half-written.
 */
import Dexie from 'dexie';
import { sha256Hex } from '../../shared/hash.ts';
import { convertFile, type ConvertDeps, type ImportedDraft } from '../../shared/importers/index.ts';
import type { FmDocument } from '../../shared/model.ts';
import type { PickedFile } from '../../shared/platform.ts';
import type { FactmarkDatabase } from '../db/database.ts';
import { splitDocument } from '../db/repository.ts';
import { loadVersionBook, type VersionBook } from '../db/versions.ts';

/** Something to import: a picked or dropped file, or pasted text already made into a draft. */
export type ImportItem = PickedFile | { name: string; draft: ImportedDraft };

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  /** Articles written so far. */
  imported: number;
}

export interface ImportedEntry {
  id: string;
  title: string;
  file: string;
  /** Set when the article was already in the library with another text. */
  version?: number;
}

export interface ImportReport {
  filesTotal: number;
  filesDone: number;
  cancelled: boolean;
  /** The corpus a cancelled import stopped inside: its first records are in, the rest not. */
  stoppedAt?: string;
  imported: ImportedEntry[];
  duplicates: { file: string; title: string; existingTitle: string; inTrash: boolean }[];
  failed: { file: string; message: string }[];
  /** Annotations of earlier versions moved onto the new versions, and those that became orphans there. */
  annotationsMoved: number;
  annotationsOrphaned: number;
}

/** Moves annotations from one version to the next (renderer/db/anchorVersions.ts when present). */
export type CarryAnnotations = (db: FactmarkDatabase, fromId: string, toId: string) => Promise<{ moved: number; orphaned: number }>;

export interface ImportOptions extends ConvertDeps {
  onProgress?(progress: ImportProgress): void;
  signal?: AbortSignal;
  carryAnnotations?: CarryAnnotations;
  /** Most articles per transaction. */
  chunkSize?: number;
  /** ISO time stamped on every article of the batch (they were imported together). */
  now?: string;
}

/** Longest stretch of work before giving the event loop a turn (well under the 50 ms of a "long task"). */
const SLICE_MS = 25;
/**
 * A chunk (one transaction) is written when it holds this many articles or characters of text, or has been
 * collecting this long. IndexedDB copies every record on the page's thread when it is added, all in one task, so
 * the size of a chunk bounds the longest task of an import.
 */
const CHUNK_DOCS = 250;
const CHUNK_CHARS = 1_500_000;
const CHUNK_MS = 1_000;

interface Pending {
  draft: ImportedDraft;
  file: string;
}

export async function runImport(db: FactmarkDatabase, items: readonly ImportItem[], options: ImportOptions = {}): Promise<ImportReport> {
  const chunkSize = options.chunkSize ?? CHUNK_DOCS;
  const createdAt = options.now ?? new Date().toISOString();
  const report: ImportReport = { filesTotal: items.length, filesDone: 0, cancelled: false, imported: [], duplicates: [], failed: [], annotationsMoved: 0, annotationsOrphaned: 0 };
  const progress = () => options.onProgress?.({ filesDone: report.filesDone, filesTotal: report.filesTotal, imported: report.imported.length });
  const book = await loadVersionBook(db);
  const slicer = new Slicer();

  let pending: Pending[] = [];
  let pendingChars = 0;
  let chunkStarted = performance.now();
  let inflight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const chunk = pending;
    pending = [];
    pendingChars = 0;
    if (chunk.length) {
      const prepared = await prepareChunk(book, chunk, createdAt, report);
      // One transaction in flight while the next chunk is converted and hashed: the database's work (on its own
      // thread, durable commits) overlaps the page's. Chunks still commit in order.
      await inflight;
      if (prepared) inflight = commitChunk(db, prepared, report, options.carryAnnotations);
    }
    chunkStarted = performance.now();
    progress();
    await slicer.yield();
  };
  const chunkFull = () => pending.length >= chunkSize || pendingChars >= CHUNK_CHARS || performance.now() - chunkStarted >= CHUNK_MS;

  progress();
  outer: for (const item of items) {
    if (options.signal?.aborted) break;
    const shown = 'draft' in item ? item.name : (item.path ?? item.name);
    if ('draft' in item) {
      pending.push({ draft: item.draft, file: shown });
      pendingChars += item.draft.text.length;
    } else if (item.problem) {
      report.failed.push({ file: shown, message: item.problem });
    } else {
      // Look one item ahead: a chunk is written mid-file only when the file has more to give (a corpus), so a
      // cancel right after it never leaves a file counted as not done although it was written.
      const results = convertFile(item, options);
      for (let step = results.next(); !step.done; ) {
        const result = step.value;
        if (result.ok) {
          pending.push({ draft: result.draft, file: shown });
          pendingChars += result.draft.text.length;
        } else {
          report.failed.push({ file: shown, message: result.problem.message });
        }
        step = results.next();
        if (!step.done && chunkFull()) {
          await flush();
          if (options.signal?.aborted) {
            // Mid-corpus: what was read is written; say where it stopped (re-importing skips what is in).
            report.stoppedAt = shown;
            break outer;
          }
        }
        await slicer.maybeYield();
      }
    }
    report.filesDone++;
    if (chunkFull()) await flush();
    else {
      if (slicer.due()) progress();
      await slicer.maybeYield();
    }
  }
  await flush();
  await inflight;
  progress();
  report.cancelled = report.filesDone < report.filesTotal;
  return report;
}

interface Prepared {
  docs: FmDocument[];
  files: string[];
  /** First versions to mark as version 1 of their group. */
  marks: string[];
  carries: { from: string; to: string }[];
}

/**
 * Hashes a chunk's drafts and sorts each into duplicate / new version / new against the library and the batch so
 * far (the book is updated at once, so the next chunk sees these). Null when nothing in it is new.
 */
async function prepareChunk(book: VersionBook, chunk: Pending[], createdAt: string, report: ImportReport): Promise<Prepared | null> {
  const hashes = await Promise.all(chunk.map((p) => sha256Hex(p.draft.text)));
  const docs: FmDocument[] = [];
  const files: string[] = [];
  const marks: string[] = [];
  const carries: { from: string; to: string }[] = [];
  for (let i = 0; i < chunk.length; i++) {
    const { draft, file } = chunk[i]!;
    const doc = documentFromDraft(draft, hashes[i]!, createdAt);
    const decision = book.classify(doc);
    if (decision.kind === 'duplicate') {
      const existing = book.describe(decision.of);
      report.duplicates.push({ file, title: doc.title, existingTitle: existing?.title ?? doc.title, inTrash: existing?.inTrash ?? false });
      continue;
    }
    if (decision.kind === 'new-version') {
      const v = book.assign(decision.of);
      doc.versionGroup = v.versionGroup;
      doc.version = v.version;
      if (v.markFirst) marks.push(v.markFirst);
      carries.push({ from: decision.latest, to: doc.id });
    }
    book.add(doc);
    docs.push(doc);
    files.push(file);
  }
  return docs.length ? { docs, files, marks, carries } : null;
}

/**
 * Writes a prepared chunk in one transaction. A text that reached the library meanwhile (another window, a paste)
 * is caught inside the transaction and counted as a duplicate rather than failing the chunk.
 */
async function commitChunk(db: FactmarkDatabase, { docs, files, marks, carries }: Prepared, report: ImportReport, carry?: CarryAnnotations): Promise<void> {
  let written: FmDocument[];
  try {
    written = await db.transaction('rw', db.documents, db.texts, async () => {
      const parts = docs.map(splitDocument);
      // The unique contentHash index refuses a text already there; Dexie keeps the transaction going when the
      // BulkError is caught, so the others are written (a look-up first would cost a round trip per hash).
      let refused = new Set<number>();
      try {
        await db.documents.bulkAdd(parts.map((p) => p[0]));
      } catch (error) {
        if (!(error instanceof Dexie.BulkError)) throw error;
        refused = new Set(Object.keys(error.failuresByPos).map(Number));
      }
      const fresh = docs.filter((_, i) => !refused.has(i));
      await db.texts.bulkAdd(parts.filter((_, i) => !refused.has(i)).map((p) => p[1]));
      for (const id of marks) await db.documents.update(id, { versionGroup: id, version: 1 });
      return fresh;
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    for (const [i, d] of docs.entries()) report.failed.push({ file: files[i]!, message: `Could not save “${d.title}”: ${reason}` });
    return;
  }
  const writtenIds = new Set(written.map((d) => d.id));
  for (const [i, d] of docs.entries()) {
    if (writtenIds.has(d.id)) report.imported.push({ id: d.id, title: d.title, file: files[i]!, ...(d.version ? { version: d.version } : {}) });
    else report.duplicates.push({ file: files[i]!, title: d.title, existingTitle: d.title, inTrash: false });
  }
  if (!carry) return;
  for (const c of carries) {
    if (!writtenIds.has(c.to)) continue;
    try {
      const moved = await carry(db, c.from, c.to);
      report.annotationsMoved += moved.moved;
      report.annotationsOrphaned += moved.orphaned;
    } catch (error) {
      // The new version is in; its predecessor keeps its annotations. Say so rather than fail the import.
      const title = docs.find((d) => d.id === c.to)?.title ?? '';
      report.failed.push({ file: files[docs.findIndex((d) => d.id === c.to)] ?? '', message: `“${title}” was imported, but the annotations of its earlier version could not be moved to it: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
}

/** The stored document for a converted draft: an id, its content hash, a title even when the draft has none. */
export function documentFromDraft(draft: ImportedDraft, contentHash: string, createdAt: string): FmDocument {
  return {
    id: crypto.randomUUID(),
    title: draft.title.trim() || untitled(draft.text),
    text: draft.text,
    contentHash,
    source: draft.source,
    ...(draft.blocks ? { blocks: draft.blocks } : {}),
    createdAt,
  };
}

function untitled(text: string): string {
  const first = text.trim().split('\n', 1)[0] ?? '';
  return first.length <= 80 ? first : `${first.slice(0, 77).trimEnd()}…`;
}

/** Cuts work into slices: `maybeYield` gives the event loop a turn once the current slice has run SLICE_MS. */
class Slicer {
  private start = performance.now();
  due(): boolean {
    return performance.now() - this.start >= SLICE_MS;
  }
  async maybeYield(): Promise<void> {
    if (this.due()) await this.yield();
  }
  async yield(): Promise<void> {
    await nextTask();
    this.start = performance.now();
  }
}

/** A new task (not a microtask), so input and painting get their turn; MessageChannel is not clamped like setTimeout. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
