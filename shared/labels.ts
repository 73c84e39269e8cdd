/**
 * The label set: the one place that names, colours and keys the tags.
 * Colours are paired with a second cue (underline style) so a label is never told by colour alone.
 */
export const LABEL_IDS = ['claim', 'denial', 'unverified'] as const;
export type Label = (typeof LABEL_IDS)[number];

export interface LabelDef {
  id: Label;
  /** Name shown on buttons and in lists. */
  name: string;
  /** Plural for counts ("3 claims"). */
  plural: string;
  /** Keyboard shortcut in the reader. */
  key: string;
  /** Highlight colour (CSS), used with alpha for backgrounds. */
  colour: string;
  /** Second cue besides colour: CSS text-decoration-style of the highlight's underline. */
  underline: 'solid' | 'wavy' | 'dotted';
  /** The annotation guideline in one sentence, shown as a tooltip. */
  description: string;
}

export const LABELS: readonly LabelDef[] = [
  {
    id: 'claim',
    name: 'Claim',
    plural: 'claims',
    key: '1',
    colour: '#1f6fd1',
    underline: 'solid',
    description: 'An assertion attributed to a party, e.g. an official saying a port was attacked.',
  },
  {
    id: 'denial',
    name: 'Denial',
    plural: 'denials',
    key: '2',
    colour: '#c2410c',
    underline: 'wavy',
    description: 'A party rejecting or disputing a claim.',
  },
  {
    id: 'unverified',
    name: 'Unverified',
    plural: 'unverified',
    key: '3',
    colour: '#7c3aed',
    underline: 'dotted',
    description: 'A report the outlet or analyst could not confirm.',
  },
];

const byId = new Map<string, LabelDef>(LABELS.map((l) => [l.id, l]));

export function isLabel(value: unknown): value is Label {
  return typeof value === 'string' && byId.has(value);
}

export function labelDef(id: Label): LabelDef {
  const def = byId.get(id);
  if (!def) throw new Error(`Unknown label: ${id}`);
  return def;
}

export function labelForKey(key: string): Label | undefined {
  return LABELS.find((l) => l.key === key)?.id;
}

export type LabelCounts = Record<Label, number>;

export function emptyCounts(): LabelCounts {
  return { claim: 0, denial: 0, unverified: 0 };
}

export function countLabels(annotations: Iterable<{ label: Label }>): LabelCounts {
  const counts = emptyCounts();
  for (const a of annotations) counts[a.label] += 1;
  return counts;
}
