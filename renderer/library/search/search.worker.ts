/// <reference lib="webworker" />
/**
 * Keeps the full-text index off the main thread, so typing in the search box never waits for it. The index is
 * stored (searchStore.ts) and loaded at the next open, then brought up to date with the library: documents added
 * since are indexed, removed ones dropped, ones whose title changed re-indexed. It reads the app's database itself
 * (IndexedDB works in workers) in pages, yielding between pages so queries are answered meanwhile (from what is
 * indexed so far; the answer says whether the index was complete).
 */
import { FactmarkDatabase, type DocumentRecord } from '../../db/database.ts';
import { LibraryStore, type SearchRecord } from '../../db/library.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { SearchStore } from './searchStore.ts';
import { TextIndex, titleHash } from './textIndex.ts';

const PAGE = 250;
/** Documents indexed between two writes of the store during a long build. */
const SEAL_EVERY = 8192;
/** Edits are found by their updatedAt: this much before the last sync is looked at again (clock steps, slow commits). */
const SYNC_SLACK_MS = 60_000;

let index = new TextIndex();
let library: LibraryStore | null = null;
let db: FactmarkDatabase | null = null;
let store: SearchStore | null = null;
let syncedAt: string | null = null;
let complete = false;
let syncing: Promise<void> = Promise.resolve();
let pendingChanged = new Set<string>();

const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);
const yieldToQueries = () => new Promise((r) => setTimeout(r, 0));

/**
 * True when this worker may write the stored index: one writer at a time (a second window or tab of the library keeps
 * its index in memory only), as two writers would give out the same document numbers in different segments.
 */
let writer = false;

function becomeWriter(name: string): Promise<boolean> {
  if (!navigator.locks) return Promise.resolve(true);
  // held until the worker ends: the callback's promise never settles
  return new Promise((resolve) => void navigator.locks.request(name, { ifAvailable: true }, (lock) => (resolve(lock !== null), lock ? new Promise(() => undefined) : undefined)));
}

async function open(dbName: string): Promise<void> {
  db = new FactmarkDatabase(dbName);
  library = new LibraryStore(db);
  store = new SearchStore(`${dbName}-search`);
  writer = await becomeWriter(`${dbName}-search-writer`);
  const loaded = await store.load().catch(() => null);
  if (loaded) ({ index, syncedAt } = loaded);
  else if (writer) await store.clearAll(); // nothing stored, or in another format: built from scratch
  post({ type: 'ids', from: 0, ids: index.idsFrom(0), reset: true });
  await sync(new Set());
}

/** Stores what is not stored yet; `synced` when the library has been caught up with as of that time. */
async function persist(synced: string | null): Promise<void> {
  const sealed = index.seal();
  if (writer) await store!.save(index, sealed, index.bases, synced ?? syncedAt);
  if (synced) syncedAt = synced;
}

function indexRecords(records: SearchRecord[]): void {
  if (!records.length) return;
  const from = index.add(records);
  post({ type: 'ids', from, ids: records.map((r) => r.id) });
}

/** Adds documents the index lacks, drops ones no longer stored, re-reads changed ones (and ones retitled since the last sync). */
async function sync(changed: Set<string>): Promise<void> {
  const started = new Date().toISOString();
  const stored = new Set((await db!.documents.toCollection().primaryKeys()) as string[]);
  index.remove([...index.ids()].filter((id) => !stored.has(id)));
  if (syncedAt) {
    const since = new Date(Date.parse(syncedAt) - SYNC_SLACK_MS).toISOString();
    const edited: DocumentRecord[] = await db!.documents.where('updatedAt').aboveOrEqual(since).toArray();
    for (const d of edited) if (index.has(d.id) && index.titleHashOf(d.id) !== titleHash(d.title)) changed.add(d.id);
  }
  const wanted = [...stored].filter((id) => !index.has(id) || changed.has(id));
  const progress = () => post({ type: 'progress', indexed: index.size, total: stored.size });
  progress();
  if (wanted.length > stored.size / 2) {
    // most of the library (the first build): read it in key order, a page per request
    const want = new Set(wanted);
    for (let after: string | null = null; ; ) {
      const records = await library!.searchRecords(after, PAGE);
      if (!records.length) break;
      after = records[records.length - 1]!.id;
      indexRecords(records.filter((r) => want.has(r.id)));
      await afterPage(progress);
    }
  } else {
    for (let i = 0; i < wanted.length; i += PAGE) {
      indexRecords(await library!.searchRecordsFor(wanted.slice(i, i + PAGE)));
      await afterPage(progress);
    }
  }
  await persist(started);
  complete = true;
  index.warm();
  progress();
}

async function afterPage(progress: () => void): Promise<void> {
  progress();
  if (index.liveCount >= SEAL_EVERY) await persist(null);
  await yieldToQueries();
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  switch (m.type) {
    case 'init':
      syncing = open(m.dbName).catch(fail);
      break;
    case 'sync':
      for (const id of m.changed ?? []) pendingChanged.add(id);
      // chained: one sync at a time, after the first
      syncing = syncing.then(() => {
        const changed = pendingChanged;
        pendingChanged = new Set();
        return sync(changed);
      }).catch(fail);
      break;
    case 'query':
      // only the newest query is answered: keys typed while an answer was being computed replace each other
      latest = m;
      if (!answerDue) {
        answerDue = true;
        setTimeout(answer, 0);
      }
      break;
  }
};

let latest: Extract<ToWorker, { type: 'query' }> | null = null;
let answerDue = false;

function answer(): void {
  answerDue = false;
  const q = latest;
  latest = null;
  if (!q) return;
  try {
    const { bits, total } = index.match(q.words, q.text);
    post({ type: 'result', seq: q.seq, key: q.key, bits, total, complete }, [bits.buffer]);
  } catch (e) {
    fail(e);
  }
}

function fail(e: unknown): void {
  post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
}
