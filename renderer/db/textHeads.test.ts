import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FmDocument } from '../../shared/model.ts';
import { FactmarkDatabase } from './database.ts';
import { Repository } from './repository.ts';
import { HEAD_CHARS, HEAD_FROM_CHARS, headOf } from './textHeads.ts';

/** A long text of numbered lines: every head and cut can be told apart. */
const longText = (lines = 2_000) => Array.from({ length: lines }, (_, i) => `Line ${i}: Kyiv said the port was hit; Moscow denied it.`).join('\n');
const doc = (id: string, text: string, extra: Partial<FmDocument> = {}): FmDocument => ({ id, title: `Title ${id}`, text, contentHash: `hash-${id}`, source: { kind: 'paste' }, createdAt: '2026-01-01T00:00:00Z', ...extra });

describe('headOf', () => {
  it('gives a long text a head of its first characters, with its whole length', () => {
    const text = longText();
    expect(text.length).toBeGreaterThan(HEAD_FROM_CHARS);
    const head = headOf({ id: 'a', text })!;
    expect(head.text).toBe(text.slice(0, HEAD_CHARS));
    expect(head.length).toBe(text.length);
    expect(head).not.toHaveProperty('blocks');
  });

  it('gives a text of up to HEAD_FROM_CHARS characters none', () => {
    expect(headOf({ id: 'a', text: 'x'.repeat(HEAD_FROM_CHARS) })).toBeNull();
  });

  it("keeps the blocks of the head's lines, the cut one included", () => {
    const text = longText();
    const blocks = text.split('\n').map((_, i) => (i % 10 === 0 ? { type: 'heading' as const, level: 2 } : { type: 'paragraph' as const }));
    const head = headOf({ id: 'a', text, blocks })!;
    const lines = head.text.split('\n').length;
    expect(head.blocks).toEqual(blocks.slice(0, lines));
  });

  it('never cuts a surrogate pair in two', () => {
    const text = `${'a'.repeat(HEAD_CHARS - 1)}👍🏽${'b'.repeat(HEAD_FROM_CHARS)}`;
    const head = headOf({ id: 'a', text })!;
    expect(head.text).toBe('a'.repeat(HEAD_CHARS - 1));
  });
});

let db: FactmarkDatabase;
let repo: Repository;
let n = 0;
beforeEach(() => {
  db = new FactmarkDatabase(`heads-test-${++n}`);
  repo = new Repository(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('heads kept by the database', () => {
  it('are written with every long text and only with those', async () => {
    const text = longText();
    await repo.addDocuments([doc('long', text), doc('short', 'Moscow denied it.')]);
    expect(await db.textHeads.toArray()).toEqual([headOf({ id: 'long', text })]);
  });

  it('follow a text replaced, deleted one by one, by range, and a cleared table', async () => {
    await repo.addDocuments([doc('a', longText()), doc('b', longText(1_900)), doc('c', longText(1_800))]);
    const replaced = longText(2_500).replace(/Line/g, 'Row');
    await db.texts.put({ id: 'a', text: replaced });
    expect((await db.textHeads.get('a'))?.text).toBe(replaced.slice(0, HEAD_CHARS));
    await db.texts.put({ id: 'b', text: 'Now short.' });
    expect(await db.textHeads.get('b')).toBeUndefined();
    await db.texts.delete('a');
    expect((await db.textHeads.toArray()).map((h) => h.id)).toEqual(['c']);
    await db.texts.where('id').between('a', 'z').delete();
    expect(await db.textHeads.count()).toBe(0);
    await repo.addDocuments([doc('d', longText())]);
    await db.texts.clear();
    expect(await db.textHeads.count()).toBe(0);
  });

  it('an add refused for an id already there leaves that text its own head', async () => {
    const text = longText();
    await repo.addDocuments([doc('a', text)]);
    await db.transaction('rw', db.texts, async () => {
      await db.texts.bulkAdd([{ id: 'a', text: longText(3_000).replace(/Line/g, 'Other') }, { id: 'b', text: longText(2_100) }]).catch(() => undefined);
    });
    expect((await db.textHeads.get('a'))?.text).toBe(text.slice(0, HEAD_CHARS));
    expect((await db.textHeads.get('b'))?.length).toBe(longText(2_100).length);
  });

  it('a failed transaction writes no head', async () => {
    await expect(
      db.transaction('rw', db.texts, async () => {
        await db.texts.put({ id: 'a', text: longText() });
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await db.textHeads.count()).toBe(0);
  });
});

describe('Repository.openDocument', () => {
  it("opens a long article with its text's head, and reads the whole when asked", async () => {
    const text = longText();
    const blocks = text.split('\n').map(() => ({ type: 'paragraph' as const }));
    await repo.addDocuments([doc('a', text, { blocks })]);
    const opened = (await repo.openDocument('a'))!;
    expect(opened.document.text).toBe(text.slice(0, HEAD_CHARS));
    expect(opened.document.blocks).toEqual(blocks.slice(0, opened.document.text.split('\n').length));
    expect(opened.document.title).toBe('Title a');
    expect(opened.textLength).toBe(text.length);
    expect(await opened.readWhole!()).toEqual(await repo.getDocument('a'));
  });

  it('opens a short article whole, and a missing one not at all', async () => {
    await repo.addDocuments([doc('s', 'Moscow denied it. 👍🏽')]);
    const opened = (await repo.openDocument('s'))!;
    expect(opened).toEqual({ document: await repo.getDocument('s'), textLength: 'Moscow denied it. 👍🏽'.length });
    expect(await repo.openDocument('nope')).toBeUndefined();
  });

  it('gives a long text stored before heads existed its head when it is first opened', async () => {
    const text = longText();
    await repo.addDocuments([doc('a', text)]);
    await db.textHeads.clear(); // as a version 3 database has it
    const opened = (await repo.openDocument('a'))!;
    expect(opened.document.text).toBe(text);
    expect(opened.readWhole).toBeUndefined();
    await vi.waitFor(async () => expect(await db.textHeads.get('a')).toEqual(headOf({ id: 'a', text })));
    expect((await repo.openDocument('a'))!.document.text).toBe(text.slice(0, HEAD_CHARS));
  });
});
