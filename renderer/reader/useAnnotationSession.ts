import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { compareReadingOrder, makeAnnotation } from '../../shared/annotation.ts';
import { OpHistory, applyInOrder, applyOpToList, applyOpsToList, type AnnotationOp, type HistoryOp } from '../../shared/history.ts';
import type { Label } from '../../shared/labels.ts';
import type { Annotation, FmDocument } from '../../shared/model.ts';
import type { Span } from '../../shared/anchoring/snap.ts';
import type { Repository } from '../db/repository.ts';
import { orphanQueueId } from '../../shared/anchoring/orphans.ts';
import { splitOp } from './orphans/splitOp.ts';
import { getLabelsRevision } from '../labels/labelStore.ts';
import { FIRST_SCREEN_CHARS, firstReadOf, forgetPrefetch } from './firstScreenRead.ts';
import { QUIET_MS, whenIdle } from '../components/lazyPart.tsx';

export interface AnnotationSession {
  /** The list as React last rendered it (it follows a commit as a transition): for rendering. */
  annotations: Annotation[];
  /** The list as committed, at once: for event handlers, and what the reader paints. */
  latest(): readonly Annotation[];
  /** Annotations that did not re-anchor to this version (Orphans queue); never painted. update/remove take them too. */
  orphans: Annotation[];
  loaded: boolean;
  /** Why the article's annotations could not be read, if they could not. */
  loadError: unknown;
  tag(span: Span, label: Label): Promise<Annotation>;
  /** Tags several spans as one undoable step (one transaction: all of them or none). */
  tagMany(spans: readonly Span[], label: Label): Promise<Annotation[]>;
  /** Painted in the reader at once, before the commit (the select already shows it); put back if it is not saved. */
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
 * The annotations of the open document. Every operation is written to the database first; the list shown changes
 * only once the write is committed, so whatever is shown survives a crash. One exception: a relabel is chosen in the
 * panel's Label select, which shows the choice before it is saved, so the reader paints its highlight in that same
 * frame rather than a frame after the commit, and puts it back if the write fails. Operations run one after another.
 */
export function useAnnotationSession(
  repo: Repository,
  doc: FmDocument,
  annotator: string,
  onChanged: () => void,
  /**
   * Called with the article's list the moment a change to it is committed, before React renders it (the reader paints
   * it at once); for a relabel, also as it is sent, and with the committed list again if it fails.
   */
  onCommitted?: (annotations: readonly Annotation[]) => void,
  /** The rest of the annotations (after the first screen's) is read once this is given: at once if absent. */
  restAfter?: Promise<void>,
): AnnotationSession {
  // the first screen's annotations, read as the article was chosen: the reader starts with them
  const [firstRead] = useState(() => firstReadOf(repo, doc.id));
  const [annotations, setAnnotations] = useState<Annotation[]>(() => firstRead.head ?? []);
  const latest = useRef<Annotation[]>(annotations);
  const committed = useRef(onCommitted);
  committed.current = onCommitted;
  /**
   * A committed list: handed to onCommitted at once, and to React as a transition, so the frame that paints a tag is
   * not held up by re-rendering the view around the reader (the panel, the find bar, …).
   */
  const publish = useCallback((list: Annotation[]) => {
    latest.current = list;
    committed.current?.(list);
    startTransition(() => setAnnotations(list));
  }, []);
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

  /** A batch's list updates: each list changes once (one sort), however many operations the batch holds. */
  const commitBatch = useCallback(
    (ops: readonly AnnotationOp[]) => {
      const annotationOps: AnnotationOp[] = [];
      const orphanOps: AnnotationOp[] = [];
      for (const one of ops) {
        const parts = splitOp(one);
        if (parts.annotations) annotationOps.push(parts.annotations);
        if (parts.orphans) orphanOps.push(parts.orphans);
      }
      if (annotationOps.length) publish(applyOpsToList(latest.current, annotationOps, compareReadingOrder));
      if (orphanOps.length) setOrphans((list) => applyOpsToList(list, orphanOps, compareReadingOrder));
      onChanged();
    },
    [onChanged, publish],
  );

  const commit = useCallback(
    async (op: HistoryOp, shownFirst = false) => {
      // a change the user already sees (a relabel, in its select) is painted in the reader at once too, and put back
      // if it cannot be saved
      const shown = shownFirst && op.kind !== 'batch' ? splitOp(op).annotations : undefined;
      if (shown) committed.current?.(applyInOrder(latest.current, shown));
      try {
        await repo.apply(op);
      } catch (error) {
        if (shown) committed.current?.(latest.current);
        throw error;
      }
      if (op.kind === 'batch') return commitBatch(op.ops);
      // re-attaching an orphan moves it from one list to the other
      const parts = splitOp(op);
      if (parts.annotations) publish(applyInOrder(latest.current, parts.annotations));
      if (parts.orphans) setOrphans((list) => applyOpToList(list, parts.orphans!, compareReadingOrder));
      onChanged();
    },
    [repo, onChanged, commitBatch, publish],
  );

  /** A new operation: committed, then recorded for undo. */
  const perform = (op: HistoryOp, shownFirst = false) =>
    run(async () => {
      await commit(op, shownFirst);
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
      if (annotation.label !== label) await perform({ kind: 'update', before: annotation, after: { ...annotation, label, updatedAt: now() } }, true);
    },
    update: (before, after) => perform({ kind: 'update', before, after }),
    remove: (annotation) => perform({ kind: 'delete', annotation }),
    undo: () => replay(() => history.peekUndo(), () => history.commitUndo()),
    redo: () => replay(() => history.peekRedo(), () => history.commitRedo()),
  };
}
