/**
 * The agreement report over a dataset (the collection or library given): overall, per label, per annotator pair and
 * per article, with articles ranked worst first. JSON-serialisable: undefined figures are null, never NaN.
 * Definitions and policies: docs/AGREEMENT.md.
 */
import type { Label } from '../labels.ts';
import type { Annotation, Dataset } from '../model.ts';
import { agreementLabels, isMeasurableLabel, type LabelList } from './categories.ts';
import { alphaFromCoincidences, cohenKappaFromMatrix, fleissKappaFromTotals, type FleissTotals } from './metrics.ts';
import { addCounts, countMatches, emptyCounts, emptySpanConfusion, prf, scoresFromCounts, spanCategoryList, spanConfusion, type MatchCounts, type SpanScores } from './spans.ts';
import { emptyMatrix, observedAgreement, tokenCategoryIndices, tokenCategoryList, tokenTables, unflatten } from './tokens.ts';
import { cachedTokenBounds } from './tokenize.ts';

export interface ReportOptions {
  /** Only these documents (default: all). Unknown ids are an error. */
  documentIds?: string[];
  /** Only these annotators, in this order (default: everyone with an annotation in scope, sorted). */
  annotators?: string[];
  /** Only the documents in this collection (FmDocument.collections), within `documentIds` when both are given. */
  collection?: string;
  /**
   * The label set to measure, in its order (default: `dataset.labels`). Labels of the annotations in scope that are
   * not in it follow, sorted; without any set the occurring labels are measured, sorted (categories.ts).
   */
  labels?: LabelList;
}

/** What the report covers: the whole dataset, one collection, or chosen documents. */
export type ReportScope = { kind: 'library' } | { kind: 'collection'; collection: string } | { kind: 'documents'; documents: number };

/** The figures of one collection, from its compared documents (a document may be in several collections). */
export interface CollectionFigures {
  collection: string;
  documents: number;
  documentsCompared: number;
  tokens: number;
  tokenAlpha: number | null;
  /** Over the collection's documents where every annotator is present. */
  tokenFleissKappa: number | null;
  spanExactF1: number | null;
  spanOverlapF1: number | null;
}

export interface OverallFigures {
  /** Documents in scope. */
  documents: number;
  /** Documents with at least 2 of the annotators present (the only ones compared). */
  documentsCompared: number;
  /** Tokens of the compared documents. */
  tokens: number;
  /** Krippendorff's α (nominal) over tokens of all compared documents; absent annotators are missing values. */
  tokenAlpha: number | null;
  /** Fleiss' κ over the tokens of the documents where every annotator is present. */
  tokenFleissKappa: number | null;
  fleissDocuments: number;
  fleissTokens: number;
  /** Pairwise token agreement (share of pairable token values whose partner agrees). */
  tokenObservedAgreement: number | null;
  /** Span F1 pooled over labels, pairs and compared documents. */
  spanExactF1: number | null;
  spanOverlapF1: number | null;
  /** Annotations in scope per annotator. */
  annotations: Record<string, number>;
}

export interface LabelFigures {
  label: Label;
  /** Binary token α (this label vs anything else), from the overall coincidence matrix. */
  tokenAlpha: number | null;
  spanExactF1: number | null;
  spanOverlapF1: number | null;
  annotations: Record<string, number>;
}

export interface PairFigures {
  /** [reference, other]: precision and recall treat the first as reference. */
  annotators: [string, string];
  /** Documents both annotated. */
  documents: number;
  tokens: number;
  tokenCohenKappa: number | null;
  tokenObservedAgreement: number | null;
  /** Token confusion matrix: rows the first annotator, columns the second, in `categories` order. */
  confusion: number[][];
  /**
   * Label confusion over spans matched by overlap whatever their label (shared/agreement/spans.ts spanConfusion):
   * rows the first annotator, columns the second, in `spanCategories` order; "none" = no overlapping span.
   */
  spanConfusion: number[][];
  spanExact: SpanScores;
  spanOverlap: SpanScores;
}

export interface ArticleFigures {
  documentId: string;
  title: string;
  /** Annotators present (with at least one annotation in the document). */
  annotators: string[];
  annotations: number;
  /** Null when fewer than 2 annotators are present (the document is not compared or tokenised). */
  tokens: number | null;
  tokenAlpha: number | null;
  tokenFleissKappa: number | null;
  tokenObservedAgreement: number | null;
  spanExactF1: number | null;
  spanOverlapF1: number | null;
  /** 1 = worst; null when not compared. */
  rank: number | null;
}

export interface AgreementReport {
  kind: 'factmark-agreement-report';
  version: 1;
  /** How tokens and offsets are defined. */
  units: { tokens: 'Intl.Segmenter word-like segments, per line'; offsets: 'UTF-16 code units' };
  scope: ReportScope;
  annotators: string[];
  /** The labels measured, in order: the label set's, then other labels that occur (perLabel and categories follow it). */
  labels: Label[];
  /** Token categories, the order of confusion matrices. */
  categories: string[];
  /** Span categories (labels, then none), the order of span confusion matrices. */
  spanCategories: string[];
  overall: OverallFigures;
  perLabel: LabelFigures[];
  perPair: PairFigures[];
  /** In dataset order. */
  perArticle: ArticleFigures[];
  /** Each collection that has a document in scope, by name. */
  perCollection: CollectionFigures[];
  /** Compared document ids, worst first: lowest token α (undefined α last), then lowest overlap F1. */
  ranking: string[];
  /** Annotations left out, with why. */
  skipped: { noSuchDocument: number; invalidSpanOrLabel: number };
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
const f1 = (c: MatchCounts): number | null => prf(c).f1;

export function agreementReport(dataset: Dataset, options: ReportOptions = {}): AgreementReport {
  const byId = new Map(dataset.documents.map((d) => [d.id, d]));
  let docs = dataset.documents;
  if (options.documentIds) {
    const unknown = options.documentIds.filter((id) => !byId.has(id));
    if (unknown.length) throw new Error(`No such document in the dataset: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}.`);
    const wanted = new Set(options.documentIds);
    docs = docs.filter((d) => wanted.has(d.id));
  }
  const collection = options.collection;
  if (collection !== undefined) docs = docs.filter((d) => d.collections?.includes(collection));
  const scope: ReportScope = collection !== undefined ? { kind: 'collection', collection } : options.documentIds ? { kind: 'documents', documents: docs.length } : { kind: 'library' };
  const inScope = new Set(docs.map((d) => d.id));
  const chosen = options.annotators ? new Set(options.annotators) : null;

  const skipped = { noSuchDocument: 0, invalidSpanOrLabel: 0 };
  const layersByDoc = new Map<string, Map<string, Annotation[]>>();
  for (const a of dataset.annotations) {
    const doc = byId.get(a.documentId);
    if (!doc) {
      skipped.noSuchDocument++;
      continue;
    }
    if (!inScope.has(a.documentId) || (chosen && !chosen.has(a.annotator))) continue;
    if (!isMeasurableLabel(a.label) || !Number.isInteger(a.start) || !Number.isInteger(a.end) || a.start < 0 || a.start >= a.end || a.end > doc.text.length) {
      skipped.invalidSpanOrLabel++;
      continue;
    }
    let layers = layersByDoc.get(a.documentId);
    if (!layers) layersByDoc.set(a.documentId, (layers = new Map()));
    let list = layers.get(a.annotator);
    if (!list) layers.set(a.annotator, (list = []));
    list.push(a);
  }

  const labels = agreementLabels(options.labels ?? dataset.labels, [...layersByDoc.values()].flatMap((l) => [...l.values()].flatMap((list) => list.map((x) => x.label))));
  const categories = tokenCategoryList(labels);
  const K = categories.length;
  const annotators = options.annotators
    ? [...new Set(options.annotators)]
    : [...new Set([...layersByDoc.values()].flatMap((l) => [...l.keys()]))].sort();
  const slot = new Map(annotators.map((a, i) => [a, i]));
  const pairSlot = (i: number, j: number) => i * annotators.length + j; // i < j, indices into `annotators`

  const coincidences = emptyMatrix(K);
  const fleiss: FleissTotals = { items: 0, raters: annotators.length, sumSquares: 0, categoryTotals: new Array<number>(K).fill(0) };
  let fleissDocuments = 0;
  const pairs = new Map<number, { documents: number; tokens: number; confusion: Float64Array; spanConfusion: number[][]; exact: Record<Label, MatchCounts>; overlap: Record<Label, MatchCounts> }>();
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      pairs.set(pairSlot(i, j), { documents: 0, tokens: 0, confusion: new Float64Array(K * K), spanConfusion: emptySpanConfusion(labels), exact: emptyCounts(labels), overlap: emptyCounts(labels) });
    }
  }
  const labelExact = emptyCounts(labels);
  const labelOverlap = emptyCounts(labels);
  const annotationCounts = new Map(labels.map((l) => [l, Object.fromEntries(annotators.map((a) => [a, 0])) as Record<string, number>]));
  let documentsCompared = 0;
  let tokensCompared = 0;
  const collections = new Map<string, CollectionTotals>();
  const collectionOf = (name: string) => {
    let c = collections.get(name);
    if (!c) collections.set(name, (c = { documents: 0, compared: 0, tokens: 0, coincidences: emptyMatrix(K), fleiss: { items: 0, raters: annotators.length, sumSquares: 0, categoryTotals: new Array<number>(K).fill(0) }, exact: { truePositives: 0, reference: 0, predicted: 0 }, overlap: { truePositives: 0, reference: 0, predicted: 0 } }));
    return c;
  };

  const perArticle: ArticleFigures[] = docs.map((doc) => {
    const layers = layersByDoc.get(doc.id);
    const present = annotators.filter((a) => layers?.has(a));
    let annotations = 0;
    for (const a of present) {
      for (const x of layers!.get(a)!) annotationCounts.get(x.label)![a]! += 1;
      annotations += layers!.get(a)!.length;
    }
    const article: ArticleFigures = {
      documentId: doc.id,
      title: doc.title,
      annotators: present,
      annotations,
      tokens: null,
      tokenAlpha: null,
      tokenFleissKappa: null,
      tokenObservedAgreement: null,
      spanExactF1: null,
      spanOverlapF1: null,
      rank: null,
    };
    const inCollections = [...new Set(doc.collections ?? [])].map(collectionOf);
    for (const c of inCollections) c.documents++;
    if (present.length < 2) return article;
    documentsCompared++;

    const { starts, ends } = cachedTokenBounds(doc.text); // once per document (and kept for the next report)
    const spans = present.map((a) => layers!.get(a)!);
    const tables = tokenTables(
      spans.map((s) => tokenCategoryIndices(starts, ends, s, labels)),
      starts.length,
      K,
    );
    tokensCompared += starts.length;
    addMatrix(coincidences, tables.coincidences);
    if (present.length === annotators.length) {
      fleissDocuments++;
      fleiss.items += tables.fleiss.items;
      fleiss.sumSquares += tables.fleiss.sumSquares;
      tables.fleiss.categoryTotals.forEach((c, i) => (fleiss.categoryTotals[i]! += c));
    }

    const docExact: MatchCounts = { truePositives: 0, reference: 0, predicted: 0 };
    const docOverlap: MatchCounts = { truePositives: 0, reference: 0, predicted: 0 };
    let p = 0;
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) {
        const pair = pairs.get(pairSlot(slot.get(present[i]!)!, slot.get(present[j]!)!))!;
        pair.documents++;
        pair.tokens += starts.length;
        const conf = tables.confusions[p++]!;
        for (let c = 0; c < K * K; c++) pair.confusion[c]! += conf[c]!;
        const exact = countMatches(spans[i]!, spans[j]!, 'exact', emptyCounts(labels));
        const overlap = countMatches(spans[i]!, spans[j]!, 'overlap', emptyCounts(labels));
        spanConfusion(spans[i]!, spans[j]!, pair.spanConfusion, labels);
        for (const l of labels) {
          addCounts(pair.exact[l]!, exact[l]!);
          addCounts(pair.overlap[l]!, overlap[l]!);
          addCounts(labelExact[l]!, exact[l]!);
          addCounts(labelOverlap[l]!, overlap[l]!);
          addCounts(docExact, exact[l]!);
          addCounts(docOverlap, overlap[l]!);
        }
      }
    }
    for (const c of inCollections) {
      c.compared++;
      c.tokens += starts.length;
      addMatrix(c.coincidences, tables.coincidences);
      if (present.length === annotators.length) addFleiss(c.fleiss, tables.fleiss);
      addCounts(c.exact, docExact);
      addCounts(c.overlap, docOverlap);
    }
    article.tokens = starts.length;
    article.tokenAlpha = num(alphaFromCoincidences(tables.coincidences, null, 'nominal'));
    article.tokenFleissKappa = num(fleissKappaFromTotals(tables.fleiss));
    article.tokenObservedAgreement = num(observedAgreement(tables.coincidences));
    article.spanExactF1 = f1(docExact);
    article.spanOverlapF1 = f1(docOverlap);
    return article;
  });

  const lastIfNull = (x: number | null, y: number | null) => (x === null ? (y === null ? 0 : 1) : y === null ? -1 : x - y);
  const ranked = perArticle
    .map((a, order) => ({ a, order }))
    .filter(({ a }) => a.tokens !== null)
    .sort((x, y) => lastIfNull(x.a.tokenAlpha, y.a.tokenAlpha) || lastIfNull(x.a.spanOverlapF1, y.a.spanOverlapF1) || x.order - y.order);
  ranked.forEach(({ a }, i) => (a.rank = i + 1));

  const pooled = (counts: Record<Label, MatchCounts>) => {
    const total: MatchCounts = { truePositives: 0, reference: 0, predicted: 0 };
    for (const l of labels) addCounts(total, counts[l]!);
    return f1(total);
  };

  const perPair: PairFigures[] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      const pair = pairs.get(pairSlot(i, j))!;
      const confusion = unflatten(pair.confusion, K);
      perPair.push({
        annotators: [annotators[i]!, annotators[j]!],
        documents: pair.documents,
        tokens: pair.tokens,
        tokenCohenKappa: num(cohenKappaFromMatrix(confusion)),
        tokenObservedAgreement: num(observedAgreement(confusion)),
        confusion,
        spanConfusion: pair.spanConfusion,
        spanExact: scoresFromCounts(pair.exact, labels),
        spanOverlap: scoresFromCounts(pair.overlap, labels),
      });
    }
  }

  return {
    kind: 'factmark-agreement-report',
    version: 1,
    units: { tokens: 'Intl.Segmenter word-like segments, per line', offsets: 'UTF-16 code units' },
    scope,
    annotators,
    labels,
    categories,
    spanCategories: spanCategoryList(labels),
    overall: {
      documents: docs.length,
      documentsCompared,
      tokens: tokensCompared,
      tokenAlpha: num(alphaFromCoincidences(coincidences, null, 'nominal')),
      tokenFleissKappa: fleiss.items > 0 ? num(fleissKappaFromTotals(fleiss)) : null,
      fleissDocuments,
      fleissTokens: fleiss.items,
      tokenObservedAgreement: num(observedAgreement(coincidences)),
      spanExactF1: pooled(labelExact),
      spanOverlapF1: pooled(labelOverlap),
      annotations: Object.fromEntries(annotators.map((a) => [a, labels.reduce((s, l) => s + annotationCounts.get(l)![a]!, 0)])),
    },
    perLabel: labels.map((label, i) => ({
      label,
      tokenAlpha: num(alphaFromCoincidences(collapse(coincidences, i + 1), null, 'nominal')),
      spanExactF1: f1(labelExact[label]!),
      spanOverlapF1: f1(labelOverlap[label]!),
      annotations: annotationCounts.get(label)!,
    })),
    perPair,
    perArticle,
    perCollection: [...collections]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, c]) => ({
        collection: name,
        documents: c.documents,
        documentsCompared: c.compared,
        tokens: c.tokens,
        tokenAlpha: c.compared ? num(alphaFromCoincidences(c.coincidences, null, 'nominal')) : null,
        tokenFleissKappa: c.fleiss.items > 0 ? num(fleissKappaFromTotals(c.fleiss)) : null,
        spanExactF1: f1(c.exact),
        spanOverlapF1: f1(c.overlap),
      })),
    ranking: ranked.map(({ a }) => a.documentId),
    skipped,
  };
}

interface CollectionTotals {
  documents: number;
  compared: number;
  tokens: number;
  coincidences: number[][];
  fleiss: FleissTotals;
  exact: MatchCounts;
  overlap: MatchCounts;
}

function addFleiss(into: FleissTotals, t: FleissTotals): void {
  into.items += t.items;
  into.sumSquares += t.sumSquares;
  t.categoryTotals.forEach((c, i) => (into.categoryTotals[i]! += c));
}

function addMatrix(into: number[][], m: readonly (readonly number[])[]): void {
  m.forEach((row, i) => row.forEach((x, j) => (into[i]![j]! += x)));
}

/** The coincidence matrix of "category c" vs "anything else": merging categories sums their coincidences. */
function collapse(o: readonly (readonly number[])[], c: number): number[][] {
  const out = [
    [0, 0],
    [0, 0],
  ];
  o.forEach((row, i) => row.forEach((x, j) => (out[i === c ? 0 : 1]![j === c ? 0 : 1]! += x)));
  return out;
}
