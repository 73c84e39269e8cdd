/** The importer's chunk (renderer/parts): the pipeline behind files, folders and drops, pasted text and the samples. */
export { carryAnnotationsToVersion } from '../db/anchorVersions.ts';
export { makeHtmlParser } from '../import/html.ts';
export { runImport } from '../import/pipeline.ts';
export { newDocument } from '../library/newDocuments.ts';
export { sampleDocuments } from '../library/samples.ts';
