/**
 * The label set: the one place that names, colours and keys the tags.
 * Each library configures its own set (stored in its settings); `DEFAULT_LABELS` is the set a new library starts with
 * and the one the CLI and format fallbacks use. Colours are paired with a second cue (underline style) so a label is
 * never told by colour alone.
 */
export const DEFAULT_LABEL_IDS = ['claim', 'denial', 'unverified'] as const;
/** The default set's ids (kept for callers that only know the default set). */
export const LABEL_IDS = DEFAULT_LABEL_IDS;
/** A label's id: any non-empty string, as stored on annotations and written in exports. */
export type Label = string;
export const UNDERLINES = ['solid', 'wavy', 'dotted', 'dashed', 'double'] as const;
export type Underline = (typeof UNDERLINES)[number];

export interface LabelDef {
  id: Label;
  /** Name shown on buttons and in lists. */
  name: string;
  /** Plural for counts ("3 claims"). */
  plural: string;
  /** Keyboard shortcut in the reader: one character, or '' for none. */
  key: string;
  /** Highlight colour as #rrggbb, used with alpha for backgrounds. */
  colour: string;
  /** Second cue besides colour: CSS text-decoration-style of the highlight's underline. */
  underline: Underline;
  /** The annotation guideline in one sentence, shown as a tooltip. */
  description: string;
}

/** An ordered label set: the order of the toolbar, the panel's choices and the count columns. */
export type LabelSet = readonly LabelDef[];

export const DEFAULT_LABELS: LabelSet = [
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

/** Keys the reader already uses (compared case-insensitively); a label key may not take one. */
export const RESERVED_KEYS: readonly string[] = ['j', 'k', 'n', 'p', '[', ']', '{', '}', '?', '/', ' '];

/** Colours given in turn to labels that arrive without one (added in the editor or met in an import). */
const PALETTE = ['#0f766e', '#b91c1c', '#a16207', '#be185d', '#4d7c0f', '#0369a1', '#6d28d9', '#9a3412'];

const COLOUR = /^#[0-9a-f]{6}$/i;

/** True when `value` is a label of `set` (by default the default set). */
export function isLabel(value: unknown, set: LabelSet = DEFAULT_LABELS): value is Label {
  return typeof value === 'string' && set.some((l) => l.id === value);
}

/** A label's definition; an id not in the set (e.g. a label removed since) gets a plain grey stand-in, never a throw. */
export function labelDef(id: Label, set: LabelSet = DEFAULT_LABELS): LabelDef {
  return set.find((l) => l.id === id) ?? stubLabel(id, set);
}

export function labelForKey(key: string, set: LabelSet = DEFAULT_LABELS): Label | undefined {
  if (!key) return undefined;
  const k = key.toLowerCase();
  return set.find((l) => l.key !== '' && l.key.toLowerCase() === k)?.id;
}

/** A definition for a label id met without one (an import, a stale annotation): its name is the id, it has no key. */
export function stubLabel(id: Label, set: LabelSet = []): LabelDef {
  const name = id.length ? id[0]!.toUpperCase() + id.slice(1) : id;
  return {
    id,
    name,
    plural: name.toLowerCase(),
    key: '',
    colour: PALETTE[set.length % PALETTE.length]!,
    underline: UNDERLINES[set.length % UNDERLINES.length]!,
    description: '',
  };
}

/** A new label's id from its name: lower case words joined by '-', made unique within the set. */
export function labelIdFor(name: string, set: LabelSet): Label {
  const base = name.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'label';
  let id = base;
  for (let n = 2; set.some((l) => l.id === id); n++) id = `${base}-${n}`;
  return id;
}

/** One problem with a label set, with the row it belongs to (index in the set) so the editor can point at it. */
export interface LabelSetProblem {
  index: number;
  field: 'name' | 'key' | 'colour' | 'id';
  message: string;
}

/** Every problem with a set; empty means it can be saved. Messages are meant for the user as they are. */
export function validateLabelSet(set: LabelSet): LabelSetProblem[] {
  const problems: LabelSetProblem[] = [];
  if (set.length === 0) problems.push({ index: 0, field: 'name', message: 'Keep at least one label.' });
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  const keys = new Map<string, number>();
  set.forEach((l, index) => {
    const name = l.name.trim();
    if (!l.id) problems.push({ index, field: 'id', message: `Label ${index + 1} has no id.` });
    else if (ids.has(l.id)) problems.push({ index, field: 'id', message: `Two labels have the id “${l.id}”.` });
    else ids.set(l.id, index);
    if (!name) problems.push({ index, field: 'name', message: `Label ${index + 1} needs a name.` });
    else if (names.has(name.toLowerCase())) problems.push({ index, field: 'name', message: `Two labels are called “${name}”.` });
    else names.set(name.toLowerCase(), index);
    const key = l.key;
    if (key) {
      const k = key.toLowerCase();
      const label = name || `Label ${index + 1}`;
      if ([...key].length !== 1) problems.push({ index, field: 'key', message: `The key of “${label}” must be a single character (or empty for none).` });
      else if (RESERVED_KEYS.includes(k)) problems.push({ index, field: 'key', message: `Key “${key}” of “${label}” is already a reader shortcut; choose another.` });
      else if (keys.has(k)) {
        const other = set[keys.get(k)!]!.name.trim() || `Label ${keys.get(k)! + 1}`;
        problems.push({ index, field: 'key', message: `Key “${key}” is used by both “${other}” and “${label}”; each label needs its own key.` });
      } else keys.set(k, index);
    }
    if (!COLOUR.test(l.colour)) problems.push({ index, field: 'colour', message: `The colour of “${name || `label ${index + 1}`}” must look like #1f6fd1.` });
  });
  return problems;
}

/**
 * Reads a stored or imported set, keeping every usable definition: fields missing or of the wrong type get the
 * stand-in's values. Returns null when `value` is not a list of labels at all.
 */
export function parseLabelSet(value: unknown): LabelDef[] | null {
  if (!Array.isArray(value)) return null;
  const out: LabelDef[] = [];
  for (const item of value) {
    const v = typeof item === 'string' ? { id: item } : (item as Record<string, unknown> | null);
    if (!v || typeof v !== 'object' || typeof v.id !== 'string' || !v.id || out.some((l) => l.id === v.id)) continue;
    const stub = labelDef(v.id, DEFAULT_LABELS.some((l) => l.id === v.id) ? DEFAULT_LABELS : out);
    const str = (k: keyof LabelDef) => (typeof v[k] === 'string' ? (v[k] as string) : (stub[k] as string));
    out.push({
      id: v.id,
      name: str('name'),
      plural: str('plural'),
      key: str('key'),
      colour: COLOUR.test(str('colour')) ? str('colour') : stub.colour,
      underline: (UNDERLINES as readonly string[]).includes(str('underline')) ? (str('underline') as Underline) : stub.underline,
      description: str('description'),
    });
  }
  return out;
}

/**
 * Adds the definitions of `incoming` labels that `set` lacks (an import carrying its own set, or bare ids met in a
 * file). A key already taken in `set` (or reserved) is left empty and reported, so nothing in the library changes
 * meaning. Labels already in `set` keep the library's definition.
 */
export function mergeLabelSets(set: LabelSet, incoming: readonly (LabelDef | Label)[]): { set: LabelDef[]; added: LabelDef[]; warnings: string[] } {
  const out = [...set];
  const added: LabelDef[] = [];
  const warnings: string[] = [];
  for (const item of incoming) {
    const def = typeof item === 'string' ? stubLabel(item, out) : item;
    if (out.some((l) => l.id === def.id)) continue;
    let key = def.key;
    const k = key.toLowerCase();
    if (key && ([...key].length !== 1 || RESERVED_KEYS.includes(k) || out.some((l) => l.key.toLowerCase() === k))) {
      warnings.push(`Label “${def.name}” came with key “${key}”, which is taken in this library; it was added without a key.`);
      key = '';
    }
    let name = def.name.trim() || def.id;
    if (out.some((l) => l.name.trim().toLowerCase() === name.toLowerCase())) name = `${name} (${def.id})`;
    const colour = COLOUR.test(def.colour) ? def.colour : stubLabel(def.id, out).colour;
    const next = { ...def, key, name, colour };
    out.push(next);
    added.push(next);
  }
  return { set: out, added, warnings };
}

export type LabelCounts = Record<Label, number>;

/** Zero counts for each label of `set`; a label outside the set is counted under its own id when met. */
export function emptyCounts(set: LabelSet = DEFAULT_LABELS): LabelCounts {
  return Object.fromEntries(set.map((l) => [l.id, 0]));
}

export function countLabels(annotations: Iterable<{ label: Label }>, set: LabelSet = DEFAULT_LABELS): LabelCounts {
  const counts = emptyCounts(set);
  for (const a of annotations) counts[a.label] = (counts[a.label] ?? 0) + 1;
  return counts;
}

/** Highlight names the reader paints besides labels; a label id equal to one is written the long way. */
const INTERNAL_HIGHLIGHTS = new Set(['overlap', 'selected', 'flash', 'find', 'find-current']);

/** All annotations counted, whatever their label. */
export function totalCount(counts: LabelCounts): number {
  let n = 0;
  for (const v of Object.values(counts)) n += v;
  return n;
}

/**
 * The CSS Custom Highlight name painting a label: `fm-<id>` when the id is a plain CSS identifier (the defaults stay
 * fm-claim…), otherwise `fm--` and its code points in hex, so any id (spaces, emoji) names a valid, distinct highlight.
 */
export function highlightName(id: Label): string {
  if (/^[a-z][a-z0-9-]*$/.test(id) && !INTERNAL_HIGHLIGHTS.has(id)) return `fm-${id}`;
  return `fm--${[...id].map((c) => c.codePointAt(0)!.toString(16)).join('-')}`;
}
