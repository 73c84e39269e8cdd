import Dexie, { type Table, type Transaction } from 'dexie';
import type { Annotation, Block, FmDocument, Rejection, Tombstone } from '../../shared/model.ts';

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** A document's metadata: what the library lists. The text lives apart so a library of 100,000 stays light. */
export type DocumentRecord = Omit<FmDocument, 'text' | 'blocks'>;

/** A document's text and structure, keyed by the document id. */
export interface TextRecord {
  id: string;
  text: string;
  blocks?: Block[];
}

/** A named collection (investigation); articles name the collections they are in. */
export interface CollectionRecord {
  name: string;
  createdAt: string;
}

export const DATABASE_NAME = 'factmark';

/** Version 1's schema, kept so the migration test can build a version 1 database. */
export const SCHEMA_V1 = {
  documents: 'id, &contentHash, title, createdAt',
  annotations: 'id, documentId, [documentId+label], annotator',
  settings: 'key',
};

export const SCHEMA_V2 = {
  documents: 'id, &contentHash, title, createdAt, updatedAt, status, *collections, versionGroup, deletedAt',
  texts: 'id',
  annotations: 'id, documentId, [documentId+label], annotator, answers',
  tombstones: 'id, documentId, annotator',
  rejections: 'id, documentId',
  collections: 'name',
  settings: 'key',
};

/**
 * Version 3: annotations are also indexed by [documentId+start], so the reader can read the annotations of the
 * first screen (a range of start offsets) before the rest of a long article's.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  annotations: 'id, documentId, [documentId+label], [documentId+start], annotator, answers',
};

/**
 * The local database. Annotations are stand-off records: this is the source of truth and the reader renders from
 * it; no editor state is stored. Transactions use 'strict' durability so that a committed write survives a crash.
 */
export class FactmarkDatabase extends Dexie {
  documents!: Table<DocumentRecord, string>;
  texts!: Table<TextRecord, string>;
  annotations!: Table<Annotation, string>;
  tombstones!: Table<Tombstone, string>;
  rejections!: Table<Rejection, string>;
  collections!: Table<CollectionRecord, string>;
  settings!: Table<SettingRecord, string>;

  constructor(name = DATABASE_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(moveTextsOut);
    this.version(3).stores(SCHEMA_V3);
  }
}

/** Version 2 keeps texts in their own table: each version 1 document is split into metadata and text. */
async function moveTextsOut(tx: Transaction): Promise<void> {
  const texts: TextRecord[] = [];
  await tx.table('documents').toCollection().modify((doc: FmDocument) => {
    texts.push(doc.blocks ? { id: doc.id, text: doc.text, blocks: doc.blocks } : { id: doc.id, text: doc.text });
    delete (doc as Partial<FmDocument>).text;
    delete (doc as Partial<FmDocument>).blocks;
  });
  await tx.table('texts').bulkAdd(texts);
}
