import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileToDrafts } from './convert.ts';

const load = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url))) });

describe('fixture files through fileToDrafts', () => {
  it('imports a Markdown article with front matter, structure and exact text', () => {
    const { drafts, problems } = fileToDrafts(load('kaspiysk-port.md'));
    expect(problems).toEqual([]);
    expect(drafts).toEqual([
      {
        title: 'Drones strike Caspian port as ministry denies damage',
        text: [
          'Drones strike Caspian port as ministry denies damage',
          'Residents of Kaspiysk reported a series of explosions near the port shortly after 3 a.m. on Tuesday.',
          'The defence ministry said that all drones had been intercepted and that no damage was done. The claim could not be independently verified.',
          '“The air defences worked as intended,” the statement said.',
          'What we know',
          'At least six drones were reported.',
          'The port was closed until noon.',
        ].join('\n'),
        blocks: [
          { type: 'heading', level: 1 },
          { type: 'paragraph' },
          { type: 'paragraph' },
          { type: 'quote' },
          { type: 'heading', level: 2 },
          { type: 'list-item', ordered: false },
          { type: 'list-item', ordered: false },
        ],
        source: {
          kind: 'markdown',
          fileName: 'kaspiysk-port.md',
          author: 'Amina Kadyrova',
          published: '2024-03-05',
          url: 'https://www.caspianherald.example/world/2024/03/05/kaspiysk-port-drones',
          outlet: 'The Caspian Herald',
        },
      },
    ]);
  });

  it('imports the good records of a CRLF corpus and reports the bad ones by line', () => {
    const { drafts, problems } = fileToDrafts(load('corpus.jsonl'));
    expect(drafts.map((d) => [d.title, d.text])).toEqual([
      ['Ferry delayed', 'Officials said the ferry was delayed by fog.'],
      ['corpus.jsonl line 4', 'The ministry denied the report.\nIt gave no details.'],
    ]);
    expect(drafts[0]?.source).toEqual({ kind: 'jsonl', fileName: 'corpus.jsonl', outlet: 'Port Wire', published: '2024-03-05T08:00:00Z' });
    expect(problems).toEqual([
      { file: 'corpus.jsonl', line: 2, message: expect.stringMatching(/^corpus\.jsonl line 2: not valid JSON/) },
      { file: 'corpus.jsonl', line: 5, message: 'corpus.jsonl line 5: it has no "text".' },
    ]);
  });
});
