/** Debian's Chromium through Playwright, launched as the e2e tests launch it; one fresh context per scenario group. */
import { chromium } from '@playwright/test';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const launch = () => chromium.launch({ executablePath: CHROMIUM, args: ARGS });

/** A new context (empty storage) and page. bypassCSP lets Playwright's polling helpers run beside the app's CSP. */
export async function freshPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(180_000);
  return { context, page };
}

/** The bench page (same origin as the app), with its script loaded. */
export async function benchPage(page, base) {
  await page.goto(`${base}bench/blank.html`);
  await page.waitForFunction(() => 'frame' in (window.__bench ?? {}));
}

/** Seeds the app's database from the bench page, with the sample sentences generated from. */
export async function seedFromPage(page, base, sentences, make) {
  await benchPage(page, base);
  return page.evaluate(make, sentences);
}

/** In a page: the library's "Articles" table shows `n` articles (it is virtualised: aria-rowcount counts them all, plus the header row). */
export const LIBRARY_SHOWS = `(n) => { const t = document.querySelector('[role="table"][aria-label="Articles"]'); return !!t && Number(t.getAttribute('aria-rowcount')) === n + 1 && !!t.querySelector('.title-button'); }`;

/** Opens the app and waits for the library to list `count` articles. */
export async function openApp(page, base, count) {
  await page.goto(base);
  await page.waitForFunction(`(${LIBRARY_SHOWS})(${count})`, null, { polling: 'raf' });
}

/**
 * Opens `url` in `page` and times its load: each of `conditions` (name → source of a function returning truthy once
 * met) is checked by the page itself on every frame from its first script on, and the first performance.now() at
 * which it holds is returned under its name. Not Playwright's waitForFunction: that evaluates Playwright's injected
 * script (~17–20 ms of main thread) in the middle of the very load being timed, which put the library's first rows
 * ~50–100 ms late (bench/README.md).
 */
export async function timeLoad(page, url, conditions, { timeout = 120_000 } = {}) {
  const checks = Object.entries(conditions).map(([name, f]) => `[${JSON.stringify(name)}, ${f}]`).join(', ');
  await onLoadOf(page, url, `() => {
    const checks = [${checks}];
    const seen = {};
    const tick = () => {
      for (const [name, met] of checks) if (!(name in seen) && met()) seen[name] = performance.now();
      if (Object.keys(seen).length < checks.length) requestAnimationFrame(tick);
      else window.__loaded = seen;
    };
    requestAnimationFrame(tick);
  }`);
  return loaded(page, url, timeout);
}

/**
 * The baselines' counterpart of timeLoad: opens the bench page `url` and runs `job` (source of an async function) as
 * soon as the page's own script has defined window.__bench, with no Playwright call in between; returns its result.
 */
export async function runOnLoad(page, url, job, { timeout = 120_000 } = {}) {
  await onLoadOf(page, url, `() => {
    const start = () => ('frame' in (window.__bench ?? {}) ? (${job})().then((r) => (window.__loaded = r)) : requestAnimationFrame(start));
    start();
  }`);
  return loaded(page, url, timeout);
}

/** Runs `script` (a function's source) at the start of every load of exactly `url` in `page`, then loads it. */
async function onLoadOf(page, url, script) {
  await page.addInitScript(`if (location.href === ${JSON.stringify(new URL(url).href)}) (${script})();`);
  await page.goto(url);
}

/** Waits (polling from Node, so nothing of Playwright's runs in the page meanwhile) for the page's window.__loaded. */
async function loaded(page, url, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(() => window.__loaded);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${url}: not loaded after ${timeout / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** JS heap in use after a forced garbage collection (CDP), in MB. */
export async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/**
 * The live heap by kind, from a heap snapshot (CDP; the snapshot collects garbage first), in MB: `objects` = what the
 * page's JavaScript holds (objects, arrays, strings, closures, shapes), `code` = compiled code and its metadata
 * (bytecode, feedback, optimised machine code: grows as the JIT warms up, bounded by the number of functions), `native`
 * = Blink and V8-internal nodes; `detached` = DOM nodes no longer in the document.
 */
export async function liveHeap(page) {
  const cdp = await page.context().newCDPSession(page);
  const chunks = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const { snapshot, nodes } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const kinds = snapshot.meta.node_types[0];
  const [type, size, detachedness] = ['type', 'self_size', 'detachedness'].map((f) => fields.indexOf(f));
  const mb = { objects: 0, code: 0, native: 0 };
  let detached = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const kind = kinds[nodes[i + type]];
    mb[kind === 'code' ? 'code' : kind === 'native' || kind === 'synthetic' ? 'native' : 'objects'] += nodes[i + size] / 2 ** 20;
    if (detachedness >= 0 && nodes[i + detachedness] === 2) detached++;
  }
  return { ...mb, detached };
}
