/**
 * Scenario 2: the peer, @recogito/text-annotator (a devDependency, bundled offline from node_modules), rendering the
 * same 200,000-word text and 10,000 spans in a blank same-origin page with the baseline's box and type. Its figures are
 * set beside Factmark's from the reader group of the same run: Factmark must be faster on both (first screen, whole).
 */
import { freshPage } from '../browser.mjs';
import { row, timing } from '../report.mjs';
import { percentile } from '../stats.mjs';
import { scrollFrames } from './reader.mjs';

const S = '2 Peer: @recogito/text-annotator 4.1.1';

/** Factmark's figure for a measure of the reader group in this run, or null when that group did not run. */
function factmark(rows, measure) {
  const r = rows.find((x) => x.scenario.startsWith('1 Open') && x.measure.startsWith(measure));
  return r?.raw?.value ?? null;
}

export async function run({ browser, base, sentences, runs: allRuns, rows, step }) {
  const runs = Math.min(allRuns, Number(process.env.BENCH_PEER_RUNS ?? 2));
  const first = [];
  const whole = [];
  let tags = [];
  let scroll = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await freshPage(browser);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let crashed = false;
    page.on('crash', () => (crashed = true));
    const started = Date.now();
    try {
      await page.goto(`${base}bench/peer.html`);
      await page.waitForFunction(() => 'open' in (window.__peer ?? {}));
      const t = await page.evaluate((s) => window.__peer.open(s), sentences);
      if (errors.length) throw new Error(`the peer failed in the page: ${errors[0]}`);
      first.push(t.first);
      whole.push(t.whole);
      step(`peer open ${i + 1}/${runs}: first highlights ${t.first.toFixed(0)} ms, whole ${t.whole.toFixed(0)} ms (setAnnotations returned at ${t.loaded.toFixed(0)} ms)`);
      if (i === 0) {
        tags = await page.evaluate((n) => window.__peer.tag(n), Number(process.env.BENCH_TAGS ?? 40));
        for (let k = 0; k < 3; k++) scroll.push(percentile(await page.evaluate(scrollFrames, 150), 95));
      }
    } catch (e) {
      // a crash of the peer's tab is a result, not a fault of the bench (peers crash on long documents)
      if (!crashed && !/closed|crash/i.test(String(e?.message))) throw e;
      step(`peer open ${i + 1}/${runs}: the tab crashed after ${((Date.now() - started) / 1000).toFixed(0)} s`);
      rows.push({ ...row({ scenario: S, measure: `open ${i + 1}: tab crashed`, value: null }), result: 'error', note: `The peer's tab crashed ${((Date.now() - started) / 1000).toFixed(0)} s after it started loading the text and 10,000 annotations (Chromium: ${String(e?.message).split('\n')[0].slice(0, 80)}).` });
      break;
    } finally {
      await context.close().catch(() => undefined);
    }
  }
  if (first.length === 0) return;
  const vs = { on: 'ratio', min: 1, text: 'Factmark faster (ratio > 1)' };
  const note = 'Ratio = peer ÷ Factmark (the Factmark figure of this run in the Baseline column): above 1 Factmark is faster.';
  rows.push(row({ scenario: S, measure: 'first screen with highlights', value: timing(first), baseline: factmark(rows, 'first screen'), budget: vs, note: `${note} The peer's first screen: the first frame showing any of its highlight spans (its default renderer draws the viewport's).` }));
  rows.push(row({ scenario: S, measure: 'whole article ready', value: timing(whole), baseline: factmark(rows, 'whole'), budget: vs, note: 'Peer: from building the paragraphs to two frames after setAnnotations (synchronous, 10,000 annotations) returned.' }));
  rows.push(row({ scenario: S, measure: 'add one annotation → next frame, p50', value: percentile(tags, 50), note: `Through the peer's API (addAnnotation), not a key press, and it stores nothing: a lower bound of its tag latency. p95 ${percentile(tags, 95).toFixed(1)} ms, n=${tags.length}.` }));
  rows.push(row({ scenario: S, measure: 'scroll frame time p95 (300 px/frame)', value: timing(scroll), note: '3 runs × 150 frames, as scenario 4.' }));
}
