/**
 * Facts the library reads at every open, derived from the stored records and kept up to date by the database itself
 * (a Dexie DBCore middleware), in the same IndexedDB transaction as the write they follow. No caller maintains them,
 * so no write path (tagging, undo, imports, review packages, label removal, carrying to a version, delete forever,
 * or one added later) can forget to.
 *
 * - `labelCounts`: per document id, how many annotations carry each label. The library lists 100,000 articles with
 *   their counts from these records instead of a pass over every annotation.
 * - `titleKey` on each document record: the folded title. The `[createdAt+titleKey+id]` index is the library's
 *   order, so its first rows are a bounded read.
 * - `libraryStats`: how many documents are stored (the trash included), for the table's row count before the whole
 *   list is read: IndexedDB's count() walks every record (~0.7 s at 100,000).
 * - `textHeads`: the head of each long text (textHeads.ts), which the reader shows before the whole text is read.
 * - `rev` on each labelCounts record: the revision of a document's annotations, which tells whether a list of them
 *   read earlier is still what is stored; and `packChanges`: every write of a packed document's annotations since
 *   its pack (annotationPacks.ts).
 */
import Dexie, { type DBCore, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreRangeType, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import type { Annotation } from '../../shared/model.ts';
import type { LabelCounts } from '../../shared/labels.ts';
import { fold } from '../../shared/text/fold.ts';
import type { TextRecord } from './database.ts';
import { CHANGES_TABLE, changesOf, PACKS_TABLE, type PackChangeRecord } from './annotationPacks.ts';
import { HEADS_TABLE, headOf, type TextHeadRecord } from './textHeads.ts';

/** One record of the labelCounts table: only labels with a count; no record means no annotations. */
export interface LabelCountRecord {
  id: string;
  counts: LabelCounts;
  /**
   * The revision of the document's annotations: one more with every write of them (absent: none since version 5).
   * A pack is written only at the revision its list was read at (annotationPacks.ts).
   */
  rev?: number;
  /** The document's annotations are packed: every write of them is noted in packChanges (annotationPacks.ts). */
  packed?: true;
}

export const COUNTS_TABLE = 'labelCounts';

/** The libraryStats record of the number of documents stored. */
export interface DocumentTotalRecord {
  id: 'documents';
  total: number;
}

export const STATS_TABLE = 'libraryStats';
export const DOCUMENT_TOTAL = 'documents';

/** The library's order within articles added at the same moment: case, accents and punctuation do not count. */
export function titleKey(title: string): string {
  return fold(title)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

type Delta = Map<string, Map<string, number>>;

function count(delta: Delta, a: Pick<Annotation, 'documentId' | 'label'> | undefined, by: number): void {
  if (!a) return;
  let d = delta.get(a.documentId);
  if (!d) delta.set(a.documentId, (d = new Map()));
  d.set(a.label, (d.get(a.label) ?? 0) + by);
}

/**
 * Every step below chains on Dexie.Promise, not native await: the layers under this one (hooks, cache) read the
 * current Dexie transaction from Dexie's zone, which a native await would lose between the steps of one write.
 */
const then = <T, R>(p: PromiseLike<T> | T, f: (v: T) => R | PromiseLike<R>): Promise<R> => Dexie.Promise.resolve(p).then(f) as unknown as Promise<R>;

/** The documents of the annotations a write writes. */
function writtenDocuments(req: DBCoreMutateRequest): string[] {
  return req.type === 'add' || req.type === 'put' ? [...new Set((req.values as Annotation[]).map((v) => v.documentId))] : [];
}

/**
 * The stored counts of every document whose counts a write of annotations may change: those of the records written
 * (read at once, beside the read of the records replaced) and of the records replaced (usually the same documents;
 * an orphan re-attached or a delete by key adds others, read once those records are in).
 */
function countsFor(counts: DBCoreTable, req: DBCoreMutateRequest, before: Promise<(Annotation | undefined)[]>): Promise<Map<string, LabelCountRecord | undefined>> {
  const early = readCounts(counts, req.trans, writtenDocuments(req));
  return then(before, (prior) =>
    then(early, (got) => {
      const missing = [...new Set(prior.flatMap((a) => (a && !got.has(a.documentId) ? [a.documentId] : [])))];
      return missing.length ? then(readCounts(counts, req.trans, missing), (more) => new Map([...got, ...more])) : got;
    }),
  );
}

/** The stored counts of these documents, by id. */
function readCounts(counts: DBCoreTable, trans: DBCoreTransaction, ids: string[]): Promise<Map<string, LabelCountRecord | undefined>> {
  if (!ids.length) return Dexie.Promise.resolve(new Map()) as unknown as Promise<Map<string, LabelCountRecord | undefined>>;
  return then(counts.getMany({ trans, keys: ids }), (stored: (LabelCountRecord | undefined)[]) => new Map(ids.map((id, i) => [id, stored[i]])));
}

/** The tables of packs and their changes, or none before version 5. */
interface PackTables {
  packs: DBCoreTable;
  changes: DBCoreTable;
}

/** Every key of one document in the changes table (keyed [documentId+id]). */
const changesOfDocument = (documentId: string): DBCoreKeyRange => ({ type: 2 as DBCoreRangeType, lower: [documentId], lowerOpen: false, upper: [documentId, []], upperOpen: false });

/**
 * Adds `delta` to the stored counts (read beforehand, `stored`), moves each document's revision on, and notes the
 * write's `changes` to packed documents (annotationPacks.ts). A document left with no annotations loses its record,
 * its pack and their changes: its revision starts again at 1, and it is packed afresh.
 */
function applyDelta(counts: DBCoreTable, packing: PackTables | null, trans: DBCoreTransaction, delta: Delta, stored: Map<string, LabelCountRecord | undefined>, packChanges: PackChangeRecord[]): Promise<unknown> | null {
  const put: LabelCountRecord[] = [];
  const gone: string[] = [];
  for (const [id, changes] of delta) {
    const record = stored.get(id);
    const next: LabelCounts = { ...record?.counts };
    for (const [label, by] of changes) {
      const n = (next[label] ?? 0) + by;
      if (n > 0) next[label] = n;
      else delete next[label];
    }
    if (Object.keys(next).length) put.push({ id, counts: next, rev: (record?.rev ?? 0) + 1, ...(record?.packed ? { packed: true as const } : {}) });
    else if (record) gone.push(id);
  }
  // all of it goes out at once (no round trip in between: a tag waits for it); the changes before any range delete
  // of a gone document's changes, which IndexedDB runs after them
  return Dexie.Promise.all([
    packing && packChanges.length ? packing.changes.mutate({ type: 'put', trans, values: packChanges }) : null,
    put.length ? counts.mutate({ type: 'put', trans, values: put }) : null,
    gone.length ? counts.mutate({ type: 'delete', trans, keys: gone }) : null,
    packing && gone.length ? packing.packs.mutate({ type: 'delete', trans, keys: gone }) : null,
    ...(packing ? gone.map((id) => packing.changes.mutate({ type: 'deleteRange', trans, range: changesOfDocument(id) })) : []),
  ]);
}

/** The records a write replaces or removes, read in the same transaction just before it. */
function replaced<T>(table: DBCoreTable, req: DBCoreMutateRequest): Promise<(T | undefined)[]> | (T | undefined)[] {
  switch (req.type) {
    case 'add':
      return []; // an add never replaces: an id already there fails the add
    case 'put':
      return table.getMany({ trans: req.trans, keys: req.keys ?? req.values.map((v: { id: string }) => v.id) });
    case 'delete':
      return table.getMany({ trans: req.trans, keys: req.keys });
    case 'deleteRange':
      return then(table.query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: req.range } }), (r) => r.result);
  }
}

/** What a write did to the counts: the annotations it replaced or removed go, the ones it wrote come. */
function countsDelta(req: DBCoreMutateRequest, before: (Annotation | undefined)[], res: DBCoreMutateResponse): Delta {
  const delta: Delta = new Map();
  const failed = (i: number) => res.failures[i] !== undefined;
  if (req.type === 'add' || req.type === 'put') {
    req.values.forEach((v: Annotation, i) => {
      if (failed(i)) return;
      count(delta, before[i], -1);
      count(delta, v, +1);
    });
  } else {
    before.forEach((a, i) => void (!failed(i) && count(delta, a, -1)));
  }
  return delta;
}

/** How many documents a write added (positive) or removed (negative). */
function totalDelta(req: DBCoreMutateRequest, before: unknown[], res: DBCoreMutateResponse): number {
  const failed = (i: number) => res.failures[i] !== undefined;
  if (req.type === 'add' || req.type === 'put') return req.values.filter((_, i) => !failed(i) && before[i] === undefined).length;
  return -before.filter((d, i) => d !== undefined && !failed(i)).length;
}

function addToTotal(stats: DBCoreTable, trans: DBCoreTransaction, by: number): Promise<unknown> | null {
  if (!by) return null;
  return then(stats.get({ trans, key: DOCUMENT_TOTAL }), (r: DocumentTotalRecord | undefined) =>
    stats.mutate({ type: 'put', trans, values: [{ id: DOCUMENT_TOTAL, total: (r?.total ?? 0) + by } satisfies DocumentTotalRecord] }),
  );
}

/**
 * Whether a write, if it fails at all, fails the whole transaction rather than some of its records: a delete, or a
 * put into a table without unique indexes (nothing to violate). An add can fail record by record (a key already
 * there), and a caller may catch that and commit the rest, so what it derives waits for its answer.
 */
function cannotFailAlone(table: DBCoreTable): (req: DBCoreMutateRequest) => boolean {
  const putsCannotFail = !table.schema.indexes.some((i) => i.unique);
  return (req) => req.type === 'delete' || req.type === 'deleteRange' || (req.type === 'put' && putsCannotFail);
}

/** The answer assumed for a write sent ahead (cannotFailAlone), to derive from before the real one is in. */
const ALL_WRITTEN: DBCoreMutateResponse = { numFailures: 0, failures: {}, lastResult: undefined };

/**
 * The derived writes of one transaction run one after another: each reads what is stored and writes it back, and
 * two of them interleaved (Promise.all inside a transaction) would lose one's change.
 */
const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();

/** What a transaction of one reader operation asks of its derived writes (finishWithDerivedWrites). */
interface Finish {
  /** The articles to mark updated (their `updatedAt`), written beside the counts. */
  articles: string[];
  updatedAt: string;
}

const finishing = new WeakMap<object, Finish>();

/**
 * Asks that the one write of annotations in `trans` (a native transaction: Dexie's `idbtrans`) also mark `articles`
 * updated, and that the transaction be committed as soon as its derived writes are sent. Its caller sends nothing
 * after them. Without this the transaction commits only once the page has taken every answer, and at a key press
 * those answers wait behind the frame that paints the result (committed p50 1.2–1.7 ms later, bench/README.md). Not
 * committed early if the write failed in part, or if a put replaced a record that was not there (the caller's check
 * aborts it then).
 */
export function finishWithDerivedWrites(trans: IDBTransaction, finish: Finish): void {
  finishing.set(trans, finish);
}

/** The records of the articles a finishing write marks updated, read beside the counts. */
function articlesToMark(documents: DBCoreTable, trans: DBCoreTransaction): Promise<{ finish: Finish; records: ({ id: string } | undefined)[] }> | null {
  const finish = finishing.get(trans);
  if (!finish) return null;
  return then(documents.getMany({ trans, keys: finish.articles }), (records: ({ id: string } | undefined)[]) => ({ finish, records }));
}

/** Marks the articles updated (the records as read, no other field changed) and commits, if the write allows it. */
function markAndCommit(
  documents: DBCoreTable,
  trans: DBCoreTransaction,
  marking: { finish: Finish; records: ({ id: string } | undefined)[] },
  req: DBCoreMutateRequest,
  before: unknown[],
  res: DBCoreMutateResponse,
): Promise<unknown> | null {
  const { finish, records } = marking;
  const values = records.flatMap((r) => (r ? [{ ...r, updatedAt: finish.updatedAt }] : []));
  const written = values.length ? documents.mutate({ type: 'put', trans, values }) : null;
  const whole = res.numFailures === 0 && (req.type !== 'put' || before.every((b) => b !== undefined));
  if (whole) (trans as DBCoreTransaction & IDBTransaction).commit?.();
  return written;
}

/**
 * A table whose writes also write what `derive(write, records replaced, response, read)` says, in the same
 * transaction. `read(write, records replaced)` reads what derive needs (the stored counts, say) and is sent out
 * together with the write, not after it: the requests of a tag's transaction go to the database in fewer round trips.
 * With `updatesKeepIt`, a bulkUpdate (which only updates records it has just read, so it adds and removes none)
 * changes nothing derived: it is written as it comes, without reading the records again.
 */
function deriving<T, R>(
  table: DBCoreTable,
  store: string,
  read: (req: DBCoreMutateRequest, before: Promise<(T | undefined)[]>) => Promise<R> | R,
  derive: (req: DBCoreMutateRequest, before: (T | undefined)[], res: DBCoreMutateResponse, read: R) => Promise<unknown> | null,
  updatesKeepIt = false,
): DBCoreTable {
  const sendsAhead = cannotFailAlone(table);
  return {
    ...table,
    mutate(req) {
      const trans = req.trans as DBCoreTransaction & IDBTransaction;
      // only an upgrade step of a version before 3 writes without the table in scope; version 3 derives from scratch
      if (!trans.objectStoreNames.contains(store)) return table.mutate(req);
      if (updatesKeepIt && req.type === 'put' && req.updates !== undefined && !req.upsert) return table.mutate(req);
      const run = () => {
        const prior = Dexie.Promise.resolve(replaced<T>(table, req)) as unknown as Promise<(T | undefined)[]>;
        // read may send its requests before the records replaced are in (what it needs of the write alone)
        const facts = Dexie.Promise.resolve(read(req, prior));
        facts.catch(() => undefined); // if the write fails first, the transaction's failure is the one reported
        // a write that cannot fail alone goes out now, right behind the read of what it replaces, not after its
        // answer: IndexedDB runs a transaction's requests in order, so the read still sees the old records, and a
        // relabel saves a round trip. What it derives assumes it all written; if not, nothing of the transaction stays.
        const ahead = sendsAhead(req) ? table.mutate(req) : null;
        ahead?.catch(() => undefined); // reported below, once the derived write is out
        const checked = (res: DBCoreMutateResponse) => {
          if (res.numFailures) trans.abort();
          return res;
        };
        return then(prior, (before) =>
          then(ahead ? ALL_WRITTEN : table.mutate(req), (res) => then(facts, (r) => then(derive(req, before, res, r), () => (ahead ? then(ahead, checked) : res)))),
        );
      };
      const next = then(queues.get(trans), run);
      queues.set(trans, next.catch(() => undefined));
      return next;
    },
  };
}

/** Document writes: every title's key is set on the record written. */
function withTitleKeys(req: DBCoreMutateRequest): DBCoreMutateRequest {
  if (req.type !== 'add' && req.type !== 'put') return req;
  const values = req.values.map((d: { title?: unknown; titleKey?: string }) => {
    const key = typeof d.title === 'string' ? titleKey(d.title) : '';
    return d.titleKey === key ? d : { ...d, titleKey: key };
  });
  return { ...req, values };
}

/** Every key of a table (DBCore's range over all keys). */
const ALL_KEYS: DBCoreKeyRange = { type: 3 as DBCoreRangeType, lower: -Infinity, lowerOpen: false, upper: [[]], upperOpen: false };

/**
 * Writes the heads of the long texts among `texts`; when they replace texts, removes the head of any that is short
 * now (a long text replaced by a short one). Which heads exist is read as keys first, and only those are deleted:
 * there are few heads (long texts only), while a delete per text written would cost a put of many short texts as
 * much again.
 */
function writeHeads(heads: DBCoreTable, trans: DBCoreTransaction, texts: TextRecord[], replacing: boolean): Promise<unknown> | null {
  const put: TextHeadRecord[] = [];
  const short: string[] = [];
  for (const t of texts) {
    const head = headOf(t);
    if (head) put.push(head);
    else short.push(t.id);
  }
  const written = put.length ? heads.mutate({ type: 'put', trans, values: put }) : null;
  if (!replacing || !short.length) return written;
  const removed = then(heads.query({ trans, values: false, query: { index: heads.schema.primaryKey, range: ALL_KEYS } }), ({ result }) => {
    const have = new Set(result as string[]);
    const gone = short.filter((id) => have.has(id));
    return gone.length ? heads.mutate({ type: 'delete', trans, keys: gone }) : null;
  });
  return then(written, () => removed);
}

/**
 * Text writes also write the texts' heads, and a removed text's head goes with it. A put into `texts` (no unique
 * index) cannot fail alone, so its heads are sent right behind it; an add can fail record by record (an id already
 * there, whose text keeps its head), so its heads follow its answer, for the records written only.
 */
function withHeads(table: DBCoreTable, heads: () => DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(req) {
      const trans = req.trans as DBCoreTransaction & IDBTransaction;
      // an upgrade step of a version before 4 writes texts while there is no table of heads yet
      if (!trans.objectStoreNames.contains(HEADS_TABLE)) return table.mutate(req);
      switch (req.type) {
        case 'add':
          return then(table.mutate(req), (res) =>
            then(writeHeads(heads(), trans, (req.values as TextRecord[]).filter((_, i) => res.failures[i] === undefined), false), () => res),
          );
        case 'put': {
          const written = table.mutate(req);
          return then(writeHeads(heads(), trans, req.values as TextRecord[], true), () => written);
        }
        case 'delete':
        case 'deleteRange': {
          // the heads are keyed as their texts: the same keys or range, in the same transaction
          const written = table.mutate(req);
          return then(heads().mutate(req), () => written);
        }
      }
    },
  };
}

/** The middleware (FactmarkDatabase installs it): counts on annotation writes, title keys and the total on document writes, heads on text writes. */
export const derivedFacts: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'factmark-derived',
  create(core) {
    const down = withTablesKept(core);
    return withTablesKept({
      ...down,
      transaction(stores, mode, options) {
        // every read-write transaction over annotations, documents or texts also writes what is derived from them
        const extra =
          mode !== 'readwrite'
            ? []
            : [...(stores.includes('annotations') ? [COUNTS_TABLE, PACKS_TABLE, CHANGES_TABLE] : []), ...(stores.includes('documents') ? [STATS_TABLE] : []), ...(stores.includes('texts') ? [HEADS_TABLE] : [])];
        const scope = [...stores, ...extra.filter((t) => !stores.includes(t) && down.schema.tables.some((s) => s.name === t))];
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name === 'annotations') {
          // looked up on use: while an older version is upgraded the counts table does not exist yet
          const counts = () => down.table(COUNTS_TABLE);
          // before version 5 there are no packs, and so no changes to note
          const packing = (trans: DBCoreTransaction): PackTables | null =>
            (trans as DBCoreTransaction & IDBTransaction).objectStoreNames.contains(CHANGES_TABLE) ? { packs: down.table(PACKS_TABLE), changes: down.table(CHANGES_TABLE) } : null;
          type Read = [Map<string, LabelCountRecord | undefined>, Awaited<ReturnType<typeof articlesToMark>>];
          return deriving<Annotation, Read>(
            table,
            COUNTS_TABLE,
            (req, before) => Dexie.Promise.all([countsFor(counts(), req, before), articlesToMark(down.table('documents'), req.trans)]) as unknown as Promise<Read>,
            (req, before, res, [stored, marking]) => {
              const failed = (i: number) => res.failures[i] !== undefined;
              const written = req.type === 'add' || req.type === 'put' ? (req.values as Annotation[]) : null;
              const changes = changesOf(written, before, failed, (id) => !!stored.get(id)?.packed);
              const derived = applyDelta(counts(), packing(req.trans), req.trans, countsDelta(req, before, res), stored, changes);
              // the last requests of a finishing transaction: sent together with the counts, then committed
              const marked = marking ? markAndCommit(down.table('documents'), req.trans, marking, req, before, res) : null;
              return Dexie.Promise.all([derived, marked]);
            },
          );
        }
        if (name === 'documents') {
          const counted = deriving<unknown, null>(table, STATS_TABLE, () => null, (req, before, res) => addToTotal(down.table(STATS_TABLE), req.trans, totalDelta(req, before, res)), true);
          return { ...counted, mutate: (req) => counted.mutate(withTitleKeys(req)) };
        }
        if (name === 'texts') return withHeads(table, () => down.table(HEADS_TABLE));
        return table;
      },
    });
  },
};

/**
 * `core` with each table built once. A DBCore stack builds a table anew on every `table(name)`: each middleware wraps
 * the one below, and Dexie's virtual-index layer indexes the schema again. Dexie asks for one per table per
 * transaction, and its hooks layer, and this middleware's counts, once per write: ~0.3–0.5 ms each, measured in a
 * tag before its highlight could be painted. The tables hold no state (the transaction comes with each request), and
 * a new stack (a reopen, an upgrade) comes with a new cache.
 */
function withTablesKept(core: DBCore): DBCore {
  const tables = new Map<string, DBCoreTable>();
  return {
    ...core,
    table(name) {
      let table = tables.get(name);
      if (!table) tables.set(name, (table = core.table(name)));
      return table;
    },
  };
}
