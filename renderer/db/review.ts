/**
 * The database side of review (shared/review): the installation's id, the layer registry, the gold layer,
 * rejections and adjudication state; review packages in and out are in reviewPackages.ts (they need the dataset
 * formats, which load on first use). Settings hold what needs no index (docs/REVIEW.md).
 */
import type { AdjudicationState, Annotation, Dataset, Rejection } from '../../shared/model.ts';
import { outcomeOf } from '../../shared/review/adjudicate.ts';
import type { LayerRecord } from '../../shared/review/plan.ts';
import type { FactmarkDatabase } from './database.ts';

const ORIGIN_KEY = 'installationId';
/** The settings key of the layer registry (written by importPackages in reviewPackages.ts). */
export const LAYERS_KEY = 'review.layers';

/** A random id for this installation, made once: it tells apart two analysts who chose the same name. */
export async function installationId(db: FactmarkDatabase): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const known = (await db.settings.get(ORIGIN_KEY))?.value;
    if (typeof known === 'string') return known;
    const id = crypto.randomUUID();
    await db.settings.put({ key: ORIGIN_KEY, value: id });
    return id;
  });
}

export async function layerRegistry(db: FactmarkDatabase): Promise<LayerRecord[]> {
  const value = (await db.settings.get(LAYERS_KEY))?.value;
  return Array.isArray(value) ? (value as LayerRecord[]) : [];
}

/** The dataset with the reviewer's rejections of its annotations (for the native export of every layer). */
export async function withRejections(db: FactmarkDatabase, dataset: Dataset): Promise<Dataset> {
  const rejections = await db.rejections.where('documentId').anyOf(dataset.documents.map((d) => d.id)).toArray();
  return rejections.length ? { ...dataset, rejections } : dataset;
}

export async function rejectionsOf(db: FactmarkDatabase, documentId: string): Promise<Rejection[]> {
  return db.rejections.where('documentId').equals(documentId).toArray();
}

/** Writes gold annotations (new or edited) in one transaction; a rejection of the same spans is withdrawn. */
export async function putGold(db: FactmarkDatabase, gold: Annotation[]): Promise<void> {
  await db.transaction('rw', db.annotations, db.documents, async () => {
    await db.annotations.bulkPut(gold);
    await markInProgress(db, gold.map((g) => g.documentId));
  });
}

export async function deleteGold(db: FactmarkDatabase, id: string): Promise<void> {
  await db.annotations.delete(id);
}

export async function reject(db: FactmarkDatabase, rejection: Rejection): Promise<void> {
  await db.transaction('rw', db.rejections, db.documents, async () => {
    await db.rejections.put(rejection);
    await markInProgress(db, [rejection.documentId]);
  });
}

export async function unreject(db: FactmarkDatabase, id: string): Promise<void> {
  await db.rejections.delete(id);
}

/** The first decision on an article moves it from "not started" to "in progress". */
async function markInProgress(db: FactmarkDatabase, ids: string[]): Promise<void> {
  for (const id of new Set(ids)) {
    const doc = await db.documents.get(id);
    if (doc && (doc.adjudication ?? 'not-started') === 'not-started') await db.documents.update(id, { adjudication: 'in-progress' });
  }
}

export async function setAdjudication(db: FactmarkDatabase, documentId: string, state: AdjudicationState): Promise<void> {
  await db.documents.update(documentId, { adjudication: state, updatedAt: new Date().toISOString() });
}

/** What the reviewer decided on one analyst's annotations in these articles (after importing an adjudicated package). */
export async function outcomesFor(db: FactmarkDatabase, annotator: string, documentIds: readonly string[]): Promise<{ title: string; accepted: number; edited: number; rejected: number }[]> {
  const out: { title: string; accepted: number; edited: number; rejected: number }[] = [];
  for (const id of new Set(documentIds)) {
    const [doc, annotations, rejections] = await Promise.all([db.documents.get(id), db.annotations.where('documentId').equals(id).toArray(), rejectionsOf(db, id)]);
    if (!doc) continue;
    const gold = annotations.filter((a) => a.layer === 'gold');
    const rejected = new Map(rejections.map((r) => [r.id, r]));
    const counts = { title: doc.title, accepted: 0, edited: 0, rejected: 0 };
    for (const a of annotations) {
      if (a.layer === 'gold' || a.annotator !== annotator) continue;
      const status = outcomeOf(a, gold, rejected).status;
      if (status !== 'pending') counts[status]++;
    }
    if (counts.accepted + counts.edited + counts.rejected) out.push(counts);
  }
  return out;
}
