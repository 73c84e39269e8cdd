/**
 * Scenarios 4–5 in Node: every format's export of 10,000 documents with 100,000 annotations (and import back, where
 * the format imports) against JSON.stringify/JSON.parse of the same dataset; the agreement report for 3 annotators
 * over ~100,000 annotations against tokenising the texts alone.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { row, timing } from '../report.mjs';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const MB = 2 ** 20;
const EXPORTED_AT = '2024-01-01T00:00:00.000Z';

/** JS heap plus memory held outside it by JS objects (buffers), in bytes. */
const inUse = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

/**
 * Runs `fn` `runs` times after a GC each; times, and the peak of memory in use during the call above what was in use
 * before it. The peak is read from V8's GC profiler: the heap is largest just before a collection, and each one
 * reports its size then (plus the size at the end of the call, in case none ran after the last growth).
 */
async function measure(fn, runs) {
  const times = [];
  const heap = [];
  let out;
  for (let i = 0; i < runs; i++) {
    out = undefined;
    gc();
    const h0 = inUse();
    const profiler = new v8.GCProfiler();
    profiler.start();
    const t0 = performance.now();
    out = await fn();
    times.push(performance.now() - t0);
    const end = inUse();
    const { statistics } = profiler.stop();
    const peak = Math.max(end, ...statistics.map((s) => s.beforeGC.heapStatistics.usedHeapSize + s.beforeGC.heapStatistics.externalMemory));
    heap.push((peak - h0) / MB);
  }
  return { times: timing(times), heap: Math.max(...heap), out };
}

export async function run({ lib, sentences, runs: allRuns, rows, step }) {
  const runs = Math.min(allRuns, Number(process.env.BENCH_NODE_RUNS ?? 2));
  const S4 = '7 Export/import 10k docs, 100k annotations';
  const data = await lib.dataset(sentences, 10_000, 10);
  step(`dataset: ${data.documents.length} documents, ${data.annotations.length} annotations`);
  const json = await measure(() => JSON.stringify(data), runs);
  const parse = await measure(() => JSON.parse(json.out), runs);
  const memNote = (m) => `peak memory in use during the call ${m.toFixed(0)} MB above before it (JS heap and buffers, from V8's GC profiler).`;
  rows.push(row({ scenario: S4, measure: 'baseline JSON.stringify', value: json.times, note: `${(json.out.length / MB).toFixed(0)} MB of JSON; ${memNote(json.heap)} JSON.parse back: ${parse.times.median.toFixed(0)} ms.` }));
  for (const format of lib.FORMATS) {
    try {
      const ex = await measure(() => format.export(data, { exportedAt: EXPORTED_AT }), runs);
      rows.push(row({ scenario: S4, measure: `export ${format.id}`, value: ex.times, baseline: json.times, note: `${memNote(ex.heap)} ${ex.out.files.length} file(s).` }));
      rows.push(row({ scenario: S4, measure: `export ${format.id}: peak memory`, value: ex.heap, baseline: json.heap, unit: 'MB', note: 'Above what was in use before the call (JS heap and buffers, from V8\'s GC profiler); baseline: JSON.stringify of the same dataset.' }));
      step(`export ${format.id}: ${ex.times.median.toFixed(0)} ms, peak ${ex.heap.toFixed(0)} MB`);
      if (format.import) {
        const im = await measure(() => format.import(ex.out.files, { now: EXPORTED_AT }), runs);
        const got = im.out.dataset.annotations.length;
        rows.push(row({ scenario: S4, measure: `import ${format.id}`, value: im.times, baseline: parse.times, note: `${memNote(im.heap)} ${got} annotations back; baseline JSON.parse.` }));
        rows.push(row({ scenario: S4, measure: `import ${format.id}: peak memory`, value: im.heap, baseline: parse.heap, unit: 'MB', note: 'As for the export; baseline: JSON.parse of the same dataset.' }));
        step(`import ${format.id}: ${im.times.median.toFixed(0)} ms, peak ${im.heap.toFixed(0)} MB`);
      }
    } catch (e) {
      rows.push(row({ scenario: S4, measure: `${format.id} (error)`, value: null, note: String(e.message).split('\n')[0] }));
    }
  }

  const S5 = '8 Agreement, 3 annotators';
  const ag = await lib.agreementDataset(sentences, 1_000, 36);
  const tokenise = await measure(() => ag.documents.reduce((n, d) => n + lib.tokenBounds(d.text).starts.length, 0), runs);
  const pass = await measure(() => ag.annotations.reduce((n, a) => n + (a.end - a.start), 0), runs);
  const report = await measure(() => lib.agreementReport(ag), runs);
  rows.push(row({ scenario: S5, measure: `agreementReport, ${ag.annotations.length} annotations / ${ag.documents.length} docs`, value: report.times, baseline: tokenise.times, note: `Baseline: tokenising every text once (uncached tokenBounds, ${tokenise.out} tokens). The report caches token bounds, so runs after the first may hit that cache: first run ${report.times.samples[0].toFixed(0)} ms. A plain pass over the annotations takes ${pass.times.median.toFixed(2)} ms. No budget set.` }));
  step(`agreement: ${report.times.median.toFixed(0)} ms vs tokenising ${tokenise.times.median.toFixed(0)} ms`);

  // the size: 3 annotators × 10,000 documents × ~100,000 annotations (4 per document from the first
  // annotator, ~90% of them copied, relabelled or trimmed by the other two)
  const wide = await lib.agreementDataset(sentences, 10_000, 4);
  const wideTokenise = await measure(() => wide.documents.reduce((n, d) => n + lib.tokenBounds(d.text).starts.length, 0), 1);
  const wideReport = await measure(() => lib.agreementReport(wide), 1);
  rows.push(row({ scenario: S5, measure: `agreementReport, ${wide.annotations.length} annotations / ${wide.documents.length} docs`, value: wideReport.times, baseline: wideTokenise.times, note: `Baseline: tokenising every text once (${wideTokenise.out} tokens). One run each (memory: ${memNote(wideReport.heap)}). No budget set.` }));
  step(`agreement 10,000 docs: ${wideReport.times.median.toFixed(0)} ms vs tokenising ${wideTokenise.times.median.toFixed(0)} ms`);
}
