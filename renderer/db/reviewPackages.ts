/**
 * Review packages in and out of the database (shared/review/package.ts, docs/REVIEW.md): the library with its
 * tombstones and rejections for a package, and applying teammates' packages. Apart from db/review.ts because they
 * need the dataset formats, which load on first use (renderer/parts).
 */
import type { Dataset, FmDocument } from '../../shared/model.ts';
import { buildAdjudicatedPackage, buildReviewPackage, type LayerOrigin, type PackageFile } from '../../shared/review/package.ts';
import { laterAdjudication, planPackage, type ImportPlan, type LibraryReader, type Local } from '../../shared/review/plan.ts';
import type { DocumentRecord, FactmarkDatabase } from './database.ts';
import { Repository, splitDocument } from './repository.ts';
import { installationId, LAYERS_KEY, layerRegistry } from './review.ts';

const ORPHANS_KEY = 'review.orphans';

/** The library with tombstones and rejections, for packages and the native export. */
export async function fullDataset(db: FactmarkDatabase, documentIds?: string[]): Promise<Dataset> {
  const dataset = await new Repository(db).datasetFor(documentIds);
  const ids = dataset.documents.map((d) => d.id);
  const [tombstones, rejections] = await Promise.all([db.tombstones.where('documentId').anyOf(ids).toArray(), db.rejections.where('documentId').anyOf(ids).toArray()]);
  return { ...dataset, tombstones, rejections };
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
