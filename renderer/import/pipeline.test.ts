import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../shared/hash.ts';
import { FactmarkDatabase } from '../db/database.ts';
import { versionsOf } from '../db/versions.ts';
import { runImport, type ImportProgress } from './pipeline.ts';

let db: FactmarkDatabase;
let n = 0;
const utf8 = (s: string) => new TextEncoder().encode(s);
const file = (name: string, text: string) => ({ name, bytes: utf8(text) });

beforeEach(() => {
  db = new FactmarkDatabase(`pipeline-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('runImport', () => {
  it('imports the good files, reports each bad one with its reason, and skips duplicates', async () => {
    const report = await runImport(db, [
      file('a.txt', 'Headline A\nKyiv said the port was hit.'),
      file('b.txt', 'Headline B\nMoscow denied it.'),
      { name: 'empty.txt', bytes: new Uint8Array() },
      file('copy-of-a.txt', 'Headline A\nKyiv said the port was hit.'),
      { name: 'huge.txt', bytes: new Uint8Array(), problem: 'huge.txt is 200 MB; the largest article Factmark imports is 50 MB.' },
    ]);
    expect(report.imported.map((e) => e.title)).toEqual(['Headline A', 'Headline B']);
    expect(report.failed).toEqual([
      { file: 'empty.txt', message: 'Could not import empty.txt: the file is empty.' },
      { file: 'huge.txt', message: 'huge.txt is 200 MB; the largest article Factmark imports is 50 MB.' },
    ]);
    expect(report.duplicates).toEqual([{ file: 'copy-of-a.txt', title: 'Headline A', existingTitle: 'Headline A', inTrash: false }]);
    expect(await db.documents.count()).toBe(2);
    expect(await db.texts.count()).toBe(2);

    const again = await runImport(db, [file('a.txt', 'Headline A\nKyiv said the port was hit.')]);
    expect(again.imported).toEqual([]);
    expect(again.duplicates).toHaveLength(1);
  });

  it('imports a changed text of a known article as its next version, linked to the first', async () => {
    const url = 'https://news.example/port';
    const line = (text: string) => JSON.stringify({ text, title: 'Port attack', meta: { url } });
    await runImport(db, [file('day1.jsonl', line('The port was hit.'))]);
    const r2 = await runImport(db, [file('day2.jsonl', `${line('The port was hit, officials said.')}\n${line('The port was hit twice, officials said.')}`)]);
    expect(r2.imported.map((e) => e.version)).toEqual([2, 3]);
    const all = await db.documents.toArray();
    const first = all.find((d) => d.version === 1)!;
    expect(first.versionGroup).toBe(first.id);
    expect(new Set(all.map((d) => d.versionGroup))).toEqual(new Set([first.id]));
    expect((await versionsOf(db, first)).map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('files with the same name and title are versions; the untouched library stays untouched', async () => {
    await runImport(db, [file('report.md', '# Port attack\n\nFirst draft.')]);
    const before = await db.documents.toArray();
    const r = await runImport(db, [file('report.md', '# Port attack\n\nSecond draft.')]);
    expect(r.imported[0]).toMatchObject({ title: 'Port attack', version: 2 });
    const texts = await db.texts.toArray();
    expect(texts.map((t) => t.text).sort()).toEqual(['Port attack\nFirst draft.', 'Port attack\nSecond draft.']);
    expect((await db.documents.get(before[0]!.id))!.title).toBe(before[0]!.title);
  });

  it('reports JSONL lines that are broken and imports the rest', async () => {
    const r = await runImport(db, [file('c.jsonl', '{"text":"one"}\n{broken\n\n{"text":""}\n{"text":"two"}')]);
    expect(r.imported).toHaveLength(2);
    expect(r.failed.map((f) => f.message)).toEqual([expect.stringMatching(/^c\.jsonl line 2: not valid JSON/), 'c.jsonl line 4: "text" is empty.']);
  });

  it('writes in whole chunks and stops after the current chunk when cancelled', async () => {
    const files = Array.from({ length: 50 }, (_, i) => file(`f${i}.txt`, `Article ${i}\nText number ${i}.`));
    const controller = new AbortController();
    const seen: ImportProgress[] = [];
    const r = await runImport(db, files, {
      chunkSize: 10,
      signal: controller.signal,
      onProgress(p) {
        seen.push(p);
        if (p.imported >= 20) controller.abort();
      },
    });
    // the chunk being written when Cancel came is finished; nothing after it starts
    expect(r.cancelled).toBe(true);
    expect(r.imported.length % 10).toBe(0);
    expect(r.imported.length).toBeGreaterThanOrEqual(20);
    expect(r.imported.length).toBeLessThan(50);
    expect(r.filesDone).toBe(r.imported.length);
    expect(await db.documents.count()).toBe(r.imported.length);
    expect(await db.texts.count()).toBe(r.imported.length);
    expect(seen.at(-1)).toEqual({ filesDone: r.imported.length, filesTotal: 50, imported: r.imported.length });
  });

  it('calls the annotation carrier from the newest version to the new one', async () => {
    await runImport(db, [file('a.md', '# T\n\nv1')]);
    const calls: [string, string][] = [];
    const r = await runImport(db, [file('a.md', '# T\n\nv2')], { carryAnnotations: async (_db, from, to) => (calls.push([from, to]), { moved: 0, orphaned: 0 }) });
    const first = (await db.documents.toArray()).find((d) => d.version === 1)!;
    expect(calls).toEqual([[first.id, r.imported[0]!.id]]);
  });
});

describe('runImport racing another writer', () => {
  it('counts a text that reached the library after the import began as a duplicate and writes the rest', async () => {
    const hash = await sha256Hex('A\nfirst text');
    let raced = false;
    const report = await runImport(db, [file('a.txt', 'A\nfirst text'), file('b.txt', 'B\nsecond text')], {
      onProgress() {
        if (raced) return;
        raced = true;
        // another window adds a.txt's text after the import looked at the library, before it writes
        void db.transaction('rw', db.documents, db.texts, async () => {
          await db.documents.add({ id: 'other', title: 'Other window', contentHash: hash, source: { kind: 'paste' }, createdAt: '2026-01-01T00:00:00Z' });
          await db.texts.add({ id: 'other', text: 'A\nfirst text' });
        });
      },
    });
    expect(report.imported.map((e) => e.title)).toEqual(['B']);
    expect(report.duplicates.map((d) => d.file)).toEqual(['a.txt']);
    expect((await db.documents.toArray()).map((d) => d.id).sort()).toEqual(['other', report.imported[0]!.id].sort());
    expect(await db.texts.count()).toBe(2);
  });
});
