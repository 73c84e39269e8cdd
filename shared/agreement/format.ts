/** The report as flat CSV (one figure per row) and as readable text for the CLI. */
import type { AgreementReport } from './report.ts';
import type { PRF } from './spans.ts';

export const CSV_COLUMNS = ['scope', 'document_id', 'title', 'label', 'annotator_a', 'annotator_b', 'metric', 'value'] as const;

/** RFC 4180 field: quoted when it holds a comma, quote, line break or edge spaces. */
function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Tidy CSV: one row per figure, columns CSV_COLUMNS; an empty value means undefined. Scopes: overall, label, pair,
 * pair-label, collection (its name in the title column), article. Lines end with CRLF (RFC 4180).
 */
export function reportToCsv(report: AgreementReport): string {
  const rows: (string | number | null)[][] = [[...CSV_COLUMNS]];
  const row = (scope: string, doc: { id: string; title: string } | null, label: string, a: string, b: string, metric: string, value: number | null) =>
    rows.push([scope, doc?.id ?? '', doc?.title ?? '', label, a, b, metric, value]);
  /** Rows of one scope and document with no label or annotator, one per [metric, value], in order. */
  const figures = (scope: string, doc: { id: string; title: string } | null, metrics: [string, number | null][]) => {
    for (const [metric, value] of metrics) row(scope, doc, '', '', '', metric, value);
  };
  const o = report.overall;
  // what the figures cover: the collection's name in the title column when the report is for one collection
  row('overall', report.scope.kind === 'collection' ? { id: '', title: report.scope.collection } : null, '', '', '', `scope_${report.scope.kind}`, report.overall.documents);
  figures('overall', null, [
    ['documents', o.documents],
    ['documents_compared', o.documentsCompared],
    ['tokens', o.tokens],
    ['token_alpha_nominal', o.tokenAlpha],
    ['token_fleiss_kappa', o.tokenFleissKappa],
    ['fleiss_documents', o.fleissDocuments],
    ['fleiss_tokens', o.fleissTokens],
    ['token_observed_agreement', o.tokenObservedAgreement],
    ['span_exact_f1', o.spanExactF1],
    ['span_overlap_f1', o.spanOverlapF1],
  ]);
  for (const [a, n] of Object.entries(o.annotations)) row('overall', null, '', a, '', 'annotations', n);
  for (const l of report.perLabel) {
    row('label', null, l.label, '', '', 'token_alpha_nominal', l.tokenAlpha);
    row('label', null, l.label, '', '', 'span_exact_f1', l.spanExactF1);
    row('label', null, l.label, '', '', 'span_overlap_f1', l.spanOverlapF1);
    for (const [a, n] of Object.entries(l.annotations)) row('label', null, l.label, a, '', 'annotations', n);
  }
  const prfRows = (scope: string, label: string, a: string, b: string, mode: string, p: PRF | { precision: number | null; recall: number | null; f1: number | null }) => {
    row(scope, null, label, a, b, `span_${mode}_precision`, p.precision);
    row(scope, null, label, a, b, `span_${mode}_recall`, p.recall);
    row(scope, null, label, a, b, `span_${mode}_f1`, p.f1);
  };
  for (const p of report.perPair) {
    const [a, b] = p.annotators;
    row('pair', null, '', a, b, 'documents', p.documents);
    row('pair', null, '', a, b, 'tokens', p.tokens);
    row('pair', null, '', a, b, 'token_cohen_kappa', p.tokenCohenKappa);
    row('pair', null, '', a, b, 'token_observed_agreement', p.tokenObservedAgreement);
    p.confusion.forEach((r, i) => r.forEach((n, j) => row('pair', null, '', a, b, `confusion_${report.categories[i]}_${report.categories[j]}`, n)));
    p.spanConfusion.forEach((r, i) => r.forEach((n, j) => row('pair', null, '', a, b, `span_confusion_${report.spanCategories[i]}_${report.spanCategories[j]}`, n)));
    for (const [mode, scores] of [
      ['exact', p.spanExact],
      ['overlap', p.spanOverlap],
    ] as const) {
      prfRows('pair', 'micro', a, b, mode, scores.micro);
      prfRows('pair', 'macro', a, b, mode, scores.macro);
      for (const l of report.labels) prfRows('pair-label', l, a, b, mode, scores.perLabel[l]!);
    }
  }
  for (const c of report.perCollection) {
    figures('collection', { id: '', title: c.collection }, [
      ['documents', c.documents],
      ['documents_compared', c.documentsCompared],
      ['tokens', c.tokens],
      ['token_alpha_nominal', c.tokenAlpha],
      ['token_fleiss_kappa', c.tokenFleissKappa],
      ['span_exact_f1', c.spanExactF1],
      ['span_overlap_f1', c.spanOverlapF1],
    ]);
  }
  for (const art of report.perArticle) {
    figures('article', { id: art.documentId, title: art.title }, [
      ['rank', art.rank],
      ['annotators_present', art.annotators.length],
      ['annotations', art.annotations],
      ['tokens', art.tokens],
      ['token_alpha_nominal', art.tokenAlpha],
      ['token_fleiss_kappa', art.tokenFleissKappa],
      ['token_observed_agreement', art.tokenObservedAgreement],
      ['span_exact_f1', art.spanExactF1],
      ['span_overlap_f1', art.spanOverlapF1],
    ]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const fmt = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(3));
const width = (s: string) => [...s].length;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c + ' '.repeat(widths[i]! - width(c)) : ' '.repeat(widths[i]! - width(c)) + c))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function shorten(s: string, max = 40): string {
  const chars = [...s.replace(/\s+/g, ' ')];
  return chars.length <= max ? chars.join('') : chars.slice(0, max - 1).join('') + '…';
}

/** The report as plain text tables; `worst` limits the article ranking shown (default 20). */
export function formatReportText(report: AgreementReport, worst = 20): string {
  const o = report.overall;
  const out: string[] = [];
  if (report.scope.kind === 'collection') out.push(`Collection: ${report.scope.collection}`);
  out.push(`Agreement: ${report.annotators.length} annotators (${report.annotators.join(', ') || 'none'}), ${o.documents} documents, ${o.documentsCompared} compared (2+ annotators), ${o.tokens} tokens`);
  out.push('');
  out.push(
    table(
      ['Overall', 'value'],
      [
        ["Krippendorff's alpha (tokens, nominal)", fmt(o.tokenAlpha)],
        [`Fleiss' kappa (tokens; ${o.fleissDocuments} documents with all annotators)`, fmt(o.tokenFleissKappa)],
        ['Observed token agreement', fmt(o.tokenObservedAgreement)],
        ['Span F1, exact', fmt(o.spanExactF1)],
        ['Span F1, overlap', fmt(o.spanOverlapF1)],
      ],
    ),
  );
  out.push('');
  out.push(table(['Label', 'alpha', 'F1 exact', 'F1 overlap', ...report.annotators], report.perLabel.map((l) => [l.label, fmt(l.tokenAlpha), fmt(l.spanExactF1), fmt(l.spanOverlapF1), ...report.annotators.map((a) => String(l.annotations[a] ?? 0))])));
  out.push('');
  out.push(
    table(
      ['Pair', 'docs', 'kappa', 'agree', 'F1 exact', 'F1 overlap', 'macro F1 overlap'],
      report.perPair.map((p) => [p.annotators.join(' / '), String(p.documents), fmt(p.tokenCohenKappa), fmt(p.tokenObservedAgreement), fmt(p.spanExact.micro.f1), fmt(p.spanOverlap.micro.f1), fmt(p.spanOverlap.macro.f1)]),
    ),
  );
  for (const p of report.perPair) {
    out.push('');
    out.push(`Span labels, ${p.annotators[0]} (rows) × ${p.annotators[1]} (columns), spans matched by overlap:`);
    out.push(table(['', ...report.spanCategories], p.spanConfusion.map((r, i) => [report.spanCategories[i]!, ...r.map(String)])));
  }
  if (report.perCollection.length) {
    out.push('');
    out.push(
      table(
        ['Collection', 'docs', 'compared', 'alpha', 'Fleiss kappa', 'F1 overlap'],
        report.perCollection.map((c) => [shorten(c.collection), String(c.documents), String(c.documentsCompared), fmt(c.tokenAlpha), fmt(c.tokenFleissKappa), fmt(c.spanOverlapF1)]),
      ),
    );
  }
  const byId = new Map(report.perArticle.map((a) => [a.documentId, a]));
  const shown = report.ranking.slice(0, worst).map((id) => byId.get(id)!);
  out.push('');
  out.push(`Articles, worst first (${shown.length} of ${report.ranking.length} compared):`);
  out.push(
    table(
      ['#', 'Article', 'annotators', 'tokens', 'alpha', 'F1 overlap'],
      shown.map((a) => [String(a.rank), shorten(a.title || a.documentId), String(a.annotators.length), String(a.tokens), fmt(a.tokenAlpha), fmt(a.spanOverlapF1)]),
    ),
  );
  const notCompared = report.perArticle.length - report.ranking.length;
  if (notCompared > 0) out.push(`${notCompared} document(s) not compared: fewer than 2 annotators annotated them.`);
  const { noSuchDocument, invalidSpanOrLabel } = report.skipped;
  if (noSuchDocument || invalidSpanOrLabel) out.push(`Skipped annotations: ${noSuchDocument} for documents not in the dataset, ${invalidSpanOrLabel} with an invalid span or label.`);
  return out.join('\n') + '\n';
}
