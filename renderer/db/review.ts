/**
 * The database side of review (shared/review): the installation's id, the layer registry, review packages in and
 * out, the gold layer, rejections and adjudication state. Settings hold what needs no index (docs/REVIEW.md).
 */
import type { AdjudicationState, Annotation, Dataset, FmDocument, Rejection } from '../../shared/model.ts';
import { outcomeOf } from '../../shared/review/adjudicate.ts';
import { buildAdjudicatedPackage, buildReviewPackage, type LayerOrigin, type PackageFile } from '../../shared/review/package.ts';
import { laterAdjudication, planPackage, type ImportPlan, type LayerRecord, type LibraryReader, type Local } from '../../shared/review/plan.ts';
import type { DocumentRecord, FactmarkDatabase } from './database.ts';
import { Repository, splitDocument } from './repository.ts';

const ORIGIN_KEY = 'installationId';
const LAYERS_KEY = 'review.layers';
const ORPHANS_KEY = 'review.orphans';

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

/** The library with tombstones and rejections, for packages and the native export. */
export async function fullDataset(db: FactmarkDatabase, documentIds?: string[]): Promise<Dataset> {
  const dataset = await new Repository(db).datasetFor(documentIds);
  const ids = dataset.documents.map((d) => d.id);
  const [tombstones, rejections] = await Promise.all([db.tombstones.where('documentId').anyOf(ids).toArray(), db.rejections.where('documentId').anyOf(ids).toArray()]);
  return { ...dataset, tombstones, rejections };
}

/** The dataset with the reviewer's rejections of its annotations (for the native export of every layer). */
export async function withRejections(db: FactmarkDatabase, dataset: Dataset): Promise<Dataset> {
  const rejections = await db.rejections.where('documentId').anyOf(dataset.documents.map((d) => d.id)).toArray();
  return rejections.length ? { ...dataset, rejections } : dataset;
}

export async function exportForReview(db: FactmarkDatabase, annotator: string, now = new Date()) {
  return buildReviewPackage(await fullDataset(db), { annotator, origin: await installationId(db) }, now);
}

/** Every layer, gold, decisions and rejections, with where each layer came from (so analysts find their own). */
export async function exportAdjudicated(db: FactmarkDatabase, reviewer: string, now = new Date()) {
  const origin = await installationId(db);
  const registry = await layerRegistry(db);
  const dataset = await fullDataset(db);
  const names = [...new Set(dataset.annotations.filter((a) => a.layer !== 'gold').map((a) => a.annotator))];
  const layers: LayerOrigin[] = names.map((name) => {
    const known = registry.find((l) => l.layer === name);
    if (known) return { annotator: name, ...(known.annotator !== name ? { original: known.annotator } : {}), ...(known.origin ? { origin: known.origin } : {}) };
    return name === reviewer ? { annotator: name, origin } : { annotator: name };
  });
  return buildAdjudicatedPackage(dataset, { annotator: reviewer, origin }, layers, now);
}

function reader(db: FactmarkDatabase): LibraryReader {
  return {
    async documentsByHash(hashes) {
      const found = await db.documents.where('contentHash').anyOf(hashes).toArray();
      return new Map(found.map((d) => [d.contentHash, d.id]));
    },
    async versionOf(doc) {
      const group = doc.versionGroup ?? doc.id;
      const candidates = new Map<string, DocumentRecord>();
      for (const d of await db.documents.where('versionGroup').equals(group).toArray()) candidates.set(d.id, d);
      const head = await db.documents.get(group);
      if (head) candidates.set(head.id, head);
      if (candidates.size === 0 && doc.source.url) for (const d of await db.documents.filter((x) => x.source.url === doc.source.url).toArray()) candidates.set(d.id, d);
      if (candidates.size === 0 && doc.title.trim()) for (const d of await db.documents.where('title').equals(doc.title).toArray()) candidates.set(d.id, d);
      const live = [...candidates.values()].filter((d) => !d.deletedAt && d.contentHash !== doc.contentHash);
      // the newest version is the one the team works on now
      const best = live.sort((a, b) => (b.version ?? 1) - (a.version ?? 1) || b.createdAt.localeCompare(a.createdAt))[0];
      if (!best) return null;
      const text = await db.texts.get(best.id);
      return { ...best, text: text?.text ?? '' } as FmDocument;
    },
    async documentIdTaken(id) {
      return (await db.documents.get(id)) !== undefined;
    },
    async annotations(ids) {
      const found = await db.annotations.bulkGet(ids);
      return new Map(found.flatMap((a) => (a ? [[a.id, a] as const] : [])));
    },
    async tombstones(ids) {
      const found = await db.tombstones.bulkGet(ids);
      return new Map(found.flatMap((t) => (t ? [[t.id, t] as const] : [])));
    },
  };
}

/** Applies packages one after another, each in one transaction (all of it or nothing). */
export async function importPackages(db: FactmarkDatabase, packages: PackageFile[], local: Local): Promise<ImportPlan[]> {
  const plans: ImportPlan[] = [];
  for (const pkg of packages) {
    plans.push(
      await db.transaction('rw', [db.documents, db.texts, db.annotations, db.tombstones, db.rejections, db.settings], async () => {
        const plan = await planPackage(pkg, reader(db), local, await layerRegistry(db));
        const parts = plan.documentsToAdd.map(splitDocument);
        await db.documents.bulkAdd(parts.map((p) => p[0]));
        await db.texts.bulkAdd(parts.map((p) => p[1]));
        await db.annotations.bulkDelete(plan.remove);
        await db.annotations.bulkPut(plan.put);
        await db.tombstones.bulkPut(plan.tombstones);
        await db.rejections.bulkPut(plan.rejections);
        for (const { id, state } of plan.adjudication) {
          const current = (await db.documents.get(id))?.adjudication;
          const next = laterAdjudication(current, state);
          if (next !== (current ?? 'not-started')) await db.documents.update(id, { adjudication: next });
        }
        await db.settings.put({ key: LAYERS_KEY, value: plan.layers });
        if (plan.orphans.length) {
          // kept, so an orphan is never lost even after the report is dismissed
          const before = (await db.settings.get(ORPHANS_KEY))?.value;
          await db.settings.put({ key: ORPHANS_KEY, value: [...(Array.isArray(before) ? before : []), ...plan.orphans.map((o) => ({ ...o, file: plan.fileName }))] });
        }
        return plan;
      }),
    );
  }
  return plans;
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
