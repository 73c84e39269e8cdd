import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..');
const TEXT = 'Kyiv said the port was attacked. Moscow denied responsibility. The footage could not be verified.';

function files(spans: Record<string, [number, number, string][]>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'factmark-agreement-'));
  return Object.entries(spans).map(([name, label]) => {
    const file = path.join(dir, `${name}.jsonl`);
    writeFileSync(file, `${JSON.stringify({ text: TEXT, label })}\n`);
    return file;
  });
}

function factmark(...args: string[]) {
  return spawnSync(process.execPath, [path.join(repoRoot, 'bin/factmark.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8' });
}

describe('factmark agreement', () => {
  it('reports perfect agreement for identical annotations, one annotator per file', () => {
    const same: [number, number, string][] = [[0, 31, 'claim'], [33, 62, 'denial']];
    const r = factmark('agreement', ...files({ ana: same, bea: same }), '--from', 'doccano', '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.perPair).toHaveLength(1);
    expect(report.perPair[0].annotators).toEqual(['ana', 'bea']);
    expect(report.perPair[0].tokenCohenKappa).toBe(1);
    expect(report.overall.spanExactF1).toBe(1);
  });

  it('measures disagreement on labels (hand-computed kappa), as JSON, text and CSV', () => {
    const [ana, bea] = files({ ana: [[0, 31, 'claim'], [33, 62, 'denial']], bea: [[0, 31, 'claim'], [33, 62, 'claim']] });
    const json = JSON.parse(factmark('agreement', ana!, bea!, '--from', 'doccano', '--json').stdout);
    // 15 tokens: ana 6 claim, 3 denial, 6 none; bea 9 claim, 6 none → po = 0.8, pe = 0.4, κ = 2/3
    expect(json.perPair[0].tokenCohenKappa).toBeCloseTo(2 / 3, 10);
    expect(json.overall.spanExactF1).toBeCloseTo(0.5, 10);
    const text = factmark('agreement', ana!, bea!, '--from', 'doccano');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/ana \/ bea/);
    expect(text.stdout).toMatch(/Krippendorff's alpha/);
    const csv = factmark('agreement', ana!, bea!, '--from', 'doccano', '--csv');
    expect(csv.stdout).toContain('\r\n'); // RFC 4180 line ends
    expect(csv.stdout.split('\r\n')[0]).toBe('scope,document_id,title,label,annotator_a,annotator_b,metric,value');
  });

  it('needs two annotators and says so, without a stack trace', () => {
    const [ana] = files({ ana: [[0, 31, 'claim']] });
    const r = factmark('agreement', ana!, '--from', 'doccano');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Agreement needs at least two annotators');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const missing = factmark('agreement', '/nonexistent/file.jsonl');
    expect(missing.status).toBe(1);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('labels outside the default set (spawned CLI)', () => {
  const FIXTURE = path.join(repoRoot, 'shared/formats/fixtures/corpus.factmark.jsonl');

  /** The corpus fixture with a label set of its own: Retraction added (and used by bob), Rumour defined but unused. */
  function customCorpus() {
    const [header, ...docs] = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    header.labels = [...header.labels, { id: 'retraction', name: 'Retraction' }, { id: 'rumour', name: 'Rumour' }];
    let relabelled = 0;
    for (const d of docs) for (const a of d.annotations ?? []) if (a.annotator === 'bob' && a.label === 'denial') (a.label = 'retraction'), relabelled++;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'factmark-labels-')), 'custom.jsonl');
    writeFileSync(file, [header, ...docs].map((l) => JSON.stringify(l)).join('\n') + '\n');
    return { file, relabelled };
  }

  it('stats counts per label of the file’s set, in its order, with unused and stray labels shown', () => {
    const { file, relabelled } = customCorpus();
    expect(relabelled).toBe(1);
    const json = factmark('stats', file, '--json');
    expect(json.status, json.stderr).toBe(0);
    const s = JSON.parse(json.stdout);
    expect(s.labels).toEqual(['claim', 'denial', 'unverified', 'retraction', 'rumour']);
    expect(s.perLabel).toEqual({ claim: 7, denial: 5, unverified: 5, retraction: 1, rumour: 0 });
    expect(s.perAnnotator.bob).toEqual({ claim: 2, denial: 0, unverified: 2, retraction: 1, rumour: 0 });
    const text = factmark('stats', file);
    expect(text.stdout).toMatch(/annotator\s+claim\s+denial\s+unverified\s+retraction\s+rumour\s+total/);
    expect(text.stdout).toMatch(/bob\s+2\s+0\s+2\s+1\s+0\s+5/);
    // a format without a set (doccano): the labels that occur, sorted
    const [doccano] = files({ ana: [[0, 31, 'retraction'], [33, 62, 'claim']] });
    const d = JSON.parse(factmark('stats', doccano!, '--from', 'doccano', '--json').stdout);
    expect(d.labels).toEqual(['claim', 'retraction']);
    expect(d.perLabel).toEqual({ claim: 1, retraction: 1 });
  });

  it('agreement measures a custom label instead of skipping it (doccano files, no set)', () => {
    const [ana, bea] = files({ ana: [[0, 31, 'claim'], [33, 62, 'retraction']], bea: [[0, 31, 'claim'], [33, 62, 'retraction']] });
    const r = factmark('agreement', ana!, bea!, '--from', 'doccano', '--json');
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.skipped.invalidSpanOrLabel).toBe(0);
    expect(report.labels).toEqual(['claim', 'retraction']);
    expect(report.categories).toEqual(['none', 'claim', 'retraction']);
    expect(report.perPair[0].tokenCohenKappa).toBe(1);
    expect(report.perLabel.find((l: { label: string }) => l.label === 'retraction')).toMatchObject({ spanExactF1: 1, annotations: { ana: 1, bea: 1 } });
    const text = factmark('agreement', ana!, bea!, '--from', 'doccano');
    expect(text.stdout).toMatch(/^retraction\s+1\.000\s+1\.000\s+1\.000\s+1\s+1$/m);
    expect(text.stdout).not.toContain('Skipped annotations');
    const csv = factmark('agreement', ana!, bea!, '--from', 'doccano', '--csv').stdout.split('\r\n');
    expect(csv).toContain('pair-label,,,retraction,ana,bea,span_exact_f1,1');
  });

  it('agreement follows a Factmark file’s label set: its order, unused labels listed', () => {
    const { file } = customCorpus();
    const r = factmark('agreement', file, '--json');
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.labels).toEqual(['claim', 'denial', 'unverified', 'retraction', 'rumour']);
    expect(report.perLabel.map((l: { label: string }) => l.label)).toEqual(report.labels);
    expect(report.perLabel.find((l: { label: string }) => l.label === 'rumour')).toMatchObject({ spanOverlapF1: null, annotations: { alice: 0, bob: 0 } });
    expect(report.perPair[0].confusion).toHaveLength(6);
  });
});
