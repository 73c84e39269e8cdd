import type { Annotation } from '../model.ts';

/**
 * Orphans (annotations that did not re-anchor to a new version of their article) are stored under a documentId of
 * their own, `orphans:<document id>`, so that every query by document id — the reader's highlights, library counts,
 * exports — leaves them out without having to know about them. Document ids are UUIDs: the prefix cannot clash.
 */
const PREFIX = 'orphans:';

/** The documentId an orphan of this document is stored under. */
export function orphanQueueId(documentId: string): string {
  return PREFIX + documentId;
}

/** The document whose Orphans queue holds this annotation, or null when it is not an orphan. */
export function orphanOwner(a: Pick<Annotation, 'documentId' | 'orphan'>): string | null {
  if (a.documentId.startsWith(PREFIX)) return a.documentId.slice(PREFIX.length);
  return null;
}

export function isOrphan(a: Pick<Annotation, 'documentId' | 'orphan'>): boolean {
  return !!a.orphan || a.documentId.startsWith(PREFIX);
}
