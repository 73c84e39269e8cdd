/**
 * Importing a dataset (no budget in the issue; scenario 6's are for articles): a 10,000-article Factmark JSONL file
 * with 100,000 annotations, through the app's own "Import dataset…" (its file chooser, the reader worker and the
 * batched writes) into a fresh profile, until the status line says what was imported. Long tasks on the main thread
 * are collected with a PerformanceObserver('longtask'). Baseline: the same page fetching the file and JSON.parse-ing
 * each line, the least any import of it costs there.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { freshPage } from '../browser.mjs';
import { row, timing } from '../report.mjs';
import { serve } from '../server.mjs';

const S = '6 Import a dataset';

export async function run({ browser, base, lib, sentences, runs: allRuns, rows, step }) {
  const runs = Math.min(allRuns, Number(process.env.BENCH_DATASET_RUNS ?? 2));
  const data = await lib.dataset(sentences, 10_000, 10);
  const { files } = lib.FORMATS.find((f) => f.id === 'factmark').export(data, { exportedAt: '2026-01-01T00:00:00.000Z' });
  const dir = await mkdtemp(join(os.tmpdir(), 'factmark-bench-dataset-'));
  const file = join(dir, files[0].path);
  await writeFile(file, files[0].data);
  const fileServer = await serve([['/', dir]]);
  const times = [];
  const longest = [];
  const parse = [];
  const over100 = [];
  try {
    for (let i = 0; i < runs; i++) {
      const { context, page } = await freshPage(browser);
      try {
        await page.goto(base);
        await page.getByRole('textbox', { name: 'Your name' }).fill('Ana Analyst');
        await page.getByRole('button', { name: 'Continue' }).click();
        // baseline, in the app's page before the import: fetch the file and parse each line
        parse.push(
          await page.evaluate(async (url) => {
            const t0 = performance.now();
            const text = await (await fetch(url)).text();
            let n = 0;
            for (const line of text.split('\n')) if (line) n += JSON.parse(line) ? 1 : 0;
            return n ? performance.now() - t0 : NaN;
          }, `${fileServer.url}${files[0].path}`),
        );
        await page.evaluate(() => {
          window.__longTasks = [];
          new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
        });
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Import dataset…' }).click();
        const t0 = Date.now();
        await (await chooser).setFiles(file);
        const done = page.getByRole('status').filter({ hasText: 'Imported 10000 new articles and 100000 annotations' });
        const failed = page.getByRole('alert');
        await Promise.race([done.waitFor({ timeout: 600_000 }), failed.waitFor({ timeout: 600_000 }).then(async () => Promise.reject(new Error(await failed.textContent())))]);
        times.push(Date.now() - t0);
        await page.waitForTimeout(100); // long-task entries arrive after their task
        const tasks = await page.evaluate(() => window.__longTasks);
        longest.push(Math.max(0, ...tasks));
        over100.push(tasks.filter((t) => t > 100).length);
        step(`dataset import ${i + 1}/${runs}: ${times.at(-1)} ms, longest task ${longest.at(-1).toFixed(0)} ms`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await fileServer.close();
    await rm(dir, { recursive: true, force: true });
  }
  const mb = (files[0].data.length / 2 ** 20).toFixed(0);
  rows.push(row({ scenario: S, measure: 'Import dataset…, 10k articles / 100k annotations (Factmark JSONL)', value: timing(times), baseline: timing(parse), note: `From choosing the ${mb} MB file until the status line reports the import (each run in a fresh profile). Baseline: the page fetching the same file and JSON.parse-ing each line. No budget in the issue.` }));
  rows.push(row({ scenario: S, measure: 'longest main-thread task during that import', value: timing(longest), note: `PerformanceObserver('longtask'); tasks over 100 ms per run: ${over100.join(', ')}. No budget in the issue (the article import's is ≤ 100 ms).` }));
}
