import { describe, expect, it } from 'vitest';
import { compareReadingOrder } from './annotation.ts';
import { OpHistory, applyInOrder, applyOpToList, applyOpsToList, inverseOp, opsOf, type AnnotationOp, type HistoryOp } from './history.ts';
import type { Annotation } from './model.ts';

const a: Annotation = {
  id: '1', documentId: 'd', annotator: 'Ana', label: 'claim', start: 0, end: 3, quote: 'abc', prefix: '', suffix: '',
  createdAt: 't', updatedAt: 't',
};

describe('OpHistory', () => {
  it('undoes with the inverse and redoes the original', () => {
    const h = new OpHistory();
    h.record({ kind: 'create', annotation: a });
    expect(h.peekUndo()).toEqual({ kind: 'delete', annotation: a });
    h.commitUndo();
    expect(h.canUndo).toBe(false);
    expect(h.peekRedo()).toEqual({ kind: 'create', annotation: a });
    h.commitRedo();
    expect(h.canRedo).toBe(false);
    expect(h.canUndo).toBe(true);
  });

  it('clears redo when a new operation is recorded', () => {
    const h = new OpHistory();
    h.record({ kind: 'create', annotation: a });
    h.commitUndo();
    h.record({ kind: 'delete', annotation: a });
    expect(h.canRedo).toBe(false);
  });

  it('inverts an update by swapping before and after', () => {
    const b = { ...a, label: 'denial' as const };
    expect(inverseOp({ kind: 'update', before: a, after: b })).toEqual({ kind: 'update', before: b, after: a });
  });

  it('forgets the oldest operations past its limit', () => {
    const h = new OpHistory(2);
    for (let i = 0; i < 3; i++) h.record({ kind: 'create', annotation: { ...a, id: String(i) } });
    h.commitUndo();
    h.commitUndo();
    expect(h.canUndo).toBe(false);
  });
});

describe('applyOpToList', () => {
  const order = (x: Annotation, y: Annotation) => x.start - y.start;
  const b = { ...a, id: '2', start: 5, end: 8 };

  it('inserts in order, replaces on update and removes on delete', () => {
    let list = applyOpToList([b], { kind: 'create', annotation: a }, order);
    expect(list.map((x) => x.id)).toEqual(['1', '2']);
    list = applyOpToList(list, { kind: 'update', before: a, after: { ...a, start: 9, end: 10 } }, order);
    expect(list.map((x) => x.id)).toEqual(['2', '1']);
    list = applyOpToList(list, { kind: 'delete', annotation: b }, order);
    expect(list.map((x) => x.id)).toEqual(['1']);
  });

  it('never duplicates an annotation created twice', () => {
    expect(applyOpToList([a], { kind: 'create', annotation: a }, order)).toHaveLength(1);
  });
});

describe('batch operations', () => {
  const order = (x: Annotation, y: Annotation) => x.start - y.start;
  const b = { ...a, id: '2', start: 5, end: 8 };
  const c = { ...a, id: '3', start: 10, end: 12 };
  const tagAll: HistoryOp = { kind: 'batch', ops: [{ kind: 'create', annotation: a }, { kind: 'create', annotation: c }] };

  it('inverts a batch into the inverses of its operations, last first', () => {
    const relabel: HistoryOp = { kind: 'batch', ops: [{ kind: 'create', annotation: a }, { kind: 'update', before: a, after: { ...a, label: 'denial' } }] };
    expect(inverseOp(relabel)).toEqual({
      kind: 'batch',
      ops: [{ kind: 'update', before: { ...a, label: 'denial' }, after: a }, { kind: 'delete', annotation: a }],
    });
    expect(inverseOp(inverseOp(tagAll))).toEqual(tagAll);
    expect(opsOf(tagAll)).toHaveLength(2);
    expect(opsOf({ kind: 'delete', annotation: a })).toEqual([{ kind: 'delete', annotation: a }]);
  });

  it('is one step of the history: one undo takes all of it back, one redo brings all of it', () => {
    const h = new OpHistory();
    h.record({ kind: 'create', annotation: b });
    h.record(tagAll);
    expect(h.peekUndo()).toEqual({ kind: 'batch', ops: [{ kind: 'delete', annotation: c }, { kind: 'delete', annotation: a }] });
    h.commitUndo();
    expect(h.peekRedo()).toEqual(tagAll);
    expect(h.peekUndo()).toEqual({ kind: 'delete', annotation: b });
    h.commitRedo();
    expect(h.peekUndo()?.kind).toBe('batch');
  });

  it('applies a batch to a list in one pass: in order, unchanged objects kept, last operation on an id wins', () => {
    let list = applyOpsToList([b], opsOf(tagAll), order);
    expect(list.map((x) => x.id)).toEqual(['1', '2', '3']);
    expect(list[1]).toBe(b);
    list = applyOpsToList(list, opsOf(inverseOp(tagAll)), order);
    expect(list).toEqual([b]);
    const moved = { ...a, start: 20, end: 21 };
    list = applyOpsToList([b], [{ kind: 'create', annotation: a }, { kind: 'update', before: a, after: moved }, { kind: 'update', before: c, after: c }], order);
    expect(list.map((x) => [x.id, x.start])).toEqual([['2', 5], ['1', 20]]);
    expect(applyOpsToList([a, b], [{ kind: 'delete', annotation: a }, { kind: 'delete', annotation: b }], order)).toEqual([]);
  });
});

describe('applyInOrder', () => {
  // a deterministic generator: spans that often share a start or an end, so the tie-breaks of reading order matter
  function prng(seed: number) {
    return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  }
  const make = (rand: () => number, id: number): Annotation => {
    const start = Math.floor(rand() * 30);
    return { ...a, id: `id${id}`, start, end: start + 1 + Math.floor(rand() * 5), createdAt: `t${Math.floor(rand() * 3)}`, label: rand() < 0.5 ? 'claim' : 'denial' };
  };

  it('gives the list applyOpToList gives in reading order, keeping unchanged objects, for random creates, updates and deletes', () => {
    const rand = prng(42);
    let fast: Annotation[] = [];
    let slow: Annotation[] = [];
    for (let step = 0; step < 2000; step++) {
      const pick = fast[Math.floor(rand() * fast.length)];
      const r = rand();
      const op: AnnotationOp =
        !pick || r < 0.4
          ? { kind: 'create', annotation: make(rand, step) }
          : r < 0.7
            ? { kind: 'update', before: pick, after: { ...pick, ...(rand() < 0.5 ? { label: 'unverified' } : { start: pick.start + 1, end: pick.end + 2 }), updatedAt: `u${step}` } }
            : { kind: 'delete', annotation: pick };
      const before = fast;
      fast = applyInOrder(fast, op);
      slow = applyOpToList(slow, op, compareReadingOrder);
      expect(fast).toEqual(slow);
      // every object not changed by the operation is the same object as before (the painter relies on it)
      const changedId = op.kind === 'update' ? op.after.id : op.annotation.id;
      const kept = new Set(before);
      expect(fast.filter((x) => x.id !== changedId).every((x) => kept.has(x))).toBe(true);
    }
    expect(fast.length).toBeGreaterThan(100);
  });

  it('finds the entry to replace even when the operation carries an out-of-date copy of it', () => {
    const b = { ...a, id: '2', start: 5, end: 8 };
    const stale = { ...a, start: 20, end: 21 }; // not where `a` sorts in the list
    expect(applyInOrder([a, b], { kind: 'delete', annotation: stale })).toEqual([b]);
  });
});
