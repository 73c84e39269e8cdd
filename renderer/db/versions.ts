/**
 * Versions of an article (docs/FORMAT.md, "Versions"): every version shares `versionGroup` (the id of the first
 * version) and counts up `version` from 1. A first version with no others carries neither field, so the first
 * time a new version arrives the first one is marked too (version 1 of its own group).
 */
import { candidateOf, DedupeIndex, type DedupeDecision } from '../../shared/importers/dedupe.ts';
import type { FmDocument } from '../../shared/model.ts';
import type { DocumentRecord, FactmarkDatabase } from './database.ts';

/** What a new document needs to become the next version of an article. */
export interface VersionAssignment {
  versionGroup: string;
  version: number;
  /** The first version when it has no version fields yet: write { versionGroup: id, version: 1 } to it. */
  markFirst?: string;
}

/**
 * The library as the importer sees it: which texts are already there and which articles have versions. Built
 * once per import from the document records (no texts), then kept current as the batch goes.
 */
export class VersionBook {
  private readonly dedupe = new DedupeIndex();
  private readonly latestVersion = new Map<string, number>();
  private readonly info = new Map<string, { title: string; deletedAt?: string | undefined; marked: boolean }>();

  /** Give the records oldest first (createdAt), so the newest version of an article is the latest. */
  constructor(records: Iterable<DocumentRecord> = []) {
    for (const r of records) this.add(r);
  }

  classify(doc: Pick<FmDocument, 'title' | 'source' | 'contentHash'>): DedupeDecision {
    return this.dedupe.classify(candidateOf(doc, doc.contentHash));
  }

  /** The version fields for a new version of the article whose first version is `firstId`. */
  assign(firstId: string): VersionAssignment {
    const version = (this.latestVersion.get(firstId) ?? 1) + 1;
    const first = this.info.get(firstId);
    return first && !first.marked ? { versionGroup: firstId, version, markFirst: firstId } : { versionGroup: firstId, version };
  }

  /** Records a document now in the library (or accepted in this batch). */
  add(doc: Pick<DocumentRecord, 'id' | 'title' | 'source' | 'contentHash' | 'versionGroup' | 'version' | 'deletedAt'>): void {
    const group = doc.versionGroup ?? doc.id;
    const entry = { ...candidateOf(doc, doc.contentHash), id: doc.id, ...(group !== doc.id ? { versionOf: group } : {}) };
    this.dedupe.add(entry);
    this.info.set(doc.id, { title: doc.title, deletedAt: doc.deletedAt, marked: doc.versionGroup !== undefined });
    const first = this.info.get(group);
    if (first && group !== doc.id) first.marked = true;
    this.latestVersion.set(group, Math.max(this.latestVersion.get(group) ?? 1, doc.version ?? 1));
  }

  /** The title of a document in the book, and whether it is in the trash (for duplicate messages). */
  describe(id: string): { title: string; inTrash: boolean } | undefined {
    const i = this.info.get(id);
    return i && { title: i.title, inTrash: i.deletedAt !== undefined };
  }
}

/** The library's records, oldest first, as a VersionBook. */
export async function loadVersionBook(db: FactmarkDatabase): Promise<VersionBook> {
  return new VersionBook(await db.documents.orderBy('createdAt').toArray());
}

/** One version of an article, for the reader's "Other versions exist" list. */
export interface VersionSummary {
  id: string;
  title: string;
  version: number;
  createdAt: string;
  published?: string;
}

/** Every version of the article `doc` belongs to (itself included, trash left out), oldest version first. */
export async function versionsOf(db: FactmarkDatabase, doc: Pick<FmDocument, 'id' | 'versionGroup'>): Promise<VersionSummary[]> {
  if (!doc.versionGroup) return [];
  const records = await db.documents.where('versionGroup').equals(doc.versionGroup).toArray();
  return records
    .filter((r) => !r.deletedAt)
    .map((r) => ({ id: r.id, title: r.title, version: r.version ?? 1, createdAt: r.createdAt, ...(r.source.published ? { published: r.source.published } : {}) }))
    .sort((a, b) => a.version - b.version);
}
