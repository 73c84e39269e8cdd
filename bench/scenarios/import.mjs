/**
 * Scenario 6: 10,000 generated articles of ~5 KB through the app's Repository.addDocuments (bundled from
 * renderer/db into the bench page, same origin) against a plain Dexie bulkPut of the same records into the same
 * schema; each into a fresh database, alternating, in the page.
 */
import { benchPage, freshPage } from '../browser.mjs';
import { row, timing } from '../report.mjs';

function importRuns({ sentences, runs, count }) {
  const { FactmarkDatabase, Repository, Dexie, manyDocuments, rawPut } = window.__bench;
  return (async () => {
    const docs = await manyDocuments(sentences, count);
    const repo = [];
    const raw = [];
    for (let i = 0; i < runs; i++) {
      for (const kind of i % 2 ? ['raw', 'repo'] : ['repo', 'raw']) {
        const name = `bench-${kind}-${i}`;
        const db = new FactmarkDatabase(name);
        await db.open();
        const t0 = performance.now();
        if (kind === 'repo') {
          const { added } = await new Repository(db).addDocuments(docs);
          if (added.length !== docs.length) throw new Error(`added ${added.length} of ${docs.length}`);
        } else await rawPut(db, docs);
        (kind === 'repo' ? repo : raw).push(performance.now() - t0);
        db.close();
        await Dexie.delete(name);
      }
    }
    return { repo, raw, bytes: docs.reduce((n, d) => n + d.text.length, 0) };
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
      measure: `Repository.addDocuments, ${count} × ~5 KB`,
      value: timing(r.repo),
      baseline: timing(r.raw),
      budget: { on: 'speed', min: 0.8 },
      note: `Baseline: Dexie bulkPut of the same records (metadata and text tables) into the same schema (same 'strict' durability). ${(r.bytes / 2 ** 20).toFixed(0)} M characters of text. Speed = baseline time ÷ app time.`,
    }));
    step(`repo ${timing(r.repo).median.toFixed(0)} ms, raw ${timing(r.raw).median.toFixed(0)} ms`);
  } finally {
    await context.close();
  }
}
