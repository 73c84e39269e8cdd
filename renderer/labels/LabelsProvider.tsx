import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { mergeLabelSets, type Label, type LabelDef, type LabelSet } from '../../shared/labels.ts';
import type { FactmarkDatabase } from '../db/database.ts';
import { countLabelUse, loadLabelSet, removeLabel, saveLabelSet } from '../db/labels.ts';
import { bumpLabelsRevision, getLabels, setLabels } from './labelStore.ts';

/** What changes the library's label set; the set itself is read with useLabels() (labelStore.ts). */
export interface LabelActions {
  save(set: LabelSet): Promise<void>;
  /** Annotations in the library carrying `label`. */
  usage(label: Label): Promise<number>;
  /** Removes a label, relabelling or deleting its annotations; resolves to how many changed. */
  remove(label: Label, action: { relabelTo: Label } | { delete: true }): Promise<number>;
  /** Adds labels met in an import (definitions or bare ids); resolves to the warnings about keys left out. */
  merge(incoming: readonly (LabelDef | Label)[]): Promise<{ added: LabelDef[]; warnings: string[] }>;
}

const LabelsContext = createContext<LabelActions | null>(null);

export function useLabelActions(): LabelActions {
  const actions = useContext(LabelsContext);
  if (!actions) throw new Error('useLabelActions needs a LabelsProvider');
  return actions;
}

/** Loads the library's label set before showing its children, and gives them the actions that change it. */
export function LabelsProvider({ db, children }: { db: FactmarkDatabase; children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    loadLabelSet(db).then(
      (set) => live && (setLabels(set), setReady(true)),
      () => live && setReady(true), // unreadable setting: the defaults stay
    );
    return () => {
      live = false;
    };
  }, [db]);

  const actions = useMemo<LabelActions>(
    () => ({
      async save(set) {
        await saveLabelSet(db, set);
        setLabels(set);
      },
      usage: (label) => countLabelUse(db, label),
      async remove(label, action) {
        const { set, changed } = await removeLabel(db, getLabels(), label, action);
        setLabels(set);
        if (changed) bumpLabelsRevision();
        return changed;
      },
      async merge(incoming) {
        const { set, added, warnings } = mergeLabelSets(getLabels(), incoming);
        if (added.length) {
          await saveLabelSet(db, set);
          setLabels(set);
        }
        return { added, warnings };
      },
    }),
    [db],
  );

  if (!ready) return <p className="loading">Opening your library…</p>;
  return <LabelsContext.Provider value={actions}>{children}</LabelsContext.Provider>;
}
