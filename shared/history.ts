import type { Annotation } from './model.ts';

/**
 * App-level undo history of annotation operations (not Lexical's editor history: annotations are stand-off records).
 * Each entry is an operation that was committed; undo applies its inverse, redo applies it again.
 */
export type AnnotationOp =
  | { kind: 'create'; annotation: Annotation }
  | { kind: 'delete'; annotation: Annotation }
  | { kind: 'update'; before: Annotation; after: Annotation };

export function inverseOp(op: AnnotationOp): AnnotationOp {
  switch (op.kind) {
    case 'create':
      return { kind: 'delete', annotation: op.annotation };
    case 'delete':
      return { kind: 'create', annotation: op.annotation };
    case 'update':
      return { kind: 'update', before: op.after, after: op.before };
  }
}

export class OpHistory {
  private done: AnnotationOp[] = [];
  private undone: AnnotationOp[] = [];

  constructor(private readonly limit = 500) {}

  /** Records a committed operation; a new operation clears what could be redone. */
  record(op: AnnotationOp): void {
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
  peekUndo(): AnnotationOp | undefined {
    const op = this.done[this.done.length - 1];
    return op && inverseOp(op);
  }

  commitUndo(): void {
    const op = this.done.pop();
    if (op) this.undone.push(op);
  }

  peekRedo(): AnnotationOp | undefined {
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
