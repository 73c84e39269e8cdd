import { compareReadingOrder } from '../../shared/annotation.ts';
import type { AnnotationOp } from '../../shared/history.ts';
import { LABEL_IDS, emptyCounts, type Label, type LabelCounts } from '../../shared/labels.ts';
import type { Annotation, Dataset, FmDocument } from '../../shared/model.ts';
import type { FactmarkDatabase } from './database.ts';

export type DocumentSummary = Omit<FmDocument, 'text' | 'blocks'> & { counts: LabelCounts };

export interface AddDocumentsResult {
  added: FmDocument[];
  /** Documents whose text is already in the library, with the title it has there. */
  duplicates: { document: FmDocument; existingTitle: string }[];
}

export interface ImportDatasetResult {
  /** Documents written. */
  documentsAdded: number;
  /** Documents whose text was already in the library: their annotations were attached to the existing one. */
  documentsMatched: number;
  /** Annotations written. */
  annotationsAdded: number;
  /** Annotations whose id was already in the library (imported before): left as they are. */
  annotationsSkipped: number;
}

/** Transactional operations on the database; the UI calls these and nothing else writes. */
export class Repository {
  constructor(private readonly db: FactmarkDatabase) {}

  async addDocuments(documents: FmDocument[]): Promise<AddDocumentsResult> {
    return this.db.transaction('rw', this.db.documents, async () => {
      const existing = await this.db.documents.where('contentHash').anyOf(documents.map((d) => d.contentHash)).toArray();
      const known = new Map(existing.map((d) => [d.contentHash, d.title]));
      const added: FmDocument[] = [];
      const duplicates: AddDocumentsResult['duplicates'] = [];
      for (const doc of documents) {
        const existingTitle = known.get(doc.contentHash);
        if (existingTitle !== undefined) duplicates.push({ document: doc, existingTitle });
        else {
          known.set(doc.contentHash, doc.title);
          added.push(doc);
        }
      }
      await this.db.documents.bulkAdd(added);
      return { added, duplicates };
    });
  }

  /** The documents (all, or these, in library order) with their annotations, for an export. */
  async datasetFor(documentIds?: string[]): Promise<Dataset> {
    return this.db.transaction('r', this.db.documents, this.db.annotations, async () => {
      const documents = documentIds
        ? (await this.db.documents.bulkGet(documentIds)).filter((d): d is FmDocument => d !== undefined)
        : await this.db.documents.orderBy('createdAt').toArray();
      documents.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.title.localeCompare(b.title));
      const annotations = (await this.db.annotations.where('documentId').anyOf(documents.map((d) => d.id)).toArray()).sort(
        (a, b) => documents.findIndex((d) => d.id === a.documentId) - documents.findIndex((d) => d.id === b.documentId) || compareReadingOrder(a, b),
      );
      return { documents, annotations };
    });
  }

  /**
   * Writes an imported dataset in one transaction: a document whose text is already in the library is not added
   * again, its annotations go to the existing document; annotations keep their ids and one already present is left
   * alone, so importing the same file twice changes nothing. On any failure nothing is written.
   */
  async importDataset(dataset: Dataset): Promise<ImportDatasetResult> {
    return this.db.transaction('rw', this.db.documents, this.db.annotations, async () => {
      const byHash = new Map<string, string>();
      const existing = await this.db.documents.where('contentHash').anyOf(dataset.documents.map((d) => d.contentHash)).toArray();
      for (const d of existing) byHash.set(d.contentHash, d.id);
      const idMap = new Map<string, string>();
      const toAdd: FmDocument[] = [];
      let documentsMatched = 0;
      for (const doc of dataset.documents) {
        const known = byHash.get(doc.contentHash);
        if (known !== undefined) {
          idMap.set(doc.id, known);
          documentsMatched++;
          continue;
        }
        // an id already used by a different text must not overwrite it
        const id = (await this.db.documents.get(doc.id)) || toAdd.some((d) => d.id === doc.id) ? crypto.randomUUID() : doc.id;
        idMap.set(doc.id, id);
        byHash.set(doc.contentHash, id);
        toAdd.push({ ...doc, id });
      }
      await this.db.documents.bulkAdd(toAdd);

      const present = new Set((await this.db.annotations.bulkGet(dataset.annotations.map((a) => a.id))).flatMap((a) => (a ? [a.id] : [])));
      const annotations: Annotation[] = [];
      for (const a of dataset.annotations) {
        if (present.has(a.id)) continue;
        present.add(a.id);
        annotations.push({ ...a, documentId: idMap.get(a.documentId) ?? a.documentId });
      }
      await this.db.annotations.bulkAdd(annotations);
      return { documentsAdded: toAdd.length, documentsMatched, annotationsAdded: annotations.length, annotationsSkipped: dataset.annotations.length - annotations.length };
    });
  }

  getDocument(id: string): Promise<FmDocument | undefined> {
    return this.db.documents.get(id);
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    return this.db.transaction('r', this.db.documents, this.db.annotations, async () => {
      const summaries: DocumentSummary[] = [];
      await this.db.documents.orderBy('createdAt').each((doc) => {
        const { text: _text, blocks: _blocks, ...meta } = doc;
        summaries.push({ ...meta, counts: emptyCounts() });
      });
      // one key-only pass over the label index instead of three count queries per article
      const byId = new Map(summaries.map((s) => [s.id, s]));
      const keys = (await this.db.annotations.orderBy('[documentId+label]').keys()) as unknown as [string, Label][];
      for (const [documentId, label] of keys) {
        const counts = byId.get(documentId)?.counts;
        if (counts && label in counts) counts[label] += 1;
      }
      // documents added together share a timestamp: keep their order stable by title
      return summaries.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.title.localeCompare(b.title));
    });
  }

  async countLabels(documentId: string): Promise<LabelCounts> {
    const counts = emptyCounts();
    await Promise.all(
      LABEL_IDS.map(async (label) => {
        counts[label] = await this.db.annotations.where('[documentId+label]').equals([documentId, label]).count();
      }),
    );
    return counts;
  }

  async annotationsOf(documentId: string): Promise<Annotation[]> {
    const list = await this.db.annotations.where('documentId').equals(documentId).toArray();
    return list.sort(compareReadingOrder);
  }

  /** Applies one operation in its own transaction; resolves once it is durably committed. */
  async apply(op: AnnotationOp): Promise<void> {
    await this.db.transaction('rw', this.db.annotations, async () => {
      switch (op.kind) {
        case 'create':
          await this.db.annotations.add(op.annotation);
          break;
        case 'delete':
          await this.db.annotations.delete(op.annotation.id);
          break;
        case 'update': {
          const current = await this.db.annotations.get(op.before.id);
          if (!current) throw new Error('That annotation no longer exists.');
          await this.db.annotations.put(op.after);
          break;
        }
      }
    });
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await this.db.settings.get(key))?.value as T | undefined;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.settings.put({ key, value });
  }
}
