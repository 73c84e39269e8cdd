import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands.ts';
import type { Io } from './io.ts';
import { run } from './run.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const FIXTURE = readFileSync(path.join(repoRoot, 'shared/formats/fixtures/corpus.factmark.jsonl'));

/** An in-memory file system and captured output. */
function memoryIo(files: Record<string, string | Uint8Array> = {}) {
  const fs = new Map<string, Uint8Array>(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? new TextEncoder().encode(v) : v]));
  const out = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readFile: async (f) => {
      const d = fs.get(f);
      if (!d) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT', path: f });
      return d;
    },
    writeFile: async (f, d) => void fs.set(f, typeof d === 'string' ? new TextEncoder().encode(d) : d),
    mkdir: async () => {},
    kind: async (p) => (fs.has(p) ? 'file' : [...fs.keys()].some((k) => k.startsWith(`${p}/`)) ? 'dir' : null),
    listFiles: async (dir) => [...fs.keys()].filter((k) => k.startsWith(`${dir}/`)).map((k) => k.slice(dir.length + 1)).sort(),
  };
  const text = (f: string) => new TextDecoder().decode(fs.get(f));
  return { io, out, fs, text };
}

describe('factmark command line (in-process)', () => {
  it('--help lists every command of the table; each command has its own help', async () => {
    const m = memoryIo();
    expect(await run(['--help'], m.io)).toBe(0);
    for (const c of COMMANDS) expect(m.out.stdout).toContain(c.name);
    const c = memoryIo();
    expect(await run(['convert', '--help'], c.io)).toBe(0);
    expect(c.out.stdout).toMatch(/--to <format>/);
  });

  it('bad usage: a message on stderr, exit 1, no stack trace', async () => {
    for (const argv of [['frobnicate'], ['convert', 'in.jsonl'], ['convert', 'in.jsonl', '--to', 'xml'], ['convert', 'in.jsonl', '--to', 'brat'], ['stats'], ['validate', 'missing.jsonl'], ['stats', 'in.jsonl', '--bogus']]) {
      const m = memoryIo({ 'in.jsonl': FIXTURE });
      expect(await run(argv, m.io), argv.join(' ')).toBe(1);
      expect(m.out.stderr).toMatch(/^factmark: /);
      expect(m.out.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('convert detects the input format and writes a single-file format to --out', async () => {
    const m = memoryIo({ 'in.jsonl': FIXTURE });
    expect(await run(['convert', 'in.jsonl', '--to', 'spacy', '--out', 'out.jsonl'], m.io)).toBe(0);
    expect(m.text('out.jsonl').split('\n').filter(Boolean)).toHaveLength(5);
    expect(m.out.stderr).toMatch(/Converted factmark to spacy: 5 document\(s\), 18 annotation\(s\)/);
  });

  it('convert writes brat to a zip or a directory, and reads them back', async () => {
    const m = memoryIo({ 'in.jsonl': FIXTURE });
    expect(await run(['convert', 'in.jsonl', '--to', 'brat', '--out', 'x.zip'], m.io)).toBe(0);
    expect(Object.keys(unzipSync(m.fs.get('x.zip')!))).toContain('annotation.conf');
    expect(await run(['convert', 'in.jsonl', '--to', 'brat', '--out', 'dir'], m.io)).toBe(0);
    expect(m.text('dir/annotation.conf')).toMatch(/\[entities\]/);
    const back = memoryIo(Object.fromEntries(m.fs));
    expect(await run(['convert', 'dir', '--to', 'doccano', '--out', 'from-dir.jsonl'], back.io)).toBe(0);
    expect(await run(['convert', 'x.zip', '--to', 'doccano', '--out', 'from-zip.jsonl'], back.io)).toBe(0);
    expect(back.text('from-dir.jsonl')).toBe(back.text('from-zip.jsonl'));
  });

  it('convert to stdout, and reports what CoNLL leaves out', async () => {
    const m = memoryIo({ 'in.jsonl': FIXTURE });
    expect(await run(['convert', 'in.jsonl', '--to', 'conll'], m.io)).toBe(0);
    expect(m.out.stdout.startsWith('-DOCSTART-\tO\n')).toBe(true);
    expect(m.out.stderr).toMatch(/left out 3: it overlaps/);
  });

  it('convert refuses to read formats that are export-only', async () => {
    const m = memoryIo({ 'a.csv': 'annotation_id,document_id\n' });
    expect(await run(['convert', 'a.csv', '--to', 'spacy'], m.io)).toBe(1);
    expect(m.out.stderr).toMatch(/can be written but not read/);
  });

  it('validate: OK summary and exit 0 on a good file', async () => {
    const m = memoryIo({ 'in.jsonl': FIXTURE });
    expect(await run(['validate', 'in.jsonl'], m.io)).toBe(0);
    expect(m.out.stdout).toBe('OK in.jsonl (Factmark JSONL): 5 document(s), 18 annotation(s).\n');
  });

  it('validate: a line-numbered report and exit 1 on a bad file', async () => {
    const lines = new TextDecoder().decode(FIXTURE).trimEnd().split('\n');
    const d2 = JSON.parse(lines[2]!);
    d2.annotations[0].label = 'rumour';
    d2.annotations[1].id = JSON.parse(lines[1]!).annotations[0].id;
    const d3 = JSON.parse(lines[3]!);
    d3.annotations[0].start += 1;
    d3.annotations[0].end += 1;
    d3.extra = true;
    const bad = [lines[0], lines[1], JSON.stringify(d2), JSON.stringify(d3), '{oops', lines[5]].join('\n');
    const m = memoryIo({ 'bad.jsonl': bad });
    expect(await run(['validate', 'bad.jsonl'], m.io)).toBe(1);
    const report = m.out.stdout;
    expect(report).toMatch(/^bad\.jsonl:3: warning: label "rumour" is not in the label set/m);
    expect(report).toMatch(/^bad\.jsonl:3: error: duplicate annotation id .*first at bad\.jsonl line 2/m);
    expect(report).toMatch(/^bad\.jsonl:4: warning: offsets .* do not match the covered text .*relocated/m);
    expect(report).toMatch(/^bad\.jsonl:4: error: does not match the schema's document: .*additional properties/m);
    expect(report).toMatch(/^bad\.jsonl:5: error: not valid JSON/m);
    expect(report).toMatch(/^bad\.jsonl: \d+ problem\(s\)/m);
  });

  it('stats: documents, annotations per label and per annotator', async () => {
    const m = memoryIo({ 'in.jsonl': FIXTURE });
    expect(await run(['stats', 'in.jsonl', '--json'], m.io)).toBe(0);
    expect(JSON.parse(m.out.stdout)).toEqual({
      format: 'factmark',
      documents: 5,
      annotations: 18,
      labels: ['claim', 'denial', 'unverified'],
      perLabel: { claim: 7, denial: 6, unverified: 5 },
      perAnnotator: { alice: { claim: 5, denial: 5, unverified: 3 }, bob: { claim: 2, denial: 1, unverified: 2 } },
    });
    const t = memoryIo({ 'in.jsonl': FIXTURE });
    expect(await run(['stats', 'in.jsonl'], t.io)).toBe(0);
    expect(t.out.stdout).toMatch(/documents\s+5/);
    expect(t.out.stdout).toMatch(/alice\s+5\s+5\s+3\s+13/);
  });
});

describe('factmark command line (the real launcher)', () => {
  const bin = path.join(repoRoot, 'bin/factmark.mjs');

  it('prints help and converts a fixture to a brat zip on disk', () => {
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toMatch(/Usage: factmark <command>/);
    const dir = mkdtempSync(path.join(tmpdir(), 'factmark-cli-'));
    const out = path.join(dir, 'x.zip');
    const r = spawnSync(process.execPath, [bin, 'convert', path.join(repoRoot, 'shared/formats/fixtures/corpus.factmark.jsonl'), '--to', 'brat', '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    expect(Object.keys(files).filter((f) => f.endsWith('.ann'))).toHaveLength(5);
  }, 60_000);

  it('exits 1 with a message and no stack trace on a missing file', () => {
    const r = spawnSync(process.execPath, [bin, 'stats', '/nonexistent/file.jsonl'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^factmark: \/nonexistent\/file.jsonl: no such file or directory/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
