/**
 * Carrying annotations to a new version of an article (docs/ANCHORING.md): each annotation of the old version is
 * moved (same id, so links and review packages still find it) onto the new version's text with `reanchor`; one that
 * does not re-anchor with confidence becomes an orphan in the new version's Orphans queue — never a highlight on
 * the wrong words.
 */
import { occurrences } from '../../shared/anchoring/locate.ts';
import { orphanQueueId } from '../../shared/anchoring/orphans.ts';
import { textQuoteFor } from '../../shared/anchoring/quote.ts';
import { reanchor } from '../../shared/anchoring/reanchor.ts';
import type { Annotation } from '../../shared/model.ts';
import type { FactmarkDatabase } from './database.ts';

export interface CarryResult {
  /** Annotations now on the new version's text. */
  moved: number;
  /** Annotations now in the new version's Orphans queue. */
  orphaned: number;
}

/**
 * Moves every annotation of version `fromId` (its orphans too, which get another chance) to version `toId`, in one
 * transaction. Annotations already on `toId` are left alone; running it again finds nothing left to move.
 */
export async function carryAnnotationsToVersion(db: FactmarkDatabase, fromId: string, toId: string): Promise<CarryResult> {
  if (fromId === toId) throw new Error('An article version cannot take annotations from itself.');
  return db.transaction('rw', db.texts, db.annotations, async () => {
    const [from, to] = await db.texts.bulkGet([fromId, toId]);
    if (!from || !to) throw new Error('That version of the article is no longer in the library.');
    const old = await db.annotations.where('documentId').anyOf([fromId, orphanQueueId(fromId)]).toArray();
    const now = new Date().toISOString();
    const carried = old.map((a) => carryOne(a, to.text, toId, fromId, now));
    await db.annotations.bulkPut(carried);
    const orphaned = carried.filter((a) => a.orphan).length;
    return { moved: carried.length - orphaned, orphaned };
  });
}

/** The annotation on the new text, or as an orphan of it with the reason it could not be placed. */
export function carryOne(a: Annotation, text: string, toId: string, fromId: string, now: string): Annotation {
  const { orphan: _previous, ...rest } = a;
  const found = reanchor(text, a);
  if (found) {
    const q = textQuoteFor(text, found.start, found.end);
    return { ...rest, documentId: toId, start: found.start, end: found.end, quote: q.exact, prefix: q.prefix, suffix: q.suffix, updatedAt: now };
  }
  return {
    ...rest,
    documentId: orphanQueueId(toId),
    orphan: { reason: orphanReason(text, a), fromDocumentId: a.orphan?.fromDocumentId ?? fromId },
    updatedAt: now,
  };
}

function orphanReason(text: string, a: Annotation): string {
  return occurrences(text, { exact: a.quote, prefix: a.prefix, suffix: a.suffix }).length > 1
    ? 'The quoted text occurs more than once in this version and its context does not say which.'
    : 'The quoted text is not in this version, and nothing close enough is.';
}
