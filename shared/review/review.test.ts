import { describe, expect, it } from 'vitest';
import { makeAnnotation } from '../annotation.ts';
import { exportFactmark, importFactmark } from '../formats/factmark.ts';
import { sha256Hex } from '../hash.ts';
import type { Annotation, Dataset, FmDocument, Rejection, Tombstone } from '../model.ts';
import { agreedSpans, majorityOf, makeGold, outcomeOf } from './adjudicate.ts';
import { layerStyles } from './layers.ts';
import { buildReviewPackage, readPackageFiles, reviewFileName, type PackageFile } from './package.ts';
import { describePlan, laterAdjudication, planPackage, type LayerRecord, type LibraryReader } from './plan.ts';

const TEXT = 'Officials said the port was attacked. Russia denied it. Nobody confirmed the damage.';
const T0 = '2024-05-01T10:00:00.000Z';
const T1 = '2024-05-02T10:00:00.000Z';

async function document(id: string, text = TEXT, extra: Partial<FmDocument> = {}): Promise<FmDocument> {
  return { id, title: 'Port attack', text, contentHash: await sha256Hex(text), source: { kind: 'paste' }, createdAt: T0, ...extra };
}
const tag = (doc: FmDocument, annotator: string, quote: string, label: Annotation['label'], id: string, at = T0) => {
  const start = doc.text.indexOf(quote);
  return makeAnnotation(doc.text, { documentId: doc.id, annotator, label, start, end: start + quote.length }, at, id);
};

/** A library in memory, with the same semantics as renderer/db/review.ts. */
class MemoryLibrary implements LibraryReader {
  docs: FmDocument[] = [];
  anns = new Map<string, Annotation>();
  tombs = new Map<string, Tombstone>();
  rejections = new Map<string, Rejection>();
  layers: LayerRecord[] = [];
  async documentsByHash(hashes: string[]) {
    return new Map(this.docs.filter((d) => hashes.includes(d.contentHash)).map((d) => [d.contentHash, d.id]));
  }
  async versionOf(doc: FmDocument) {
    return this.docs.find((d) => d.contentHash !== doc.contentHash && (d.versionGroup ?? d.id) === (doc.versionGroup ?? doc.id)) ?? this.docs.find((d) => d.title === doc.title && d.contentHash !== doc.contentHash) ?? null;
  }
  async documentIdTaken(id: string) {
    return this.docs.some((d) => d.id === id);
  }
  async annotations(ids: string[]) {
    return new Map(ids.flatMap((id) => (this.anns.has(id) ? [[id, this.anns.get(id)!] as const] : [])));
  }
  async tombstones(ids: string[]) {
    return new Map(ids.flatMap((id) => (this.tombs.has(id) ? [[id, this.tombs.get(id)!] as const] : [])));
  }
  async import(pkg: PackageFile, local = { annotator: 'Lead', origin: 'lead-machine' }) {
    const plan = await planPackage(pkg, this, local, this.layers);
    this.docs.push(...plan.documentsToAdd);
    for (const id of plan.remove) this.anns.delete(id);
    for (const a of plan.put) this.anns.set(a.id, a);
    for (const t of plan.tombstones) this.tombs.set(t.id, t);
    for (const r of plan.rejections) this.rejections.set(r.id, r);
    this.layers = plan.layers;
    return plan;
  }
  of(annotator: string) {
    return [...this.anns.values()].filter((a) => a.annotator === annotator).sort((a, b) => a.start - b.start);
  }
}

async function pkgOf(library: Dataset, annotator: string, origin: string, now = new Date(T1)): Promise<PackageFile> {
  const built = buildReviewPackage(library, { annotator, origin }, now);
  const read = await readPackageFiles([{ name: built.fileName, bytes: new TextEncoder().encode(built.data) }]);
  expect(read.errors).toEqual([]);
  return read.packages[0]!;
}

describe('review packages', () => {
  it('are named with annotator and date, carry only that analyst’s layer and deletions, and say who made them', async () => {
    const d = await document('d1');
    const other = await document('d2', 'Another text entirely.');
    const library: Dataset = {
      documents: [d, other],
      annotations: [tag(d, 'Ana', 'the port was attacked', 'claim', 'a1'), tag(d, 'Ben', 'Russia denied it', 'denial', 'b1'), { ...tag(d, 'Ana', 'Nobody confirmed', 'unverified', 'g1'), layer: 'gold' }],
      tombstones: [{ id: 'a0', documentId: 'd1', annotator: 'Ana', deletedAt: T0 }],
    };
    expect(reviewFileName('Ana Lyst/x', new Date(T1))).toBe('factmark-review-Ana-Lystx-2024-05-02.jsonl');
    const pkg = await pkgOf(library, 'Ana', 'machine-a');
    expect(pkg.fileName).toBe('factmark-review-Ana-2024-05-02.jsonl');
    expect(pkg.header).toMatchObject({ kind: 'review', annotator: 'Ana', origin: 'machine-a', createdAt: '2024-05-02T10:00:00.000Z' });
    expect(pkg.dataset.documents.map((x) => x.id)).toEqual(['d1']);
    expect(pkg.dataset.annotations.map((a) => a.id)).toEqual(['a1']);
    expect(pkg.dataset.tombstones).toEqual([{ id: 'a0', documentId: 'd1', annotator: 'Ana', deletedAt: T0 }]);
  });

  it('the native format carries gold, decisions, rejections, tombstones and adjudication state losslessly', async () => {
    const d = await document('d1', TEXT, { adjudication: 'done', versionGroup: 'd0', version: 2 });
    const gold = makeGold(d.text, 'd1', 'Lead', { start: 0, end: 9, label: 'claim', decision: { action: 'edit', from: ['a1'], reason: 'Officials, not the port' } }, T1, 'g1');
    const dataset: Dataset = {
      documents: [d],
      annotations: [tag(d, 'Ana', 'the port', 'claim', 'a1'), gold],
      tombstones: [{ id: 'a0', documentId: 'd1', annotator: 'Ana', deletedAt: T0 }],
      rejections: [{ id: 'b1', documentId: 'd1', reviewer: 'Lead', reason: 'Not a denial', createdAt: T1 }],
    };
    const file = exportFactmark(dataset, { exportedAt: T1 }).files[0]!;
    const back = await importFactmark([file]);
    expect(back.problems).toEqual([]);
    expect(back.dataset.documents[0]).toMatchObject({ adjudication: 'done', versionGroup: 'd0', version: 2 });
    expect(back.dataset.annotations.find((a) => a.id === 'g1')).toMatchObject({ layer: 'gold', decision: { action: 'edit', from: ['a1'], reason: 'Officials, not the port' } });
    expect(back.dataset.tombstones).toEqual(dataset.tombstones);
    expect(back.dataset.rejections).toEqual(dataset.rejections);
  });

  it('another product’s file, a broken file and a damaged zip get clear messages', async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const read = await readPackageFiles([
      { name: 'tasks.json', bytes: enc('[{"data":{"text":"x"},"annotations":[]}]') },
      { name: 'notes.jsonl', bytes: enc('hello world\n') },
      { name: 'broken.jsonl', bytes: enc('{"format":"factmark","schemaVersion":1,"offsetUnit":"codepoint"}\n{"id": "x", "text": ') },
      { name: 'pack.zip', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) },
    ]);
    expect(read.packages).toEqual([]);
    expect(read.errors).toEqual([
      expect.stringMatching(/^Could not import pack\.zip: it is not a readable zip archive/),
      expect.stringMatching(/^Could not import tasks\.json: it looks like Label Studio tasks \(JSON\), not a Factmark review package/),
      expect.stringMatching(/^Could not import notes\.jsonl: it is not a Factmark review package/),
      expect.stringMatching(/^Could not import broken\.jsonl: no article could be read \(line 2: not valid JSON/),
    ]);
  });
});

describe('importing teammates’ packages', () => {
  it('adds each annotator as a layer, matches documents by text and adds unknown ones', async () => {
    const lib = new MemoryLibrary();
    const d = await document('lib-d1');
    lib.docs.push(d);
    const theirs = await document('their-d1');
    const extra = await document('their-d2', 'A second article.', { title: 'Second' });
    const plan = await lib.import(await pkgOf({ documents: [theirs, extra], annotations: [tag(theirs, 'Ana', 'the port was attacked', 'claim', 'a1'), tag(extra, 'Ana', 'second', 'claim', 'a2')] }, 'Ana', 'A'));
    expect(plan.counts).toMatchObject({ documentsMatched: 1, documentsAdded: 1, added: 2 });
    expect(lib.of('Ana').map((a) => [a.id, a.documentId])).toEqual([
      ['a2', 'their-d2'],
      ['a1', 'lib-d1'],
    ]);
    expect(plan.layerNames).toEqual(['Ana']);
    expect(describePlan(plan)).toMatch(/layer "Ana"\. 2 annotations added, 0 updated, 0 deleted, 0 unchanged\. 1 new article added\. 1 article matched by text\./);
  });

  it('a newer package from the same annotator updates the layer: changes change, deletions go, nothing is duplicated', async () => {
    const lib = new MemoryLibrary();
    const d = await document('d1');
    const first: Dataset = { documents: [d], annotations: [tag(d, 'Ana', 'the port was attacked', 'claim', 'a1'), tag(d, 'Ana', 'Russia denied it', 'denial', 'a2')] };
    await lib.import(await pkgOf(first, 'Ana', 'A', new Date(T0)));
    const second: Dataset = {
      documents: [d],
      annotations: [{ ...first.annotations[0]!, label: 'unverified', updatedAt: T1 }, tag(d, 'Ana', 'Nobody confirmed', 'unverified', 'a3', T1)],
      tombstones: [{ id: 'a2', documentId: 'd1', annotator: 'Ana', deletedAt: T1 }],
    };
    const plan = await lib.import(await pkgOf(second, 'Ana', 'A'));
    expect(plan.counts).toMatchObject({ added: 1, updated: 1, removed: 1 });
    expect(lib.of('Ana').map((a) => `${a.id}:${a.label}`)).toEqual(['a1:unverified', 'a3:unverified']);
    // the same package again, and the older one after it, change nothing
    expect((await lib.import(await pkgOf(second, 'Ana', 'A'))).counts).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 2 });
    expect((await lib.import(await pkgOf(first, 'Ana', 'A', new Date(T0)))).counts).toMatchObject({ added: 0, updated: 0, unchanged: 1, staleDeleted: 1 });
    expect(lib.of('Ana').map((a) => `${a.id}:${a.label}`)).toEqual(['a1:unverified', 'a3:unverified']);
    expect(lib.layers.filter((l) => l.annotator === 'Ana')).toHaveLength(1);
  });

  it('one annotator name on two machines: a warning and two distinguishable layers', async () => {
    const lib = new MemoryLibrary();
    const d = await document('d1');
    await lib.import(await pkgOf({ documents: [d], annotations: [tag(d, 'Ana', 'the port', 'claim', 'x1')] }, 'Ana', 'aaaa1111'));
    const plan = await lib.import(await pkgOf({ documents: [d], annotations: [tag(d, 'Ana', 'Russia', 'denial', 'y1')] }, 'Ana', 'bbbb2222'));
    expect(plan.warnings).toEqual([expect.stringMatching(/"Ana" is already used .* shown as "Ana \(machine bbbb\)"/)]);
    expect(lib.of('Ana').map((a) => a.id)).toEqual(['x1']);
    expect(lib.of('Ana (machine bbbb)').map((a) => a.id)).toEqual(['y1']);
    // the reviewer's own name, from another machine, is also kept apart
    const mine = await lib.import(await pkgOf({ documents: [d], annotations: [tag(d, 'Lead', 'Nobody', 'claim', 'z1')] }, 'Lead', 'cccc3333'));
    expect(mine.layerNames).toEqual(['Lead (machine cccc)']);
  });

  it('clashing ids keep both annotations, with a warning', async () => {
    const lib = new MemoryLibrary();
    const d = await document('d1');
    await lib.import(await pkgOf({ documents: [d], annotations: [tag(d, 'Ana', 'the port', 'claim', 'same')] }, 'Ana', 'A'));
    const plan = await lib.import(await pkgOf({ documents: [d], annotations: [tag(d, 'Ben', 'Russia', 'denial', 'same')] }, 'Ben', 'B'));
    expect(plan.warnings).toEqual([expect.stringMatching(/1 annotation .* had an id already used by different work.*both are kept/)]);
    expect(lib.anns.get('same')!.annotator).toBe('Ana');
    expect(lib.of('Ben')).toHaveLength(1);
    expect(lib.of('Ben')[0]!.id).not.toBe('same');
    expect((await lib.import(await pkgOf({ documents: [d], annotations: [tag(d, 'Ben', 'Russia', 'denial', 'same')] }, 'Ben', 'B'))).counts).toMatchObject({ added: 0, unchanged: 1 });
  });

  it('work on another version of an article is re-anchored by quote; what cannot be placed is orphaned, not attached', async () => {
    const lib = new MemoryLibrary();
    const v2 = await document('v2', `Update: ${TEXT.replace('Russia denied it.', 'Moscow rejected that.')}`, { versionGroup: 'v1', version: 2 });
    lib.docs.push(v2);
    const v1 = await document('v1');
    const plan = await lib.import(await pkgOf({ documents: [v1], annotations: [tag(v1, 'Ana', 'the port was attacked', 'claim', 'a1'), tag(v1, 'Ana', 'Russia denied it', 'denial', 'a2')] }, 'Ana', 'A'));
    expect(plan.documentsToAdd).toEqual([]);
    expect(plan.counts).toMatchObject({ reanchored: 1, added: 1 });
    const placed = lib.anns.get('a1')!;
    expect(v2.text.slice(placed.start, placed.end)).toBe('the port was attacked');
    expect(placed.documentId).toBe('v2');
    expect(plan.orphans).toEqual([expect.objectContaining({ annotator: 'Ana', quote: 'Russia denied it', documentTitle: 'Port attack' })]);
    expect(lib.anns.has('a2')).toBe(false);
    expect(describePlan(plan)).toMatch(/1 annotation could not be placed \(orphaned, not attached\)/);
  });

  it('an analyst importing the adjudicated package keeps their own layer and sees the reviewer’s decisions', async () => {
    const lib = new MemoryLibrary();
    const d = await document('d1');
    const mine = tag(d, 'Ana', 'the port was attacked', 'claim', 'a1');
    lib.docs.push(d);
    lib.anns.set(mine.id, mine);
    const gold = makeGold(d.text, 'd1', 'Lead', { start: mine.start, end: mine.end, label: 'unverified', decision: { action: 'edit', from: ['a1'], reason: 'Not confirmed' } }, T1, 'g1');
    const adjudicated: Dataset = { documents: [{ ...d, adjudication: 'in-progress' }], annotations: [mine, tag(d, 'Ben', 'Russia', 'denial', 'b1'), gold], rejections: [{ id: 'b1', documentId: 'd1', reviewer: 'Lead', reason: 'Too short', createdAt: T1 }] };
    const data = exportFactmark(adjudicated, { exportedAt: T1 }, { package: { kind: 'adjudicated', reviewer: 'Lead', origin: 'L', createdAt: T1, layers: [{ annotator: 'Ana', origin: 'A' }, { annotator: 'Ben', origin: 'B' }] } }).files[0]!.data as string;
    const read = await readPackageFiles([{ name: 'adj.jsonl', bytes: new TextEncoder().encode(data) }]);
    const plan = await lib.import(read.packages[0]!, { annotator: 'Ana', origin: 'A' });
    expect(plan.counts).toMatchObject({ own: 1, added: 2 });
    // the reviewer's progress on the article comes along (the database side only ever moves it forwards)
    expect(plan.adjudication).toEqual([{ id: 'd1', state: 'in-progress' }]);
    expect(lib.anns.get('a1')).toEqual(mine);
    expect(outcomeOf(mine, [lib.anns.get('g1')!], lib.rejections)).toMatchObject({ status: 'edited', reason: 'Not confirmed', change: 'label claim → unverified' });
    expect(outcomeOf(lib.anns.get('b1')!, [lib.anns.get('g1')!], lib.rejections)).toEqual({ status: 'rejected', reviewer: 'Lead', reason: 'Too short' });
  });
});

describe('adjudication helpers', () => {
  it('an adjudication state only moves forwards', () => {
    expect(laterAdjudication(undefined, 'in-progress')).toBe('in-progress');
    expect(laterAdjudication('in-progress', 'done')).toBe('done');
    expect(laterAdjudication('done', 'in-progress')).toBe('done');
    expect(laterAdjudication('not-started', 'not-started')).toBe('not-started');
  });

  it('majority, agreed spans and layer identities', async () => {
    const d = await document('d1');
    const a = tag(d, 'A', 'the port', 'claim', 'a');
    const b = tag(d, 'B', 'the port', 'claim', 'b');
    const c = tag(d, 'C', 'the port', 'denial', 'c');
    expect(majorityOf([a, b, c], 3)).toEqual({ start: a.start, end: a.end, label: 'claim', from: ['a', 'b'] });
    expect(majorityOf([a, c], 2)).toBeNull();
    expect(agreedSpans([a, b, c], ['A', 'B'])).toEqual([{ start: a.start, end: a.end, label: 'claim', decision: { action: 'accept', from: ['a', 'b'], reason: 'All annotators agreed.' } }]);
    expect(agreedSpans([a, b, c], ['A', 'B', 'C'])).toEqual([]);
    const gold = makeGold(d.text, 'd1', 'Lead', { start: a.start, end: a.end, label: 'claim', decision: { action: 'accept', from: ['a'] } }, T1);
    expect(agreedSpans([a, b, gold], ['A', 'B'])).toEqual([]);
    const styles = layerStyles(['Ana Analyst', 'Ana Archer', 'ben', 'Gold']);
    expect([...styles.values()].map((s) => s.initials)).toEqual(['AA', 'AA2', 'BE', 'G★']);
    expect(new Set([...styles.values()].map((s) => s.colour)).size).toBe(4);
  });
});
