import { describe, expect, it } from 'vitest';
import { findDisagreements } from './index.ts';
import { ann } from './test-fixtures.ts';

describe('findDisagreements', () => {
  const a1 = ann('d', 'A', 'claim', 0, 10, 'a1');
  const b1 = ann('d', 'B', 'claim', 0, 10, 'b1'); // agrees with a1
  const a2 = ann('d', 'A', 'denial', 20, 30, 'a2');
  const b2 = ann('d', 'B', 'claim', 20, 30, 'b2'); // same span, other label
  const a3 = ann('d', 'A', 'claim', 40, 50, 'a3');
  const b3 = ann('d', 'B', 'claim', 42, 55, 'b3'); // same label, other boundaries
  const a4 = ann('d', 'A', 'unverified', 70, 80, 'a4'); // B has nothing here
  const b4 = ann('d', 'B', 'denial', 90, 100, 'b4'); // A has nothing here

  it('finds each kind, in reading order, with the annotations involved', () => {
    const found = findDisagreements([b4, a4, b3, a3, b2, a2, b1, a1], ['A', 'B']);
    expect(found).toEqual([
      { kind: 'label', documentId: 'd', start: 20, end: 30, annotationIds: ['a2', 'b2'], annotators: ['A', 'B'], labels: ['denial', 'claim'] },
      { kind: 'boundary', documentId: 'd', start: 40, end: 55, annotationIds: ['a3', 'b3'], annotators: ['A', 'B'], labels: ['claim'] },
      { kind: 'missing', documentId: 'd', start: 70, end: 80, annotationIds: ['a4'], annotators: ['A'], labels: ['unverified'], missingFrom: ['B'] },
      { kind: 'missing', documentId: 'd', start: 90, end: 100, annotationIds: ['b4'], annotators: ['B'], labels: ['denial'], missingFrom: ['A'] },
    ]);
  });

  it('finds nothing when the layers agree', () => {
    expect(findDisagreements([a1, b1], ['A', 'B'])).toEqual([]);
  });

  it('compares only the layers named', () => {
    const c = ann('d', 'C', 'denial', 0, 10, 'c1');
    expect(findDisagreements([a1, b1, c], ['A', 'B'])).toEqual([]);
    expect(findDisagreements([a1, b1, c], ['A', 'B', 'C']).map((d) => [d.kind, d.annotationIds])).toEqual([['label', ['a1', 'b1', 'c1']]]);
  });

  it('groups overlapping spans missing from the same annotators', () => {
    const x = ann('d', 'A', 'claim', 0, 10, 'x');
    const y = ann('d', 'B', 'claim', 2, 8, 'y');
    expect(findDisagreements([x, y], ['A', 'B', 'C']).map((d) => [d.kind, d.start, d.end, d.annotationIds, d.missingFrom])).toEqual([
      ['boundary', 0, 10, ['x', 'y'], undefined],
      ['missing', 0, 10, ['x', 'y'], ['C']],
    ]);
  });

  it("does not call one annotator's own overlapping spans a boundary disagreement", () => {
    const found = findDisagreements([ann('d', 'A', 'claim', 0, 10, 'p'), ann('d', 'A', 'claim', 5, 15, 'q'), ann('d', 'B', 'denial', 0, 15, 'r')], ['A', 'B']);
    expect(found.map((d) => d.kind)).toEqual([]);
  });
});
