/**
 * Every format, on the fixture corpus: the export's offsets select the covered text as the format's consumer reads
 * it (code points, as Python's text[start:end]), and importing the export gives back what the format carries.
 */
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Dataset } from '../model.ts';
import { fixtureCorpus, FIXTURE_EXPORTED_AT } from './fixtures/corpus.ts';
import { FORMAT_IDS, FORMATS, formatById, type FormatId } from './index.ts';
import { cpSlice, fileText, spanKeys } from './testing.ts';
import { toZip, fromZip } from './zip.ts';
import { tokenise } from './conll.ts';

let corpus: Dataset;
beforeAll(async () => {
  corpus = await fixtureCorpus();
});

const NOW = '2025-01-01T00:00:00.000Z';
const exported = (id: FormatId) => formatById(id)!.export(corpus, { exportedAt: FIXTURE_EXPORTED_AT });
const docText = (id: string) => corpus.documents.find((d) => d.id === id)!.text;
const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
const sorted = <T extends { id: string }>(list: T[]) => [...list].sort(byId);
const quoteOf = (a: Annotation) => a.quote;

describe('the registry', () => {
  it('has every format named in the issue, once, with its offset unit and extensions', () => {
    expect(FORMATS.map((f) => f.id)).toEqual([...FORMAT_IDS]);
    expect(FORMAT_IDS).toEqual(['factmark', 'csv', 'brat', 'conll', 'w3c', 'spacy', 'label-studio', 'doccano']);
    for (const f of FORMATS) {
      expect(f.name).not.toBe('');
      expect(f.extensions.length).toBeGreaterThan(0);
      expect(['codepoint', 'token']).toContain(f.offsetUnit);
    }
    expect(FORMATS.filter((f) => f.import).map((f) => f.id)).toEqual(['factmark', 'brat', 'w3c', 'spacy', 'label-studio', 'doccano']);
    expect(FORMATS.filter((f) => f.multiFile).map((f) => f.id)).toEqual(['brat']);
  });

  it('the fixture corpus has what it promises: astral characters, combining marks, CJK, RTL, tabs, overlaps', () => {
    const all = corpus.documents.map((d) => d.text).join('\n');
    expect(all).toMatch(/\u200d/); // ZWJ sequences
    expect(all).toMatch(/\u{1F1FA}\u{1F1E6}/u); // a flag
    expect(all).toMatch(/\u0323/); // a combining mark NFC keeps
    expect(all).toMatch(/[\u4e00-\u9fff]/);
    expect(all).toMatch(/[\u0600-\u06ff]/);
    expect(all).toMatch(/[\u0590-\u05ff]/);
    expect(all).toMatch(/\t/);
    expect(all).not.toMatch(/\r/);
    expect(corpus.annotations.some((a) => a.quote.includes('\n'))).toBe(true);
    expect(corpus.annotations.some((a) => corpus.annotations.some((b) => b !== a && a.documentId === b.documentId && a.end === b.start))).toBe(true);
    expect(corpus.annotations.some((a) => corpus.annotations.some((b) => b !== a && a.documentId === b.documentId && a.start < b.start && b.start < a.end && a.end < b.end))).toBe(true);
  });

  it('every export reports what it wrote, and leaves nothing out of the fixture except where CoNLL must', () => {
    for (const f of FORMATS) {
      const { report, files } = f.export(corpus, { exportedAt: FIXTURE_EXPORTED_AT });
      expect(files.length).toBeGreaterThan(0);
      expect(report.format).toBe(f.id);
      expect(report.documents).toBe(corpus.documents.length);
      const left = report.leftOut.reduce((n, l) => n + l.count, 0);
      expect(report.annotations + left).toBe(corpus.annotations.length);
      if (f.id !== 'conll') expect(report.leftOut).toEqual([]);
    }
  });

  it('exports leave out, and count, annotations they cannot carry', () => {
    const doc = corpus.documents[1]!;
    const bad: Dataset = {
      documents: [doc],
      annotations: [
        { ...corpus.annotations.find((a) => a.documentId === doc.id)!, id: 'outside', start: 0, end: doc.text.length + 5 },
        { ...corpus.annotations.find((a) => a.documentId === doc.id)!, id: 'split', start: 7, end: 10 }, // inside the flag's surrogate pair
        { ...corpus.annotations[0]!, id: 'orphan' },
      ],
    };
    for (const f of FORMATS) {
      const { report } = f.export(bad);
      expect(report.annotations).toBe(0);
      expect(report.leftOut.reduce((n, l) => n + l.count, 0)).toBe(3);
      expect(report.leftOut.flatMap((l) => l.annotationIds).sort()).toEqual(['orphan', 'outside', 'split']);
    }
  });
});

describe('offsets select the covered text as each consumer reads it', () => {
  it('factmark: code points', () => {
    const lines = fileText(exported('factmark').files[0]!).trimEnd().split('\n').slice(1).map((l) => JSON.parse(l));
    let n = 0;
    for (const d of lines) for (const a of d.annotations) {
      expect(cpSlice(d.text, a.start, a.end)).toBe(a.quote);
      n++;
    }
    expect(n).toBe(corpus.annotations.length);
  });

  it('csv: start_cp/end_cp are code points into the document text', () => {
    const rows = Papa.parse<Record<string, string>>(fileText(exported('csv').files[0]!), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(corpus.annotations.length);
    for (const r of rows) expect(cpSlice(docText(r.document_id!), Number(r.start_cp), Number(r.end_cp))).toBe(r.text);
    const note = corpus.annotations.find((a) => a.note?.includes('\n'))!;
    expect(rows.find((r) => r.annotation_id === note.id)!.note).toBe(note.note);
  });

  it('brat: fragment offsets are code points into NAME.txt, the text is the fragments joined by a space', () => {
    const files = exported('brat').files;
    let n = 0;
    for (const ann of files.filter((f) => f.path.endsWith('.ann'))) {
      const txt = fileText(files.find((f) => f.path === ann.path.replace(/\.ann$/, '.txt'))!);
      for (const line of fileText(ann).split('\n').filter((l) => l.startsWith('T'))) {
        const [, mid, ...rest] = line.split('\t');
        const covered = rest.join('\t');
        expect(covered).not.toMatch(/[\t\n]/);
        const frags = mid!.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number));
        expect(frags.map(([a, b]) => cpSlice(txt, a!, b!)).join(' ')).toBe(covered);
        for (const [a, b] of frags) expect(cpSlice(txt, a!, b!)).not.toContain('\n');
        n++;
      }
    }
    expect(n).toBe(corpus.annotations.length);
  });

  it('w3c: TextPositionSelector in code points matches the TextQuoteSelector', () => {
    const c = JSON.parse(fileText(exported('w3c').files[0]!));
    const texts = new Map(c['factmark:documents'].map((d: any) => [d.id, d['factmark:text']]));
    for (const item of c.first.items) {
      const [q, p] = item.target.selector;
      expect(cpSlice(texts.get(item.target.source) as string, p.start, p.end)).toBe(q.exact);
    }
  });

  it('spacy: span offsets are code points', () => {
    const lines = fileText(exported('spacy').files[0]!).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.flatMap((l) => l.spans)).toHaveLength(corpus.annotations.length);
    for (const l of lines) {
      expect(l.meta.offset_unit).toBe('codepoint');
      for (const s of l.spans) expect(cpSlice(l.text, s.start, s.end)).toBe(s.text);
    }
  });

  it('label-studio: value.start/end are code points and value.text the covered text', () => {
    const tasks = JSON.parse(fileText(exported('label-studio').files[0]!));
    let n = 0;
    for (const t of tasks) for (const a of t.annotations) for (const r of a.result) {
      expect(cpSlice(t.data.text, r.value.start, r.value.end)).toBe(r.value.text);
      expect(r).toMatchObject({ from_name: 'label', to_name: 'text', type: 'labels' });
      n++;
    }
    expect(n).toBe(corpus.annotations.length);
  });

  it('doccano: [start, end, label] in code points', () => {
    const lines = fileText(exported('doccano').files[0]!).trimEnd().split('\n').map((l) => JSON.parse(l));
    const got = lines.flatMap((l) => l.label.map(([s, e, label]: [number, number, string]) => `${label}:${cpSlice(l.text, s, e)}`)).sort();
    expect(got).toEqual(corpus.annotations.map((a) => `${a.label}:${quoteOf(a)}`).sort());
  });

  it('conll: each B-/I- run is the tokens of a kept span; left-out spans are exactly the overlapping ones', () => {
    const { files, report } = exported('conll');
    const lines = fileText(files[0]!).split('\n');
    const entities: string[] = [];
    let cur: string[] | null = null;
    let curLabel = '';
    const flush = () => {
      if (cur) entities.push(`${curLabel}:${cur.join(' ')}`);
      cur = null;
    };
    for (const line of lines) {
      if (line === '' || line.startsWith('-DOCSTART-')) {
        flush();
        continue;
      }
      const [token, tag] = line.split('\t');
      expect(token).not.toMatch(/\s/);
      if (tag === 'O') flush();
      else if (tag!.startsWith('B-')) {
        flush();
        cur = [token!];
        curLabel = tag!.slice(2);
      } else {
        expect(cur, `I- tag without B-: ${line}`).not.toBeNull();
        expect(tag!.slice(2)).toBe(curLabel);
        cur!.push(token!);
      }
    }
    flush();
    const left = new Set(report.leftOut.flatMap((l) => l.annotationIds));
    expect(report.leftOut.map((l) => l.reason)).toEqual([expect.stringMatching(/overlaps/)]);
    const kept = corpus.annotations.filter((a) => !left.has(a.id));
    const expected = kept.map((a) => {
      const toks = tokenise(docText(a.documentId)).flat().filter((t) => t.start < a.end && t.end > a.start);
      return `${a.label}:${toks.map((t) => t.text).join(' ')}`;
    });
    expect(entities.sort()).toEqual(expected.sort());
    // every left-out span overlaps a kept span that is at least as long
    for (const id of left) {
      const a = corpus.annotations.find((x) => x.id === id)!;
      expect(kept.some((k) => k.documentId === a.documentId && k.start < a.end && k.end > a.start && k.end - k.start >= a.end - a.start)).toBe(true);
    }
  });
});

describe('importing an export gives back what the format carries', () => {
  const importers = FORMATS.filter((f) => f.import);

  it.each(importers.map((f) => f.id))('%s: same texts and spans, no problems, and a second import is identical', async (id) => {
    const f = formatById(id)!;
    const { files } = f.export(corpus, { exportedAt: FIXTURE_EXPORTED_AT });
    const input = f.multiFile ? [{ path: 'export.zip', data: toZip(files) }] : files;
    const first = await f.import!(input, { now: NOW });
    const keys = spanKeys(corpus);
    if (id === 'doccano' || id === 'brat') {
      // no annotators in the file: one span tagged alike by two annotators is one annotation, and that is said
      expect(first.problems).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/appears more than once .*kept once/) })]);
      expect(spanKeys(first.dataset)).toEqual([...new Set(keys)]);
    } else {
      expect(first.problems).toEqual([]);
      expect(spanKeys(first.dataset)).toEqual(keys);
    }
    expect(first.dataset.documents.map((d) => d.text).sort()).toEqual(corpus.documents.map((d) => d.text).sort());
    expect(first.dataset.documents.map((d) => d.contentHash).sort()).toEqual(corpus.documents.map((d) => d.contentHash).sort());
    const second = await f.import!(input, { now: NOW });
    expect(second.dataset).toEqual(first.dataset);
  });

  it('factmark and w3c are lossless', async () => {
    for (const id of ['factmark', 'w3c'] as const) {
      const f = formatById(id)!;
      const { dataset } = await f.import!(f.export(corpus).files, { now: NOW });
      expect(dataset.documents).toEqual(corpus.documents);
      expect(sorted(dataset.annotations)).toEqual(sorted(corpus.annotations));
    }
  });

  it('spacy and label-studio keep ids, annotators and notes; spacy keeps document metadata', async () => {
    for (const id of ['spacy', 'label-studio'] as const) {
      const f = formatById(id)!;
      const { dataset } = await f.import!(f.export(corpus).files, { now: NOW });
      const strip = (a: Annotation) => ({ id: a.id, documentId: a.documentId, label: a.label, start: a.start, end: a.end, annotator: a.annotator, note: a.note, quote: a.quote, prefix: a.prefix, suffix: a.suffix });
      expect(sorted(dataset.annotations).map(strip)).toEqual(sorted(corpus.annotations).map(strip));
      expect(dataset.documents.map((d) => [d.id, d.title])).toEqual(corpus.documents.map((d) => [d.id, d.title]));
    }
    const { dataset } = await formatById('spacy')!.import!(formatById('spacy')!.export(corpus).files, { now: NOW });
    expect(dataset.documents.map((d) => d.source)).toEqual(corpus.documents.map((d) => d.source));
  });

  it('brat keeps notes (line breaks become spaces) and UUID document names; doccano keeps document ids', async () => {
    const brat = await formatById('brat')!.import!(formatById('brat')!.export(corpus).files, { now: NOW, annotator: 'lead' });
    for (const a of corpus.annotations.filter((x) => x.note)) {
      const back = brat.dataset.annotations.find((b) => b.quote === a.quote && b.label === a.label)!;
      expect(back.note).toBe(a.note!.replace(/\s*\n\s*/g, ' '));
    }
    expect(brat.dataset.annotations.every((a) => a.annotator === 'lead')).toBe(true);
    expect(brat.dataset.documents.map((d) => d.id).filter((id) => corpus.documents.some((c) => c.id === id))).toHaveLength(4);
    const doccano = await formatById('doccano')!.import!(formatById('doccano')!.export(corpus).files, { now: NOW });
    expect(doccano.dataset.documents.map((d) => d.id)).toEqual(corpus.documents.map((d) => d.id));
  });

  it('derived ids are stable and UUID-shaped, so reimporting dedupes', async () => {
    const f = formatById('doccano')!;
    const a = await f.import!(f.export(corpus).files, { now: NOW });
    const b = await f.import!(f.export(corpus).files, { now: '2030-01-01T00:00:00.000Z' });
    expect(b.dataset.annotations.map((x) => x.id)).toEqual(a.dataset.annotations.map((x) => x.id));
    for (const x of a.dataset.annotations) expect(x.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('brat export zips and unzips to the same files', () => {
    const { files } = exported('brat');
    const z = fromZip(toZip(files));
    expect(z.ok && z.files.map((f) => [f.path, fileText(f)])).toEqual(files.map((f) => [f.path, fileText(f)]));
    expect(toZip(files)).toEqual(toZip(files));
  });
});
