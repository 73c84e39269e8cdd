/**
 * What "Import files…" offers in the file picker (docs/IMPORT.md); files are converted by renderer/import/pipeline.ts.
 * A module of its own so the library's button needs none of the pipeline at start-up (renderer/parts).
 */
export const ARTICLE_EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'jsonl', 'ndjson'];
