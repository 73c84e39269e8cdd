/** Bad and foreign input for the importers other than Factmark JSONL, CSV options, CoNLL policy, format detection. */
import { strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../model.ts';
import { importBrat, exportBrat } from './brat.ts';
import { exportConll, tokenise } from './conll.ts';
import { exportCsv } from './csv.ts';
import { importDoccano } from './doccano.ts';
import { fixtureCorpus } from './fixtures/corpus.ts';
import { detectFormat, FORMATS } from './index.ts';
import { importLabelStudio } from './labelstudio.ts';
import { importSpacy } from './spacy.ts';
import { fileText } from './testing.ts';
import { toZip } from './zip.ts';

let corpus: Dataset;
beforeAll(async () => {
  corpus = await fixtureCorpus();
});

describe('brat import', () => {
  it('reads a zip; stray files are reported, not fatal; a .ann without its .txt is reported', async () => {
    const files = [...exportBrat(corpus).files, { path: 'README.md', data: 'hello' }, { path: 'lonely.ann', data: 'T1\tclaim 0 1\tx\n' }];
    const { dataset, problems } = await importBrat([{ path: 'corpus.zip', data: toZip(files) }]);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', file: 'README.md', message: expect.stringMatching(/not a brat file/) }));
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', file: 'lonely.ann', message: expect.stringMatching(/no lonely.txt/) }));
    expect(dataset.documents).toHaveLength(corpus.documents.length);
  });

  it('a damaged zip is reported', async () => {
    const { problems } = await importBrat([{ path: 'bad.zip', data: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) }]);
    expect(problems[0]).toMatchObject({ severity: 'error', file: 'bad.zip', message: expect.stringMatching(/cannot read the archive/) });
  });

  it('reads a CRLF text file whose offsets count the CR characters, as brat does', async () => {
    const txt = 'First line.\r\nMoscow denied 👍 it.\r\n';
    const chars = Array.from(txt);
    const start = chars.indexOf('M');
    const ann = `T1\tdenial ${start} ${start + 18}\tMoscow denied 👍 it\n#1\tAnnotatorNotes T1\ttwo\n`;
    const { dataset, problems } = await importBrat([
      { path: 'd/doc.txt', data: strToU8(txt) },
      { path: 'd/doc.ann', data: ann },
    ]);
    expect(problems).toEqual([]);
    const [doc] = dataset.documents;
    expect(doc!.text).toBe('First line.\nMoscow denied 👍 it.\n');
    const [a] = dataset.annotations;
    expect(doc!.text.slice(a!.start, a!.end)).toBe('Moscow denied 👍 it');
    expect(a!.note).toBe('two');
    expect(doc!.title).toBe('doc');
  });

  it('reports malformed lines, unknown labels, offsets outside the text and mismatched text with file and line', async () => {
    const txt = 'Kyiv said the port was hit. Moscow denied it.';
    const ann = [
      'T1\tclaim 0 4\tKyiv',
      'T2 claim 0 4 Kyiv',
      'T3\trumour 5 9\tsaid',
      'T4\tclaim 100 120\tnot there',
      'T5\tdenial 0 6\tMoscow',
      'R1\tCause Arg1:T1 Arg2:T5',
      'T1\tclaim 5 9\tsaid',
    ].join('\n');
    const { dataset, problems } = await importBrat([
      { path: 'a.txt', data: txt },
      { path: 'a.ann', data: ann },
    ]);
    const at = (line: number) => problems.filter((p) => p.line === line).map((p) => `${p.severity}: ${p.message}`);
    expect(at(2)).toEqual([expect.stringMatching(/^error: malformed/)]);
    expect(at(3)).toEqual([expect.stringMatching(/^warning: label "rumour" is not in the label set .*kept/)]);
    expect(at(4)).toEqual([expect.stringMatching(/^error: offsets 100–120 are outside the text/)]);
    expect(at(5)).toEqual([expect.stringMatching(/^warning: offsets 0–6 do not match .*relocated to 28–34/)]);
    expect(at(6)).toEqual([expect.stringMatching(/^warning: relations/)]);
    expect(at(7)).toEqual([expect.stringMatching(/^error: duplicate id T1/)]);
    expect(problems.every((p) => p.file === 'a.ann')).toBe(true);
    expect(dataset.annotations.map((a) => a.quote)).toEqual(['Kyiv', 'said', 'Moscow']);
  });
});

describe('spaCy, doccano and Label Studio imports report bad input with its place', () => {
  it('spacy: malformed JSON, missing text, unknown label, covered text mismatch, duplicate ids', async () => {
    const data = [
      '{"text": "Kyiv said it. Moscow denied it.", "spans": [{"start": 0, "end": 4, "label": "claim", "id": "s1"}, {"start": 0, "end": 4, "label": "rumour"}]}',
      '{"text": ',
      '{"spans": []}',
      '{"text": "Moscow denied it.", "spans": [{"start": 1, "end": 7, "label": "denial", "text": "Moscow"}, {"start": 0, "end": 3, "label": "claim", "id": "s1"}]}',
    ].join('\n');
    const { dataset, problems } = await importSpacy([{ path: 's.jsonl', data }]);
    expect(problems.map((p) => [p.line, p.severity])).toEqual([
      [2, 'error'],
      [3, 'error'],
      [1, 'warning'],
      [4, 'warning'],
      [4, 'error'],
    ]);
    expect(problems[2]!.message).toMatch(/label "rumour" is not in the label set/);
    expect(problems[3]!.message).toMatch(/relocated/);
    expect(problems[4]!.message).toMatch(/duplicate annotation id "s1" \(first at s.jsonl line 1\)/);
    expect(dataset.annotations.map((a) => [a.label, a.quote])).toEqual([['claim', 'Kyiv'], ['rumour', 'Kyiv'], ['denial', 'Moscow']]);
  });

  it('doccano: offsets outside the text and malformed entries; reads the newer "entities" shape too', async () => {
    const data = [
      '{"text": "Moscow denied it.", "label": [[0, 6, "denial"], [10, 99, "claim"], [1, 2]]}',
      '{"text": "Kyiv said so.", "entities": [{"start_offset": 0, "end_offset": 4, "label": "claim"}]}',
    ].join('\n');
    const { dataset, problems } = await importDoccano([{ path: 'd.jsonl', data }], { annotator: 'lead' });
    expect(problems.map((p) => [p.line, p.severity, p.message])).toEqual([
      [1, 'error', expect.stringMatching(/^label entry 3 is not \[start, end, label\]/)],
      [1, 'error', expect.stringMatching(/^offsets 10–99 are outside the text/)],
    ]);
    expect(dataset.annotations.map((a) => [a.quote, a.annotator])).toEqual([
      ['Moscow', 'lead'],
      ['Kyiv', 'lead'],
    ]);
  });

  it('label studio: non-span results and predictions are reported; completed_by user ids name the annotator', async () => {
    const tasks = [
      {
        data: { text: 'Moscow denied it.' },
        predictions: [{ result: [] }],
        annotations: [
          {
            completed_by: 7,
            result: [
              { id: 'r1', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 0, end: 6, text: 'Moscow', labels: ['denial'] } },
              { id: 'r2', type: 'choices', value: { choices: ['x'] } },
            ],
          },
        ],
      },
      { nodata: true },
    ];
    const { dataset, problems } = await importLabelStudio([{ path: 'ls.json', data: JSON.stringify(tasks) }]);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/task 1: predictions/), expect.stringMatching(/task 1, annotation 1, result 2: type "choices"/), expect.stringMatching(/task 2 has no data.text/)]);
    expect(dataset.annotations).toEqual([expect.objectContaining({ id: 'r1', annotator: 'user 7', label: 'denial' })]);
  });
});

describe('CSV export', () => {
  it('states the offset unit in its column names, and quotes per RFC 4180', () => {
    const csv = fileText(exportCsv(corpus).files[0]!);
    expect(csv.split('\n')[0]).toBe('annotation_id,document_id,title,label,start_cp,end_cp,text,annotator,note,created');
    expect(csv).toContain('"""unconfirmed reports"" of');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv).not.toContain('\r\n');
  });

  it('the excel option writes a BOM, CRLF row ends and escapes formula-like cells', () => {
    const doc = corpus.documents[0]!;
    const a = corpus.annotations.find((x) => x.documentId === doc.id)!;
    const csv = fileText(exportCsv({ documents: [doc], annotations: [{ ...a, annotator: '=HYPERLINK("x")' }] }, { excel: true }).files[0]!);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('CoNLL export', () => {
  it('tokenises with Intl.Segmenter: emoji sequences and CJK words whole, whitespace skipped', () => {
    const toks = tokenise('Kyiv 👩‍👩‍👧 said:\t"no".\n俄罗斯否认').flat().map((t) => t.text);
    expect(toks).toEqual(['Kyiv', '👩‍👩‍👧', 'said', ':', '"', 'no', '"', '.', '俄罗斯', '否认']);
  });

  it('keeps the longest of overlapping spans, ties to the earliest, and counts the rest', () => {
    const doc = { ...corpus.documents[0]!, text: 'Moscow denied the attack on the ox.' };
    const span = (id: string, q: string, label: 'claim' | 'denial') => {
      const start = doc.text.indexOf(q);
      return { ...corpus.annotations[0]!, id, documentId: doc.id, label, start, end: start + q.length, quote: q };
    };
    const { files, report } = exportConll({
      documents: [doc],
      annotations: [span('long', 'denied the attack', 'denial'), span('inner', 'the attack', 'claim'), span('tie1', 'on the', 'claim'), span('tie2', 'the ox', 'denial')],
    });
    expect(report.annotations).toBe(2);
    expect(report.leftOut).toEqual([{ reason: expect.stringMatching(/overlaps/), count: 2, annotationIds: ['inner', 'tie2'] }]);
    expect(fileText(files[0]!)).toBe('-DOCSTART-\tO\n\nMoscow\tO\ndenied\tB-denial\nthe\tI-denial\nattack\tI-denial\non\tB-claim\nthe\tI-claim\nox\tO\n.\tO\n\n');
  });
});

describe('detectFormat', () => {
  it('recognises every export from its file name and first bytes', () => {
    for (const f of FORMATS) {
      const { files } = f.export(corpus);
      const name = f.multiFile ? 'x.zip' : files[0]!.path;
      const head = f.multiFile ? toZip(files).slice(0, 64) : strToU8(fileText(files[0]!).slice(0, 2000));
      expect(detectFormat(name, head), f.id).toBe(f.id);
    }
  });

  it('returns null when unsure', () => {
    expect(detectFormat('notes.md', strToU8('# hello'))).toBeNull();
    expect(detectFormat('x.json', strToU8('{"foo": 1}'))).toBeNull();
  });
});
