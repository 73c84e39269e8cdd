import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAnnotation } from '../../shared/annotation.ts';
import { inverseOp, type AnnotationOp } from '../../shared/history.ts';
import type { Annotation, FmDocument } from '../../shared/model.ts';
import { FactmarkDatabase } from './database.ts';
import { filterClaims, LinkQueries } from './links.ts';
import { Repository } from './repository.ts';

let db: FactmarkDatabase;
let repo: Repository;
let links: LinkQueries;
/** What the picker shows for a query: the claims read once, narrowed in memory. */
const search = async (query: string, documentId: string) => filterClaims(await links.claims(documentId), query);
let n = 0;

const T1 = 'Kyiv said the port was hit. Moscow denied it.';
const T2 = 'The governor called the strike on the port fake.';
const doc = (id: string, title: string, text: string): FmDocument => ({ id, title, text, contentHash: `hash-${id}`, source: { kind: 'paste' }, createdAt: `2026-01-01T00:00:0${id.length}Z` });
const span = (text: string, s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });

let claim: Annotation;
let denial: Annotation;
let other: Annotation;

beforeEach(async () => {
  db = new FactmarkDatabase(`links-test-${++n}`);
  repo = new Repository(db);
  links = new LinkQueries(db);
  await repo.addDocuments([doc('a', 'Port strike', T1), doc('bb', 'Governor', T2)]);
  claim = makeAnnotation(T1, { documentId: 'a', annotator: 'Ana', label: 'claim', ...span(T1, 'the port was hit') }, 't1');
  denial = { ...makeAnnotation(T1, { documentId: 'a', annotator: 'Ana', label: 'denial', ...span(T1, 'denied it') }, 't2'), answers: claim.id, source: { text: 'Moscow' } };
  other = { ...makeAnnotation(T2, { documentId: 'bb', annotator: 'Bea', label: 'denial', ...span(T2, 'called the strike on the port fake') }, 't3'), answers: claim.id, source: { text: 'the governor of Dagestan' } };
  for (const annotation of [claim, denial, other]) await repo.apply({ kind: 'create', annotation });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('link integrity in the database', () => {
  it('links show both ways, across articles', async () => {
    const here = await links.articleLinks(await repo.annotationsOf('a'));
    expect(here.targets.get(claim.id)?.annotation.quote).toBe('the port was hit');
    expect(here.answeredBy.get(claim.id)!.map((l) => [l.annotation.id, l.documentTitle]).sort()).toEqual([[denial.id, 'Port strike'], [other.id, 'Governor']].sort());
    const there = await links.articleLinks(await repo.annotationsOf('bb'));
    expect(there.targets.get(claim.id)?.documentTitle).toBe('Port strike');
  });

  it('deleting a claim that denials answer: the denials keep the id, the target reads as missing; undo restores it', async () => {
    const del: AnnotationOp = { kind: 'delete', annotation: claim };
    await repo.apply(del);
    expect((await db.annotations.get(denial.id))!.answers).toBe(claim.id);
    expect((await db.annotations.get(other.id))!.answers).toBe(claim.id);
    const after = await links.articleLinks(await repo.annotationsOf('bb'));
    expect(after.targets.has(claim.id)).toBe(false);
    expect(await links.find(claim.id)).toBeUndefined();

    await repo.apply(inverseOp(del));
    const back = await links.articleLinks(await repo.annotationsOf('bb'));
    expect(back.targets.get(claim.id)?.annotation).toEqual(claim);
    expect(await db.tombstones.get(claim.id)).toBeUndefined();
  });

  it('the picker finds claims in every article by the words of the claim or the title, this article first', async () => {
    const c2 = makeAnnotation(T2, { documentId: 'bb', annotator: 'Bea', label: 'claim', ...span(T2, 'the strike on the port') }, 't4');
    await repo.apply({ kind: 'create', annotation: c2 });
    const all = await search('', 'bb');
    expect(all.results.map((r) => r.annotation.id)).toEqual([c2.id, claim.id]);
    expect((await search('PORT hit', 'bb')).results.map((r) => r.annotation.id)).toEqual([claim.id]);
    expect((await search('governor', 'a')).results.map((r) => r.annotation.id)).toEqual([c2.id]);
    // denials are never offered
    expect(all.results.every((r) => r.annotation.label === 'claim')).toBe(true);
    // nor claims of articles in the trash
    await db.documents.update('bb', { deletedAt: '2026-02-01T00:00:00Z' });
    expect((await search('', 'a')).results.map((r) => r.annotation.id)).toEqual([claim.id]);
  });

  it('source suggestions come from the library', async () => {
    expect(await links.sourceSuggestions()).toEqual(['Moscow', 'the governor of Dagestan']);
  });
});
