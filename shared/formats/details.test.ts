import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import AjvDraft4 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAnnotation } from '../annotation.ts';
import { sha256Hex } from '../hash.ts';
import type { Annotation, Dataset, FmDocument } from '../model.ts';
import { BRAT_CONF, exportBrat, importBrat } from './brat.ts';
import { exportFactmark, importFactmark } from './factmark.ts';
import { FORMATS } from './index.ts';
import { fileText } from './testing.ts';
import { exportW3c, importW3c } from './w3c.ts';

const AT = '2026-03-01T10:00:00.000Z';
let data: Dataset;
let claim: Annotation;
let denial: Annotation;
let crossDenial: Annotation;

async function doc(id: string, title: string, text: string): Promise<FmDocument> {
  return { id, title, text, contentHash: await sha256Hex(text), source: { kind: 'paste' }, createdAt: AT };
}

beforeAll(async () => {
  const t1 = 'Kyiv said the port 🚢 was hit. A ministry spokesman denied it.';
  const t2 = 'The governor called the reports fake.';
  const d1 = await doc('d1', 'Port strike', t1);
  const d2 = await doc('d2', 'Governor', t2);
  const at = (t: string, s: string) => [t.indexOf(s), t.indexOf(s) + s.length] as const;
  const [cs, ce] = at(t1, 'the port 🚢 was hit');
  const [ds, de] = at(t1, 'denied it');
  const [xs, xe] = at(t2, 'called the reports fake');
  const [ss, se] = at(t1, 'A ministry spokesman');
  const source = makeAnnotation(t1, { documentId: 'd1', annotator: 'Ana', label: 'unverified', start: ss, end: se }, AT, '00000000-0000-4000-8000-000000000004');
  claim = { ...makeAnnotation(t1, { documentId: 'd1', annotator: 'Ana', label: 'claim', start: cs, end: ce }, AT, '00000000-0000-4000-8000-000000000001'), note: 'Two lines.\nSecond.', confidence: 'high', evidence: ['https://example.org/a', 'http://example.org/b?x=1'], source: { text: 'Andriy Kovalenko, the head of countering disinformation' } };
  denial = { ...makeAnnotation(t1, { documentId: 'd1', annotator: 'Ana', label: 'denial', start: ds, end: de }, AT, '00000000-0000-4000-8000-000000000002'), answers: claim.id, source: { text: source.quote, annotationId: source.id }, confidence: 'low' };
  crossDenial = { ...makeAnnotation(t2, { documentId: 'd2', annotator: 'Bea', label: 'denial', start: xs, end: xe }, AT, '00000000-0000-4000-8000-000000000003'), answers: claim.id };
  data = { documents: [d1, d2], annotations: [claim, source, denial, crossDenial] };
});

const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);

describe('native JSONL carries details and links losslessly', () => {
  it('export → import → export gives the same bytes; every line satisfies the JSON Schema', async () => {
    const first = fileText(exportFactmark(data, { exportedAt: AT }).files[0]!);
    const { dataset, problems } = await importFactmark([{ path: 'x.jsonl', data: first }]);
    expect(problems).toEqual([]);
    expect([...dataset.annotations].sort(byId)).toEqual([...data.annotations].sort(byId));
    expect(fileText(exportFactmark(dataset, { exportedAt: AT }).files[0]!)).toBe(first);

    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(import.meta.dirname, 'factmark.schema.json'), 'utf8')));
    for (const line of first.trimEnd().split('\n')) expect(validate(JSON.parse(line)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('a link to an annotation not in the file is kept and reported; bad detail fields are dropped with their place', async () => {
    const lines = fileText(exportFactmark(data, { exportedAt: AT }).files[0]!).trimEnd().split('\n');
    const d2 = JSON.parse(lines[2]!);
    d2.annotations[0].answers = 'gone-claim';
    d2.annotations[0].evidence = ['https://ok.example/x', 'javascript:alert(1)', 'file:///etc/passwd'];
    d2.annotations[0].confidence = 'certain';
    d2.annotations[0].source = { name: 'no text' };
    lines[2] = JSON.stringify(d2);
    const { dataset, problems } = await importFactmark([{ path: 'x.jsonl', data: lines.join('\n') }]);
    const a = dataset.annotations.find((x) => x.id === crossDenial.id)!;
    expect(a.answers).toBe('gone-claim');
    expect(a.evidence).toEqual(['https://ok.example/x']);
    expect(a.confidence).toBeUndefined();
    expect(a.source).toBeUndefined();
    const messages = problems.map((p) => `${p.severity} ${p.line ?? ''}: ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^warning 3: .*"source" must be \{text: string/),
      expect.stringMatching(/^warning 3: .*"confidence" must be one of low, medium, high/),
      expect.stringMatching(/^warning 3: .*evidence "javascript:alert\(1\)" is not an http\(s\) URL; dropped/),
      expect.stringMatching(/^warning 3: .*evidence "file:\/\/\/etc\/passwd" is not an http\(s\) URL; dropped/),
      expect.stringMatching(/^warning : 1 annotation answers an annotation that is not in this file .*"gone-claim".*kept/),
    ]);
  });
});

describe('brat: links as "answers" relations', () => {
  it('writes R lines inside a document, declares the relation, reports a link across articles as left out, and reads R lines back', async () => {
    const { files, report } = exportBrat(data);
    expect(BRAT_CONF).toContain('[relations]\nanswers\tArg1:<ENTITY>, Arg2:<ENTITY>\n');
    const ann = fileText(files.find((f) => f.path === 'd1.ann')!);
    // reading order: T1 unverified (source), T2 claim... find the T ids by their text
    const tOf = (quote: string) => new RegExp(`^(T\\d+)\\t[^\\t]+\\t${quote}$`, 'm').exec(ann)![1];
    expect(ann).toContain(`R1\tanswers Arg1:${tOf('denied it')} Arg2:${tOf('the port 🚢 was hit')}`);
    expect(report.warnings).toEqual(['1 link left out: brat relations join two annotations of one document, and this one answers a claim in another article (or one not exported).']);

    const back = await importBrat(files);
    expect(back.problems).toEqual([]);
    const c = back.dataset.annotations.find((a) => a.quote === 'the port 🚢 was hit')!;
    const d = back.dataset.annotations.find((a) => a.quote === 'denied it')!;
    expect(d.answers).toBe(c.id);
  });
});

describe('W3C: links as linking annotations', () => {
  it('targets both annotations, passes the W3C MUST assertions, and imports back', async () => {
    const file = exportW3c(data, { exportedAt: AT }).files[0]!;
    const collection = JSON.parse(fileText(file));
    const linking = collection.first.items.filter((i: { motivation: string }) => i.motivation === 'linking');
    expect(linking).toHaveLength(2);
    expect(linking[0]).toMatchObject({ type: 'Annotation', target: [`urn:uuid:${denial.id}`, `urn:uuid:${claim.id}`], body: { type: 'TextualBody', value: 'answers' } });

    const suite = path.resolve(import.meta.dirname, '../../../shared/validators/w3c-web-annotation-tests');
    const read = (p: string) => JSON.parse(readFileSync(path.join(suite, p), 'utf8'));
    const ajv = new AjvDraft4({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const f of readdirSync(path.join(suite, 'definitions')).filter((n) => n.endsWith('.json'))) ajv.addSchema(read(`definitions/${f}`));
    const musts = (read('annotations/annotationMusts.test').assertions as string[])
      .map((p) => ({ p, schema: read(p) }))
      .filter(({ schema }) => schema.assertionType === 'must')
      .map(({ p, schema }) => ({ p, valid: (schema.expectedResult ?? 'valid') === 'valid', validate: ajv.compile(schema) }));
    expect(musts.length).toBeGreaterThan(40);
    const failures = linking.flatMap((item: unknown) => musts.filter((m) => m.validate(item) !== m.valid).map((m) => m.p));
    expect(failures).toEqual([]);

    const { dataset, problems } = await importW3c([file]);
    expect(problems).toEqual([]);
    expect(dataset.annotations.find((a) => a.id === denial.id)!.answers).toBe(claim.id);
    expect(dataset.annotations.find((a) => a.id === crossDenial.id)!.answers).toBe(claim.id);
    expect(dataset.annotations.find((a) => a.id === claim.id)!.note).toBe(claim.note);
  });
});

describe('formats without a place for links say how many were left out', () => {
  it.each(['csv', 'conll', 'spacy', 'label-studio', 'doccano'])('%s', (id) => {
    const { report } = FORMATS.find((f) => f.id === id)!.export(data, { exportedAt: AT });
    expect(report.warnings).toEqual([expect.stringMatching(/^2 links left out: .* has no place for a link from an answer to the claim it answers \(the annotations themselves are written\)\.$/)]);
    expect(report.leftOut.filter((l) => /link/.test(l.reason))).toEqual([]);
  });

  it('no links, no warning', () => {
    const plain = { ...data, annotations: data.annotations.map(({ answers: _a, ...a }) => a) };
    for (const f of FORMATS) expect(f.export(plain, { exportedAt: AT }).report.warnings).toBeUndefined();
  });
});
