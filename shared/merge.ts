import type { Annotation, Dataset, FmDocument } from './model.ts';

export interface NamedDataset {
  /** Where it came from (a file name): used to tell apart annotators who share a name. */
  name: string;
  dataset: Dataset;
}

export interface MergeResult {
  dataset: Dataset;
  warnings: string[];
}

/**
 * Combines datasets from several people into one: documents are matched by their text (contentHash), so the same
 * article exported from two machines is one document; annotation ids stay as they are. The same annotator name
 * coming from two sources is kept apart as "name (source)", with a warning, so no layer is silently merged into
 * another.
 */
export function mergeDatasets(sources: NamedDataset[]): MergeResult {
  const documents = new Map<string, FmDocument>(); // by contentHash
  const annotations = new Map<string, Annotation>();
  const annotatorSource = new Map<string, string>();
  const warnings: string[] = [];

  for (const { name, dataset } of sources) {
    const docId = new Map<string, string>();
    for (const doc of dataset.documents) {
      const known = documents.get(doc.contentHash);
      if (!known) documents.set(doc.contentHash, doc);
      docId.set(doc.id, known?.id ?? doc.id);
    }
    const renamed = new Map<string, string>();
    for (const annotator of new Set(dataset.annotations.map((a) => a.annotator))) {
      const first = annotatorSource.get(annotator);
      if (first === undefined) annotatorSource.set(annotator, name);
      else if (first !== name) {
        const distinct = `${annotator} (${name})`;
        renamed.set(annotator, distinct);
        annotatorSource.set(distinct, name);
        warnings.push(`The annotator name "${annotator}" is used in both ${first} and ${name}; the annotations from ${name} are shown as "${distinct}".`);
      }
    }
    for (const a of dataset.annotations) {
      const documentId = docId.get(a.documentId) ?? a.documentId;
      const annotator = renamed.get(a.annotator) ?? a.annotator;
      const merged = { ...a, documentId, annotator };
      const clash = annotations.get(a.id);
      if (clash && (clash.annotator !== annotator || clash.documentId !== documentId)) {
        warnings.push(`The annotation id ${a.id} is used by two different annotations (${clash.annotator} and ${annotator}); both are kept.`);
        annotations.set(`${a.id}:${name}`, { ...merged, id: `${a.id}:${name}` });
      } else annotations.set(a.id, merged);
    }
  }
  return { dataset: { documents: [...documents.values()], annotations: [...annotations.values()] }, warnings };
}
