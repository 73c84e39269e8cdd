import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { compareReadingOrder, makeAnnotation } from '../../shared/annotation.ts';
import { OpHistory, applyInOrder, applyOpsToList, type AnnotationOp, type HistoryOp } from '../../shared/history.ts';
import type { Label } from '../../shared/labels.ts';
import type { Annotation, FmDocument } from '../../shared/model.ts';
import type { Span } from '../../shared/anchoring/snap.ts';
import type { Repository } from '../db/repository.ts';
import { orphanQueueId } from '../../shared/anchoring/orphans.ts';
import { splitOp } from './orphans/splitOp.ts';
import { getLabelsRevision } from '../labels/labelStore.ts';
import { FIRST_SCREEN_CHARS, firstReadOf, forgetPrefetch } from './firstScreenRead.ts';
import { QUIET_MS, whenIdle } from '../components/lazyPart.tsx';
import { framePainted } from '../components/framePainted.ts';

export interface AnnotationSession {
  /** The list as React last rendered it (it follows a commit as a transition): for rendering. */
  annotations: Annotation[];
  /** The list as committed, at once: for event handlers. */
  latest(): readonly Annotation[];
  /** Annotations that did not re-anchor to this version (Orphans queue); never painted. update/remove take them too. */
  orphans: Annotation[];
  loaded: boolean;
  /** Why the article's annotations could not be read, if they could not. */
  loadError: unknown;
  tag(span: Span, label: Label): Promise<Annotation>;
  /** Tags several spans as one undoable step (one transaction: all of them or none). */
  tagMany(spans: readonly Span[], label: Label): Promise<Annotation[]>;
  relabel(annotation: Annotation, label: Label): Promise<void>;
  /** Replaces an annotation's details (note, source, confidence, evidence, link) as one undoable update. */
  update(before: Annotation, after: Annotation): Promise<void>;
  remove(annotation: Annotation): Promise<void>;
  /** Undo and redo resolve to the operation applied, or null when there was nothing to do. */
  undo(): Promise<HistoryOp | null>;
  redo(): Promise<HistoryOp | null>;
}

/**
 * The rest of an opened article's annotations (after its first screen, firstScreenRead.ts) and its orphans queue; a
 * heavily annotated article is packed for its next opening (annotationPacks.ts) once the page is quiet.
 */
async function readRest(repo: Repository, documentId: string): Promise<readonly [Annotation[], Annotation[]]> {
  const [rest, queued] = await Promise.all([repo.annotationsToRead(documentId, FIRST_SCREEN_CHARS), repo.annotationsOf(orphanQueueId(documentId))]);
  if (rest.pack) whenIdle(() => void rest.pack!(), { minMs: QUIET_MS });
  return [rest.annotations, queued];
}

/**
 * The article's list after an operation, if it changes it, and the operations on the orphans queue. A batch changes
 * the list once (one sort), however many operations it holds; re-attaching an orphan moves it from one list to the
 * other.
 */
function listsAfter(current: readonly Annotation[], op: HistoryOp): { list?: Annotation[]; orphanOps: AnnotationOp[] } {
  const annotationOps: AnnotationOp[] = [];
  const orphanOps: AnnotationOp[] = [];
  for (const one of op.kind === 'batch' ? op.ops : [op]) {
    const parts = splitOp(one);
    if (parts.annotations) annotationOps.push(parts.annotations);
    if (parts.orphans) orphanOps.push(parts.orphans);
  }
  if (annotationOps.length === 0) return { orphanOps };
  const list = op.kind === 'batch' ? applyOpsToList(current, annotationOps, compareReadingOrder) : applyInOrder(current, annotationOps[0]!);
  return { list, orphanOps };
}

/**
 * One history per document, for the life of the window — until a label is removed: that relabels or deletes
 * annotations in bulk outside any history, so earlier steps could bring back a label that is gone; all are dropped.
 */
const histories = new Map<string, OpHistory>();
let historiesRevision = getLabelsRevision();

function historyOf(documentId: string): OpHistory {
  if (historiesRevision !== getLabelsRevision()) {
    histories.clear();
    historiesRevision = getLabelsRevision();
  }
  const history = histories.get(documentId) ?? new OpHistory();
  histories.set(documentId, history);
  return history;
}

/**
 * The annotations of the open document. Every operation is written to the database in one transaction; the reader
 * paints its result at once, as the transaction is sent, and puts the highlights back if the write fails (the caller
 * announces why). Everything else — the list the panel shows, the counts, the undo history — changes only once the
 * write is committed, so what it lists is what is stored. Operations run one after another.
 */
export function useAnnotationSession(
  repo: Repository,
  doc: FmDocument,
  annotator: string,
  onChanged: () => void,
  /**
   * Called with the article's list as a change to it is sent (the reader paints it at once, ahead of React), and with
   * the list as stored if the write fails.
   */
  paintList?: (annotations: readonly Annotation[]) => void,
  /** The rest of the annotations (after the first screen's) is read once this is given: at once if absent. */
  restAfter?: Promise<void>,
): AnnotationSession {
  // the first screen's annotations, read as the article was chosen: the reader starts with them
  const [firstRead] = useState(() => firstReadOf(repo, doc.id));
  const [annotations, setAnnotations] = useState<Annotation[]>(() => firstRead.head ?? []);
  const latest = useRef<Annotation[]>(annotations);
  const paintRef = useRef(paintList);
  paintRef.current = paintList;
  const [orphans, setOrphans] = useState<Annotation[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const history = historyOf(doc.id);

  useEffect(() => {
    let live = true;
    setLoaded(false);
    // the read made for the first render, unless the hook has since been given another article
    const read = firstRead.documentId === doc.id ? firstRead : firstReadOf(repo, doc.id);
    forgetPrefetch(doc.id);
    const whole = read.first.then(async (head) => {
      if (!live) return;
      latest.current = head;
      setAnnotations(head);
      await restAfter;
      const [tail, queued] = await readRest(repo, doc.id);
      if (!live) return;
      // both in reading order, every start of `tail` after every start of `head`; head's objects are kept, so the
      // painter does not paint them again
      latest.current = tail.length ? head.concat(tail) : head;
      setAnnotations(latest.current);
      setOrphans(queued);
      setLoaded(true);
    });
    whole.catch((error: unknown) => live && setLoadError(error));
    // operations wait for the whole list: they change it, and the list shown must be the database's
    queue.current = whole.catch(() => undefined);
    return () => {
      live = false;
    };
    // firstRead belongs to the first render; a later article gets its own read above
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repo, doc.id]);

  const run = useCallback(
    <T,>(task: () => Promise<T>): Promise<T> => {
      const next = queue.current.then(task, task);
      queue.current = next.catch(() => undefined);
      return next;
    },
    [],
  );

  const commit = useCallback(
    async (op: HistoryOp) => {
      // the reader paints the result at once, in the frame after the key press, while the transaction is on its way
      // (its commit takes a few milliseconds, the frame would wait for it); if the write fails the highlights go back
      const { list, orphanOps } = listsAfter(latest.current, op);
      const written = repo.apply(op);
      if (list) paintRef.current?.(list);
      const painted = list ? framePainted() : null;
      try {
        await written;
      } catch (error) {
        if (list) paintRef.current?.(latest.current);
        throw error;
      }
      // the rest of the view (this list as React state, the panel, the counts, what the caller does next) follows once
      // the highlight is on screen, not in the way of that frame
      await painted;
      if (list) {
        latest.current = list;
        // the reader has this very list painted already
        startTransition(() => setAnnotations(list));
      }
      if (orphanOps.length) setOrphans((queued) => applyOpsToList(queued, orphanOps, compareReadingOrder));
      onChanged();
    },
    [repo, onChanged],
  );

  /** A new operation: committed, then recorded for undo. */
  const perform = (op: HistoryOp) =>
    run(async () => {
      await commit(op);
      history.record(op);
    });

  /** Undo or redo: applies what the history offers, then moves it across. */
  const replay = (peek: () => HistoryOp | undefined, done: () => void) =>
    run(async () => {
      const op = peek();
      if (!op) return null;
      await commit(op);
      done();
      return op;
    });

  const now = () => new Date().toISOString();

  return {
    annotations,
    latest: () => latest.current,
    orphans,
    loaded,
    loadError,
    async tag(span, label) {
      const annotation = makeAnnotation(doc.text, { documentId: doc.id, annotator, label, ...span }, now());
      await perform({ kind: 'create', annotation });
      return annotation;
    },
    async tagMany(spans, label) {
      const at = now();
      const created = spans.map((span) => makeAnnotation(doc.text, { documentId: doc.id, annotator, label, ...span }, at));
      if (created.length) await perform({ kind: 'batch', ops: created.map((annotation) => ({ kind: 'create', annotation })) });
      return created;
    },
    async relabel(annotation, label) {
      if (annotation.label !== label) await perform({ kind: 'update', before: annotation, after: { ...annotation, label, updatedAt: now() } });
    },
    update: (before, after) => perform({ kind: 'update', before, after }),
    remove: (annotation) => perform({ kind: 'delete', annotation }),
    undo: () => replay(() => history.peekUndo(), () => history.commitUndo()),
    redo: () => replay(() => history.peekRedo(), () => history.commitRedo()),
  };
}
