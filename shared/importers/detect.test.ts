import { describe, expect, it } from 'vitest';
import { checkBeforeReading, checkSize, detectKind, formatSize, MAX_ARTICLE_BYTES } from './detect.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const MB = 1024 * 1024;

describe('detectKind', () => {
  it('maps each supported extension, in any case', () => {
    const kinds = ['a.txt', 'a.TEXT', 'a.md', 'a.Markdown', 'a.html', 'a.HTM', 'a.xhtml', 'a.jsonl', 'a.ndjson'].map((n) => {
      const r = detectKind(n);
      return r.ok ? r.kind : r.reason;
    });
    expect(kinds).toEqual(['text', 'text', 'markdown', 'markdown', 'html', 'html', 'html', 'jsonl', 'jsonl']);
  });

  it('refuses other types and lists the supported ones', () => {
    const r = detectKind('notes.xyz');
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('not files of type .xyz') });
    expect(!r.ok && r.reason).toContain('.txt');
    expect(!r.ok && r.reason).toContain('.jsonl');
    expect(detectKind('README')).toEqual({ ok: false, reason: expect.stringContaining('files without an extension') });
  });

  it('says what a known non-text format is and what to do', () => {
    expect(detectKind('report.pdf')).toEqual({ ok: false, reason: expect.stringMatching(/^report\.pdf is a PDF, which Factmark cannot import\. Save or export it as/) });
    expect(detectKind('page.mhtml')).toEqual({ ok: false, reason: expect.stringContaining('MHTML') });
  });

  it('trusts the bytes over the name for binary formats', () => {
    expect(detectKind('article.txt', utf8('%PDF-1.7\n...'))).toEqual({ ok: false, reason: expect.stringMatching(/^article\.txt is a PDF, not text/) });
    expect(detectKind('article.md', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toMatchObject({ ok: false });
  });

  it('recognises a web page without an extension from its first bytes', () => {
    expect(detectKind('saved', utf8('\uFEFF  <!DOCTYPE html><html>'))).toEqual({ ok: true, kind: 'html' });
    expect(detectKind('saved', utf8('<?xml version="1.0"?>\n<!-- c --><html xmlns="…">'))).toEqual({ ok: true, kind: 'html' });
    expect(detectKind('saved', utf8('plain words'))).toMatchObject({ ok: false });
  });
});

describe('checkSize', () => {
  it('refuses a 200 MB text file with a clear message', () => {
    expect(checkSize('x.txt', 200 * MB, 'text')).toEqual({ ok: false, reason: 'x.txt is 200 MB; the largest article Factmark imports is 50 MB.' });
  });

  it('accepts up to 50 MB for articles and 500 MB for corpora', () => {
    expect(checkSize('a.html', MAX_ARTICLE_BYTES, 'html')).toEqual({ ok: true });
    expect(checkSize('a.md', MAX_ARTICLE_BYTES + 1, 'markdown')).toEqual({ ok: false, reason: 'a.md is more than 50 MB; the largest article Factmark imports is 50 MB.' });
    expect(checkSize('c.jsonl', 200 * MB, 'jsonl')).toEqual({ ok: true });
    expect(checkSize('c.jsonl', 600 * MB, 'jsonl')).toEqual({ ok: false, reason: 'c.jsonl is 600 MB; the largest corpus Factmark imports is 500 MB.' });
  });

  it('formats sizes for people', () => {
    expect([formatSize(900), formatSize(1536), formatSize(2.25 * MB), formatSize(1.5 * 1024 * MB)]).toEqual(['900 bytes', '1.5 KB', '2.3 MB', '1.5 GB']);
  });
});

describe('checkBeforeReading', () => {
  it('refuses a 200 MB article by size, naming the limit, and accepts a 200 MB corpus', () => {
    expect(checkBeforeReading('big.txt', 200 * MB)).toEqual({ ok: false, reason: 'big.txt is 200 MB; the largest article Factmark imports is 50 MB.' });
    expect(checkBeforeReading('big.jsonl', 200 * MB)).toEqual({ ok: true });
  });
  it('leaves unknown types to the reader unless only known types are wanted (folders)', () => {
    expect(checkBeforeReading('page', 1000)).toEqual({ ok: true });
    expect(checkBeforeReading('photo.png', 1000, true)).toEqual({ ok: false, reason: expect.stringContaining('not files of type .png') });
  });
});
