import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeAnnotation } from '../../shared/annotation.ts';
import { exportFactmark } from '../../shared/formats/factmark.ts';
import type { FmDocument } from '../../shared/model.ts';
import { FactmarkDatabase } from '../db/database.ts';
import { answerImport } from './importFiles.ts';

const text = 'Moscow denied it. Kyiv said it happened.';
const doc: FmDocument = { id: 'd1', title: 'Strike', text, contentHash: 'hash-1', source: { kind: 'paste' }, createdAt: '2026-01-01T00:00:00Z' };
const annotation = makeAnnotation(text, { documentId: 'd1', annotator: 'Bo', label: 'denial', start: 0, end: 17 }, '2026-01-02T00:00:00Z');
const factmarkFile = () => {
  const [file] = exportFactmark({ documents: [doc], annotations: [annotation] }).files;
  return { name: 'team.factmark.jsonl', bytes: typeof file!.data === 'string' ? new TextEncoder().encode(file!.data) : file!.data };
};

let n = 0;
const opened: FactmarkDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('answerImport (the dataset import worker)', () => {
  it('reads the files and writes them to the database named, answering what it did', async () => {
    const dbName = `import-files-${++n}`;
    const reply = await answerImport({ files: [factmarkFile()], dbName });
    expect(reply).toMatchObject({ ok: true, outcome: { result: { documentsAdded: 1, annotationsAdded: 1, documentsMatched: 0, annotationsSkipped: 0 }, formats: ['Factmark JSONL'], errors: [] } });
    expect(reply.ok && reply.outcome.labels).toContain('denial');
    const db = new FactmarkDatabase(dbName);
    opened.push(db);
    expect((await db.annotations.toArray()).map((a) => [a.documentId, a.quote])).toEqual([['d1', 'Moscow denied it.']]);
    expect(await db.labelCounts.get('d1')).toMatchObject({ counts: { denial: 1 } });
  });

  it('answers with what is wrong, and writes nothing, when the files hold nothing to import', async () => {
    const dbName = `import-files-${++n}`;
    const reply = await answerImport({ files: [{ name: 'notes.json', bytes: new TextEncoder().encode('{"x": 1}') }], dbName });
    expect(reply).toMatchObject({ ok: true, outcome: { result: null } });
    expect(reply.ok && reply.outcome.errors.join('\n')).toContain('Could not import notes.json');
    const db = new FactmarkDatabase(dbName);
    opened.push(db);
    expect(await db.documents.count()).toBe(0);
  });
});
