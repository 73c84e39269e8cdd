/**
 * Where annotators disagree, for the review UI. Only the layers (annotators) named are compared; spans overlap when
 * they share at least one code unit.
 * - label: the same span (start and end) labelled differently by different annotators.
 * - boundary: overlapping spans with the same label, from different annotators, whose starts or ends differ
 *   (one entry per chain of overlapping same-label spans).
 * - missing: spans that some named annotators have no overlapping span (of any label) for; overlapping spans
 *   missing from the same annotators are reported together.
 * Sorted in reading order: by start, longer first, then label, boundary, missing.
 */
import type { Label } from '../labels.ts';
import type { Annotation } from '../model.ts';

export type DisagreementKind = 'label' | 'boundary' | 'missing';

export interface Disagreement {
  kind: DisagreementKind;
  documentId: string;
  /** The region in UTF-16 offsets: from the first involved span's start to the last one's end. */
  start: number;
  end: number;
  /** The annotations involved, in reading order. */
  annotationIds: string[];
  /** The annotators whose spans are involved. */
  annotators: string[];
  labels: Label[];
  /** For 'missing': the annotators with no overlapping span. */
  missingFrom?: string[];
}

const kindOrder: Record<DisagreementKind, number> = { label: 0, boundary: 1, missing: 2 };
const byStart = (a: Annotation, b: Annotation) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id);

export function findDisagreements(annotations: Annotation[], annotators: string[]): Disagreement[] {
  const layers = new Set(annotators);
  const byDoc = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (!layers.has(a.annotator)) continue;
    let list = byDoc.get(a.documentId);
    if (!list) byDoc.set(a.documentId, (list = []));
    list.push(a);
  }
  const out: Disagreement[] = [];
  for (const [documentId, list] of byDoc) {
    list.sort(byStart);
    const found = [...labelConflicts(list), ...boundaryConflicts(list), ...missingSpans(list, [...layers])];
    found.sort((x, y) => x.start - y.start || y.end - x.end || kindOrder[x.kind] - kindOrder[y.kind]);
    for (const f of found) out.push({ ...f, documentId });
  }
  return out;
}

type Found = Omit<Disagreement, 'documentId'>;

function entry(kind: DisagreementKind, group: readonly Annotation[], missingFrom?: string[]): Found {
  const sorted = [...group].sort(byStart);
  const found: Found = {
    kind,
    start: sorted[0]!.start,
    end: sorted.reduce((m, a) => Math.max(m, a.end), 0),
    annotationIds: sorted.map((a) => a.id),
    annotators: [...new Set(sorted.map((a) => a.annotator))],
    labels: [...new Set(sorted.map((a) => a.label))],
  };
  if (missingFrom) found.missingFrom = missingFrom;
  return found;
}

function labelConflicts(list: readonly Annotation[]): Found[] {
  const bySpan = new Map<string, Annotation[]>();
  for (const a of list) {
    const key = `${a.start}:${a.end}`;
    const group = bySpan.get(key);
    if (group) group.push(a);
    else bySpan.set(key, [a]);
  }
  const out: Found[] = [];
  for (const group of bySpan.values()) {
    if (new Set(group.map((a) => a.label)).size > 1 && new Set(group.map((a) => a.annotator)).size > 1) out.push(entry('label', group));
  }
  return out;
}

function boundaryConflicts(list: readonly Annotation[]): Found[] {
  const out: Found[] = [];
  const open = new Map<Label, { end: number; group: Annotation[] }>();
  const close = (chain: { group: Annotation[] }) => {
    const g = chain.group;
    // With ≥ 2 annotators and ≥ 2 distinct spans, two different annotators' spans always differ somewhere.
    if (new Set(g.map((a) => a.annotator)).size > 1 && new Set(g.map((a) => `${a.start}:${a.end}`)).size > 1) out.push(entry('boundary', g));
  };
  for (const a of list) {
    const chain = open.get(a.label);
    if (chain && chain.end > a.start) {
      chain.group.push(a);
      chain.end = Math.max(chain.end, a.end);
    } else {
      if (chain) close(chain);
      open.set(a.label, { end: a.end, group: [a] });
    }
  }
  for (const chain of open.values()) close(chain);
  return out;
}

function missingSpans(list: readonly Annotation[], layers: readonly string[]): Found[] {
  // Per annotator: spans by start with the running maximum end, to ask "does any span overlap [s, e)?" in O(log n).
  const index = new Map<string, { starts: number[]; maxEnd: number[] }>();
  for (const name of layers) index.set(name, { starts: [], maxEnd: [] });
  for (const a of list) {
    const ix = index.get(a.annotator)!;
    ix.starts.push(a.start);
    ix.maxEnd.push(Math.max(a.end, ix.maxEnd[ix.maxEnd.length - 1] ?? 0));
  }
  const overlapsAny = (name: string, start: number, end: number) => {
    const { starts, maxEnd } = index.get(name)!;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! > start;
  };
  const out: Found[] = [];
  const open = new Map<string, { end: number; group: Annotation[]; missing: string[] }>();
  for (const a of list) {
    const missing = layers.filter((name) => name !== a.annotator && !overlapsAny(name, a.start, a.end));
    if (missing.length === 0) continue;
    const key = JSON.stringify(missing);
    const chain = open.get(key);
    if (chain && chain.end > a.start) {
      chain.group.push(a);
      chain.end = Math.max(chain.end, a.end);
    } else {
      if (chain) out.push(entry('missing', chain.group, chain.missing));
      open.set(key, { end: a.end, group: [a], missing });
    }
  }
  for (const chain of open.values()) out.push(entry('missing', chain.group, chain.missing));
  return out;
}
