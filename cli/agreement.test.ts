import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
