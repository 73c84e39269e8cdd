import { describe, expect, it } from 'vitest';
import { markdownToDraft } from './markdown.ts';

/** The lines of a draft with their blocks, for exact structure assertions. */
function lines(d: { text: string; blocks?: unknown[] }) {
  const ls = d.text.split('\n');
  return ls.map((text, i) => ({ text, block: d.blocks ? d.blocks[i] : { type: 'paragraph' } }));
}

describe('markdownToDraft', () => {
  it('turns headings, paragraphs, lists, quotes and code into lines with exact text', () => {
    const md = [
      '# Port of *Kaspiysk* attacked',
      '',
      'The ministry **denied** any [damage](https://example.org/x) to',
      'the fleet.',
      '',
      '## What we know',
      '',
      '- Two drones',
      '- A fire',
      '  1. first nested',
      '  2. second nested',
      '',
      '> "Nothing happened," said the governor.',
      '>',
      '> He later retracted.',
      '',
      '---',
      '',
      '```',
      'raw  <b>code</b>',
      '',
      'second line',
      '```',
    ].join('\n');
    const d = markdownToDraft(md, 'kaspiysk.md');
    expect(d.title).toBe('Port of Kaspiysk attacked');
    expect(lines(d)).toEqual([
      { text: 'Port of Kaspiysk attacked', block: { type: 'heading', level: 1 } },
      { text: 'The ministry denied any damage to the fleet.', block: { type: 'paragraph' } },
      { text: 'What we know', block: { type: 'heading', level: 2 } },
      { text: 'Two drones', block: { type: 'list-item', ordered: false } },
      { text: 'A fire', block: { type: 'list-item', ordered: false } },
      { text: 'first nested', block: { type: 'list-item', ordered: true } },
      { text: 'second nested', block: { type: 'list-item', ordered: true } },
      { text: '"Nothing happened," said the governor.', block: { type: 'quote' } },
      { text: 'He later retracted.', block: { type: 'quote' } },
      { text: 'raw  <b>code</b>', block: { type: 'paragraph' } },
      { text: 'second line', block: { type: 'paragraph' } },
    ]);
    expect(d.blocks).toHaveLength(d.text.split('\n').length);
    expect(d.source).toEqual({ kind: 'markdown', fileName: 'kaspiysk.md' });
  });

  it('keeps the text of links, emphasis and inline code, and drops images', () => {
    const d = markdownToDraft('See ![a photo](p.jpg)the `report` and [*this* one][ref].\n\n[ref]: https://x.test\n\n![only an image](q.png)', 'a.md');
    expect(d.text).toBe('See the report and this one.');
    expect(d.blocks).toBeUndefined();
  });

  it('splits a paragraph at hard line breaks but joins soft ones with a space', () => {
    const d = markdownToDraft('> roses are red  \n> violets\n> are blue\\\n> end\n\n- item  \n  continued', 'poem.md');
    expect(lines(d)).toEqual([
      { text: 'roses are red', block: { type: 'quote' } },
      { text: 'violets are blue', block: { type: 'quote' } },
      { text: 'end', block: { type: 'quote' } },
      { text: 'item continued', block: { type: 'list-item', ordered: false } },
    ]);
  });

  it('takes the title from the first h1, else the file name', () => {
    expect(markdownToDraft('## Sub\n\n# Main title\n\ntext', 'x.md').title).toBe('Main title');
    expect(markdownToDraft('Just a paragraph.', 'kaspiysk-port_attack.md').title).toBe('kaspiysk-port_attack');
    expect(markdownToDraft('Setext\n======\n\nbody', 'x.md').title).toBe('Setext');
  });

  it('reads YAML front matter as metadata, not text', () => {
    const md = '---\ntitle: "Drones over the Caspian"\nauthor: Jane Roe\ndate: 2024-03-05\nurl: https://news.example/caspian\nsource: Example News\ntags: [a, b]\n---\n# Heading\n\nBody.';
    const d = markdownToDraft(md, 'x.md');
    expect(d.title).toBe('Drones over the Caspian');
    expect(d.text).toBe('Heading\nBody.');
    expect(d.source).toEqual({ kind: 'markdown', fileName: 'x.md', author: 'Jane Roe', published: '2024-03-05', url: 'https://news.example/caspian', outlet: 'Example News' });
  });

  it('does not mistake a thematic break and a setext heading for front matter', () => {
    const d = markdownToDraft('---\nA heading\n---\nText', 'x.md');
    expect(d.text).toBe('A heading\nText');
  });

  it('keeps the text of raw HTML blocks but not comments, scripts or tags', () => {
    const d = markdownToDraft('<!-- editor note -->\n\n<div class="x">\n<p>Kept &amp; shown</p><script>alert(1)</script>\n</div>\n\nAfter.', 'x.md');
    expect(d.text).toBe('Kept & shown\nAfter.');
  });

  it('normalises the text once: CRLF, BOM and NFC, and the text equals the joined block texts', () => {
    const d = markdownToDraft('\uFEFF# Cafe\u0301\r\n\r\nline one\r\nline two\r\n', 'x.md');
    expect(d.text).toBe('Café\nline one line two');
    expect(d.title).toBe('Café');
  });

  it('keeps emoji, CJK and RTL text intact', () => {
    const d = markdownToDraft('# 东京 👩‍👩‍👧\n\nمرحبا *بالعالم*', 'x.md');
    expect(d.text).toBe('东京 👩‍👩‍👧\nمرحبا بالعالم');
  });

  it('makes every paragraph inside a list item a list-item line and keeps quotes inside lists as quotes', () => {
    const d = markdownToDraft('1. first\n\n   more of first\n\n   > quoted in list\n2. second', 'x.md');
    expect(lines(d)).toEqual([
      { text: 'first', block: { type: 'list-item', ordered: true } },
      { text: 'more of first', block: { type: 'list-item', ordered: true } },
      { text: 'quoted in list', block: { type: 'quote' } },
      { text: 'second', block: { type: 'list-item', ordered: true } },
    ]);
  });
});
