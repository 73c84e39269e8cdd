/// <reference lib="webworker" />
/**
 * Builds the full-text index off the main thread, so typing in the search box never waits for it: reads the app's
 * database itself (IndexedDB works in workers) in pages of documents, yielding between pages so queries are
 * answered while it builds (from the part indexed so far; the answer says whether the index was complete).
 */
import { FactmarkDatabase } from '../../db/database.ts';
import { LibraryStore } from '../../db/library.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { TextIndex } from './textIndex.ts';

const PAGE = 250;
const index = new TextIndex();
let store: LibraryStore | null = null;
let db: FactmarkDatabase | null = null;
let complete = false;
let syncing: Promise<void> = Promise.resolve();
let pendingChanged = new Set<string>();

const post = (m: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
const yieldToQueries = () => new Promise((r) => setTimeout(r, 0));

async function build(): Promise<void> {
  const total = await db!.documents.count();
  let after: string | null = null;
  for (;;) {
    const records = await store!.searchRecords(after, PAGE);
    if (records.length === 0) break;
    index.put(records);
    after = records[records.length - 1]!.id;
    post({ type: 'progress', indexed: index.size, total: Math.max(total, index.size) });
    await yieldToQueries();
  }
  complete = true;
  post({ type: 'progress', indexed: index.size, total: index.size });
}

/** Adds documents the index lacks, drops ones no longer stored, re-reads changed ones. */
async function sync(changed: Set<string>): Promise<void> {
  const stored = new Set((await db!.documents.toCollection().primaryKeys()) as string[]);
  index.remove(index.ids().filter((id) => !stored.has(id)));
  const wanted = [...stored].filter((id) => !index.has(id) || changed.has(id));
  for (let i = 0; i < wanted.length; i += PAGE) {
    index.put(await store!.searchRecordsFor(wanted.slice(i, i + PAGE)));
    await yieldToQueries();
  }
  post({ type: 'progress', indexed: index.size, total: index.size });
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  try {
    switch (m.type) {
      case 'init':
        db = new FactmarkDatabase(m.dbName);
        store = new LibraryStore(db);
        syncing = build().catch(fail);
        break;
      case 'sync':
        for (const id of m.changed ?? []) pendingChanged.add(id);
        // chained: one sync at a time, after the first build
        syncing = syncing.then(() => {
          const changed = pendingChanged;
          pendingChanged = new Set();
          return complete ? sync(changed) : undefined;
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
  } catch (e) {
    fail(e);
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
    const { ids, total } = index.searchTop(q.query, q.limit);
    post({ type: 'result', seq: q.seq, query: q.query, ids, total, complete });
  } catch (e) {
    fail(e);
  }
}

function fail(e: unknown): void {
  post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
}
