import { describe, expect, it } from 'vitest';
import type { Dataset } from '../model.ts';
import { agreementReport, cohenKappa, CSV_COLUMNS, formatReportText, krippendorffAlpha, reportToCsv, tokenAgreement } from './index.ts';
import { ann, doc, PORT_ALPHA, PORT_FLEISS, PORT_KAPPA, PORT_TEXT, portAnnotations } from './test-fixtures.ts';

const AGREED_TEXT = 'The ministry denied the report on Monday.';
const dataset: Dataset = {
  documents: [doc('d1', PORT_TEXT, 'Port attack'), doc('d2', AGREED_TEXT, 'Ministry denial'), doc('d3', 'Only one analyst read this.', 'Solo')],
  annotations: [
    ...portAnnotations('d1'),
    // d2: A, B and C agree exactly.
    ann('d2', 'A', 'denial', 4, 23),
    ann('d2', 'B', 'denial', 4, 23),
    ann('d2', 'C', 'denial', 4, 23),
    ann('d3', 'A', 'claim', 0, 8),
    ann('gone', 'A', 'claim', 0, 3),
    ann('d1', 'B', 'claim', 50, 40),
  ],
};

describe('agreementReport', () => {
  const r = agreementReport(dataset);

  it('reports per article, with documents under 2 annotators not compared, and ranks the worst first', () => {
    expect(r.annotators).toEqual(['A', 'B', 'C']);
    expect(r.overall).toMatchObject({ documents: 3, documentsCompared: 2 });
    const [d1, d2, d3] = r.perArticle;
    expect(d1).toMatchObject({ documentId: 'd1', annotators: ['A', 'B'], tokens: 9, rank: 1 });
    expect(d1!.tokenAlpha).toBeCloseTo(PORT_ALPHA, 12);
    expect(d1!.tokenFleissKappa).toBeCloseTo(PORT_FLEISS, 12);
    expect(d2).toMatchObject({ documentId: 'd2', annotators: ['A', 'B', 'C'], tokenAlpha: 1, tokenFleissKappa: 1, spanExactF1: 1, rank: 2 });
    expect(d3).toMatchObject({ documentId: 'd3', annotators: ['A'], tokens: null, tokenAlpha: null, rank: null });
    expect(r.ranking).toEqual(['d1', 'd2']);
  });

  it('gives per-pair token κ over the documents both annotated', () => {
    const ab = r.perPair.find((p) => p.annotators.join() === 'A,B')!;
    expect(ab.documents).toBe(2);
    const d1 = tokenAgreement(PORT_TEXT, portAnnotations('d1'), ['A', 'B']);
    const d2 = tokenAgreement(AGREED_TEXT, dataset.annotations.filter((a) => a.documentId === 'd2'), ['A', 'B']);
    const a = [...d1.categories.A!, ...d2.categories.A!];
    const b = [...d1.categories.B!, ...d2.categories.B!];
    expect(ab.tokens).toBe(a.length);
    expect(ab.tokenCohenKappa).toBeCloseTo(cohenKappa(a, b), 12);
    expect(ab.tokenCohenKappa).not.toBeCloseTo(PORT_KAPPA, 3);
    const ac = r.perPair.find((p) => p.annotators.join() === 'A,C')!;
    expect(ac).toMatchObject({ documents: 1, tokenCohenKappa: 1 });
  });

  it("computes Fleiss' κ only where every annotator is present and α with absent annotators as missing", () => {
    expect(r.overall).toMatchObject({ fleissDocuments: 1, tokenFleissKappa: 1 });
    // α over d1 (A, B) and d2 (A, B, C), from the same categories with C missing on d1.
    const d1 = tokenAgreement(PORT_TEXT, portAnnotations('d1'), ['A', 'B']);
    const d2 = tokenAgreement(AGREED_TEXT, dataset.annotations.filter((a) => a.documentId === 'd2'), ['A', 'B', 'C']);
    const missing = d1.tokens.map(() => null);
    const rows = ['A', 'B', 'C'].map((x) => [...(d1.categories[x] ?? missing), ...d2.categories[x]!]);
    expect(r.overall.tokenAlpha).toBeCloseTo(krippendorffAlpha(rows, 'nominal'), 12);
  });

  it('gives span scores per pair and per label', () => {
    const ab = r.perPair.find((p) => p.annotators.join() === 'A,B')!;
    // d1: no exact match, both claims and both denials overlap; d2: one exact denial.
    expect(ab.spanExact.micro).toMatchObject({ truePositives: 1, reference: 3, predicted: 3 });
    expect(ab.spanOverlap.micro).toMatchObject({ truePositives: 3, f1: 1 });
    const denial = r.perLabel.find((l) => l.label === 'denial')!;
    expect(denial.annotations).toEqual({ A: 2, B: 2, C: 1 });
    expect(denial.spanOverlapF1).toBe(1);
  });

  it('counts annotations it had to skip, and says why', () => {
    expect(r.skipped).toEqual({ noSuchDocument: 1, invalidSpanOrLabel: 1 });
  });

  it('is JSON-serialisable without loss (no NaN)', () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('filters documents and annotators, and rejects unknown document ids', () => {
    const only = agreementReport(dataset, { documentIds: ['d2'], annotators: ['B', 'A'] });
    expect(only.annotators).toEqual(['B', 'A']);
    expect(only.perPair.map((p) => p.annotators)).toEqual([['B', 'A']]);
    expect(only.perArticle.map((a) => a.documentId)).toEqual(['d2']);
    expect(() => agreementReport(dataset, { documentIds: ['nope'] })).toThrow(/No such document in the dataset: nope/);
  });

  it('reports nothing comparable for an empty dataset', () => {
    const empty = agreementReport({ documents: [], annotations: [] });
    expect(empty.overall).toMatchObject({ documents: 0, tokenAlpha: null, tokenFleissKappa: null, spanExactF1: null });
    expect(formatReportText(empty)).toContain('0 documents');
  });
});

describe('report exports', () => {
  const r = agreementReport(dataset);

  it('CSV: one figure per row, quoted where needed, empty for undefined', () => {
    const csv = reportToCsv(r);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toContain(`article,d1,Port attack,,,,token_alpha_nominal,${PORT_ALPHA}`);
    expect(lines).toContain('article,d3,Solo,,,,token_alpha_nominal,');
    expect(lines).toContain('pair,,,,A,B,documents,2');
    expect(lines.every((l) => l.split(',').length >= CSV_COLUMNS.length)).toBe(true);
    const quoted = reportToCsv(agreementReport({ ...dataset, documents: [doc('d1', PORT_TEXT, 'Port, "attack"'), ...dataset.documents.slice(1)] }));
    expect(quoted).toContain('article,d1,"Port, ""attack""",,,,rank,1');
  });

  it('text: readable tables with the worst article first', () => {
    const text = formatReportText(r);
    expect(text).toContain("Krippendorff's alpha (tokens, nominal)");
    expect(text).toMatch(/Articles, worst first \(2 of 2 compared\)/);
    const worst = text.split('\n').findIndex((l) => l.includes('Port attack'));
    const next = text.split('\n').findIndex((l) => l.includes('Ministry denial'));
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThan(next);
    expect(text).toContain(PORT_ALPHA.toFixed(3));
    expect(text).toContain('1 document(s) not compared');
    expect(text).toContain('Skipped annotations: 1 for documents not in the dataset, 1 with an invalid span or label.');
  });
});
