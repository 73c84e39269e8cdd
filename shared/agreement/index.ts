/** Inter-annotator agreement: coefficients, tokens, spans, the report and the disagreement finder (docs/AGREEMENT.md). */
export { alphaFromCoincidences, cohenKappa, cohenKappaFromMatrix, confusionMatrix, fleissKappa, fleissKappaFromTotals, krippendorffAlpha } from './metrics.ts';
export type { AlphaLevel, FleissTotals } from './metrics.ts';
export { cachedTokenBounds, tokenBounds, tokenize } from './tokenize.ts';
export type { Token, TokenBounds } from './tokenize.ts';
export { agreementLabels, isMeasurableLabel } from './categories.ts';
export type { LabelList } from './categories.ts';
export { CATEGORIES, NONE, tokenAgreement, tokenCategories, tokenCategoryList } from './tokens.ts';
export type { Category, SpanLike, TokenAgreement, TokenPairAgreement } from './tokens.ts';
export { countMatches, emptySpanConfusion, overlapMatches, SPAN_CATEGORIES, spanAgreement, spanCategoryList, spanConfusion } from './spans.ts';
export type { MatchCounts, MatchMode, PRF, SpanScores } from './spans.ts';
export { agreementReport } from './report.ts';
export type { AgreementReport, ArticleFigures, CollectionFigures, LabelFigures, OverallFigures, PairFigures, ReportOptions, ReportScope } from './report.ts';
export { CSV_COLUMNS, formatReportText, reportToCsv } from './format.ts';
export { findDisagreements } from './disagreements.ts';
export type { Disagreement, DisagreementKind } from './disagreements.ts';
