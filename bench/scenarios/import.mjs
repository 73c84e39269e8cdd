/**
 * Scenario 6: 10,000 generated articles of ~5 KB imported through the app's real import pipeline
 * (renderer/import/pipeline.ts: convert each .txt file, hash, duplicate/version check, chunked writes, yielding to
 * the event loop) against a plain Dexie bulkPut of the same texts as finished records into the same schema; each
 * into a fresh database, alternating, in the page. Long tasks on the main thread during the pipeline are
 * collected with a PerformanceObserver('longtask').
 */
import { benchPage, freshPage } from '../browser.mjs';
import { row, timing } from '../report.mjs';

function importRuns({ sentences, runs, count }) {
  const { FactmarkDatabase, Dexie, manyDocuments, rawPut, runImport } = window.__bench;
  return (async () => {
    const docs = await manyDocuments(sentences, count);
    const encoder = new TextEncoder();
    const files = docs.map((d, i) => ({ name: `article-${String(i).padStart(5, '0')}.txt`, bytes: encoder.encode(d.text) }));
    const app = [];
    const raw = [];
    const longest = [];
    const over100 = [];
    for (let i = 0; i < runs; i++) {
      for (const kind of i % 2 ? ['raw', 'app'] : ['app', 'raw']) {
        const name = `bench-${kind}-${i}`;
        const db = new FactmarkDatabase(name);
        await db.open();
        const tasks = [];
        const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
        if (kind === 'app') observer.observe({ type: 'longtask' });
        const t0 = performance.now();
        if (kind === 'app') {
          const report = await runImport(db, files);
          if (report.imported.length !== docs.length) throw new Error(`imported ${report.imported.length} of ${docs.length}: ${report.failed[0]?.message ?? ''}`);
        } else await rawPut(db, docs);
        (kind === 'app' ? app : raw).push(performance.now() - t0);
        if (kind === 'app') {
          // long-task entries are delivered after the task: give the observer a turn before reading it
          await new Promise((r) => setTimeout(r, 50));
          tasks.push(...observer.takeRecords().map((e) => e.duration));
          observer.disconnect();
          longest.push(tasks.length ? Math.max(...tasks) : 0);
          over100.push(tasks.filter((d) => d > 100).length);
        }
        db.close();
        await Dexie.delete(name);
      }
    }
    return { app, raw, longest, over100, bytes: docs.reduce((n, d) => n + d.text.length, 0) };
  })();
}

export async function run({ browser, base, sentences, runs, rows, step }) {
  const { context, page } = await freshPage(browser);
  try {
    await benchPage(page, base);
    const count = 10_000;
    const r = await page.evaluate(importRuns, { sentences, runs: Math.min(runs, 3), count });
    rows.push(row({
      scenario: '6 Import throughput',
      measure: `import pipeline, ${count} .txt files × ~5 KB`,
      value: timing(r.app),
      baseline: timing(r.raw),
      budget: { on: 'speed', min: 0.8 },
      note: `The app's runImport (convert, SHA-256, duplicate/version check, chunks of ≤250 articles in their own transactions, yields every 25 ms). Baseline: Dexie bulkPut of the same texts as finished records (metadata and text tables, one transaction, same 'strict' durability). ${(r.bytes / 2 ** 20).toFixed(0)} M characters of text. Speed = baseline time ÷ app time.`,
    }));
    rows.push(row({
      scenario: '6 Import throughput',
      measure: 'longest main-thread task during the import',
      value: timing(r.longest),
      budget: { on: 'value', max: 100 },
      note: `PerformanceObserver('longtask') over each pipeline run (tasks ≥ 50 ms are reported); tasks over 100 ms per run: ${r.over100.join(', ')}.`,
    }));
    step(`app ${timing(r.app).median.toFixed(0)} ms, raw ${timing(r.raw).median.toFixed(0)} ms, longest task ${Math.max(...r.longest).toFixed(0)} ms`);
  } finally {
    await context.close();
  }
}
