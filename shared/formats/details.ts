/**
 * Annotation details and links in dataset files: source, confidence, evidence URLs and the `answers` link (the note
 * is read by each format itself). One reader and one writer so every format that carries them agrees, and so the
 * native format round-trips them byte for byte.
 */
import { CONFIDENCES, type Annotation, type AttributedSource, type Confidence } from '../model.ts';
import { isSafeExternalUrl } from '../urls.ts';
import type { Problems, Place } from './assemble.ts';
import { isObject } from './assemble.ts';
import type { Prepared } from './prepare.ts';
import type { ExportReport } from './types.ts';

export type SpanDetails = Partial<Pick<Annotation, 'source' | 'confidence' | 'evidence' | 'answers'>>;

export const DETAIL_FIELDS = ['source', 'confidence', 'evidence', 'answers'] as const;

/** The detail fields of an annotation in the order files write them; absent ones are left out. */
export function writeDetails(a: Annotation): SpanDetails {
  return {
    ...(a.source ? { source: a.source.annotationId !== undefined ? { text: a.source.text, annotationId: a.source.annotationId } : { text: a.source.text } } : {}),
    ...(a.confidence ? { confidence: a.confidence } : {}),
    ...(a.evidence?.length ? { evidence: [...a.evidence] } : {}),
    ...(a.answers ? { answers: a.answers } : {}),
  };
}

/**
 * Reads the detail fields of one annotation record. A malformed field is dropped with a warning naming it; an
 * evidence URL that is not http(s) is dropped alone (the app opens evidence in the system browser: no other scheme
 * may get in through a file).
 */
export function readDetails(a: Record<string, unknown>, at: string, place: Place, problems: Problems): SpanDetails {
  const out: SpanDetails = {};
  const s = a.source;
  if (s !== undefined) {
    if (isObject(s) && typeof s.text === 'string' && s.text.trim() !== '' && (s.annotationId === undefined || (typeof s.annotationId === 'string' && s.annotationId !== ''))) {
      out.source = (s.annotationId !== undefined ? { text: s.text, annotationId: s.annotationId } : { text: s.text }) as AttributedSource;
    } else problems.warn(place, `${at}: "source" must be {text: string, annotationId?: string}; ignored`);
  }
  if (a.confidence !== undefined) {
    if ((CONFIDENCES as readonly unknown[]).includes(a.confidence)) out.confidence = a.confidence as Confidence;
    else problems.warn(place, `${at}: "confidence" must be one of ${CONFIDENCES.join(', ')}; ignored`);
  }
  if (a.evidence !== undefined) {
    if (!Array.isArray(a.evidence)) problems.warn(place, `${at}: "evidence" must be an array of URLs; ignored`);
    else {
      const urls: string[] = [];
      for (const u of a.evidence) {
        if (typeof u === 'string' && isSafeExternalUrl(u)) urls.push(u);
        else problems.warn(place, `${at}: evidence ${JSON.stringify(u)} is not an http(s) URL; dropped`);
      }
      if (urls.length) out.evidence = urls;
    }
  }
  if (a.answers !== undefined) {
    if (typeof a.answers === 'string' && a.answers.trim() !== '') out.answers = a.answers;
    else problems.warn(place, `${at}: "answers" must be an annotation id; ignored`);
  }
  return out;
}

/**
 * After an import: links whose target is not in the file. They are kept — the claim may be in the library already,
 * and the reader flags a link whose claim is missing — but said, so nobody is surprised.
 */
export function reportDanglingLinks(annotations: readonly Annotation[], problems: Problems): void {
  const ids = new Set(annotations.map((a) => a.id));
  const dangling = annotations.filter((a) => a.answers && !ids.has(a.answers));
  if (dangling.length) {
    const n = dangling.length;
    problems.warn({}, `${n} annotation${n === 1 ? '' : 's'} answer${n === 1 ? 's' : ''} an annotation that is not in this file (${dangling.slice(0, 3).map((a) => `"${a.id}" → "${a.answers}"`).join(', ')}${n > 3 ? ', …' : ''}); the link${n === 1 ? ' is' : 's are'} kept and show${n === 1 ? 's' : ''} as answering a deleted claim unless that claim is already in the library`);
  }
}

/**
 * For formats that cannot hold links: "N links left out" for the export report's warnings, or nothing when no
 * annotation written has a link. The annotations themselves are in the file; only the links are lost.
 */
export function linksLeftOut(written: Iterable<Annotation>, formatName: string): string[] {
  let n = 0;
  for (const a of written) if (a.answers) n++;
  return n ? [`${n} link${n === 1 ? '' : 's'} left out: ${formatName} has no place for a link from an answer to the claim it answers (the annotations themselves are written).`] : [];
}

/** The report with these warnings added (the field is left out when there are none, so reports stay as they were). */
export function withWarnings(report: ExportReport, warnings: string[]): ExportReport {
  return warnings.length ? { ...report, warnings: [...(report.warnings ?? []), ...warnings] } : report;
}

/** The annotations an export wrote, for formats that write every prepared span. */
export const writtenAnnotations = (p: Prepared): Annotation[] => p.docs.flatMap((d) => d.spans.map((s) => s.annotation));
