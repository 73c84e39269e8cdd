import { useCallback, useEffect, useRef, useState } from 'react';
import { compareReadingOrder, makeAnnotation } from '../../shared/annotation.ts';
import { OpHistory, applyOpToList, type AnnotationOp } from '../../shared/history.ts';
import type { Label } from '../../shared/labels.ts';
import type { Annotation, FmDocument } from '../../shared/model.ts';
import type { Span } from '../../shared/anchoring/snap.ts';
import type { Repository } from '../db/repository.ts';
import { orphanQueueId } from '../../shared/anchoring/orphans.ts';
import { splitOp } from './orphans/splitOp.ts';

export interface AnnotationSession {
  annotations: Annotation[];
  /** Annotations that did not re-anchor to this version (Orphans queue); never painted. update/remove take them too. */
  orphans: Annotation[];
  loaded: boolean;
  tag(span: Span, label: Label): Promise<Annotation>;
  relabel(annotation: Annotation, label: Label): Promise<void>;
  /** Replaces an annotation's details (note, source, confidence, evidence, link) as one undoable update. */
  update(before: Annotation, after: Annotation): Promise<void>;
  remove(annotation: Annotation): Promise<void>;
  /** Undo and redo resolve to the operation applied, or null when there was nothing to do. */
  undo(): Promise<AnnotationOp | null>;
  redo(): Promise<AnnotationOp | null>;
}

/** One history per document, for the life of the window. */
const histories = new Map<string, OpHistory>();

/**
 * The annotations of the open document. Every operation is written to the database first; the list shown changes
 * only once the write is committed, so whatever is shown survives a crash. Operations run one after another.
 */
export function useAnnotationSession(repo: Repository, doc: FmDocument, annotator: string, onChanged: () => void): AnnotationSession {
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [orphans, setOrphans] = useState<Annotation[]>([]);
  const [loaded, setLoaded] = useState(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const history = histories.get(doc.id) ?? new OpHistory();
  histories.set(doc.id, history);

  useEffect(() => {
    let live = true;
    setLoaded(false);
    Promise.all([repo.annotationsOf(doc.id), repo.annotationsOf(orphanQueueId(doc.id))]).then(([list, queued]) => {
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

  const commit = useCallback(
    async (op: AnnotationOp) => {
      await repo.apply(op);
      // re-attaching an orphan moves it from one list to the other
      const parts = splitOp(op);
      if (parts.annotations) setAnnotations((list) => applyOpToList(list, parts.annotations!, compareReadingOrder));
      if (parts.orphans) setOrphans((list) => applyOpToList(list, parts.orphans!, compareReadingOrder));
      onChanged();
    },
    [repo, onChanged],
  );

  /** A new operation: committed, then recorded for undo. */
  const perform = (op: AnnotationOp) =>
    run(async () => {
      await commit(op);
      history.record(op);
    });

  /** Undo or redo: applies what the history offers, then moves it across. */
  const replay = (peek: () => AnnotationOp | undefined, done: () => void) =>
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
    async relabel(annotation, label) {
      if (annotation.label !== label) await perform({ kind: 'update', before: annotation, after: { ...annotation, label, updatedAt: now() } });
    },
    update: (before, after) => perform({ kind: 'update', before, after }),
    remove: (annotation) => perform({ kind: 'delete', annotation }),
    undo: () => replay(() => history.peekUndo(), () => history.commitUndo()),
    redo: () => replay(() => history.peekRedo(), () => history.commitRedo()),
  };
}
