/**
 * Script of the bench page (pages/blank.html, same origin as the app): the app's own database and repository
 * modules, the data generators, and the plain-paragraph baseline. Bundled by run.mjs with esbuild.
 */
import Dexie from 'dexie';
import type { Annotation, FmDocument } from '../shared/model.ts';
import { FactmarkDatabase } from '../renderer/db/database.ts';
import { Repository, splitDocument } from '../renderer/db/repository.ts';
import { runImport } from '../renderer/import/pipeline.ts';
import * as data from './data.ts';

/** Writes documents, annotations and the analyst's name into the app's database (skips the first-run screen). */
async function seed(documents: FmDocument[], annotations: Annotation[], annotator = 'Ana Analyst'): Promise<void> {
  const db = new FactmarkDatabase();
  await db.transaction('rw', [db.documents, db.texts, db.annotations, db.settings], async () => {
    const parts = documents.map(splitDocument);
    await db.documents.bulkPut(parts.map((p) => p[0]));
    await db.texts.bulkPut(parts.map((p) => p[1]));
    await db.annotations.bulkPut(annotations);
    await db.settings.put({ key: 'annotator', value: annotator });
  });
  db.close();
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** The baseline reader: the text as plain <p> paragraphs in a scrolling box; resolves once a frame showed it. */
async function renderPlain(text: string): Promise<number> {
  const host = document.getElementById('host')!;
  host.replaceChildren();
  await frame();
  const t0 = performance.now();
  const fragment = document.createDocumentFragment();
  for (const line of text.split('\n')) {
    const p = document.createElement('p');
    p.textContent = line;
    fragment.append(p);
  }
  host.append(fragment);
  await frame();
  await frame();
  return performance.now() - t0;
}

/** The import baseline: a raw Dexie bulkPut of the same records into the app's two tables, in one transaction. */
async function rawPut(db: FactmarkDatabase, documents: FmDocument[]): Promise<void> {
  const parts = documents.map(splitDocument);
  await db.transaction('rw', db.documents, db.texts, async () => {
    await db.documents.bulkPut(parts.map((p) => p[0]));
    await db.texts.bulkPut(parts.map((p) => p[1]));
  });
}

/** The cold-start baseline: the titles from the database as a plain list. */
async function listPlain(): Promise<number> {
  const db = new FactmarkDatabase();
  const titles: string[] = [];
  await db.documents.orderBy('createdAt').each((d) => void titles.push(d.title));
  const ul = document.createElement('ul');
  ul.setAttribute('aria-label', 'Articles');
  for (const t of titles) ul.append(Object.assign(document.createElement('li'), { textContent: t }));
  document.getElementById('host')!.replaceChildren(ul);
  db.close();
  await frame();
  return titles.length;
}

Object.assign(window, { __bench: { Dexie, FactmarkDatabase, Repository, runImport, seed, rawPut, renderPlain, listPlain, frame, ...data } });
