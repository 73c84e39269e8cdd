/** What every exporter does first: group annotations by document, check them, convert offsets to code points. */
import { compareReadingOrder } from '../annotation.ts';
import { isCodePointBoundary, offsetConverter, type OffsetConverter } from '../anchoring/offsets.ts';
import { DEFAULT_LABELS, mergeLabelSets, type LabelDef } from '../labels.ts';
import type { Annotation, Dataset, FmDocument } from '../model.ts';
import type { ExportReport, FormatId, LeftOut, OffsetUnit } from './types.ts';

export interface ExportSpan {
  annotation: Annotation;
  /** Code point offsets. */
  start: number;
  end: number;
  /** The covered text. */
  text: string;
}

export interface ExportDoc {
  doc: FmDocument;
  /** In reading order. */
  spans: ExportSpan[];
  conv: OffsetConverter;
}

/** Collects left-out annotations by reason, in the order reasons first occur. */
export class LeftOutLog {
  private byReason = new Map<string, string[]>();
  add(reason: string, annotationId: string): void {
    const ids = this.byReason.get(reason) ?? [];
    ids.push(annotationId);
    this.byReason.set(reason, ids);
  }
  list(): LeftOut[] {
    return [...this.byReason].map(([reason, annotationIds]) => ({ reason, count: annotationIds.length, annotationIds }));
  }
}

export interface Prepared {
  docs: ExportDoc[];
  leftOut: LeftOutLog;
}

export function prepareExport(dataset: Dataset): Prepared {
  const leftOut = new LeftOutLog();
  const byDoc = new Map<string, Annotation[]>();
  for (const d of dataset.documents) byDoc.set(d.id, []);
  for (const a of dataset.annotations) {
    // an orphan did not re-anchor to its article's new version: it has no place in that text to export
    if (a.orphan) {
      leftOut.add('it is an orphan waiting to be re-attached to the new version of its article', a.id);
      continue;
    }
    const list = byDoc.get(a.documentId);
    if (list) list.push(a);
    else leftOut.add('its document is not in the dataset', a.id);
  }
  const seen = new Set<string>();
  const docs = dataset.documents.map((doc) => {
    const conv = offsetConverter(doc.text);
    const spans: ExportSpan[] = [];
    for (const a of [...(byDoc.get(doc.id) ?? [])].sort(compareReadingOrder)) {
      if (seen.has(a.id)) {
        leftOut.add('another annotation has the same id', a.id);
        continue;
      }
      seen.add(a.id);
      // any label of the library's set is exported (the set is configurable); only a missing one is left out
      if (typeof a.label !== 'string' || !a.label) {
        leftOut.add(`no label "${String(a.label)}"`, a.id);
      } else if (!Number.isInteger(a.start) || !Number.isInteger(a.end) || a.start < 0 || a.end > doc.text.length || a.start >= a.end) {
        leftOut.add('its offsets are outside the document text', a.id);
      } else if (!isCodePointBoundary(doc.text, a.start) || !isCodePointBoundary(doc.text, a.end)) {
        leftOut.add('an offset falls inside an astral character (between the halves of a surrogate pair)', a.id);
      } else {
        spans.push({ annotation: a, start: conv.toCodePoints(a.start), end: conv.toCodePoints(a.end), text: doc.text.slice(a.start, a.end) });
      }
    }
    return { doc, spans, conv };
  });
  return { docs, leftOut };
}

export function makeReport(format: FormatId, offsetUnit: OffsetUnit, prepared: Prepared, written: number, extra: LeftOutLog[] = []): ExportReport {
  return {
    format,
    offsetUnit,
    documents: prepared.docs.length,
    annotations: written,
    leftOut: [prepared.leftOut, ...extra].flatMap((l) => l.list()),
  };
}

export const countSpans = (p: Prepared) => p.docs.reduce((n, d) => n + d.spans.length, 0);

/** JSON with keys in the order objects were built; undefined fields dropped. */
export const json = (value: unknown) => JSON.stringify(value);

/**
 * The label set an export declares: the dataset's own (the library's) or the default set, plus a stand-in for any
 * label the annotations use that the set lacks, so every label in the file is defined.
 */
export function exportLabelSet(dataset: Dataset): LabelDef[] {
  return mergeLabelSets(dataset.labels ?? DEFAULT_LABELS, [...new Set(dataset.annotations.map((a) => a.label))]).set;
}
