import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../model.ts';
import { fixtureCorpus, FIXTURE_EXPORTED_AT } from './fixtures/corpus.ts';
import { cpSlice, fileText } from './testing.ts';
import { exportW3c, importW3c } from './w3c.ts';

// The W3C Web Annotation Working Group's own JSON Schema assertions (see its README.md).
const repoRoot = path.resolve(import.meta.dirname, '../..');
const suite = path.resolve(repoRoot, '../shared/validators/w3c-web-annotation-tests');
const readJson = (p: string) => JSON.parse(readFileSync(path.join(suite, p), 'utf8'));

function makeAjv() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const f of readdirSync(path.join(suite, 'definitions')).filter((n) => n.endsWith('.json'))) ajv.addSchema(readJson(`definitions/${f}`));
  return ajv;
}

/** The MUST assertions of a .test file: [name, expected valid?, validate]. */
function musts(ajv: ReturnType<typeof makeAjv>, testFile: string) {
  const list: string[] = readJson(testFile).assertions;
  return list
    .map((p) => ({ p, schema: readJson(p) }))
    .filter(({ schema }) => schema.assertionType === 'must')
    .map(({ p, schema }) => ({ name: p, expectValid: (schema.expectedResult ?? 'valid') === 'valid', validate: ajv.compile(schema) }));
}

describe('W3C Web Annotation export', () => {
  let dataset: Dataset;
  let collection: any;
  let annotationMusts: ReturnType<typeof musts>;
  beforeAll(async () => {
    annotationMusts = musts(makeAjv(), 'annotations/annotationMusts.test');
    dataset = await fixtureCorpus();
    collection = JSON.parse(fileText(exportW3c(dataset, { exportedAt: FIXTURE_EXPORTED_AT }).files[0]!));
  });

  it('passes every MUST assertion of the W3C annotation tests, for every exported annotation', () => {
    const assertions = annotationMusts;
    expect(assertions.length).toBeGreaterThan(40);
    const items = collection.first.items;
    expect(items).toHaveLength(dataset.annotations.length);
    const failures: string[] = [];
    for (const item of items) {
      for (const a of assertions) if (a.validate(item) !== a.expectValid) failures.push(`${item.id}: ${a.name}`);
    }
    expect(failures).toEqual([]);
  });

  it('the W3C suite tells its own correct and incorrect samples apart (the harness works)', () => {
    const assertions = annotationMusts;
    const conforms = (anno: unknown) => assertions.every((a) => a.validate(anno) === a.expectValid);
    const dir = path.join(suite, 'tools/samples');
    const read = (kind: string, f: string): any => {
      try {
        return JSON.parse(readFileSync(path.join(dir, kind, f), 'utf8'));
      } catch {
        return null; // some incorrect samples are not JSON at all
      }
    };
    // the suite's correct samples that are single annotations (its schemas do not know Composite/List/Independents targets)
    const correct = readdirSync(path.join(dir, 'correct'))
      .filter((f) => f.endsWith('.json'))
      .filter((f) => read('correct', f)?.type === 'Annotation' && !['Composite', 'List', 'Independents'].includes(read('correct', f).target?.type));
    const incorrect = readdirSync(path.join(dir, 'incorrect')).filter((f) => f.endsWith('.json') && read('incorrect', f) !== null);
    expect(correct.length).toBeGreaterThan(30);
    expect(correct.filter((f) => !conforms(read('correct', f)))).toEqual([]);
    expect(incorrect.filter((f) => !conforms(read('incorrect', f))).length).toBeGreaterThan(incorrect.length / 2);
  });

  it('passes every MUST assertion of the W3C collection tests', () => {
    const assertions = musts(makeAjv(), 'collections/collectionMusts.test');
    expect(assertions.length).toBeGreaterThan(5);
    expect(assertions.filter((a) => a.validate(collection) !== a.expectValid).map((a) => a.name)).toEqual([]);
  });

  it('positions count code points and agree with the quote selector', () => {
    const texts = new Map<string, string>(collection['factmark:documents'].map((d: any) => [d.id, d['factmark:text']]));
    for (const item of collection.first.items) {
      const [quote, position] = item.target.selector;
      expect(quote.type).toBe('TextQuoteSelector');
      expect(position.type).toBe('TextPositionSelector');
      expect(cpSlice(texts.get(item.target.source)!, position.start, position.end)).toBe(quote.exact);
      expect(item.id).toMatch(/^urn:uuid:/);
      expect(item.creator).toMatchObject({ type: 'Person' });
    }
  });

  it('carries notes as commenting bodies and labels as tagging bodies', () => {
    const noted = dataset.annotations.find((a) => a.note)!;
    const item = collection.first.items.find((i: any) => i.id === `urn:uuid:${noted.id}`);
    expect(item.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: noted.label },
      { type: 'TextualBody', purpose: 'commenting', value: noted.note, format: 'text/plain' },
    ]);
  });

  it('imports back to the same dataset, losslessly', async () => {
    const file = exportW3c(dataset, { exportedAt: FIXTURE_EXPORTED_AT }).files[0]!;
    const { dataset: back, problems } = await importW3c([file]);
    expect(problems).toEqual([]);
    expect(back.documents).toEqual(dataset.documents);
    const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);
    expect([...back.annotations].sort(byId)).toEqual([...dataset.annotations].sort(byId));
  });

  it('relocates an annotation by its quote when its position is wrong, and reports it', async () => {
    const c = structuredClone(collection);
    const item = c.first.items[2];
    item.target.selector[1].start += 3;
    item.target.selector[1].end += 3;
    const { dataset: back, problems } = await importW3c([{ path: 'c.jsonld', data: JSON.stringify(c) }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', file: 'c.jsonld' });
    expect(problems[0]!.message).toMatch(/relocated/);
    expect(back.annotations).toHaveLength(dataset.annotations.length);
  });
});
