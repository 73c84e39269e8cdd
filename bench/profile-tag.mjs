/**
 * Profiling aid (not part of the bench table): seeds the big article, opens it, and records a CPU profile (CDP
 * Profiler) around the bench's tag, relabel, delete and undo series (scenarios/reader.mjs), or around opening the
 * article; prints the functions with the most self time.
 * Run after a build: FM_RENDERER_DIR=… node bench/profile-tag.mjs [edit|open]
 * TRACE=1 also records a Chromium trace (around the series, or the whole open) and prints main-thread time by event
 * name; the raw trace is kept as trace.json in the temporary directory printed at the end. In it each operation lies
 * between the user-timing marks "tag" and "tag done" (and so on), and the `toplevel` events name each task's source.
 * IDB_LOG=1 prints each operation's IndexedDB requests and answers (see logDatabaseRequests). ROUNDS=n sets the
 * series' rounds of tag, relabel and delete (4).
 */
import { build } from 'esbuild';
import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshPage, launch, openApp, seedFromPage } from './browser.mjs';
import { editSeries } from './scenarios/reader.mjs';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const what = process.argv[2] ?? 'edit';
const tmp = await mkdtemp(join(os.tmpdir(), 'factmark-prof-'));
const common = { bundle: true, logLevel: 'warning', target: ['chrome120', 'node20'] };
await build({ ...common, entryPoints: [join(here, 'node-entry.ts')], outfile: join(tmp, 'node.mjs'), platform: 'node', format: 'esm' });
await build({ ...common, entryPoints: [join(here, 'page-entry.ts')], outfile: join(tmp, 'www', 'page.js'), platform: 'browser', format: 'iife' });
await copyFile(join(here, 'pages', 'blank.html'), join(tmp, 'www', 'blank.html'));
const lib = await import(pathToFileURL(join(tmp, 'node.mjs')).href);
const samples = await Promise.all((await readdir(join(root, 'samples'))).filter((f) => f.endsWith('.txt')).map((f) => readFile(join(root, 'samples', f), 'utf8')));
const sentences = lib.sentencesOf(samples);
const server = await serve([['/bench/', join(tmp, 'www')], ['/', process.env.FM_RENDERER_DIR ?? join(root, 'dist', 'renderer')]]);
const browser = await launch();
const { page } = await freshPage(browser);
const expected = await seedFromPage(page, server.url, sentences, async (s) => {
  const { doc, annotations } = await window.__bench.bigArticle(s);
  await window.__bench.seed([doc], annotations);
  return annotations.length;
});
page.on('console', (m) => console.log('page:', m.text()));
page.on('crash', () => console.error('the page crashed'));
page.on('pageerror', (e) => console.error('page error:', e.message));
await openApp(page, server.url, 1);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
// every annotation's highlight range ready (the reader registers only the reading window's: Reader.tsx)
const painted = () => Number(document.querySelector('[data-highlights]')?.getAttribute('data-highlights') ?? 0);
const traceCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'blink.user_timing', 'toplevel'];
const record = async () => {
  await cdp.send('Profiler.start');
  if (process.env.TRACE) await browser.startTracing(page, { categories: traceCategories });
};
if (what === 'open') await record();
await page.evaluate(async ({ expected, painted }) => {
  const count = new Function(`return (${painted})()`);
  const t0 = performance.now();
  document.querySelector('[role="table"][aria-label="Articles"] .title-button').click();
  while (count() !== expected) await new Promise((r) => requestAnimationFrame(r));
  console.log('open', performance.now() - t0);
}, { expected, painted: painted.toString() });
if (what !== 'open') {
  await record();
  // the bench's own series (scenarios/reader.mjs), which marks each operation in the timeline
  if (process.env.IDB_LOG) await page.evaluate(logDatabaseRequests);
  const series = await page.evaluate(editSeries, Number(process.env.ROUNDS ?? 4));
  for (const [op, times] of Object.entries(series)) console.log(`${op}: ${times.map((t) => t.painted.toFixed(1)).join(', ')} ms`);
  if (process.env.IDB_LOG) console.log((await page.evaluate(() => window.__requests)).join('\n'));
}

/**
 * IDB_LOG=1: every object store request of the series and its answer, in ms from the operation's mark — how many
 * round trips an operation takes and how long each answer waited (the bench's own count() polls left out).
 */
function logDatabaseRequests() {
  const log = (window.__requests = []);
  let t0 = 0;
  const at = () => (performance.now() - t0).toFixed(1).padStart(6);
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    if (!name.endsWith(' done')) t0 = performance.now();
    log.push(`${at()} ${name.endsWith(' done') ? '' : '\n'}— ${name}`);
    return mark(name, options);
  };
  for (const method of ['get', 'getAll', 'put', 'add', 'delete']) {
    const call = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      const request = call.apply(this, args);
      const what = `${method} ${this.name}`;
      log.push(`${at()} sent     ${what}`);
      request.addEventListener('success', () => log.push(`${at()} answered ${what}`));
      return request;
    };
  }
}
if (process.env.TRACE) await printTrace();
const { profile } = await cdp.send('Profiler.stop');
/** Main-thread time by trace event name (inclusive), from the trace started with TRACE=1. */
async function printTrace() {
  const raw = (await browser.stopTracing()).toString();
  await writeFile(join(tmp, 'trace.json'), raw);
  console.log(`raw trace: ${join(tmp, 'trace.json')}`);
  const trace = JSON.parse(raw);
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const totals = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    if (main && (e.pid !== main.pid || e.tid !== main.tid)) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  console.log('--- trace, main thread, inclusive by event name');
  for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(1).padStart(8), k);
}

// self time per function
const dt = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]);
  const f = n.callFrame;
  const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  dt.set(key, (dt.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
}
const total = [...dt.values()].reduce((a, b) => a + b, 0);
console.log(`total ${total.toFixed(0)} ms`);
for (const [k, v] of [...dt].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(8), k);
await writeFile(join(tmp, 'profile.cpuprofile'), JSON.stringify(profile));
await browser.close();
await server.close();
// inclusive time per function (each function counted once per sample)
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const seen = new Set();
  for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    if (seen.has(key)) continue;
    seen.add(key);
    incl.set(key, (incl.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
}
console.log('--- inclusive');
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(v.toFixed(1).padStart(8), k);
// callers of a native function (e.g. PROFILE_CALLERS=continue)
if (process.env.PROFILE_CALLERS) {
  const stacks = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const leaf = byId.get(profile.samples[i]);
    if (leaf.callFrame.functionName !== process.env.PROFILE_CALLERS) continue;
    const names = [];
    for (let id = parent.get(leaf.id); id !== undefined && names.length < 14; id = parent.get(id)) {
      const f = byId.get(id).callFrame;
      names.push(`${f.functionName || '(anon)'}:${f.lineNumber}`);
    }
    const key = names.join(' < ');
    stacks.set(key, (stacks.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  for (const [k, v] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(v.toFixed(1), k);
}
