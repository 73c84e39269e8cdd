import { useCallback, useEffect, useRef, useState } from 'react';
import { compareReadingOrder, makeAnnotation } from '../../shared/annotation.ts';
import { OpHistory, applyOpToList, applyOpsToList, type AnnotationOp, type HistoryOp } from '../../shared/history.ts';
import type { Label } from '../../shared/labels.ts';
import type { Annotation, FmDocument } from '../../shared/model.ts';
import type { Span } from '../../shared/anchoring/snap.ts';
import type { Repository } from '../db/repository.ts';
import { orphanQueueId } from '../../shared/anchoring/orphans.ts';
import { splitOp } from './orphans/splitOp.ts';
import { getLabelsRevision } from '../labels/labelStore.ts';

export interface AnnotationSession {
  annotations: Annotation[];
  /** Annotations that did not re-anchor to this version (Orphans queue); never painted. update/remove take them too. */
  orphans: Annotation[];
  loaded: boolean;
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

type Loaded = Promise<[Annotation[], Annotation[]]>;
const prefetched = new Map<string, { repo: Repository; at: number; loaded: Loaded }>();
/** A prefetch older than this is not trusted to be current (the article was not opened after all). */
const PREFETCH_FRESH_MS = 2000;

function loadAnnotations(repo: Repository, documentId: string): Loaded {
  return Promise.all([repo.annotationsOf(documentId), repo.annotationsOf(orphanQueueId(documentId))]);
}

/**
 * Starts reading an article's annotations as it is chosen, alongside its text: with ten thousand annotations the read
 * takes longer than the text, so starting it only when the reader mounts would delay the highlights.
 */
export function prefetchAnnotations(repo: Repository, documentId: string): void {
  const loaded = loadAnnotations(repo, documentId);
  loaded.catch(() => undefined); // a failure is reported when the session takes it
  prefetched.set(documentId, { repo, at: performance.now(), loaded });
}

function takePrefetched(repo: Repository, documentId: string): Loaded {
  const entry = prefetched.get(documentId);
  prefetched.delete(documentId);
  return entry && entry.repo === repo && performance.now() - entry.at < PREFETCH_FRESH_MS ? entry.loaded : loadAnnotations(repo, documentId);
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
 * only once the write is committed, so whatever is shown survives a crash. Operations run one after another.
 */
export function useAnnotationSession(repo: Repository, doc: FmDocument, annotator: string, onChanged: () => void): AnnotationSession {
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [orphans, setOrphans] = useState<Annotation[]>([]);
  const [loaded, setLoaded] = useState(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const history = historyOf(doc.id);

  useEffect(() => {
    let live = true;
    setLoaded(false);
    takePrefetched(repo, doc.id).then(([list, queued]) => {
      if (!live) return;
      setAnnotations(list);
      setOrphans(queued);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
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
      if (annotationOps.length) setAnnotations((list) => applyOpsToList(list, annotationOps, compareReadingOrder));
      if (orphanOps.length) setOrphans((list) => applyOpsToList(list, orphanOps, compareReadingOrder));
      onChanged();
    },
    [onChanged],
  );

  const commit = useCallback(
    async (op: HistoryOp) => {
      await repo.apply(op);
      if (op.kind === 'batch') return commitBatch(op.ops);
      // re-attaching an orphan moves it from one list to the other
      const parts = splitOp(op);
      if (parts.annotations) setAnnotations((list) => applyInOrder(list, parts.annotations!));
      if (parts.orphans) setOrphans((list) => applyOpToList(list, parts.orphans!, compareReadingOrder));
      onChanged();
    },
    [repo, onChanged, commitBatch],
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
    orphans,
    loaded,
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

/**
 * applyOpToList for the (long) list of the article: the one annotation changed goes to its place by binary search
 * instead of re-sorting ten thousand on every key press. Same result: reading order, unchanged objects kept.
 */
export function applyInOrder(list: readonly Annotation[], op: AnnotationOp): Annotation[] {
  const changed = op.kind === 'update' ? op.after : op.annotation;
  const rest = list.filter((a) => a.id !== changed.id);
  if (op.kind === 'delete') return rest;
  let lo = 0;
  let hi = rest.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareReadingOrder(rest[mid]!, changed) <= 0) lo = mid + 1;
    else hi = mid;
  }
  rest.splice(lo, 0, changed);
  return rest;
}
