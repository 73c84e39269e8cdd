import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { mergeLabelSets, type Label, type LabelDef, type LabelSet } from '../../shared/labels.ts';
import type { FactmarkDatabase } from '../db/database.ts';
import { countLabelUse, removeLabel, saveLabelSet } from '../db/labels.ts';
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

/** Gives its children the actions that change the library's label set (the set itself is read at startup: startup.ts). */
export function LabelsProvider({ db, children }: { db: FactmarkDatabase; children: ReactNode }) {
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

  return <LabelsContext.Provider value={actions}>{children}</LabelsContext.Provider>;
}
