/**
 * Annotation details and links as pure rules: what a valid note, source, evidence list and `answers` link are, and
 * what deleting an annotation does to the links that point at it. The renderer shows these messages as they are.
 */
import { CONFIDENCES, type Annotation, type AttributedSource, type Confidence } from './model.ts';
import { isSafeExternalUrl } from './urls.ts';

/** A note longer than this is refused with a message (the text stays in the field): it is a note, not an article. */
export const MAX_NOTE_LENGTH = 20_000;
export const MAX_SOURCE_LENGTH = 500;
export const MAX_EVIDENCE_URLS = 50;

/** What the details form edits; absent fields are cleared. */
export interface AnnotationDetails {
  note?: string;
  source?: AttributedSource;
  confidence?: Confidence;
  evidence?: string[];
  answers?: string;
}

export const DETAIL_KEYS = ['note', 'source', 'confidence', 'evidence', 'answers'] as const;

/** The details of an annotation, as the form starts from them. */
export function detailsOf(a: Annotation): AnnotationDetails {
  const out: AnnotationDetails = {};
  for (const k of DETAIL_KEYS) if (a[k] !== undefined) (out as Record<string, unknown>)[k] = a[k];
  return out;
}

/** The annotation with these details (and only these): empty values are removed rather than stored empty. */
export function withDetails(a: Annotation, d: AnnotationDetails, updatedAt: string): Annotation {
  const next: Annotation = { ...a, updatedAt };
  for (const k of DETAIL_KEYS) delete next[k];
  if (d.note !== undefined && d.note.trim() !== '') next.note = d.note;
  if (d.source && d.source.text.trim() !== '') next.source = d.source.annotationId ? { text: d.source.text.trim(), annotationId: d.source.annotationId } : { text: d.source.text.trim() };
  if (d.confidence) next.confidence = d.confidence;
  if (d.evidence?.length) next.evidence = [...d.evidence];
  if (d.answers) next.answers = d.answers;
  return next;
}

/** True when the details differ from what the annotation has (so Save without changes records no undo step). */
export function detailsChanged(a: Annotation, d: AnnotationDetails): boolean {
  const next = withDetails(a, d, a.updatedAt);
  return DETAIL_KEYS.some((k) => JSON.stringify(a[k]) !== JSON.stringify(next[k]));
}

export interface EvidenceParse {
  urls: string[];
  /** One message per bad line; empty when every line is a web link. */
  errors: string[];
}

/** Evidence URLs typed one per line: blank lines ignored, duplicates kept once, anything not http(s) refused. */
export function parseEvidence(input: string): EvidenceParse {
  const urls: string[] = [];
  const errors: string[] = [];
  input.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (!isSafeExternalUrl(line)) {
      const shown = line.length > 60 ? `${line.slice(0, 57)}…` : line;
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(line)?.[1];
      errors.push(
        scheme && !/^https?$/i.test(scheme)
          ? `Evidence line ${i + 1}: “${shown}” is a ${scheme.toLowerCase()}: link; only web links (http:// or https://) are allowed.`
          : `Evidence line ${i + 1}: “${shown}” is not a web address; write it in full, starting with https:// or http://.`,
      );
      return;
    }
    const url = new URL(line).href;
    if (!urls.includes(url)) urls.push(url);
  });
  if (urls.length > MAX_EVIDENCE_URLS) errors.push(`There are ${urls.length} evidence URLs; at most ${MAX_EVIDENCE_URLS} are allowed.`);
  return { urls, errors };
}

/** Problems that stop the details from being saved; nothing is changed until they are fixed. */
export function validateDetails(self: Annotation, d: AnnotationDetails): string[] {
  const errors: string[] = [];
  if (d.note !== undefined && d.note.length > MAX_NOTE_LENGTH) {
    errors.push(`The note is ${d.note.length.toLocaleString('en')} characters long; the limit is ${MAX_NOTE_LENGTH.toLocaleString('en')}. Shorten it (or keep the long text elsewhere and link it as evidence) to save.`);
  }
  if (d.source && d.source.text.trim().length > MAX_SOURCE_LENGTH) errors.push(`The source is longer than ${MAX_SOURCE_LENGTH} characters; give a name and a role, not a passage.`);
  if (d.source?.annotationId === self.id) errors.push('An annotation cannot be its own source.');
  if (d.confidence !== undefined && !(CONFIDENCES as readonly string[]).includes(d.confidence)) errors.push(`Confidence must be low, medium or high.`);
  for (const url of d.evidence ?? []) if (!isSafeExternalUrl(url)) errors.push(`“${url}” is not a web link (http or https).`);
  if (d.answers !== undefined) errors.push(...linkProblems(self, d.answers));
  return errors;
}

/** Why `from` cannot answer the annotation with id `targetId`, if it cannot (its existence is checked elsewhere). */
export function linkProblems(from: Annotation, targetId: string): string[] {
  if (targetId === from.id) return ['An annotation cannot answer itself.'];
  if (from.label === 'claim') return ['Only a denial or an unverified report can answer a claim. Change the label first.'];
  return [];
}

/** What the `answers` link of an annotation points at, as the reader shows it. */
export type LinkState<T> = { kind: 'none' } | { kind: 'ok'; target: T } | { kind: 'missing'; id: string };

/** Resolves a link against the annotations that exist; a link to one that does not is 'missing', never dropped. */
export function resolveLink<T>(a: Pick<Annotation, 'answers'>, lookup: (id: string) => T | undefined): LinkState<T> {
  if (!a.answers) return { kind: 'none' };
  const target = lookup(a.answers);
  return target === undefined ? { kind: 'missing', id: a.answers } : { kind: 'ok', target };
}

/** The annotations (of `all`) that answer the one with this id. */
export function answersTo(id: string, all: Iterable<Annotation>): Annotation[] {
  const out: Annotation[] = [];
  for (const a of all) if (a.answers === id) out.push(a);
  return out;
}

/**
 * Deleting an annotation others answer keeps their `answers` ids (so undoing the delete restores every link as it
 * was); the message says how many now point at a deleted annotation.
 */
export function deleteImpact(deleted: Annotation, answering: readonly Annotation[]): string | null {
  const n = answering.length;
  if (n === 0) return null;
  return `${n} annotation${n === 1 ? '' : 's'} answered it and now ${n === 1 ? 'answers' : 'answer'} a ${deleted.label} that was deleted.`;
}

/** How a link reads from the side of the annotation that is answered ("Denied by …", "Answered by …"). */
export function reverseLinkPhrase(answering: Pick<Annotation, 'label'>): string {
  return answering.label === 'denial' ? 'Denied by' : 'Answered by';
}

/** Distinct source texts, most used first, then alphabetically: suggestions for the Source field. */
export function sourceSuggestions(sources: Iterable<string>, limit = 200): string[] {
  const counts = new Map<string, number>();
  for (const s of sources) {
    const t = s.trim();
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, limit)
    .map(([t]) => t);
}
