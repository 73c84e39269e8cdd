import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../labels.ts';
import type { Dataset } from '../model.ts';
import { exportFactmark, importFactmark } from './factmark.ts';
import { fixtureCorpus, FIXTURE_EXPORTED_AT } from './fixtures/corpus.ts';
import { fileText } from './testing.ts';

const here = import.meta.dirname;
const schema = JSON.parse(readFileSync(path.join(here, 'factmark.schema.json'), 'utf8'));
const FIXTURE_FILE = path.join(here, 'fixtures/corpus.factmark.jsonl');

let corpus: Dataset;
let jsonl: string;
beforeAll(async () => {
  corpus = await fixtureCorpus();
  jsonl = fileText(exportFactmark(corpus, { exportedAt: FIXTURE_EXPORTED_AT }).files[0]!);
  if (process.env.UPDATE_FIXTURES) writeFileSync(FIXTURE_FILE, jsonl);
});

const lines = (s: string) => s.trimEnd().split('\n');
const importText = (data: string, now = '2025-01-01T00:00:00.000Z') => importFactmark([{ path: 'in.jsonl', data }], { now });
const withLine = (n: number, edit: (v: any) => void) => {
  const ls = lines(jsonl);
  const v = JSON.parse(ls[n - 1]!);
  edit(v);
  ls[n - 1] = JSON.stringify(v);
  return `${ls.join('\n')}\n`;
};

describe('Factmark JSONL export', () => {
  it('satisfies the JSON Schema: line 1 a header, every other line a document', () => {
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const header = ajv.compile({ $ref: 'urn:factmark:schema:factmark-jsonl#/definitions/header' });
    const document = ajv.compile({ $ref: 'urn:factmark:schema:factmark-jsonl#/definitions/document' });
    const ls = lines(jsonl).map((l) => JSON.parse(l));
    expect(header(ls[0]), JSON.stringify(header.errors)).toBe(true);
    for (const l of ls.slice(1)) {
      expect(document(l), JSON.stringify(document.errors)).toBe(true);
      expect(validate(l)).toBe(true);
    }
    expect(document(ls[0])).toBe(false);
    expect(ls[0]).toEqual({ format: 'factmark', schemaVersion: 1, exportedAt: FIXTURE_EXPORTED_AT, offsetUnit: 'codepoint', labels: DEFAULT_LABELS.map((l) => ({ ...l })), documents: 5, annotations: corpus.annotations.length });
  });

  it('the committed fixture file is the export of the fixture corpus', () => {
    expect(readFileSync(FIXTURE_FILE, 'utf8')).toBe(jsonl);
  });

  it('round-trips byte for byte: export → import → export', async () => {
    const { dataset, problems } = await importText(jsonl);
    expect(problems).toEqual([]);
    expect(fileText(exportFactmark(dataset, { exportedAt: FIXTURE_EXPORTED_AT }).files[0]!)).toBe(jsonl);
    const again = await importText(jsonl, '2031-01-01T00:00:00.000Z');
    expect(again.dataset).toEqual(dataset);
  });

  it('accepts CRLF line endings and a BOM in the file itself', async () => {
    const bytes = new TextEncoder().encode(`\ufeff${jsonl.replace(/\n/g, '\r\n')}`);
    const { dataset, problems } = await importFactmark([{ path: 'crlf.jsonl', data: bytes }]);
    expect(problems).toEqual([]);
    expect(dataset.annotations).toHaveLength(corpus.annotations.length);
  });
});

describe('Factmark JSONL import reports bad input with its place and keeps the rest', () => {
  it('a malformed line', async () => {
    const ls = lines(jsonl);
    ls[2] = '{"id": "broken", "text": ';
    const { dataset, problems } = await importText(ls.join('\n'));
    expect(problems[0]).toMatchObject({ severity: 'error', file: 'in.jsonl', line: 3, message: expect.stringMatching(/not valid JSON/) });
    expect(dataset.documents).toHaveLength(4);
  });

  it('a missing header', async () => {
    const { problems, dataset } = await importText(lines(jsonl).slice(1).join('\n'));
    expect(problems[0]).toMatchObject({ line: 1, message: expect.stringMatching(/header/) });
    expect(dataset.documents).toHaveLength(5);
  });

  it('a document with a wrong field type', async () => {
    const { problems, dataset } = await importText(withLine(2, (d) => (d.text = 42)));
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', line: 2, message: expect.stringMatching(/"text" must be a string/) }));
    expect(dataset.documents).toHaveLength(4);
  });

  it('offsets outside the text, with a covered text that is not in the document', async () => {
    const { problems, dataset } = await importText(withLine(3, (d) => Object.assign(d.annotations[0], { start: 500, end: 510, quote: 'nowhere to be found' })));
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', line: 3, message: expect.stringMatching(/outside the text.*skipped/) }));
    expect(dataset.annotations).toHaveLength(corpus.annotations.length - 1);
  });

  it('offsets that do not match the covered text are relocated by the quote and reported', async () => {
    const { problems, dataset } = await importText(withLine(4, (d) => Object.assign(d.annotations[0], { start: d.annotations[0].start + 1, end: d.annotations[0].end + 1 })));
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 4, message: expect.stringMatching(/do not match the covered text.*relocated to 0–38/) })]);
    expect(dataset.annotations).toEqual((await importText(jsonl)).dataset.annotations);
  });

  it('a label outside the label set: reported with its place, kept (the library adds it); an empty label is skipped', async () => {
    const { problems, dataset } = await importText(withLine(5, (d) => (d.annotations[1].label = 'rumour')));
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 5, message: expect.stringMatching(/label "rumour" is not in the label set .*kept and the label is added/) })]);
    expect(dataset.annotations).toHaveLength(corpus.annotations.length);
    expect(dataset.annotations.filter((a) => a.label === 'rumour')).toHaveLength(1);
    const empty = await importText(withLine(5, (d) => (d.annotations[1].label = '')));
    expect(empty.problems).toEqual([expect.objectContaining({ severity: 'error', line: 5, message: expect.stringMatching(/is not a label name; skipped/) })]);
    expect(empty.dataset.annotations).toHaveLength(corpus.annotations.length - 1);
  });

  it('duplicate annotation ids, naming the first place', async () => {
    const first = JSON.parse(lines(jsonl)[1]!).annotations[0].id;
    const { problems } = await importText(withLine(3, (d) => (d.annotations[0].id = first)));
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: 3, message: expect.stringContaining(`duplicate annotation id "${first}" (first at in.jsonl line 2)`) })]);
  });

  it('duplicate document ids with different texts', async () => {
    const first = JSON.parse(lines(jsonl)[1]!).id;
    const { problems, dataset } = await importText(withLine(3, (d) => (d.id = first)));
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: 3, message: expect.stringMatching(/already has the id/) })]);
    expect(dataset.documents).toHaveLength(4);
  });

  it('the same document twice (two annotators\' lines in one file): one document with the annotations of both, reported', async () => {
    const second = JSON.parse(lines(jsonl)[1]!);
    second.annotations = second.annotations.map((a: { id: string }) => ({ ...a, id: `${a.id}-second`, annotator: 'Second Annotator' }));
    const { problems, dataset } = await importText(`${jsonl.trimEnd()}\n${JSON.stringify(second)}\n`);
    const line = lines(jsonl).length + 1;
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', line, message: `document "${second.id}" appears more than once; its annotations are merged` }));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(dataset.documents).toHaveLength(corpus.documents.length);
    const onIt = dataset.annotations.filter((a) => a.documentId === second.id);
    expect(onIt).toHaveLength(2 * second.annotations.length);
    expect(new Set(onIt.map((a) => a.annotator)).size).toBeGreaterThan(1);
    expect(dataset.annotations).toHaveLength(corpus.annotations.length + second.annotations.length);
  });

  it('a wrong content hash and text that is not normalised are repaired and reported', async () => {
    const { problems, dataset } = await importText(withLine(2, (d) => (d.text = d.text.replace(/\n/g, '\r\n'))));
    expect(problems.every((p) => p.severity === 'warning' && p.line === 2)).toBe(true);
    expect(problems[0]!.message).toMatch(/not normalised/);
    // offsets after the first line break no longer fit the changed text: found again by their quotes
    expect(problems.length).toBeGreaterThan(1);
    for (const p of problems.slice(1)) expect(p.message).toMatch(/relocated/);
    const hash = await importText(withLine(2, (d) => (d.contentHash = '0'.repeat(64))));
    expect(hash.problems).toEqual([expect.objectContaining({ severity: 'warning', line: 2, message: expect.stringMatching(/contentHash does not match/) })]);
    expect(hash.dataset.documents[0]!.contentHash).toBe(corpus.documents[0]!.contentHash);
    expect(dataset.documents[0]!.text).toBe(corpus.documents[0]!.text);
    expect(dataset.annotations).toHaveLength(corpus.annotations.length);
  });

  it('a file that is not UTF-8 or is empty', async () => {
    expect((await importFactmark([{ path: 'x.jsonl', data: new Uint8Array([0xff, 0xfe, 0x00, 0xd8]) }])).problems[0]!.message).toMatch(/cannot read/);
    expect((await importFactmark([{ path: 'x.jsonl', data: '' }])).problems[0]).toMatchObject({ file: 'x.jsonl', message: 'the file is empty' });
  });
});
