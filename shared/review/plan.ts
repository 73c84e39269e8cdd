/**
 * Applying a review package to the library, decided without touching the database: the caller gives a reader of
 * the library and writes the plan in one transaction (renderer/db/review.ts). Rules (docs/REVIEW.md):
 * - documents are matched by contentHash; unknown ones are added, unless they are another version of a known
 *   article (same version group, URL or title): then annotations are re-anchored onto the library's version and
 *   what cannot be placed is an orphan, reported and never attached;
 * - each annotator is a layer, identified by name and installation (origin); the same name from another
 *   installation becomes a second, distinguishable layer, with a warning;
 * - a newer package updates its layer: newer updatedAt wins, tombstones delete, nothing is duplicated; the
 *   analyst's own layer is never overwritten by a copy of it;
 * - an annotation id already used by a different annotation is kept under a derived id, with a warning.
 */
import { textQuoteFor } from '../anchoring/quote.ts';
import { stableUuid } from '../formats/ids.ts';
import { ADJUDICATION_STATES, type AdjudicationState, type Annotation, type FmDocument, type Rejection, type Tombstone } from '../model.ts';
import type { PackageFile } from './package.ts';
import { placeAnnotation } from './place.ts';

/** A layer in the library: the name shown, and whose work it is. */
export interface LayerRecord {
  /** The annotator name the layer's annotations carry in this library. */
  layer: string;
  /** The name on the machine that made it. */
  annotator: string;
  /** That machine's installation id; null when the file did not say (a plain export). */
  origin: string | null;
  /** The newest package applied to this layer (ISO time). */
  packageCreatedAt?: string;
}

export interface LibraryReader {
  documentsByHash(hashes: string[]): Promise<Map<string, string>>;
  /** A library document that is another version of this article (with its text), or null. */
  versionOf(doc: FmDocument): Promise<FmDocument | null>;
  documentIdTaken(id: string): Promise<boolean>;
  annotations(ids: string[]): Promise<Map<string, Annotation>>;
  tombstones(ids: string[]): Promise<Map<string, Tombstone>>;
}

export interface Orphan {
  annotator: string;
  label: string;
  quote: string;
  documentTitle: string;
  reason: string;
}

export interface ImportPlan {
  fileName: string;
  documentsToAdd: FmDocument[];
  /** Annotations to write (new or changed). */
  put: Annotation[];
  /** Annotation ids to delete (their tombstones are in `tombstones`). */
  remove: string[];
  tombstones: Tombstone[];
  rejections: Rejection[];
  /** Adjudication states an adjudicated package gives articles already in the library (applied only forwards). */
  adjudication: { id: string; state: AdjudicationState }[];
  layers: LayerRecord[];
  orphans: Orphan[];
  warnings: string[];
  counts: {
    documentsAdded: number;
    documentsMatched: number;
    documentsReanchored: number;
    added: number;
    updated: number;
    unchanged: number;
    removed: number;
    /** Spans placed on another version of their article. */
    reanchored: number;
    /** The importing analyst's own annotations in the package (left as they are). */
    own: number;
    /** Older copies of annotations deleted here (the deletion wins). */
    staleDeleted: number;
  };
  /** Layers the package brought (names as in the library). */
  layerNames: string[];
}

export interface Local {
  annotator: string;
  origin: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function planPackage(pkg: PackageFile, lib: LibraryReader, local: Local, layers: LayerRecord[]): Promise<ImportPlan> {
  const registry = layers.map((l) => ({ ...l }));
  const plan: ImportPlan = {
    fileName: pkg.fileName,
    documentsToAdd: [],
    put: [],
    remove: [],
    tombstones: [],
    rejections: [],
    adjudication: [],
    layers: registry,
    orphans: [],
    warnings: [],
    counts: { documentsAdded: 0, documentsMatched: 0, documentsReanchored: 0, added: 0, updated: 0, unchanged: 0, removed: 0, reanchored: 0, own: 0, staleDeleted: 0 },
    layerNames: [],
  };
  const { dataset, header } = pkg;

  // Documents: by text, else another version of a known article, else new.
  const known = await lib.documentsByHash(dataset.documents.map((d) => d.contentHash));
  const target = new Map<string, { id: string; text: string; title: string; reanchor: boolean }>();
  for (const doc of dataset.documents) {
    const id = known.get(doc.contentHash);
    if (id !== undefined) {
      target.set(doc.id, { id, text: doc.text, title: doc.title, reanchor: false });
      plan.counts.documentsMatched++;
      if (header?.kind === 'adjudicated' && doc.adjudication) plan.adjudication.push({ id, state: doc.adjudication });
      continue;
    }
    const version = await lib.versionOf(doc);
    if (version) {
      target.set(doc.id, { id: version.id, text: version.text, title: version.title, reanchor: true });
      plan.counts.documentsReanchored++;
      continue;
    }
    const newId = (await lib.documentIdTaken(doc.id)) || plan.documentsToAdd.some((d) => d.id === doc.id) ? await stableUuid('document', doc.contentHash) : doc.id;
    plan.documentsToAdd.push({ ...doc, id: newId });
    known.set(doc.contentHash, newId);
    target.set(doc.id, { id: newId, text: doc.text, title: doc.title, reanchor: false });
    plan.counts.documentsAdded++;
  }

  // Layers: who each annotator name in the file is.
  const fileOrigin = new Map((header?.layers ?? []).map((l) => [l.annotator, l]));
  const resolved = new Map<string, { layer: string; own: boolean; maybeOwn: boolean }>();
  const resolve = (name: string): { layer: string; own: boolean; maybeOwn: boolean } => {
    const hit = resolved.get(name);
    if (hit) return hit;
    const described = fileOrigin.get(name);
    const annotator = described?.original ?? name;
    const origin = described ? (described.origin ?? null) : header?.kind === 'review' && header.annotator === name ? header.origin : header?.kind === 'adjudicated' && header.reviewer === name ? header.origin : null;
    let out: { layer: string; own: boolean; maybeOwn: boolean };
    if (origin === local.origin && annotator === local.annotator) out = { layer: local.annotator, own: true, maybeOwn: false };
    else {
      const same = registry.find((l) => l.annotator === annotator && l.origin === origin);
      if (same) out = { layer: same.layer, own: false, maybeOwn: false };
      else {
        const taken = annotator === local.annotator || registry.some((l) => l.layer === annotator);
        let layer = annotator;
        if (taken) {
          const tag = origin ? `machine ${origin.slice(0, 4)}` : pkg.fileName;
          layer = `${annotator} (${tag})`;
          for (let n = 2; registry.some((l) => l.layer === layer); n++) layer = `${annotator} (${tag} ${n})`;
          plan.warnings.push(
            `The annotator name "${annotator}" is already used in this library${annotator === local.annotator ? ' (it is your name)' : ''} by work from another machine; the annotations from ${pkg.fileName} are shown as "${layer}".`,
          );
        }
        registry.push({ layer, annotator, origin, ...(header?.createdAt ? { packageCreatedAt: header.createdAt } : {}) });
        // a plain export (no origin) under the analyst's own name may be their own work coming back: decided per id
        out = { layer, own: false, maybeOwn: origin === null && annotator === local.annotator };
      }
    }
    resolved.set(name, out);
    return out;
  };

  const ids = [...dataset.annotations.map((a) => a.id), ...(dataset.tombstones ?? []).map((t) => t.id)];
  const existing = await lib.annotations(ids);
  const deleted = await lib.tombstones(ids);
  let clashes = 0;

  for (const a of dataset.annotations) {
    const where = target.get(a.documentId);
    if (!where) continue; // its document was not in the file: importFactmark already reported it
    const who = resolve(a.annotator);
    const mine = existing.get(a.id);
    if (who.own || (who.maybeOwn && mine?.annotator === local.annotator)) {
      plan.counts.own++;
      continue;
    }
    if (!plan.layerNames.includes(who.layer) && a.layer !== 'gold') plan.layerNames.push(who.layer);
    let placed: Annotation = { ...a, annotator: who.layer, documentId: where.id };
    if (where.reanchor) {
      const p = placeAnnotation(where.text, a);
      if (!p) {
        plan.orphans.push({ annotator: who.layer, label: a.label, quote: a.quote, documentTitle: where.title, reason: 'its text is not in this version of the article, or appears more than once' });
        continue;
      }
      const q = textQuoteFor(where.text, p.start, p.end);
      placed = { ...placed, start: p.start, end: p.end, quote: q.exact, prefix: q.prefix, suffix: q.suffix };
      plan.counts.reanchored++;
    }
    let current = existing.get(a.id);
    if (current && (current.annotator !== placed.annotator || current.documentId !== placed.documentId || (current.layer ?? '') !== (placed.layer ?? ''))) {
      // the same id on different work: keep both, the newcomer under an id derived from it (stable across imports)
      placed.id = await stableUuid('review-clash', a.id, who.layer, placed.documentId);
      current = (await lib.annotations([placed.id])).get(placed.id);
      clashes++;
    }
    const gone = deleted.get(placed.id);
    if (!current && gone && gone.deletedAt >= placed.updatedAt) {
      plan.counts.staleDeleted++;
      continue;
    }
    if (!current) {
      plan.put.push(placed);
      plan.counts.added++;
    } else if (placed.updatedAt > current.updatedAt) {
      plan.put.push(placed);
      plan.counts.updated++;
    } else plan.counts.unchanged++;
  }
  if (clashes) plan.warnings.push(`${plural(clashes, 'annotation')} in ${pkg.fileName} had an id already used by different work in this library; both are kept, the imported one under a new id.`);

  for (const t of dataset.tombstones ?? []) {
    const where = target.get(t.documentId);
    if (!where) continue;
    const who = resolve(t.annotator);
    if (who.own) continue;
    const current = existing.get(t.id);
    if (current && current.annotator === who.layer && current.layer !== 'gold' && current.updatedAt <= t.deletedAt) {
      plan.remove.push(t.id);
      plan.counts.removed++;
    }
    plan.tombstones.push({ ...t, annotator: who.layer, documentId: where.id });
  }
  for (const r of dataset.rejections ?? []) {
    const where = target.get(r.documentId);
    if (where) plan.rejections.push({ ...r, documentId: where.id });
  }
  return plan;
}

/** One paragraph for the "Import report". */
export function describePlan(plan: ImportPlan): string {
  const c = plan.counts;
  const parts = [`${plan.fileName}: ${plan.layerNames.length ? `layer${plan.layerNames.length === 1 ? '' : 's'} ${plan.layerNames.map((l) => `"${l}"`).join(', ')}` : 'no teammate layer'}.`];
  parts.push(`${plural(c.added, 'annotation')} added, ${c.updated} updated, ${c.removed} deleted, ${c.unchanged} unchanged.`);
  if (c.documentsAdded) parts.push(`${plural(c.documentsAdded, 'new article')} added.`);
  if (c.documentsMatched) parts.push(`${plural(c.documentsMatched, 'article')} matched by text.`);
  if (c.reanchored) parts.push(`${plural(c.reanchored, 'annotation')} placed on another version of ${c.documentsReanchored === 1 ? 'its article' : 'their articles'}.`);
  if (c.own) parts.push(`${plural(c.own, 'annotation')} of your own left as ${c.own === 1 ? 'it is' : 'they are'}.`);
  if (c.staleDeleted) parts.push(`${plural(c.staleDeleted, 'annotation')} deleted here since stayed deleted.`);
  if (plan.rejections.length) parts.push(`${plural(plan.rejections.length, 'rejection')} by the reviewer.`);
  if (plan.orphans.length) parts.push(`${plural(plan.orphans.length, 'annotation')} could not be placed (orphaned, not attached).`);
  return parts.join(' ');
}

/** The later of two adjudication states (not started < in progress < done): a package never moves one back. */
export function laterAdjudication(a: AdjudicationState | undefined, b: AdjudicationState): AdjudicationState {
  return ADJUDICATION_STATES.indexOf(b) > ADJUDICATION_STATES.indexOf(a ?? 'not-started') ? b : (a ?? 'not-started');
}
