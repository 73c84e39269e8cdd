import Dexie, { type Table } from 'dexie';
import type { Annotation, FmDocument } from '../../shared/model.ts';

export interface SettingRecord {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'factmark';

/**
 * The local database. Annotations are stand-off records: this is the source of truth and the reader renders from
 * it; no editor state is stored. Transactions use 'strict' durability so that a committed write survives a crash.
 */
export class FactmarkDatabase extends Dexie {
  documents!: Table<FmDocument, string>;
  annotations!: Table<Annotation, string>;
  settings!: Table<SettingRecord, string>;

  constructor(name = DATABASE_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({
      documents: 'id, &contentHash, title, createdAt',
      annotations: 'id, documentId, [documentId+label], annotator',
      settings: 'key',
    });
  }
}
