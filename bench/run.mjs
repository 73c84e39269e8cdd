/**
 * `npm run bench` (after the build): bundles the bench entries with esbuild, serves dist/renderer and the bench page
 * on a free localhost port, runs each scenario group (a failing group becomes an error row; the rest still run),
 * prints the table and writes bench/results/latest.json. See bench/README.md.
 */
import { build } from 'esbuild';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM, launch } from './browser.mjs';
import { errorRow, notMeasured, table } from './report.mjs';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const only = process.env.BENCH_ONLY?.split(',');
const step = (msg) => console.log(`  · ${msg}`);

const tmp = await mkdtemp(join(os.tmpdir(), 'factmark-bench-'));
const common = { bundle: true, logLevel: 'warning', target: ['chrome120', 'node20'] };
await build({ ...common, entryPoints: [join(here, 'node-entry.ts')], outfile: join(tmp, 'node.mjs'), platform: 'node', format: 'esm' });
await build({ ...common, entryPoints: [join(here, 'page-entry.ts')], outfile: join(tmp, 'www', 'page.js'), platform: 'browser', format: 'iife' });
await copyFile(join(here, 'pages', 'blank.html'), join(tmp, 'www', 'blank.html'));
// the @recogito/text-annotator peer (scenario 2), with its stylesheet beside it as peer.css
await build({ ...common, entryPoints: [join(here, 'peer-entry.ts')], outfile: join(tmp, 'www', 'peer.js'), platform: 'browser', format: 'iife' });
await copyFile(join(here, 'pages', 'peer.html'), join(tmp, 'www', 'peer.html'));
const lib = await import(pathToFileURL(join(tmp, 'node.mjs')).href);

const sampleDir = join(root, 'samples');
const samples = await Promise.all((await readdir(sampleDir)).filter((f) => f.endsWith('.txt')).map((f) => readFile(join(sampleDir, f), 'utf8')));
const sentences = lib.sentencesOf(samples);

// FM_RENDERER_DIR: a renderer built elsewhere (parallel runs, see DEVELOPERS.md); npm run bench builds dist/renderer
const rendererDir = process.env.FM_RENDERER_DIR ?? join(root, 'dist', 'renderer');
const server = await serve([
  ['/bench/', join(tmp, 'www')],
  ['/', rendererDir],
]);
const rows = [];
let browser;
let chromiumVersion = 'not launched';
const env = { base: server.url, rendererDir, sentences, runs, rows, step, lib };

const groups = [
  ['reader', '1, 3, 4 Reader (open, tag, scroll)', true],
  ['peer', '2 Peer: @recogito/text-annotator', true],
  ['node', '7–8 Export/import and agreement (Node)', false],
  ['import', '6 Import throughput', true],
  ['datasets', '6 Import a dataset (10k articles, 100k annotations)', true],
  ['startup', '9 Cold start and leak check', true],
  ['library', '5 Library of 100,000 articles (open, search as you type)', true],
];
for (const [id, name, needsBrowser] of groups) {
  if (only && !only.includes(id)) continue;
  console.log(`\n${name}`);
  const started = rows.length;
  try {
    if (needsBrowser && !browser) {
      browser = await launch();
      chromiumVersion = `${CHROMIUM} ${browser.version()}`;
    }
    const mod = await import(`./scenarios/${id}.mjs`);
    await mod.run({ ...env, browser });
  } catch (e) {
    console.error(e);
    rows.push(errorRow(name, e));
  }
  for (const r of rows.slice(started)) step(`${r.measure}: ${r.value} → ${r.result}`);
}
await browser?.close();
await server.close();

const text = table(rows);
console.log(`\n${text}`);
const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, chromium: chromiumVersion },
  runs,
  rows,
  table: text,
};
await mkdir(join(here, 'results'), { recursive: true });
await writeFile(join(here, 'results', 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
await rm(tmp, { recursive: true, force: true });
console.log('\nWrote bench/results/latest.json');
