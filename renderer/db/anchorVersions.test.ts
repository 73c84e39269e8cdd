import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAnnotation } from '../../shared/annotation.ts';
import { orphanQueueId } from '../../shared/anchoring/orphans.ts';
import type { FmDocument } from '../../shared/model.ts';
import { carryAnnotationsToVersion } from './anchorVersions.ts';
import { FactmarkDatabase } from './database.ts';
import { Repository } from './repository.ts';

let db: FactmarkDatabase;
let repo: Repository;
let n = 0;

const doc = (id: string, text: string): FmDocument => ({
  id, title: 'Strike on the power station', text, contentHash: `hash-${id}`, source: { kind: 'file', fileName: 'strike.txt' }, createdAt: `2026-01-0${n}T00:00:0${id.length}Z`,
});

const V1 = 'Moscow denied responsibility for the strike. Kyiv said eleven people were hurt. Observers could not confirm it.';
const V2 = 'Air raid sirens sounded overnight. Moscow denied responsibility for the strike. Observers could not confirm it.';

beforeEach(() => {
  db = new FactmarkDatabase(`carry-${++n}`);
  repo = new Repository(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function tag(text: string, quote: string, label: 'claim' | 'denial' | 'unverified') {
  const start = text.indexOf(quote);
  const a = makeAnnotation(text, { documentId: 'v1', annotator: 'Ana', label, start, end: start + quote.length }, '2026-01-01T00:00:00Z');
  await repo.apply({ kind: 'create', annotation: a });
  return a;
}

describe('carryAnnotationsToVersion', () => {
  it('moves what re-anchors, orphans what does not, and keeps orphans out of counts, reader and exports', async () => {
    await repo.addDocuments([doc('v1', V1), doc('v2', V2)]);
    const denial = await tag(V1, 'Moscow denied responsibility', 'denial');
    const claim = await tag(V1, 'eleven people were hurt', 'claim');
    const unverified = await tag(V1, 'could not confirm it', 'unverified');

    expect(await carryAnnotationsToVersion(db, 'v1', 'v2')).toEqual({ moved: 2, orphaned: 1 });

    const onV2 = await repo.annotationsOf('v2');
    expect(onV2.map((a) => [a.id, a.quote, V2.slice(a.start, a.end)])).toEqual([
      [denial.id, 'Moscow denied responsibility', 'Moscow denied responsibility'],
      [unverified.id, 'could not confirm it', 'could not confirm it'],
    ]);
    expect(await repo.annotationsOf('v1')).toEqual([]);

    const orphans = await repo.annotationsOf(orphanQueueId('v2'));
    expect(orphans).toHaveLength(1);
    expect(orphans[0]).toMatchObject({ id: claim.id, label: 'claim', quote: 'eleven people were hurt', orphan: { fromDocumentId: 'v1' } });
    expect(orphans[0]!.orphan!.reason).toMatch(/not in this version/);

    const counts = (await repo.listDocuments()).find((d) => d.id === 'v2')!.counts;
    expect(counts).toEqual({ claim: 0, denial: 1, unverified: 1 });
    expect(await repo.countLabels('v2')).toEqual({ claim: 0, denial: 1, unverified: 1 });
    const all = await repo.datasetFor();
    expect(all.annotations.map((a) => a.id).sort()).toEqual([denial.id, unverified.id].sort());
  });

  it('gives old orphans another chance and does nothing the second time', async () => {
    await repo.addDocuments([doc('v1', V1), doc('v2', V2), doc('v3', V2 + ' Kyiv said eleven people were hurt.')]);
    await tag(V1, 'eleven people were hurt', 'claim');
    expect(await carryAnnotationsToVersion(db, 'v1', 'v2')).toEqual({ moved: 0, orphaned: 1 });
    expect(await carryAnnotationsToVersion(db, 'v1', 'v2')).toEqual({ moved: 0, orphaned: 0 });
    expect(await carryAnnotationsToVersion(db, 'v2', 'v3')).toEqual({ moved: 1, orphaned: 0 });
    const [back] = await repo.annotationsOf('v3');
    expect(back).not.toHaveProperty('orphan');
    expect(back!.quote).toBe('eleven people were hurt');
  });

  it('says so when a version is missing', async () => {
    await repo.addDocuments([doc('v1', V1)]);
    await expect(carryAnnotationsToVersion(db, 'v1', 'gone')).rejects.toThrow(/no longer in the library/);
  });
});
