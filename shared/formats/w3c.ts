/**
 * W3C Web Annotation (JSON-LD) AnnotationCollection: one page of annotations, each a standalone Web Annotation
 * (own @context) tagging a span with a TextQuoteSelector and a TextPositionSelector (code points, as the model
 * defines). The document texts travel in the collection under "factmark:documents" so an import can rebuild them.
 * A link from an answer to the claim it answers is a linking annotation (motivation "linking") whose targets are
 * both annotations, the answer first, with a TextualBody "answers" saying how they are linked.
 */
import { parseLabelSet, type LabelDef } from '../labels.ts';
import { SCHEMA_VERSION, type Annotation, type Dataset } from '../model.ts';
import { assemble, isObject, Problems, type Place, type RawDoc, type RawSpan } from './assemble.ts';
import { annotationIri, documentIri, idFromIri } from './ids.ts';
import { reportDanglingLinks } from './details.ts';
import { countSpans, exportLabelSet, makeReport, prepareExport } from './prepare.ts';
import { jsonFiles } from './readFiles.ts';
import type { ExportOptions, ExportResult, FormatFile, ImportOptions, ImportResult } from './types.ts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const FACTMARK_VOCAB = 'urn:factmark:vocab#';

export function exportW3c(dataset: Dataset, options: ExportOptions = {}): ExportResult {
  const prepared = prepareExport(dataset);
  const exportedAt = options.exportedAt ?? new Date().toISOString();
  const tagging = prepared.docs.flatMap(({ doc, spans }) =>
    spans.map(({ annotation: a, start, end }) => ({
      '@context': ANNO_CONTEXT,
      id: annotationIri(a.id),
      type: 'Annotation',
      motivation: 'tagging',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: a.label },
        ...(a.note !== undefined ? [{ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' }] : []),
      ],
      target: {
        source: documentIri(doc.id),
        selector: [
          { type: 'TextQuoteSelector', exact: a.quote, prefix: a.prefix, suffix: a.suffix },
          { type: 'TextPositionSelector', start, end },
        ],
      },
      creator: { type: 'Person', name: a.annotator },
      created: a.createdAt,
      modified: a.updatedAt,
    })),
  );
  const items = [...tagging, ...linkingAnnotations(prepared.docs.flatMap((d) => d.spans.map((s) => s.annotation)))];
  const collection = {
    '@context': [ANNO_CONTEXT, { factmark: FACTMARK_VOCAB }],
    id: `urn:factmark:export:${exportedAt}`,
    type: 'AnnotationCollection',
    label: 'Factmark annotations',
    created: exportedAt,
    'factmark:schemaVersion': SCHEMA_VERSION,
    'factmark:offsetUnit': 'codepoint',
    // the label set (tagging bodies name labels by id): names, keys, colours and guidelines for an importing library
    'factmark:labels': exportLabelSet(dataset).map(({ id, name, plural, key, colour, underline, description }) => ({ id, name, plural, key, colour, underline, description })),
    'factmark:documents': prepared.docs.map(({ doc }) => ({
      id: documentIri(doc.id),
      type: 'Text',
      format: 'text/plain',
      'factmark:id': doc.id,
      'factmark:title': doc.title,
      'factmark:text': doc.text,
      'factmark:contentHash': doc.contentHash,
      'factmark:source': doc.source,
      ...(doc.blocks ? { 'factmark:blocks': doc.blocks } : {}),
      created: doc.createdAt,
    })),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return {
    files: [{ path: 'dataset.w3c.jsonld', data: `${JSON.stringify(collection, null, 2)}\n` }],
    report: makeReport('w3c', 'codepoint', prepared, countSpans(prepared)),
  };
}

/** The relation a linking annotation states, as its body's value. */
export const ANSWERS_BODY = 'answers';

/** One linking annotation per `answers` link: targets [the answer, the claim]; its id is derived from the answer's. */
function linkingAnnotations(annotations: readonly Annotation[]) {
  return annotations.flatMap((a) =>
    a.answers
      ? [
          {
            '@context': ANNO_CONTEXT,
            id: `${annotationIri(a.id)}#answers`,
            type: 'Annotation',
            motivation: 'linking',
            body: { type: 'TextualBody', purpose: 'linking', value: ANSWERS_BODY, format: 'text/plain' },
            target: [annotationIri(a.id), annotationIri(a.answers)],
            creator: { type: 'Person', name: a.annotator },
            created: a.updatedAt,
          },
        ]
      : [],
  );
}

/** A linking annotation's link, or null when the item is not one (then it is read as a tagging annotation). */
function readLink(item: unknown): { from: string; to: string } | null {
  if (!isObject(item) || !asArray(item.motivation).includes('linking')) return null;
  const targets = asArray(item.target).map((t) => (typeof t === 'string' ? t : isObject(t) && typeof t.id === 'string' ? t.id : null));
  const bodyValue = asArray(item.body).find((b) => isObject(b) && b.value === ANSWERS_BODY);
  if (targets.length !== 2 || !bodyValue) return null;
  const [from, to] = targets.map((t) => (t ? idFromIri(t) ?? t : null));
  return from && to ? { from, to } : null;
}

const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function readAnnotation(item: unknown, index: number, place: Place, problems: Problems): { docIri: string; span: RawSpan } | null {
  const at = `annotation ${index + 1}`;
  if (!isObject(item) || !asArray(item.type).includes('Annotation')) {
    problems.error(place, `${at} is not a Web Annotation (type "Annotation"); skipped`);
    return null;
  }
  const id = typeof item.id === 'string' ? idFromIri(item.id) ?? item.id : undefined;
  const bodies = asArray(item.body).filter(isObject);
  const tag = bodies.find((b) => b.purpose === 'tagging' || b.purpose === 'classifying') ?? bodies.find((b) => b.purpose === undefined && typeof b.value === 'string');
  const note = bodies.find((b) => b.purpose === 'commenting');
  const target = asArray(item.target)[0];
  if (!tag || !isObject(target) || typeof target.source !== 'string') {
    problems.error(place, `${at}${id ? ` ("${id}")` : ''} has no tagging body or no target source; skipped`);
    return null;
  }
  const selectors = asArray(target.selector).filter(isObject);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  if (!quote && !position) {
    problems.error(place, `${at}${id ? ` ("${id}")` : ''} has neither a TextQuoteSelector nor a TextPositionSelector; skipped`);
    return null;
  }
  const creator = asArray(item.creator)[0];
  return {
    docIri: target.source,
    span: {
      place: { ...place },
      id,
      label: tag.value,
      start: position?.start,
      end: position?.end,
      unit: 'codepoint',
      ...(quote && typeof quote.exact === 'string' ? { text: quote.exact } : {}),
      ...(quote && typeof quote.prefix === 'string' ? { prefix: quote.prefix } : {}),
      ...(quote && typeof quote.suffix === 'string' ? { suffix: quote.suffix } : {}),
      annotator: isObject(creator) ? creator.name ?? creator.nickname : typeof creator === 'string' ? creator : undefined,
      note: note?.value,
      createdAt: item.created,
      updatedAt: item.modified,
    },
  };
}

export async function importW3c(files: FormatFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const problems = new Problems();
  const raws: RawDoc[] = [];
  const links: { from: string; to: string; place: Place }[] = [];
  const fileLabels: LabelDef[] = [];
  for (const { place, value: c } of jsonFiles(files, problems)) {
    if (!isObject(c) || !asArray(c.type).includes('AnnotationCollection')) {
      problems.error(place, 'expected a W3C AnnotationCollection (type "AnnotationCollection")');
      continue;
    }
    for (const def of parseLabelSet(c['factmark:labels']) ?? []) if (!fileLabels.some((l) => l.id === def.id)) fileLabels.push(def);
    const docs = new Map<string, RawDoc>();
    asArray(c['factmark:documents']).forEach((d, i) => {
      const dplace = { ...place };
      if (!isObject(d) || typeof d.id !== 'string' || typeof d['factmark:text'] !== 'string') {
        problems.error(dplace, `document ${i + 1} in factmark:documents has no id or no factmark:text; skipped`);
        return;
      }
      const source = d['factmark:source'];
      docs.set(d.id, {
        place: dplace,
        id: typeof d['factmark:id'] === 'string' ? d['factmark:id'] : idFromIri(d.id) ?? d.id,
        title: d['factmark:title'],
        text: d['factmark:text'],
        contentHash: d['factmark:contentHash'],
        ...(isObject(source) && typeof source.kind === 'string' ? { source: source as unknown as RawDoc['source'] } : {}),
        ...(Array.isArray(d['factmark:blocks']) ? { blocks: d['factmark:blocks'] as RawDoc['blocks'] } : {}),
        createdAt: d.created,
        spans: [],
      });
    });
    const pages = asArray(c.first);
    const items = pages.flatMap((p) => (isObject(p) ? asArray(p.items) : []));
    if (typeof c.total === 'number' && c.total !== items.length) problems.warn(place, `the collection announces ${c.total} annotation(s) but its first page has ${items.length}`);
    items.forEach((item, i) => {
      const link = readLink(item);
      if (link) return void links.push({ ...link, place });
      const read = readAnnotation(item, i, place, problems);
      if (!read) return;
      const doc = docs.get(read.docIri);
      if (!doc) problems.error(place, `annotation ${i + 1} targets ${read.docIri}, which is not among factmark:documents; skipped`);
      else doc.spans.push(read.span);
    });
    for (const doc of docs.values()) raws.push(doc); // not push(...): a spread of many documents overflows the stack
  }
  const dataset = await assemble(raws, problems, options);
  if (fileLabels.length) dataset.labels = fileLabels;
  const byId = new Map(dataset.annotations.map((a) => [a.id, a]));
  for (const l of links) {
    const from = byId.get(l.from);
    if (from) from.answers = l.to;
    else problems.warn(l.place, `a linking annotation starts from ${l.from}, which is not an annotation in this file; ignored`);
  }
  reportDanglingLinks(dataset.annotations, problems);
  return { dataset, problems: problems.list };
}
