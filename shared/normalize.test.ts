import { describe, expect, it } from 'vitest';
import { decodeTextFile, normaliseText } from './normalize.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('normaliseText', () => {
  it('strips a BOM, turns CRLF and CR into LF and composes to NFC', () => {
    expect(normaliseText('\uFEFFa\r\nb\rc\nd')).toBe('a\nb\nc\nd');
    expect(normaliseText('Cafe\u0301')).toBe('Café');
    expect(normaliseText('Café')).toHaveLength(4);
  });

  it('keeps tabs, non-breaking spaces, curly quotes and trailing spaces', () => {
    const s = 'a\tb\u00a0c “d” e  ';
    expect(normaliseText(s)).toBe(s);
  });

  it('is idempotent', () => {
    const once = normaliseText('\uFEFFx\r\n\r\ny\u0301');
    expect(normaliseText(once)).toBe(once);
  });
});

describe('decodeTextFile', () => {
  it('decodes UTF-8 with and without BOM and with CRLF', () => {
    expect(decodeTextFile(utf8('\uFEFFhello\r\nworld'))).toEqual({ ok: true, text: 'hello\nworld' });
    expect(decodeTextFile(utf8('héllo 👩‍👩‍👧 世界'))).toEqual({ ok: true, text: 'héllo 👩‍👩‍👧 世界' });
  });

  it('decodes UTF-16 that starts with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]);
    expect(decodeTextFile(le)).toEqual({ ok: true, text: 'hi' });
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x68, 0x00, 0x69]);
    expect(decodeTextFile(be)).toEqual({ ok: true, text: 'hi' });
  });

  it('refuses empty, whitespace-only, binary, BOM-less UTF-16 and invalid UTF-8 with a reason', () => {
    expect(decodeTextFile(new Uint8Array())).toEqual({ ok: false, reason: 'the file is empty' });
    expect(decodeTextFile(utf8(' \n\r\n\t'))).toEqual({ ok: false, reason: 'the file has no text' });
    const utf16NoBom = new Uint8Array(Array.from('hello world').flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeTextFile(utf16NoBom)).toMatchObject({ ok: false, reason: expect.stringContaining('UTF-16') });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(decodeTextFile(png)).toMatchObject({ ok: false, reason: expect.stringContaining('binary') });
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]);
    expect(decodeTextFile(latin1)).toMatchObject({ ok: false, reason: expect.stringContaining('UTF-8') });
  });
});
