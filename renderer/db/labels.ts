import { DEFAULT_LABELS, parseLabelSet, validateLabelSet, type Label, type LabelSet } from '../../shared/labels.ts';
import type { Annotation } from '../../shared/model.ts';
import { orphanOwner } from '../../shared/anchoring/orphans.ts';
import type { FactmarkDatabase } from './database.ts';

/** The settings key of the library's label set; absent = the default set. */
export const LABELS_SETTING = 'labels';

/** The library's label set: the stored one if it is usable, else the defaults (a broken setting never locks out tagging). */
export async function loadLabelSet(db: FactmarkDatabase): Promise<LabelSet> {
  const stored = parseLabelSet((await db.settings.get(LABELS_SETTING))?.value);
  return stored && stored.length && validateLabelSet(stored).every((p) => p.field === 'key') ? stored : DEFAULT_LABELS;
}

export async function saveLabelSet(db: FactmarkDatabase, set: LabelSet): Promise<void> {
  await db.settings.put({ key: LABELS_SETTING, value: set.map((l) => ({ ...l })) });
}

/** How many annotations (all articles, orphans and gold included) carry `label`: from the stored counts (derived.ts). */
export async function countLabelUse(db: FactmarkDatabase, label: Label): Promise<number> {
  let n = 0;
  for (const c of await db.labelCounts.toArray()) n += c.counts[label] ?? 0;
  return n;
}

async function withLabel(db: FactmarkDatabase, label: Label): Promise<Annotation[]> {
  return db.annotations.filter((a) => a.label === label).toArray();
}

/**
 * Removes a label from the set and, in the same transaction, gives its annotations another label or deletes them
 * (with tombstones, as a delete in the reader leaves, so review packages carry the deletions). All or nothing.
 */
export async function removeLabel(db: FactmarkDatabase, set: LabelSet, label: Label, action: { relabelTo: Label } | { delete: true }): Promise<{ set: LabelSet; changed: number }> {
  const next = set.filter((l) => l.id !== label);
  let changed = 0;
  await db.transaction('rw', [db.annotations, db.tombstones, db.settings], async () => {
    const list = await withLabel(db, label);
    changed = list.length;
    const now = new Date().toISOString();
    if ('relabelTo' in action) {
      await db.annotations.bulkPut(list.map((a) => ({ ...a, label: action.relabelTo, updatedAt: now })));
    } else {
      await db.annotations.bulkDelete(list.map((a) => a.id));
      await db.tombstones.bulkPut(list.map((a) => ({ id: a.id, documentId: orphanOwner(a) ?? a.documentId, annotator: a.annotator, deletedAt: now })));
    }
    await saveLabelSet(db, next);
  });
  return { set: next, changed };
}
