import Dexie, { type Table, type Transaction } from 'dexie';
import type { Label } from '../../shared/labels.ts';
import type { Annotation, Block, FmDocument, Rejection, Tombstone } from '../../shared/model.ts';
import { COUNTS_TABLE, DOCUMENT_TOTAL, derivedFacts, STATS_TABLE, titleKey, type DocumentTotalRecord, type LabelCountRecord } from './derived.ts';
import { CHANGES_TABLE, PACKS_TABLE, type AnnotationPackRecord, type PackChangeRecord } from './annotationPacks.ts';
import { HEADS_TABLE, type TextHeadRecord } from './textHeads.ts';

export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * A document's metadata: what the library lists. The text lives apart so a library of 100,000 stays light.
 * `titleKey` is kept by the database (derived.ts) and never leaves it (joinDocument drops it).
 */
export type DocumentRecord = Omit<FmDocument, 'text' | 'blocks'> & { titleKey?: string };

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
 * first screen (a range of start offsets) before the rest of a long article's. Documents are indexed in the
 * library's order ([createdAt+titleKey+id]), each document's counts per label are kept in `labelCounts` and the
 * number of documents in `libraryStats` (derived.ts), so the library opens on 100,000 articles without reading them
 * all or any annotation.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  documents: `${SCHEMA_V2.documents}, [createdAt+titleKey+id]`,
  annotations: 'id, documentId, [documentId+label], [documentId+start], annotator, answers',
  [COUNTS_TABLE]: 'id',
  [STATS_TABLE]: 'id',
};

/**
 * Version 4: the head of each long text (textHeads.ts), so the reader shows a long article's first screen without
 * waiting for the whole text. No upgrade step: reading every text to find the long ones would hold up the first start
 * of a big library, so a text stored before gets its head the first time it is opened.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  [HEADS_TABLE]: 'id',
};

/**
 * Version 5: all the annotations of each heavily annotated article in one record, with the writes since
 * (annotationPacks.ts), which the reader reads instead of one record per annotation; and the revision of each
 * article's annotations (LabelCountRecord.rev). No upgrade step: articles are packed as they are opened.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  [PACKS_TABLE]: 'id',
  [CHANGES_TABLE]: '[documentId+id]',
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
  labelCounts!: Table<LabelCountRecord, string>;
  libraryStats!: Table<DocumentTotalRecord, string>;
  textHeads!: Table<TextHeadRecord, string>;
  annotationPacks!: Table<AnnotationPackRecord, string>;
  packChanges!: Table<PackChangeRecord, [string, string]>;

  constructor(name = DATABASE_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // no query cache: it serves liveQuery, which only the provenance header's list of versions uses, and it made
    // every write (a tag's, say) pay for keeping it up to date, ~0.5–1 ms each in the bench article
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled', ...options });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(moveTextsOut);
    this.version(3).stores(SCHEMA_V3).upgrade(deriveFacts);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5);
    this.use(derivedFacts);
  }
}

/** Version 3's derived facts for the data already there: every title's key, every document's counts, the total. */
async function deriveFacts(tx: Transaction): Promise<void> {
  await tx.table('documents').toCollection().modify((doc: DocumentRecord) => {
    doc.titleKey = titleKey(doc.title);
  });
  await tx.table(STATS_TABLE).put({ id: DOCUMENT_TOTAL, total: await tx.table('documents').count() } satisfies DocumentTotalRecord);
  // one key-only pass over the label index, the way the library counted before version 3
  const keys = (await tx.table('annotations').orderBy('[documentId+label]').keys()) as unknown as [string, Label][];
  const counts = new Map<string, LabelCountRecord>();
  for (const [id, label] of keys) {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { id, counts: {} }));
    c.counts[label] = (c.counts[label] ?? 0) + 1;
  }
  await tx.table(COUNTS_TABLE).bulkPut([...counts.values()]);
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
