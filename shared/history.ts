import { compareReadingOrder } from './annotation.ts';
import type { Annotation } from './model.ts';

/**
 * App-level undo history of annotation operations (not Lexical's editor history: annotations are stand-off records).
 * Each entry is an operation that was committed; undo applies its inverse, redo applies it again.
 */
export type AnnotationOp =
  | { kind: 'create'; annotation: Annotation }
  | { kind: 'delete'; annotation: Annotation }
  | { kind: 'update'; before: Annotation; after: Annotation };

/**
 * Several operations that the user did in one gesture ("Tag all matches as …"): stored in one transaction, undone
 * and redone as one step. Kept flat (no batch inside a batch) so every consumer can walk `ops` once.
 */
export interface BatchOp {
  kind: 'batch';
  ops: AnnotationOp[];
}

/** What the history records and the repository applies: one operation, or a batch of them. */
export type HistoryOp = AnnotationOp | BatchOp;

export function inverseOp(op: AnnotationOp): AnnotationOp;
export function inverseOp(op: HistoryOp): HistoryOp;
export function inverseOp(op: HistoryOp): HistoryOp {
  switch (op.kind) {
    case 'batch':
      // undone last-first, so an op that depends on an earlier one in the batch is undone before it
      return { kind: 'batch', ops: op.ops.map((o) => inverseOp(o)).reverse() };
    case 'create':
      return { kind: 'delete', annotation: op.annotation };
    case 'delete':
      return { kind: 'create', annotation: op.annotation };
    case 'update':
      return { kind: 'update', before: op.after, after: op.before };
  }
}

/** The single operations of an entry, in the order they apply. */
export function opsOf(op: HistoryOp): readonly AnnotationOp[] {
  return op.kind === 'batch' ? op.ops : [op];
}

export class OpHistory {
  private done: HistoryOp[] = [];
  private undone: HistoryOp[] = [];

  constructor(private readonly limit = 500) {}

  /** Records a committed operation; a new operation clears what could be redone. */
  record(op: HistoryOp): void {
    this.done.push(op);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** The operation to apply to undo the last one, or undefined. Call `commitUndo` once it is applied. */
  peekUndo(): HistoryOp | undefined {
    const op = this.done[this.done.length - 1];
    return op && inverseOp(op);
  }

  commitUndo(): void {
    const op = this.done.pop();
    if (op) this.undone.push(op);
  }

  peekRedo(): HistoryOp | undefined {
    return this.undone[this.undone.length - 1];
  }

  commitRedo(): void {
    const op = this.undone.pop();
    if (op) this.done.push(op);
  }
}

/** The annotation list after an operation, kept in reading order: how the reader follows committed changes. */
export function applyOpToList(list: readonly Annotation[], op: AnnotationOp, order: (a: Annotation, b: Annotation) => number): Annotation[] {
  switch (op.kind) {
    case 'create':
      return [...list.filter((a) => a.id !== op.annotation.id), op.annotation].sort(order);
    case 'delete':
      return list.filter((a) => a.id !== op.annotation.id);
    case 'update':
      return list.map((a) => (a.id === op.after.id ? op.after : a)).sort(order);
  }
}

/**
 * applyOpToList for several operations at once (a batch): one pass and one sort instead of a sort per operation, so
 * tagging a few thousand matches does not sort the list a few thousand times.
 */
export function applyOpsToList(list: readonly Annotation[], ops: readonly AnnotationOp[], order: (a: Annotation, b: Annotation) => number): Annotation[] {
  if (ops.length === 1) return applyOpToList(list, ops[0]!, order);
  // the last operation on an id decides: present (with this value) or gone; an update of one that is not in the
  // list changes nothing, as in applyOpToList
  const present = new Set(list.map((a) => a.id));
  const last = new Map<string, Annotation | null>();
  for (const op of ops) {
    if (op.kind === 'create') last.set(op.annotation.id, op.annotation);
    else if (op.kind === 'delete') last.set(op.annotation.id, null);
    else if (last.get(op.after.id) || (!last.has(op.after.id) && present.has(op.after.id))) last.set(op.after.id, op.after);
  }
  const kept = list.filter((a) => !last.has(a.id));
  for (const a of last.values()) if (a) kept.push(a);
  return kept.sort(order);
}

/**
 * applyOpToList in reading order (compareReadingOrder) for a long list, such as an open article's: the annotation changed is found and put in its place by binary
 * search instead of a pass or a sort over ten thousand on every key press. Same result: reading order, unchanged
 * objects kept.
 */
export function applyInOrder(list: readonly Annotation[], op: AnnotationOp): Annotation[] {
  const changed = op.kind === 'update' ? op.after : op.annotation;
  const old = op.kind === 'update' ? op.before : op.annotation;
  const rest = list.slice();
  // the entry it replaces sits where `old` sorts (it is `old`, or equal to it in reading order); else look everywhere
  const at = insertionPoint(rest, old) - 1;
  // a create's id is new (the database refuses an id it holds), so only an update or a delete looks further: a pass
  // over ten thousand ids costs a key press a millisecond
  const index = rest[at]?.id === changed.id ? at : op.kind === 'create' ? -1 : rest.findIndex((a) => a.id === changed.id);
  if (index >= 0) rest.splice(index, 1);
  if (op.kind !== 'delete') rest.splice(insertionPoint(rest, changed), 0, changed);
  return rest;
}

/** Index after the last entry that sorts at or before `a` in reading order. */
function insertionPoint(list: readonly Annotation[], a: Annotation): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareReadingOrder(list[mid]!, a) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
