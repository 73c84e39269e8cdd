import { describe, expect, it } from 'vitest';
import { fileToDrafts } from './convert.ts';
import { normaliseDate } from './dates.ts';
import { declaredCharset, decodeHtmlFile } from './html-decode.ts';
import { textToDraft } from './text.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const file = (name: string, content: string | Uint8Array) => ({ name, bytes: typeof content === 'string' ? utf8(content) : content });

describe('fileToDrafts', () => {
  it('imports a text file verbatim after normalisation, every line a paragraph', () => {
    const r = fileToDrafts(file('kaspiysk-port-attack.txt', '\uFEFFDrones hit Kaspiysk port\r\n\r\nThe ministry denied it.  \r\n'));
    expect(r.problems).toEqual([]);
    expect(r.drafts).toEqual([{ title: 'Drones hit Kaspiysk port', text: 'Drones hit Kaspiysk port\n\nThe ministry denied it.  \n', source: { kind: 'file', fileName: 'kaspiysk-port-attack.txt' } }]);
  });

  it('imports Markdown with structure', () => {
    const r = fileToDrafts(file('a.md', '# Title\n\n- one'));
    expect(r.drafts[0]).toMatchObject({ title: 'Title', text: 'Title\none', blocks: [{ type: 'heading', level: 1 }, { type: 'list-item', ordered: false }] });
  });

  it('gives a clear reason per file for empty, binary and wrongly encoded files', () => {
    const messages = [
      file('empty.txt', new Uint8Array()),
      file('bin.md', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])),
      file('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9])),
      file('blank.md', '  \n\n'),
      file('only-image.md', '![pic](x.png)\n\n---'),
      file('empty.jsonl', '\n\n'),
    ].map((f) => fileToDrafts(f).problems);
    expect(messages).toEqual([
      [{ file: 'empty.txt', message: 'Could not import empty.txt: the file is empty.' }],
      [{ file: 'bin.md', message: 'Could not import bin.md: it is a binary file, not text.' }],
      [{ file: 'latin1.txt', message: 'Could not import latin1.txt: it is not valid UTF-8 text (is it in another encoding?).' }],
      [{ file: 'blank.md', message: 'Could not import blank.md: the file has no text.' }],
      [{ file: 'only-image.md', message: 'Could not import only-image.md: it has no text outside markup.' }],
      [{ file: 'empty.jsonl', message: 'Could not import empty.jsonl: it has no documents, only blank lines.' }],
    ]);
  });

  it('refuses unsupported and oversized files before decoding', () => {
    expect(fileToDrafts(file('x.docx', 'x')).problems[0]?.message).toMatch(/^x\.docx is a Word document/);
    const big = { name: 'big.txt', bytes: new Uint8Array(51 * 1024 * 1024) };
    expect(fileToDrafts(big).problems).toEqual([{ file: 'big.txt', message: 'big.txt is 51 MB; the largest article Factmark imports is 50 MB.' }]);
  });

  it('imports the good records of a corpus and reports bad ones with file and line', () => {
    const r = fileToDrafts(file('c.jsonl', '{"text":"a"}\n{oops}\n{"text":"b"}'));
    expect(r.drafts.map((d) => d.text)).toEqual(['a', 'b']);
    expect(r.problems).toEqual([{ file: 'c.jsonl', line: 2, message: expect.stringMatching(/^c\.jsonl line 2: not valid JSON \(.*\)\.$/) }]);
  });

  it('reads a UTF-16 corpus with a BOM', () => {
    const text = '{"text":"ü"}\n{"text":"b"}';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    expect(fileToDrafts({ name: 'c.jsonl', bytes }).drafts.map((d) => d.text)).toEqual(['ü', 'b']);
  });

  it('hands decoded HTML to the page parser and reports its refusal as is', () => {
    const seen: string[] = [];
    const ok = fileToDrafts(file('p.html', '<p>caf\u00e9</p>'), {
      parseHtml: (html, name) => {
        seen.push(html, name);
        return { ok: true, draft: { title: 't', text: 'x', source: { kind: 'html', fileName: name } } };
      },
    });
    expect(seen).toEqual(['<p>café</p>', 'p.html']);
    expect(ok.drafts).toHaveLength(1);
    const refused = fileToDrafts(file('p.html', '<p>x</p>'), { parseHtml: () => ({ ok: false, reason: 'No article text found in p.html.' }) });
    expect(refused.problems).toEqual([{ file: 'p.html', message: 'No article text found in p.html.' }]);
    expect(fileToDrafts(file('p.html', '<p>x</p>')).problems[0]?.message).toMatch(/only be imported in the Factmark window/);
  });
});

describe('textToDraft titles', () => {
  it('uses a short first line that looks like a headline, else the file name', () => {
    expect(textToDraft('\n  Kaspiysk: drones hit port \nBody.', 'a.txt').title).toBe('Kaspiysk: drones hit port');
    expect(textToDraft('This is a sentence.\nBody.', 'kaspiysk-port-attack.txt').title).toBe('kaspiysk-port-attack');
    expect(textToDraft('Only one line', 'x_y.txt').title).toBe('x_y');
    expect(textToDraft(`${'word '.repeat(40)}\nBody`, 'long.txt').title).toBe('long');
  });
});

describe('decodeHtmlFile', () => {
  it('honours a declared legacy charset', () => {
    const head = utf8('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>');
    const bytes = new Uint8Array([...head, 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет" in windows-1251
    expect(decodeHtmlFile(bytes)).toEqual({ ok: true, text: expect.stringContaining('Привет') });
    expect(declaredCharset(utf8('<meta charset="UTF-16">'))).toBe('utf-8');
    expect(declaredCharset(utf8('<meta charset="bogus">'))).toBeUndefined();
  });

  it('reads UTF-8, and undeclared non-UTF-8 pages as windows-1252', () => {
    expect(decodeHtmlFile(utf8('<p>café “q”</p>'))).toEqual({ ok: true, text: '<p>café “q”</p>' });
    expect(decodeHtmlFile(new Uint8Array([0x3c, 0x70, 0x3e, 0x63, 0x61, 0x66, 0xe9, 0x93]))).toEqual({ ok: true, text: '<p>café“' });
  });
});

describe('normaliseDate', () => {
  it('keeps ISO dates as given and converts other spellings without shifting the date', () => {
    expect(normaliseDate('2024-03-05')).toBe('2024-03-05');
    expect(normaliseDate('2024-03-05 10:00:00+03:00')).toBe('2024-03-05T10:00:00+03:00');
    expect(normaliseDate('Tue, 05 Mar 2024 10:00:00 GMT')).toBe('2024-03-05T10:00:00.000Z');
    expect(normaliseDate('March 5, 2024')).toBe('2024-03-05');
    expect(normaliseDate('March 5, 2024 10:30')).toBe('2024-03-05T10:30:00');
    expect(normaliseDate('last Tuesday')).toBe('last Tuesday');
    expect(normaliseDate('  ')).toBeUndefined();
  });
});
