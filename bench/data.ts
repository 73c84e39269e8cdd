/**
 * Deterministic bench data: articles built from the sample articles' sentences, annotations on word boundaries,
 * some overlapping. Same seed, same data, in Node and in the bench page.
 */
import { makeAnnotation } from '../shared/annotation.ts';
import { sha256Hex } from '../shared/hash.ts';
import type { Label } from '../shared/labels.ts';
import type { Annotation, Dataset, FmDocument } from '../shared/model.ts';

const LABELS: Label[] = ['claim', 'denial', 'unverified'];
const NOW = '2024-01-01T00:00:00.000Z';

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(rand() * 4)]!;
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Sentences of the sample articles (one string per sentence, no line breaks). */
export function sentencesOf(texts: string[]): string[] {
  return texts
    .flatMap((t) => t.split(/\n+/))
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 30 && s.length <= 400);
}

/** Paragraphs of 3–7 sentences, one per line, until the text has `words` words (or `chars` characters). */
export function makeText(rand: () => number, sentences: string[], limit: { words?: number; chars?: number }): string {
  const lines: string[] = [];
  let words = 0;
  let chars = 0;
  while ((limit.words === undefined || words < limit.words) && (limit.chars === undefined || chars < limit.chars)) {
    const n = 3 + Math.floor(rand() * 5);
    const para = Array.from({ length: n }, () => pick(rand, sentences)).join(' ');
    lines.push(para);
    words += para.split(/\s+/).length;
    chars += para.length + 1;
  }
  return lines.join('\n');
}

/** Word spans [start, end) inside one line each. */
function wordsByLine(text: string): { start: number; end: number; line: number }[] {
  const out: { start: number; end: number; line: number }[] = [];
  let line = 0;
  const re = /\S+|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '\n') line++;
    else out.push({ start: m.index, end: m.index + m[0].length, line });
  }
  return out;
}

/** `count` annotations of 1–10 words on one line each; about one in six overlaps the one before it. */
export function makeAnnotations(rand: () => number, doc: FmDocument, count: number, annotators: string[]): Annotation[] {
  const words = wordsByLine(doc.text);
  const out: Annotation[] = [];
  let prev = -1;
  for (let i = 0; i < count; i++) {
    let first = prev >= 0 && rand() < 0.17 ? Math.min(words.length - 1, prev + Math.floor(rand() * 3)) : Math.floor(rand() * words.length);
    let last = first + Math.floor(rand() * 10);
    while (last >= words.length || words[last]!.line !== words[first]!.line) last--;
    prev = first;
    const annotator = annotators[i % annotators.length]!;
    const draft = { documentId: doc.id, annotator, label: pick(rand, LABELS), start: words[first]!.start, end: words[last]!.end };
    out.push(makeAnnotation(doc.text, draft, NOW, uuid(rand)));
  }
  return out;
}

export async function makeDocument(rand: () => number, title: string, text: string): Promise<FmDocument> {
  return { id: uuid(rand), title, text, contentHash: await sha256Hex(text), source: { kind: 'bench' }, createdAt: NOW };
}

/** The 200,000-word article with its 10,000 annotations. */
export async function bigArticle(sentences: string[], words = 200_000, annotations = 10_000) {
  const rand = prng(1);
  const doc = await makeDocument(rand, 'Bench: 200,000-word article', makeText(rand, sentences, { words }));
  return { doc, annotations: makeAnnotations(rand, doc, annotations, ['Ana Analyst']) };
}

/** `count` articles of about `chars` characters each (titles numbered so they sort). */
export async function manyDocuments(sentences: string[], count: number, chars = 5000, seed = 2): Promise<FmDocument[]> {
  const rand = prng(seed);
  const docs: FmDocument[] = [];
  for (let i = 0; i < count; i++) {
    docs.push(await makeDocument(rand, `Bench article ${String(i).padStart(6, '0')}`, makeText(rand, sentences, { chars })));
  }
  return docs;
}

/** A dataset of `docs` documents with `perDoc` annotations each, by three annotators. */
export async function dataset(sentences: string[], docs: number, perDoc: number): Promise<Dataset> {
  const documents = await manyDocuments(sentences, docs);
  const rand = prng(3);
  const annotations = documents.flatMap((d) => makeAnnotations(rand, d, perDoc, ['ana', 'ben', 'cleo']));
  return { documents, annotations };
}

/**
 * Three annotators over the same documents: 'ana' tags freely, 'ben' and 'cleo' mostly agree with her (same span
 * and label), sometimes shift a span, change a label or miss it.
 */
export async function agreementDataset(sentences: string[], docs: number, perAnnotatorPerDoc: number): Promise<Dataset> {
  const documents = await manyDocuments(sentences, docs, 5000, 4);
  const rand = prng(5);
  const annotations: Annotation[] = [];
  for (const d of documents) {
    const base = makeAnnotations(rand, d, perAnnotatorPerDoc, ['ana']);
    annotations.push(...base);
    for (const who of ['ben', 'cleo']) {
      for (const a of base) {
        const r = rand();
        let { start, end, label } = a;
        if (r < 0.1) continue;
        if (r < 0.2) label = pick(rand, LABELS);
        else if (r < 0.3) end = Math.max(start + 1, end - 1);
        annotations.push(makeAnnotation(d.text, { documentId: d.id, annotator: who, label, start, end }, NOW, uuid(rand)));
      }
    }
  }
  return { documents, annotations };
}
