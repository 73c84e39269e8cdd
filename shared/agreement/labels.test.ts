import { describe, expect, it } from 'vitest';
import type { Dataset } from '../model.ts';
import { DEFAULT_LABELS, stubLabel } from '../labels.ts';
import { agreementLabels, agreementReport, cohenKappa, formatReportText, krippendorffAlpha, reportToCsv, spanAgreement, tokenAgreement } from './index.ts';
import { ann, doc, PORT_ALPHA, PORT_FLEISS, PORT_KAPPA, PORT_TEXT, portAnnotations } from './test-fixtures.ts';

/** The port fixture with every denial called a retraction: the same figures under another name. */
const retractions = (id = 'd1') => portAnnotations(id).map((a) => (a.label === 'denial' ? { ...a, label: 'retraction' } : a));

describe('the labels agreement measures', () => {
  it('are the set in its order, then other occurring labels in code-unit order; no duplicates or empty ids', () => {
    expect(agreementLabels(undefined, ['rumour', 'claim', 'Zeta', 'claim', ''])).toEqual(['Zeta', 'claim', 'rumour']);
    expect(agreementLabels([stubLabel('retraction'), 'claim'], ['zz', 'claim', 'aa'])).toEqual(['retraction', 'claim', 'aa', 'zz']);
    expect(agreementLabels(DEFAULT_LABELS, [])).toEqual(['claim', 'denial', 'unverified']);
  });
});

describe('agreement over a custom label', () => {
  it('token κ, α and Fleiss are the worked example’s, whatever the label is called', () => {
    const r = tokenAgreement(PORT_TEXT, retractions(), ['A', 'B'], ['claim', 'retraction']);
    expect(r.categoryOrder).toEqual(['none', 'claim', 'retraction']);
    expect(r.categories.A).toEqual(['claim', 'claim', 'claim', 'claim', 'claim', 'claim', 'retraction', 'retraction', 'retraction']);
    expect(r.pairs[0]!.cohenKappa).toBeCloseTo(PORT_KAPPA, 12);
    expect(r.pairs[0]!.cohenKappa).toBeCloseTo(cohenKappa(r.categories.A!, r.categories.B!), 12);
    expect(r.alpha).toBeCloseTo(PORT_ALPHA, 12);
    expect(r.alpha).toBeCloseTo(krippendorffAlpha([r.categories.A!, r.categories.B!], 'nominal'), 12);
    expect(r.fleissKappa).toBeCloseTo(PORT_FLEISS, 12);
    // without a set the label is still measured: after the default set
    expect(tokenAgreement(PORT_TEXT, retractions(), ['A', 'B']).categoryOrder).toEqual(['none', 'claim', 'denial', 'unverified', 'retraction']);
  });

  it('span P/R/F1 per custom label', () => {
    const [a1, a2, b1, b2] = retractions();
    const s = spanAgreement([a1!, a2!], [b1!, b2!], 'overlap', ['retraction', 'claim']);
    expect(Object.keys(s.perLabel)).toEqual(['retraction', 'claim']);
    expect(s.perLabel.retraction).toMatchObject({ truePositives: 1, reference: 1, predicted: 1, f1: 1 });
  });

  const dataset: Dataset = { documents: [doc('d1', PORT_TEXT, 'Port attack')], annotations: retractions() };

  it('the report measures the labels that occur when the dataset has no set, and skips none of them', () => {
    const r = agreementReport(dataset);
    expect(r.skipped).toEqual({ noSuchDocument: 0, invalidSpanOrLabel: 0 });
    expect(r.labels).toEqual(['claim', 'retraction']);
    expect(r.categories).toEqual(['none', 'claim', 'retraction']);
    expect(r.spanCategories).toEqual(['claim', 'retraction', 'none']);
    expect(r.overall.tokenAlpha).toBeCloseTo(PORT_ALPHA, 12);
    expect(r.perPair[0]!.tokenCohenKappa).toBeCloseTo(PORT_KAPPA, 12);
    const retraction = r.perLabel.find((l) => l.label === 'retraction')!;
    expect(retraction).toMatchObject({ spanOverlapF1: 1, spanExactF1: 0, annotations: { A: 1, B: 1 } });
    expect(r.perPair[0]!.spanConfusion).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
    expect(r.overall.annotations).toEqual({ A: 2, B: 2 });
  });

  it('follows the dataset’s label set (its order, unused labels too), an explicit set before it, strays after it', () => {
    const set = [stubLabel('retraction'), ...DEFAULT_LABELS];
    const r = agreementReport({ ...dataset, labels: set });
    expect(r.labels).toEqual(['retraction', 'claim', 'denial', 'unverified']);
    expect(r.perLabel.map((l) => l.label)).toEqual(r.labels);
    expect(r.perLabel.find((l) => l.label === 'unverified')).toMatchObject({ spanOverlapF1: null, annotations: { A: 0, B: 0 } });
    expect(r.perPair[0]!.confusion).toHaveLength(5);
    const explicit = agreementReport({ ...dataset, labels: set }, { labels: ['claim'] });
    expect(explicit.labels).toEqual(['claim', 'retraction']);
    expect(explicit.overall.tokenAlpha).toBeCloseTo(PORT_ALPHA, 12);
  });

  it('exports carry the custom label: CSV rows per label and pair-label, confusion cells, and the text table', () => {
    const r = agreementReport(dataset);
    const lines = reportToCsv(r).trimEnd().split('\r\n');
    expect(lines).toContain('label,,,retraction,,,span_overlap_f1,1');
    expect(lines).toContain('label,,,retraction,A,,annotations,1');
    expect(lines).toContain('pair-label,,,retraction,A,B,span_overlap_f1,1');
    expect(lines).toContain('pair,,,,A,B,span_confusion_retraction_retraction,1');
    expect(lines.some((l) => l.includes('unverified'))).toBe(false);
    const text = formatReportText(r);
    expect(text).toMatch(/^retraction\s+\S+\s+0\.000\s+1\.000\s+1\s+1$/m);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('takes any id: numbers-as-text and Object.prototype names keep their order and counts', () => {
    const odd = [ann('d', 'A', '2', 0, 4), ann('d', 'B', '2', 0, 4), ann('d', 'A', 'constructor', 5, 9), ann('d', 'B', '10', 5, 9)];
    const r = agreementReport({ documents: [doc('d', 'aaaa bbbb')], annotations: odd, labels: [stubLabel('constructor'), stubLabel('2')] });
    expect(r.labels).toEqual(['constructor', '2', '10']);
    expect(r.perLabel.map((l) => [l.label, l.spanExactF1])).toEqual([
      ['constructor', 0],
      ['2', 1],
      ['10', 0],
    ]);
    expect(Object.keys(r.perPair[0]!.spanExact.perLabel)).toEqual(expect.arrayContaining(['constructor', '2', '10']));
  });
});
