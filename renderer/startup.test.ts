import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, type LabelSet } from '../shared/labels.ts';
import type { FmDocument } from '../shared/model.ts';
import { FactmarkDatabase } from './db/database.ts';
import { saveLabelSet } from './db/labels.ts';
import { FIRST_ROWS } from './db/library.ts';
import { Repository } from './db/repository.ts';
import { ANNOTATOR_KEY, readStartup } from './startup.ts';

let db: FactmarkDatabase;
let repo: Repository;
let n = 0;

const doc = (i: number): FmDocument => ({ id: `d${i}`, title: `Title ${i}`, text: 'Kyiv said the port was hit.', contentHash: `hash-${i}`, source: { kind: 'paste' }, createdAt: '2026-01-01T00:00:00Z' });
const LABELS: LabelSet = [...DEFAULT_LABELS, { ...DEFAULT_LABELS[0]!, id: 'satire', name: 'Satire', plural: 'satire', key: '4', colour: '#0f766e' }];

beforeEach(() => {
  db = new FactmarkDatabase(`startup-test-${++n}`);
  repo = new Repository(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('what the first screen shows, read as the app starts', () => {
  it('a new library: no name yet (the first-run screen), the default labels, no rows', async () => {
    expect(await readStartup(repo)).toEqual({ annotator: null, labels: DEFAULT_LABELS, firstRows: { docs: [], total: 0 } });
  });

  it('the name, the saved label set, and the first rows of a large library with its size', async () => {
    await repo.setSetting(ANNOTATOR_KEY, 'Ana Analyst');
    await saveLabelSet(db, LABELS);
    await repo.addDocuments(Array.from({ length: FIRST_ROWS + 5 }, (_, i) => doc(i)));
    const { annotator, labels, firstRows } = await readStartup(repo);
    expect(annotator).toBe('Ana Analyst');
    expect(labels).toEqual(LABELS);
    expect(firstRows?.docs).toHaveLength(FIRST_ROWS);
    expect(firstRows?.total).toBe(FIRST_ROWS + 5);
  });

  it('a read that fails leaves its default, and the others are still read', async () => {
    await repo.addDocuments([doc(1)]);
    const failing = Object.assign(Object.create(repo) as Repository, { getSetting: () => Promise.reject(new Error('unreadable')) });
    const { annotator, labels, firstRows } = await readStartup(failing);
    expect(annotator).toBeNull();
    expect(labels).toEqual(DEFAULT_LABELS);
    expect(firstRows?.docs.map((d) => d.id)).toEqual(['d1']);
  });

  it('a library whose database cannot be opened rejects, rather than passing for a new one', async () => {
    const broken = Object.assign(Object.create(indexedDB) as IDBFactory, {
      open: () => {
        throw new DOMException('The operation failed for reasons unrelated to the database itself.', 'UnknownError');
      },
    });
    const unopenable = new FactmarkDatabase(`startup-test-broken-${++n}`, { indexedDB: broken, IDBKeyRange });
    await expect(readStartup(new Repository(unopenable))).rejects.toThrow(/failed/);
  });
});
