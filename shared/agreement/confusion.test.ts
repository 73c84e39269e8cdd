import { describe, expect, it } from 'vitest';
import type { Dataset } from '../model.ts';
import { agreementReport, formatReportText, reportToCsv, SPAN_CATEGORIES, spanConfusion, type SpanLike } from './index.ts';
import { ann, doc, PORT_TEXT, portAnnotations } from './test-fixtures.ts';

// rows: reference; columns: the other annotator; order claim, denial, unverified, none
describe('span confusion matrix (spans matched by overlap whatever their label)', () => {
  it('counts the label pairs of matched spans and each side’s unmatched spans against none', () => {
    const a: SpanLike[] = [
      { start: 0, end: 10, label: 'claim' },
      { start: 20, end: 30, label: 'unverified' }, // nothing on B's side
      { start: 50, end: 60, label: 'denial' },
    ];
    const b: SpanLike[] = [
      { start: 2, end: 8, label: 'denial' }, // the same stretch as A's claim, another label
      { start: 40, end: 45, label: 'claim' }, // nothing on A's side
      { start: 55, end: 70, label: 'denial' },
    ];
    expect(SPAN_CATEGORIES).toEqual(['claim', 'denial', 'unverified', 'none']);
    expect(spanConfusion(a, b)).toEqual([
      [0, 1, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 1],
      [1, 0, 0, 0],
    ]);
    // swapping the annotators transposes the matrix
    expect(spanConfusion(b, a)).toEqual([
      [0, 0, 0, 1],
      [1, 1, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 1, 0],
    ]);
  });

  it('matches one to one, the largest overlap first', () => {
    const m = spanConfusion([{ start: 0, end: 10, label: 'claim' }], [
      { start: 0, end: 4, label: 'denial' },
      { start: 4, end: 10, label: 'claim' },
    ]);
    expect(m[0]).toEqual([1, 0, 0, 0]);
    expect(m[3]).toEqual([0, 1, 0, 0]);
  });

  it('is all zero for perfect agreement off the diagonal, and empty for no spans', () => {
    const spans: SpanLike[] = [
      { start: 0, end: 5, label: 'claim' },
      { start: 6, end: 9, label: 'unverified' },
    ];
    expect(spanConfusion(spans, spans)).toEqual([
      [1, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 0],
    ]);
    expect(spanConfusion([], []).flat().every((n) => n === 0)).toBe(true);
  });

  it('refuses a label it does not know', () => {
    expect(() => spanConfusion([{ start: 0, end: 1, label: 'rumour' as never }], [])).toThrow(/Unknown label "rumour"/);
  });
});

const TEXT2 = 'The ministry denied the report on Monday.';
const dataset: Dataset = {
  documents: [
    { ...doc('d1', PORT_TEXT, 'Port attack'), collections: ['Ukraine', 'Week 1'] },
    { ...doc('d2', TEXT2, 'Ministry denial'), collections: ['Week 1'] },
    { ...doc('d3', 'Only one analyst read this.', 'Solo'), collections: ['Ukraine'] },
  ],
  annotations: [
    ...portAnnotations('d1'),
    ann('d2', 'A', 'denial', 4, 23),
    ann('d2', 'B', 'claim', 4, 23),
    ann('d2', 'B', 'unverified', 27, 40),
    ann('d3', 'A', 'claim', 0, 8),
  ],
};

describe('agreement report: span confusion, collection scope and per-collection figures', () => {
  const r = agreementReport(dataset);

  it('pools the span confusion of a pair over the documents both annotated', () => {
    const ab = r.perPair.find((p) => p.annotators.join() === 'A,B')!;
    expect(r.spanCategories).toEqual(['claim', 'denial', 'unverified', 'none']);
    // d1: claim↔claim, denial↔denial; d2: A's denial is B's claim, B's unverified has no partner
    expect(ab.spanConfusion).toEqual([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 1, 0],
    ]);
  });

  it('gives figures per collection, each from its own documents', () => {
    expect(r.scope).toEqual({ kind: 'library' });
    expect(r.perCollection.map((c) => c.collection)).toEqual(['Ukraine', 'Week 1']);
    const ukraine = r.perCollection[0]!;
    const week1 = r.perCollection[1]!;
    const d1Only = agreementReport(dataset, { documentIds: ['d1'] });
    // Ukraine: d1 compared, d3 has one annotator
    expect(ukraine).toMatchObject({ documents: 2, documentsCompared: 1, tokens: d1Only.overall.tokens });
    expect(ukraine.tokenAlpha).toBeCloseTo(d1Only.overall.tokenAlpha!, 12);
    expect(ukraine.spanOverlapF1).toBeCloseTo(d1Only.overall.spanOverlapF1!, 12);
    // Week 1 is d1 and d2: the same as the whole library's compared documents
    expect(week1).toMatchObject({ documents: 2, documentsCompared: 2, tokens: r.overall.tokens });
    expect(week1.tokenAlpha).toBeCloseTo(r.overall.tokenAlpha!, 12);
    expect(week1.tokenFleissKappa).toBeCloseTo(r.overall.tokenFleissKappa!, 12);
  });

  it('computes one collection on its own when asked, and says so', () => {
    const week1 = agreementReport(dataset, { collection: 'Week 1' });
    expect(week1.scope).toEqual({ kind: 'collection', collection: 'Week 1' });
    expect(week1.perArticle.map((a) => a.documentId)).toEqual(['d1', 'd2']);
    expect(week1.overall.tokenAlpha).toBeCloseTo(r.perCollection[1]!.tokenAlpha!, 12);
    expect(agreementReport(dataset, { collection: 'Nobody’s' }).overall.documents).toBe(0);
  });

  it('exports the span confusion and the collections in CSV, JSON and text', () => {
    const lines = reportToCsv(r).trimEnd().split('\r\n');
    expect(lines).toContain('pair,,,,A,B,span_confusion_denial_claim,1');
    expect(lines).toContain('pair,,,,A,B,span_confusion_none_unverified,1');
    expect(lines).toContain('collection,,Ukraine,,,,documents_compared,1');
    expect(lines).toContain('overall,,,,,,scope_library,3');
    expect(reportToCsv(agreementReport(dataset, { collection: 'Week 1' }))).toContain('overall,,Week 1,,,,scope_collection,2');
    expect(JSON.parse(JSON.stringify(r)).perPair[0].spanConfusion).toEqual(r.perPair[0]!.spanConfusion);
    const text = formatReportText(r);
    expect(text).toContain('Span labels, A (rows) × B (columns), spans matched by overlap:');
    expect(text).toMatch(/Week 1\s+2\s+2/);
  });
});
