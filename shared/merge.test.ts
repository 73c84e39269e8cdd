import { describe, expect, it } from 'vitest';
import { mergeDatasets } from './merge.ts';
import type { Annotation, FmDocument } from './model.ts';

const doc = (id: string, hash: string): FmDocument => ({ id, title: id, text: 'Moscow denied it.', contentHash: hash, source: { kind: 'file' }, createdAt: 't' });
const ann = (id: string, documentId: string, annotator: string): Annotation => ({
  id, documentId, annotator, label: 'denial', start: 0, end: 6, quote: 'Moscow', prefix: '', suffix: ' denied it.', createdAt: 't', updatedAt: 't',
});

describe('mergeDatasets', () => {
  it('matches documents by content hash across sources and points annotations at one document', () => {
    const { dataset, warnings } = mergeDatasets([
      { name: 'ana.jsonl', dataset: { documents: [doc('d1', 'h')], annotations: [ann('a1', 'd1', 'Ana')] } },
      { name: 'bea.jsonl', dataset: { documents: [doc('d2', 'h')], annotations: [ann('b1', 'd2', 'Bea')] } },
    ]);
    expect(dataset.documents.map((d) => d.id)).toEqual(['d1']);
    expect(dataset.annotations.map((a) => [a.id, a.documentId, a.annotator])).toEqual([['a1', 'd1', 'Ana'], ['b1', 'd1', 'Bea']]);
    expect(warnings).toEqual([]);
  });

  it('keeps the same annotator name from two sources apart, with a warning', () => {
    const { dataset, warnings } = mergeDatasets([
      { name: 'laptop.jsonl', dataset: { documents: [doc('d1', 'h')], annotations: [ann('a1', 'd1', 'Ana')] } },
      { name: 'desktop.jsonl', dataset: { documents: [doc('d1', 'h')], annotations: [ann('a2', 'd1', 'Ana')] } },
    ]);
    expect(dataset.annotations.map((a) => a.annotator)).toEqual(['Ana', 'Ana (desktop.jsonl)']);
    expect(warnings[0]).toMatch(/"Ana" is used in both laptop.jsonl and desktop.jsonl/);
  });

  it('keeps both annotations when two sources use one id for different annotations', () => {
    const { dataset, warnings } = mergeDatasets([
      { name: 'x', dataset: { documents: [doc('d1', 'h')], annotations: [ann('same', 'd1', 'Ana')] } },
      { name: 'y', dataset: { documents: [doc('d1', 'h')], annotations: [ann('same', 'd1', 'Bea')] } },
    ]);
    expect(dataset.annotations).toHaveLength(2);
    expect(warnings.some((w) => w.includes('same'))).toBe(true);
  });

  it('the same file twice changes nothing', () => {
    const source = { name: 'ana.jsonl', dataset: { documents: [doc('d1', 'h')], annotations: [ann('a1', 'd1', 'Ana')] } };
    const { dataset } = mergeDatasets([source, source]);
    expect(dataset.annotations).toHaveLength(1);
  });
});
