/**
 * Scenario 7: cold start of the built renderer to a library list of 1,000 articles, against a blank same-origin page
 * reading the same titles from the same database into a plain list; and a leak check opening two annotated
 * articles alternately 50 times (heap after forced GC, after vs before).
 */
import { LIBRARY_SHOWS, benchPage, freshPage, heapAfterGc, openApp } from '../browser.mjs';
import { row, timing } from '../report.mjs';

const S7 = '9 Cold start / leak check';

async function coldStart({ browser, base, sentences, runs, rows, step }) {
  const { context, page } = await freshPage(browser);
  try {
    await benchPage(page, base);
    await page.evaluate(async (s) => window.__bench.seed(await window.__bench.manyDocuments(s, 1000), []), sentences);
    const app = [];
    const plain = [];
    for (let i = 0; i < runs; i++) {
      const fresh = await context.newPage();
      await fresh.goto(base);
      const shown = await fresh.waitForFunction(`(${LIBRARY_SHOWS})(1000) && performance.now()`, null, { polling: 'raf', timeout: 120_000 });
      app.push(await shown.jsonValue());
      await fresh.goto(`${base}bench/blank.html`);
      await fresh.waitForFunction(() => 'listPlain' in (window.__bench ?? {}));
      const n = await fresh.evaluate(() => window.__bench.listPlain());
      if (n !== 1000) throw new Error(`baseline listed ${n} titles`);
      plain.push(await fresh.evaluate(() => performance.now()));
      await fresh.close();
    }
    rows.push(row({ scenario: S7, measure: 'cold start → 1,000 articles listed', value: timing(app), baseline: timing(plain), note: 'From navigation start (performance.now() in the new page). Baseline: a blank same-origin page loading Dexie and listing the same titles as plain <li>. No budget set.' }));
    step(`cold start ${timing(app).median.toFixed(0)} ms vs ${timing(plain).median.toFixed(0)} ms`);
  } finally {
    await context.close();
  }
}

/** In the page: click article `index` of the list and wait until its `expected` highlights are painted. */
function openNth({ index, expected }) {
  // every annotation's highlight range ready (the reader registers only the reading window's ranges: Reader.tsx)
  const painted = () => Number(document.querySelector('[data-highlights]')?.getAttribute('data-highlights') ?? 0);
  return (async () => {
    document.querySelectorAll('[role="table"][aria-label="Articles"] .title-button')[index].click();
    const t0 = performance.now();
    while (!(painted() === expected && document.querySelector('.article-row.open .title-button') === document.querySelectorAll('[role="table"][aria-label="Articles"] .title-button')[index])) {
      await new Promise((r) => requestAnimationFrame(r));
      if (performance.now() - t0 > 60_000) throw new Error('article did not open');
    }
  })();
}

async function leakCheck({ browser, base, sentences, rows, step }) {
  const { context, page } = await freshPage(browser);
  try {
    await benchPage(page, base);
    const per = 1000;
    await page.evaluate(async ({ s, per }) => {
      const b = window.__bench;
      const rand = b.prng(7);
      const docs = [await b.makeDocument(rand, 'Leak A', b.makeText(rand, s, { words: 20_000 })), await b.makeDocument(rand, 'Leak B', b.makeText(rand, s, { words: 20_000 }))];
      await b.seed(docs, docs.flatMap((d) => b.makeAnnotations(rand, d, per, ['Ana Analyst'])));
    }, { s: sentences, per });
    await openApp(page, base, 2);
    const opens = 50;
    await page.evaluate(openNth, { index: 0, expected: per });
    await page.evaluate(openNth, { index: 1, expected: per });
    const before = await heapAfterGc(page);
    for (let i = 0; i < opens; i++) await page.evaluate(openNth, { index: i % 2, expected: per });
    const after = await heapAfterGc(page);
    rows.push(row({ scenario: S7, measure: `leak check: heap after ${opens} opens vs before`, value: after, baseline: before, unit: 'MB', budget: { on: 'ratio', max: 1.1, text: '≤ 1.1× (bench’s own threshold)' }, note: `Two 20,000-word articles with ${per} annotations each, opened alternately; heap after forced GC (CDP HeapProfiler.collectGarbage).` }));
    step(`heap ${before.toFixed(1)} → ${after.toFixed(1)} MB`);
  } finally {
    await context.close();
  }
}

export async function run(env) {
  await coldStart(env);
  await leakCheck(env);
}
