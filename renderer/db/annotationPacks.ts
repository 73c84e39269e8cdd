/**
 * All the annotations of a heavily annotated article as one record (the `annotationPacks` table), so the reader reads
 * them in one value instead of one record each. In Chromium here, 10,000 annotation records take ~250 ms to read by
 * any index or key range (most of it per record, some of it deserialised on the main thread in pieces); the same
 * annotations as one record, ~60–100 ms.
 *
 * A pack is a copy, never the source of truth, and only the reader writes one (Repository.annotationsToRead), from a
 * list it has just read. Once an article is packed (`packed` on its labelCounts record), the database itself notes
 * every later write of its annotations in `packChanges`, in the write's own transaction (derived.ts), so no write path
 * has to know packs exist: the pack with its changes is always what is stored, and the reader folds them in
 * (withChanges) and packs the result again. A pack is written only if nothing has written the article's annotations
 * since its list was read: every write moves the article's revision on (`rev` of its labelCounts record).
 */
import { compareReadingOrder } from '../../shared/annotation.ts';
import type { Annotation } from '../../shared/model.ts';

export const PACKS_TABLE = 'annotationPacks';
export const CHANGES_TABLE = 'packChanges';

/** An article with fewer annotations is read record by record in ~50 ms or less here: no pack. */
export const PACK_FROM = 2_000;

export interface AnnotationPackRecord {
  /** The document's id. */
  id: string;
  /** In reading order. */
  annotations: Annotation[];
}

/** A write of a packed article's annotation since its pack: the annotation as written, or none if it was removed. */
export interface PackChangeRecord {
  documentId: string;
  /** The annotation's id. */
  id: string;
  annotation?: Annotation;
}

/** A pack with the changes since it was written folded in, in reading order. */
export function withChanges(pack: readonly Annotation[], changes: readonly PackChangeRecord[]): Annotation[] {
  if (!changes.length) return [...pack];
  const changed = new Set(changes.map((c) => c.id));
  const list = pack.filter((a) => !changed.has(a.id));
  for (const c of changes) if (c.annotation) list.push(c.annotation);
  return list.sort(compareReadingOrder);
}

/**
 * The changes a write of annotations makes to packed articles (`packed(documentId)`): each annotation written is
 * noted under its article, and one moved out of an article (an orphan re-attached) or removed is noted as removed
 * from the article it was in. `before` holds the records the write replaced or removed, `failed(i)` the values not
 * written; of several writes of one annotation the last counts.
 */
export function changesOf(
  written: readonly Annotation[] | null,
  before: readonly (Annotation | undefined)[],
  failed: (i: number) => boolean,
  packed: (documentId: string) => boolean,
): PackChangeRecord[] {
  const out = new Map<string, PackChangeRecord>();
  const note = (documentId: string, id: string, annotation?: Annotation) => {
    if (packed(documentId)) out.set(JSON.stringify([documentId, id]), annotation ? { documentId, id, annotation } : { documentId, id });
  };
  if (written) {
    written.forEach((a, i) => {
      if (failed(i)) return;
      const old = before[i];
      if (old && old.documentId !== a.documentId) note(old.documentId, old.id);
      note(a.documentId, a.id, a);
    });
  } else {
    before.forEach((old, i) => void (old && !failed(i) && note(old.documentId, old.id)));
  }
  return [...out.values()];
}
