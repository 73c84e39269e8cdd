/**
 * Where the worker keeps the text index between sessions: its own IndexedDB database beside the library's (derived
 * data only: deleting it loses nothing, the index is rebuilt from the library). Segments are written as they are
 * sealed, with the record that lists them, in one transaction, so a session stopped at any point leaves a usable
 * index: what it had not stored yet is indexed again at the next open.
 */
import Dexie, { type Table } from 'dexie';
import { TextIndex, type Segment } from './textIndex.ts';

/** Bumped when the stored shape or the tokenising changes: an index stored in another format is rebuilt. */
const FORMAT = 1;

interface StateRecord {
  key: 'state';
  format: number;
  /** The stored segments, in ordinal order. */
  bases: number[];
  /** Holes left in them by removed or re-indexed documents. */
  deleted: number[];
  /** When the last complete sync with the library started (ISO): titles edited since then are checked again. */
  syncedAt: string | null;
}

export class SearchStore extends Dexie {
  segments!: Table<Segment, number>;
  state!: Table<StateRecord, string>;

  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'relaxed' }); // derived data: losing the last write only costs re-indexing
    this.version(1).stores({ segments: 'base', state: 'key' });
  }

  /** The stored index, or null when there is none usable (none yet, another format, a segment missing). */
  async load(): Promise<{ index: TextIndex; syncedAt: string | null } | null> {
    return this.transaction('r', this.segments, this.state, async () => {
      const state = await this.state.get('state');
      if (!state || state.format !== FORMAT) return null;
      const segments = await this.segments.bulkGet(state.bases);
      if (segments.some((s, i) => !s || (i > 0 && s.base !== segments[i - 1]!.base + segments[i - 1]!.size))) return null;
      return { index: new TextIndex(segments as Segment[], state.deleted), syncedAt: state.syncedAt };
    });
  }

  /** Stores what `index.seal()` returned and the index's holes; `syncedAt` when a sync with the library completed. */
  async save(index: TextIndex, sealed: { put: Segment[]; drop: number[] }, bases: number[], syncedAt: string | null): Promise<void> {
    await this.transaction('rw', this.segments, this.state, async () => {
      await this.segments.bulkDelete(sealed.drop);
      await this.segments.bulkPut(sealed.put);
      await this.state.put({ key: 'state', format: FORMAT, bases, deleted: [...index.deleted], syncedAt });
    });
  }

  async clearAll(): Promise<void> {
    await this.transaction('rw', this.segments, this.state, async () => {
      await this.segments.clear();
      await this.state.clear();
    });
  }
}
