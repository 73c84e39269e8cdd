/**
 * The library's own operations on the database: status, collections, metadata edits, the trash (soft delete,
 * restore, delete forever) and the feed the search index is built from. Every change stamps `updatedAt`.
 */
import { orphanQueueId } from '../../shared/anchoring/orphans.ts';
import { emptyCounts } from '../../shared/labels.ts';
import type { DocumentSource, DocumentStatus } from '../../shared/model.ts';
import type { Table } from 'dexie';
import type { DocumentRecord, FactmarkDatabase } from './database.ts';
import { DOCUMENT_TOTAL, type LabelCountRecord } from './derived.ts';
import type { DocumentSummary } from './repository.ts';

/** What the analyst can edit about an article (the text itself never changes after import). */
export interface MetadataEdit {
  title: string;
  outlet: string;
  url: string;
  /** Publication date (ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD or with a time) or empty. */
  published: string;
  notes: string;
}

/** One article as the search index reads it. */
export interface SearchRecord {
  id: string;
  title: string;
  text: string;
}

const now = () => new Date().toISOString();

/** ISO 8601 as sources give it: a year, a month, a day, or a day with a time. */
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/** Checks an edit; returns a message for the first problem, or null. */
export function checkMetadata(edit: MetadataEdit): string | null {
  if (!edit.title.trim()) return 'The title cannot be empty.';
  if (edit.url.trim() && !/^https?:\/\/[^\s]+$/i.test(edit.url.trim())) return 'The URL must start with http:// or https://.';
  if (edit.published.trim() && !ISO_DATE.test(edit.published.trim())) return 'Write the date as YYYY-MM-DD (or just YYYY-MM or YYYY).';
  return null;
}

export function checkCollectionName(name: string): string | null {
  if (!name.trim()) return 'Give the collection a name.';
  if (name.trim().length > 80) return 'Collection names are at most 80 characters.';
  return null;
}

export class LibraryStore {
  constructor(private readonly db: FactmarkDatabase) {}

  async setStatus(ids: readonly string[], status: DocumentStatus): Promise<void> {
    const updatedAt = now();
    await this.db.documents.where('id').anyOf(ids as string[]).modify((d: DocumentRecord) => {
      d.status = status;
      d.updatedAt = updatedAt;
    });
  }

  async updateMetadata(id: string, edit: MetadataEdit): Promise<void> {
    const problem = checkMetadata(edit);
    if (problem) throw new Error(problem);
    await this.db.transaction('rw', this.db.documents, async () => {
      const doc = await this.db.documents.get(id);
      if (!doc) throw new Error('That article is no longer in the library.');
      const source = { ...doc.source };
      // an emptied field is removed, not stored as ''
      setOrDelete(source, 'outlet', edit.outlet);
      setOrDelete(source, 'url', edit.url);
      setOrDelete(source, 'published', edit.published);
      const next: DocumentRecord = { ...doc, title: edit.title.trim(), source, updatedAt: now() };
      if (edit.notes.trim()) next.notes = edit.notes;
      else delete next.notes;
      await this.db.documents.put(next);
    });
  }

  /** Every collection name: the named ones and any that documents mention (e.g. from an import), sorted. */
  async listCollections(): Promise<string[]> {
    const [named, used] = await Promise.all([this.db.collections.toCollection().primaryKeys(), this.db.documents.orderBy('collections').uniqueKeys()]);
    return [...new Set([...named, ...(used as string[])])].sort((a, b) => a.localeCompare(b));
  }

  async addToCollection(ids: readonly string[], name: string): Promise<void> {
    const problem = checkCollectionName(name);
    if (problem) throw new Error(problem);
    const collection = name.trim();
    const updatedAt = now();
    await this.db.transaction('rw', this.db.documents, this.db.collections, async () => {
      if (!(await this.db.collections.get(collection))) await this.db.collections.add({ name: collection, createdAt: updatedAt });
      await this.db.documents.where('id').anyOf(ids as string[]).modify((d: DocumentRecord) => {
        if (d.collections?.includes(collection)) return;
        d.collections = [...(d.collections ?? []), collection];
        d.updatedAt = updatedAt;
      });
    });
  }

  async removeFromCollection(ids: readonly string[], name: string): Promise<void> {
    const updatedAt = now();
    await this.db.documents.where('id').anyOf(ids as string[]).modify((d: DocumentRecord) => {
      if (!d.collections?.includes(name)) return;
      d.collections = d.collections.filter((c) => c !== name);
      if (d.collections.length === 0) delete d.collections;
      d.updatedAt = updatedAt;
    });
  }

  /**
   * Renames a collection: every article in it (the trash too) now names the new one. Refused when the new name is
   * taken (merging two investigations is not what a rename should do by accident). Returns the articles changed.
   */
  async renameCollection(from: string, to: string): Promise<string[]> {
    const problem = checkCollectionName(to);
    if (problem) throw new Error(problem);
    const name = to.trim();
    if (name === from) return [];
    const db = this.db;
    return db.transaction('rw', db.documents, db.collections, async () => {
      if ((await db.collections.get(name)) || (await db.documents.where('collections').equals(name).count()) > 0) throw new Error(`A collection named “${name}” already exists.`);
      const old = await db.collections.get(from);
      const ids = (await db.documents.where('collections').equals(from).primaryKeys()) as string[];
      const updatedAt = now();
      await db.documents.where('collections').equals(from).modify((d: DocumentRecord) => {
        d.collections = d.collections!.map((c) => (c === from ? name : c));
        d.updatedAt = updatedAt;
      });
      await db.collections.delete(from);
      await db.collections.put({ name, createdAt: old?.createdAt ?? updatedAt });
      return ids;
    });
  }

  /** Deletes a collection: its articles stay in the library (and the trash), only their membership goes. Returns them. */
  async deleteCollection(name: string): Promise<string[]> {
    const db = this.db;
    return db.transaction('rw', db.documents, db.collections, async () => {
      const ids = (await db.documents.where('collections').equals(name).primaryKeys()) as string[];
      const updatedAt = now();
      await db.documents.where('collections').equals(name).modify((d: DocumentRecord) => {
        d.collections = d.collections!.filter((c) => c !== name);
        if (d.collections.length === 0) delete d.collections;
        d.updatedAt = updatedAt;
      });
      await db.collections.delete(name);
      return ids;
    });
  }

  /** Moves articles to the trash; their texts and annotations stay until they are deleted forever. */
  async trash(ids: readonly string[]): Promise<void> {
    const deletedAt = now();
    await this.db.documents.where('id').anyOf(ids as string[]).modify((d: DocumentRecord) => {
      d.deletedAt = deletedAt;
    });
  }

  async restore(ids: readonly string[]): Promise<void> {
    await this.db.documents.where('id').anyOf(ids as string[]).modify((d: DocumentRecord) => {
      delete d.deletedAt;
    });
  }

  /** The trash, most recently deleted first, with counts per label. */
  async listTrash(): Promise<DocumentSummary[]> {
    return this.db.transaction('r', this.db.documents, this.db.labelCounts, async () => {
      const docs = await this.db.documents.where('deletedAt').above('').toArray();
      const counts = await this.db.labelCounts.bulkGet(docs.map((d) => d.id));
      return docs.map((d, i) => withCounts(d, counts[i])).sort((a, b) => b.deletedAt!.localeCompare(a.deletedAt!));
    });
  }

  /** Deletes articles in the trash for good: metadata, text, annotations (orphans too), tombstones and rejections. */
  async purge(ids: readonly string[]): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.documents, db.texts, db.annotations, db.tombstones, db.rejections], async () => {
      const docs = (await db.documents.bulkGet(ids as string[])).filter((d): d is DocumentRecord => !!d);
      const inTrash = docs.filter((d) => d.deletedAt).map((d) => d.id);
      if (inTrash.length !== ids.length) throw new Error('Only articles in the trash can be deleted forever.');
      // the article's Orphans queue goes with it (shared/anchoring/orphans.ts), and so do the tombstones of
      // discarded orphans: stored under the article's id now, under the queue's id by earlier versions
      const withQueues = [...inTrash, ...inTrash.map(orphanQueueId)];
      await db.annotations.where('documentId').anyOf(withQueues).delete();
      await db.tombstones.where('documentId').anyOf(withQueues).delete();
      await db.rejections.where('documentId').anyOf(inTrash).delete();
      await db.texts.bulkDelete(inTrash);
      await db.documents.bulkDelete(inTrash);
    });
  }

  /**
   * The search index's feed: documents in primary-key order, `limit` at a time after `after`, with their texts.
   * Paging by key keeps each read small, so the index is built in pieces without holding every text at once.
   */
  async searchRecords(after: string | null, limit: number): Promise<SearchRecord[]> {
    return this.db.transaction('r', this.db.documents, this.db.texts, async () => {
      const metas = after === null ? await this.db.documents.orderBy('id').limit(limit).toArray() : await this.db.documents.where('id').above(after).limit(limit).toArray();
      return this.withTexts(metas);
    });
  }

  /** The same records for some documents (after an add or an edit); missing ones are left out. */
  async searchRecordsFor(ids: readonly string[]): Promise<SearchRecord[]> {
    return this.db.transaction('r', this.db.documents, this.db.texts, async () => {
      const metas = (await this.db.documents.bulkGet(ids as string[])).filter((d): d is DocumentRecord => !!d);
      return this.withTexts(metas);
    });
  }

  private async withTexts(metas: DocumentRecord[]): Promise<SearchRecord[]> {
    const texts = await this.db.texts.bulkGet(metas.map((m) => m.id));
    return metas.map((m, i) => ({ id: m.id, title: m.title, text: texts[i]?.text ?? '' }));
  }
}

function setOrDelete(source: DocumentSource, key: 'outlet' | 'url' | 'published', value: string): void {
  const v = value.trim();
  if (v) source[key] = v;
  else delete source[key];
}

/** The library's order (the [createdAt+titleKey+id] index, renderer/db/derived.ts): oldest first, articles added together by title. */
const ORDER = '[createdAt+titleKey+id]';

/** A summary's counts: every label of the default set, zero when unused, and any other label met. */
function withCounts(doc: DocumentRecord, stored: LabelCountRecord | undefined): DocumentSummary {
  // the records read are fresh objects: counts are added in place rather than copying 100,000 of them
  return Object.assign(doc, { counts: { ...emptyCounts(), ...stored?.counts } });
}

/**
 * Up to `limit` articles not in the trash, in library order, after the index key `after` (null: from the start),
 * and the key to go on from (null at the end). One bounded read: the trash is skipped, not filtered in a cursor.
 */
async function readPage(db: FactmarkDatabase, after: unknown[] | null, limit: number): Promise<{ docs: DocumentRecord[]; next: unknown[] | null }> {
  const docs: DocumentRecord[] = [];
  for (let from = after; ; ) {
    const want = limit - docs.length;
    const page = await (from ? db.documents.where(ORDER).above(from) : db.documents.orderBy(ORDER)).limit(want).toArray();
    for (const d of page) if (!d.deletedAt) docs.push(d);
    if (page.length < want) return { docs, next: null }; // the end of the index
    const last = page[page.length - 1]!;
    from = [last.createdAt, last.titleKey, last.id];
    if (docs.length >= limit) return { docs, next: from };
  }
}

/** Records read per request when the whole library is listed: each page is its own task, so input is handled between them. */
const PAGE = 5000;

/** Every record of a table, a page at a time in primary key order, each page handed to `each` as it arrives. */
async function readPages<T extends { id: string }>(table: Table<T, string>, each: (page: T[]) => void): Promise<void> {
  for (let after: string | null = null; ; ) {
    const page: T[] = await (after === null ? table.toCollection() : table.where(':id').above(after)).limit(PAGE).toArray();
    each(page);
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

/** Library order in memory: the order index's, compared as IndexedDB compares its string keys (code units). */
function byLibraryOrder(a: DocumentRecord, b: DocumentRecord): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.titleKey! < b.titleKey! ? -1 : a.titleKey! > b.titleKey! ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function merge<T>(a: T[], b: T[], cmp: (x: T, y: T) => number): T[] {
  const out: T[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = cmp(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * The whole library (not the trash), in library order, with its counts per label: the documents and the counts
 * table in pages of the stores (about twice as fast as pages of the order index, or its keys), all in one read
 * transaction (a consistent picture), and no annotation read. Each page is sorted as it arrives and merged with the
 * ones before like a binary counter, so no single task sorts 100,000 titles.
 */
export async function listLibrary(db: FactmarkDatabase): Promise<DocumentSummary[]> {
  return db.transaction('r', db.documents, db.labelCounts, async () => {
    const counts = new Map<string, LabelCountRecord>();
    await readPages(db.labelCounts, (page) => page.forEach((c) => counts.set(c.id, c)));
    const runs: DocumentSummary[][] = [];
    await readPages(db.documents, (page) => {
      let run = page.filter((d) => !d.deletedAt && d.createdAt !== undefined).sort(byLibraryOrder).map((d) => withCounts(d, counts.get(d.id)));
      while (runs.length && runs[runs.length - 1]!.length <= run.length) run = merge(runs.pop()!, run, byLibraryOrder);
      runs.push(run);
    });
    return runs.reduceRight((later, run) => merge(run, later, byLibraryOrder), []);
  });
}

/**
 * The table's first screen before the whole library is read: the first `limit` articles in library order with their
 * counts, and how many articles the library holds (for the table's row count): a bounded read of the order index
 * and the counts of those articles. The whole list (listLibrary) replaces it when it arrives.
 */
export interface FirstRows {
  docs: DocumentSummary[];
  total: number;
}

export async function firstDocuments(db: FactmarkDatabase, limit: number): Promise<FirstRows> {
  return db.transaction('r', db.documents, db.labelCounts, db.libraryStats, async () => {
    // the stored total, not count(): IndexedDB counts by walking every record
    const [stored, trashed, { docs }] = await Promise.all([db.libraryStats.get(DOCUMENT_TOTAL), db.documents.where('deletedAt').above('').count(), readPage(db, null, limit)]);
    const counts = await db.labelCounts.bulkGet(docs.map((d) => d.id));
    return { docs: docs.map((d, i) => withCounts(d, counts[i])), total: (stored?.total ?? 0) - trashed };
  });
}

/** Rows read first when the library opens: a few screens of the table. */
export const FIRST_ROWS = 200;
