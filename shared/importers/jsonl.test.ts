import { describe, expect, it } from 'vitest';
import { jsonlRecords, parseJsonl } from './jsonl.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

const CORPUS = [
  '{"text": "First article.", "title": "One", "meta": {"source": "Example News", "url": "https://n.example/1", "date": "2024-03-05", "author": "Jane Roe"}}',
  '',
  '{"text": "Second, untitled."}',
  '{"text": "Bad json",}',
  '{"title": "no text"}',
  '{"text": ""}',
  '{"text": "   \\n  "}',
  '{"text": 42}',
  '["text", "array"]',
  '{"text": "ok", "title": 7}',
  '{"text": "ok", "meta": "Reuters"}',
  '{"text": "ok", "meta": {"url": ["x"]}}',
  '   ',
  '{"text": "Meta title \\r\\nwins", "meta": {"title": "From meta", "date": null}}',
].join('\n');

describe('parseJsonl', () => {
  it('imports the good lines and reports each bad one with its exact line number', () => {
    const { drafts, problems } = parseJsonl(CORPUS, 'corpus.jsonl');
    expect(drafts.map((d) => d.title)).toEqual(['One', 'corpus.jsonl line 3', 'From meta']);
    expect(drafts[0]).toEqual({
      title: 'One',
      text: 'First article.',
      source: { kind: 'jsonl', fileName: 'corpus.jsonl', outlet: 'Example News', url: 'https://n.example/1', published: '2024-03-05', author: 'Jane Roe' },
    });
    expect(drafts[2]?.text).toBe('Meta title \nwins');
    expect(problems.map((p) => p.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(problems[0]?.message).toMatch(/^not valid JSON \(/);
    expect(problems.slice(1).map((p) => p.message)).toEqual([
      'it has no "text"',
      '"text" is empty',
      '"text" is empty',
      '"text" must be a string, not a number',
      'expected a JSON object like {"text": "…"}, found an array',
      '"title" must be a string, not a number',
      '"meta" must be an object, not a string',
      '"meta.url" must be a string, not an array',
    ]);
  });

  it('tolerates a BOM and CRLF line endings, as a string or as bytes, with the same line numbers', () => {
    const crlf = '\uFEFF{"text": "a"}\r\n\r\n{"text": "b\\u0301"}\r\nnope\r\n';
    for (const input of [crlf, utf8(crlf)]) {
      const { drafts, problems } = parseJsonl(input, 'c.jsonl');
      expect(drafts.map((d) => d.text)).toEqual(['a', 'b\u0301'.normalize('NFC')]);
      expect(drafts.map((d) => d.title)).toEqual(['c.jsonl line 1', 'c.jsonl line 3']);
      expect(problems).toEqual([{ line: 4, message: expect.stringMatching(/^not valid JSON/) }]);
    }
  });

  it('reports a line that is not UTF-8 and keeps the others', () => {
    const bytes = new Uint8Array([...utf8('{"text": "a"}\n{"text": "'), 0xff, 0xfe, ...utf8('"}\n{"text": "c"}')]);
    const { drafts, problems } = parseJsonl(bytes, 'c.jsonl');
    expect(drafts.map((d) => d.text)).toEqual(['a', 'c']);
    expect(problems).toEqual([{ line: 2, message: 'not valid UTF-8 text' }]);
  });

  it('keeps text verbatim apart from normalisation (no trimming: corpus offsets stay valid)', () => {
    const { drafts } = parseJsonl('{"text": "  lead space\\ttab  "}', 'c.jsonl');
    expect(drafts[0]?.text).toBe('  lead space\ttab  ');
  });

  it('imports 100 000 lines and yields records lazily, in order', () => {
    const line = '{"text": "Lorem ipsum dolor sit amet, consectetur adipiscing elit."}';
    const big = Array.from({ length: 100_000 }, () => line).join('\n');
    const { drafts, problems } = parseJsonl(big, 'big.jsonl');
    expect(drafts).toHaveLength(100_000);
    expect(problems).toHaveLength(0);
    const it = jsonlRecords(utf8(big), 'big.jsonl');
    expect(it.next().value).toMatchObject({ line: 1, ok: true });
    expect(it.next().value).toMatchObject({ line: 2, ok: true });
  });
});
