/** Converters from files to documents (docs/IMPORT.md). HTML extraction needs a DOM: renderer/import/html.ts. */
export type { DraftResult, ImportedDraft, ImportKind, ImportProblem } from './types.ts';
export { convertFile, fileToDrafts, type ConvertDeps, type ConvertItem, type ConvertResult, type ImportFile } from './convert.ts';
export { checkBeforeReading, checkSize, detectKind, formatSize, MAX_ARTICLE_BYTES, MAX_CORPUS_BYTES, SUPPORTED_TYPES, type DetectResult, type SizeCheck } from './detect.ts';
export { candidateOf, DedupeIndex, urlKey, type DedupeCandidate, type DedupeDecision, type DedupeEntry } from './dedupe.ts';
export { jsonlRecords, parseJsonl, parseJsonlLine, type JsonlProblem, type JsonlRecord, type JsonlResult } from './jsonl.ts';
export { markdownToDraft } from './markdown.ts';
export { textToDraft } from './text.ts';
export { decodeHtmlFile } from './html-decode.ts';
export { normaliseDate } from './dates.ts';
