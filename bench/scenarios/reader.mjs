/**
 * Scenarios 1–4 and the reader's memory: a 200,000-word article with 10,000 annotations, opened from the library,
 * tagged in, relabelled, deleted and undone, scrolled; each against the same text as plain <p> paragraphs in a blank
 * same-origin page; then 1,000 more tags for the heap. The @recogito/text-annotator peer runs in peer.mjs.
 */
import { benchPage, freshPage, heapAfterGc, openApp, seedFromPage } from '../browser.mjs';
import { row, timing } from '../report.mjs';
import { percentile, summary } from '../stats.mjs';

const S1 = '1 Open 200k words / 10k annotations';
const S2 = '3 Tag in that article';
const S3 = '4 Scroll that article';
const SM = 'Memory';

/**
 * In the page: click the article, then watch animation frames. First screen: the article's paragraphs fill the
 * reader's viewport and every annotation starting in the visible lines has its highlight range (checked against the
 * seeded spans, one line per paragraph in the bench text). Whole: all highlight ranges are registered. A state seen
 * in one frame is taken at the frame after; the first screen, further, not before the browser reports the visible
 * paragraphs presented on screen (Element Timing: the paragraphs get an `elementtiming` attribute as they are added,
 * unless the app gave them one). Both are returned (`first`, and `nextFrame`: the frame after alone, the measure
 * before the presentation was taken, which ran 20–45 ms earlier than the pixels).
 */
export function openAndWait({ spans, lineStarts }) {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const layers = () => ['fm-claim', 'fm-denial', 'fm-unverified'].map((k) => CSS.highlights.get(k)).filter(Boolean);
  // whole: every annotation has its highlight range ready (data-highlights); the reader registers only the ranges of
  // the chunks in view and one either side (Reader.tsx), the rest as the window reaches them
  const painted = () => Number(document.querySelector('[data-highlights]')?.getAttribute('data-highlights') ?? 0);
  /** The paragraphs visible at the first screen, once it is shown. */
  let visible = null;
  const firstScreenShown = () => {
    const scroller = document.querySelector('.reader-scroll');
    if (!scroller) return false;
    const box = scroller.getBoundingClientRect();
    const ps = document.querySelectorAll('[role="document"] p');
    const inView = new Set();
    let last = -1;
    for (let i = 0; i < ps.length; i++) {
      const r = ps[i].getBoundingClientRect();
      if (r.top >= box.bottom) break;
      if (r.bottom > box.top) inView.add(ps[i]);
      last = i;
    }
    // the text must fill the viewport: a paragraph is rendered below it (the last visible one may end in the margin
    // above its bottom edge), or the last one reaches it, or it is all there is
    if (last < 0 || (last + 1 >= ps.length && ps[last].getBoundingClientRect().bottom < box.bottom && last + 1 < lineStarts.length)) return false;
    const end = (lineStarts[last + 1] ?? Infinity) - 1;
    const expected = spans.filter(([s]) => s < end).length;
    let shown = 0;
    for (const h of layers()) for (const range of h) if (inView.has(range.startContainer.parentElement?.closest('p'))) shown++;
    if (shown < expected) return false;
    visible = inView;
    return true;
  };
  // when each paragraph was first presented on screen (Element Timing)
  const presented = new Map();
  const presentations = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.element && !presented.has(e.element)) presented.set(e.element, e.renderTime || e.startTime);
  });
  presentations.observe({ type: 'element' });
  const mark = (p) => p.matches('[role="document"] p') && !p.hasAttribute('elementtiming') && p.setAttribute('elementtiming', 'bench');
  const added = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) [n, ...n.querySelectorAll('[role="document"] p')].forEach(mark);
  });
  added.observe(document.body, { subtree: true, childList: true });
  return (async () => {
    const button = document.querySelector('[role="table"][aria-label="Articles"] .title-button');
    let first = null;
    let whole = null;
    let sawFirst = false;
    let sawWhole = false;
    const t0 = performance.now();
    button.click();
    while (whole === null || first === null) {
      await frame();
      const now = performance.now() - t0;
      if (sawFirst && first === null) first = now;
      if (sawWhole && whole === null) whole = now;
      // the visible paragraphs are among those added so far: the rest need no timing (it costs the browser work)
      if (!sawFirst && firstScreenShown()) (sawFirst = true), added.disconnect();
      if (painted() === spans.length) sawWhole = true;
      if (now > 300_000) throw new Error(`only ${painted()} of ${spans.length} highlights after 300 s`);
    }
    // the entries of the last frames arrive a little after their presentation
    for (let i = 0; i < 50 && [...visible].some((p) => !presented.has(p)); i++) await frame();
    presentations.disconnect();
    const shownAt = [...visible].map((p) => presented.get(p));
    if (shownAt.some((t) => t === undefined)) throw new Error('the browser did not report the first screen\'s paragraphs as presented (Element Timing)');
    return { first: Math.max(first, Math.max(...shownAt) - t0), nextFrame: first, whole };
  })();
}

/**
 * In the page: `count` rounds of tag (select a word, key 1), relabel (the new item's Label select → Denial) and delete
 * (Delete key on the selected annotation); then Ctrl+Z for each of those operations. Each is timed from the key press
 * (or change event) until both the word's highlight shows the result and the next frame has been rendered
 * ("painted": an animation frame, then a task posted from it, which runs after that frame's style, layout and paint),
 * and the operation's IndexedDB transaction over the annotations has committed (its `complete`, watched here: a
 * relabel is painted before its commit). The word's highlight is found by its
 * boundaries among the registered ranges of each label (the reader registers only the ranges near the viewport, so
 * layer sizes alone would also move with the reading window). Separately, the time until the panel's count shows it
 * (the panel follows the reader, deferred). After each operation the raw IndexedDB count is checked. Each operation
 * is marked in the performance timeline ("relabel" … "relabel done"), for traces (profile-tag.mjs).
 */
export function editSeries(count) {
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  // a task (not clamped like nested setTimeout(0), which waits ≥ 4 ms): the poll sees a change as soon as it is made
  const task = () => new Promise((r) => (waiting.push(r), channel.port2.postMessage(0)));
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const listed = () => Number(document.querySelector('section[aria-label="Annotations"] h2 .count').textContent);
  let word = null;
  const onWord = (k) => {
    let n = 0;
    for (const r of CSS.highlights.get(`fm-${k}`) ?? []) if (r.startContainer === word.node && r.startOffset === word.start && r.endOffset === word.end) n++;
    return n;
  };
  const state = () => ({ claim: onWord('claim'), denial: onWord('denial') });
  // a key goes to what has the focus, as a real key press does
  const press = (init) => (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  // selecting words with the mouse, or clicking a highlight, focuses the article text (and shows its keyboard caret)
  const article = document.querySelector('[role="document"]');
  const focusArticle = () => article.focus({ preventScroll: true });
  const idbCount = () =>
    new Promise((resolve, reject) => {
      const open = indexedDB.open('factmark');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const req = open.result.transaction('annotations').objectStore('annotations').count();
        req.onsuccess = () => (open.result.close(), resolve(req.result));
      };
    });
  // the commit itself, as IndexedDB reports it: every read-write transaction over the annotations, once complete
  const commits = [];
  const writes = ['add', 'put', 'delete'].map((name) => [name, IDBObjectStore.prototype[name]]);
  const watched = new WeakSet();
  for (const [name, write] of writes) {
    IDBObjectStore.prototype[name] = function (...args) {
      const tx = this.transaction;
      if (!watched.has(tx) && tx.objectStoreNames.contains('annotations')) {
        watched.add(tx);
        tx.addEventListener('complete', () => commits.push(performance.now()));
      }
      return write.apply(this, args);
    };
  }
  const unwatch = () => writes.forEach(([name, write]) => (IDBObjectStore.prototype[name] = write));
  async function measure(op, act, delta, listedDelta) {
    const s0 = state();
    const l0 = listed();
    const c0 = await idbCount();
    const want = { claim: s0.claim + (delta.claim ?? 0), denial: s0.denial + (delta.denial ?? 0) };
    await new Promise((r) => setTimeout(r, 30 + Math.random() * 16)); // a key press lands at any point of a frame
    const since = commits.length;
    performance.mark(op);
    const t0 = performance.now();
    act();
    for (;;) {
      const s = state();
      if (s.claim === want.claim && s.denial === want.denial) break;
      await task();
      if (performance.now() - t0 > 30_000) throw new Error(`no result within 30 s (${JSON.stringify(s)} vs ${JSON.stringify(want)})`);
    }
    const shown = performance.now() - t0;
    performance.mark(`${op} done`);
    await frame();
    await task();
    const frameAfter = performance.now() - t0;
    while (commits.length === since) {
      await task();
      if (performance.now() - t0 > 30_000) throw new Error('no transaction over the annotations committed within 30 s');
    }
    const committed = commits[since] - t0;
    // both must have happened: the highlight on screen and the record durably committed, whichever comes last
    const painted = Math.max(frameAfter, committed);
    while (listed() !== l0 + listedDelta) {
      await task();
      if (performance.now() - t0 > 30_000) throw new Error(`the panel does not list the change within 30 s (${listed()} vs ${l0 + listedDelta})`);
    }
    const panel = performance.now() - t0;
    const c1 = await idbCount();
    if (c1 !== c0 + listedDelta) throw new Error(`IndexedDB holds ${c1} annotations after the operation, expected ${c0 + listedDelta}`);
    return { shown, committed, painted, panel };
  }
  function selectWord(p) {
    const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode();
    const start = node.data.indexOf(' ', 10) + 1;
    const end = node.data.indexOf(' ', start);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    focusArticle();
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    word = { node, start, end };
  }
  return (async () => {
    try {
      return await series();
    } finally {
      unwatch();
    }
  })();
  async function series() {
    // the panel follows the reader: it may still list only the first screen's annotations, and an operation measured
    // then would wait for the whole list, not for itself (the article is the only one seeded)
    const stored = await idbCount();
    for (const t0 = performance.now(); listed() !== stored; await task()) {
      if (performance.now() - t0 > 30_000) throw new Error(`the panel lists ${listed()} annotations, IndexedDB holds ${stored}`);
    }
    const paragraphs = document.querySelectorAll('[role="document"] p');
    const out = { tag: [], relabel: [], delete: [], undo: [] };
    const words = [];
    for (let i = 0; i < count; i++) {
      const p = paragraphs[5 + i * 7];
      p.scrollIntoView({ block: 'center' });
      await frame();
      await frame();
      selectWord(p);
      words.push(word);
      out.tag.push(await measure('tag', () => press({ key: '1' }), { claim: 1 }, 1));
      // the new annotation is selected; the panel marks it a moment after listing it
      const currentSelect = () => document.querySelector('section[aria-label="Annotations"] [aria-current="true"] select[aria-label="Label"]');
      while (!currentSelect()) await task();
      const select = currentSelect();
      // the select has the focus once it is clicked
      select.focus({ preventScroll: true });
      out.relabel.push(
        await measure('relabel', () => {
          select.value = 'denial';
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }, { claim: -1, denial: 1 }, 0),
      );
      // back in the text (a click on the highlight) for the Delete key
      focusArticle();
      out.delete.push(await measure('delete', () => press({ key: 'Delete' }), { denial: -1 }, -1));
    }
    // undo: the delete (denial back), the relabel (claim again), the tag (gone) — per round, newest first
    for (let i = count - 1; i >= 0; i--) {
      word = words[i];
      word.node.parentElement.scrollIntoView({ block: 'center' });
      focusArticle();
      await frame();
      await frame();
      out.undo.push(await measure('undo', () => press({ key: 'z', ctrlKey: true }), { denial: 1 }, 1));
      out.undo.push(await measure('undo', () => press({ key: 'z', ctrlKey: true }), { claim: 1, denial: -1 }, 0));
      out.undo.push(await measure('undo', () => press({ key: 'z', ctrlKey: true }), { claim: -1 }, -1));
    }
    return out;
  }
}

/** In the page: tags `count` words (one per paragraph, waiting for each to be listed), for the heap after tagging. */
function tagMany(count) {
  const listed = () => Number(document.querySelector('section[aria-label="Annotations"] h2 .count').textContent);
  return (async () => {
    const paragraphs = document.querySelectorAll('[role="document"] p');
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      const p = paragraphs[(3 + i * 2) % paragraphs.length];
      const text = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode();
      // a different word each time round the paragraphs
      let start = 0;
      for (let k = 0; k <= 2 + Math.floor((i * 2) / paragraphs.length) * 3; k++) start = text.data.indexOf(' ', start) + 1;
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, Math.max(start + 1, text.data.indexOf(' ', start)));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      const n = listed();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true, cancelable: true }));
      while (listed() === n) await new Promise((r) => setTimeout(r, 0));
    }
    return performance.now() - t0;
  })();
}

/** In the page: raw IndexedDB put + commit of one annotation-sized record, 'strict' durability, in a scratch database. */
function rawCommits(count) {
  return (async () => {
    const name = 'factmark-bench-floor';
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('annotations', { keyPath: 'id' });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const times = [];
    for (let i = 0; i < count; i++) {
      await new Promise((r) => setTimeout(r, 20));
      const record = { id: crypto.randomUUID(), documentId: 'd', annotator: 'Ana Analyst', label: 'claim', start: i, end: i + 20, quote: 'x'.repeat(20), prefix: 'p'.repeat(32), suffix: 's'.repeat(32), createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() };
      const t0 = performance.now();
      await new Promise((resolve, reject) => {
        const tx = db.transaction('annotations', 'readwrite', { durability: 'strict' });
        tx.objectStore('annotations').put(record);
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      times.push(performance.now() - t0);
    }
    db.close();
    await new Promise((r) => {
      const del = indexedDB.deleteDatabase(name);
      del.onsuccess = del.onerror = r;
    });
    return times;
  })();
}

/** Counts the annotation records in the app's IndexedDB with raw IDB. */
function idbCount() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('factmark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('annotations').objectStore('annotations').count();
      req.onsuccess = () => {
        open.result.close();
        resolve(req.result);
      };
    };
  });
}

/** In the page: scroll the reader by 300 px a frame; frame-to-frame times. */
export function scrollFrames(frames) {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  return (async () => {
    const scroller = document.querySelector('.reader-scroll');
    scroller.scrollTop = 0;
    await frame();
    let last = await frame();
    const times = [];
    for (let i = 0; i < frames; i++) {
      scroller.scrollTop += 300;
      const t = await frame();
      times.push(t - last);
      last = t;
    }
    return times;
  })();
}

/**
 * Frame times are whole numbers of display frames (headless Chromium paces frames at 60 Hz) measured with timer
 * jitter of a few tenths of a millisecond, so each is counted in frame intervals (16.67 ms) before the p95 is taken:
 * one interval (no frame dropped) meets "≤ 16.7 ms", a dropped frame (33.3 ms) does not.
 */
const FRAME_MS = 1000 / 60;
const frameP95 = (xs) => percentile(xs.map((t) => Math.max(1, Math.round(t / FRAME_MS)) * FRAME_MS), 95);

const pctSummary = (xs, p) => ({ median: percentile(xs, p), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length });

export async function run({ browser, base, sentences, runs: allRuns, rows, step }) {
  const runs = Math.min(allRuns, Number(process.env.BENCH_OPEN_RUNS ?? 5));
  const { context, page } = await freshPage(browser);
  try {
    const seeded = await seedFromPage(page, base, sentences, async (s) => {
      const { doc, annotations } = await window.__bench.bigArticle(s);
      await window.__bench.seed([doc], annotations);
      const lineStarts = [];
      let offset = 0;
      for (const line of doc.text.split('\n')) {
        lineStarts.push(offset);
        offset += line.length + 1;
      }
      return { spans: annotations.map((a) => [a.start, a.end]), lineStarts };
    });

    // baseline: the same text as plain paragraphs
    const plain = [];
    for (let i = 0; i < runs; i++) {
      plain.push(await page.evaluate(async (s) => window.__bench.renderPlain((window.__big ??= await window.__bench.bigArticle(s)).doc.text), sentences));
    }
    const plainScroll = [];
    for (let i = 0; i < 3; i++) plainScroll.push(await page.evaluate(scrollFrames, 150));
    const plainHeap = await heapAfterGc(page);
    step(`baseline: plain paragraphs ${summary(plain).median.toFixed(0)} ms`);

    const first = [];
    const nextFrame = [];
    const whole = [];
    for (let i = 0; i < runs; i++) {
      await openApp(page, base, 1);
      const t = await page.evaluate(openAndWait, seeded);
      first.push(t.first);
      nextFrame.push(t.nextFrame);
      whole.push(t.whole);
      step(`open ${i + 1}/${runs}: first screen on screen ${t.first.toFixed(0)} ms (frame after ${t.nextFrame.toFixed(0)} ms), whole ${t.whole.toFixed(0)} ms`);
    }
    rows.push(row({ scenario: S1, measure: 'first screen of text with its highlights', value: timing(first), baseline: timing(plain), budget: { on: 'value', max: 100 }, note: `From the click on the article in the library until the browser presents the frame in which the reader viewport is filled with text and every annotation starting in the visible lines has its highlight (Element Timing of the visible paragraphs, and not before the frame after that state). Taken at the frame after alone: median ${summary(nextFrame).median.toFixed(0)} ms. Baseline column: the whole text as plain <p> in a blank same-origin page.` }));
    rows.push(row({ scenario: S1, measure: 'whole article ready (all 10k highlights)', value: timing(whole), baseline: timing(plain), budget: { on: 'ratio', max: 1.6 }, note: 'Until a frame after the one in which all 10,000 annotations have their highlight range ready (every chunk of the article rendered; the reader registers the ranges of the chunks in view and one either side).' }));

    const appHeap = await heapAfterGc(page);
    rows.push(row({ scenario: SM, measure: 'JS heap, 200k-word article open', value: appHeap, baseline: plainHeap, unit: 'MB', note: 'After forced GC (CDP); baseline: the plain-paragraph page holding the same text. No budget set.' }));

    const n = Number(process.env.BENCH_TAGS ?? 20);
    try {
      const before = await page.evaluate(idbCount);
      const series = await page.evaluate(editSeries, n);
      const after = await page.evaluate(idbCount);
      if (after !== before) throw new Error(`IndexedDB holds ${after} annotations after the edits and their undos, expected ${before}`);
      const floor = await page.evaluate(rawCommits, n);
      for (const [op, label] of [['tag', 'tag (key 1)'], ['relabel', 'relabel (Label select)'], ['delete', 'delete (Delete key)'], ['undo', 'undo (Ctrl+Z)']]) {
        const painted = series[op].map((t) => t.painted);
        const shown = series[op].map((t) => t.shown);
        const committed = series[op].map((t) => t.committed);
        const panel = series[op].map((t) => t.panel);
        rows.push(row({ scenario: S2, measure: `${label} → committed + painted, p50`, value: pctSummary(painted, 50), baseline: pctSummary(floor, 50), budget: { on: 'value', max: 16 }, note: `Until the word's highlight shows the result and the next frame is rendered, and the transaction has committed, whichever is later; highlight shown p50 ${percentile(shown, 50).toFixed(1)} ms, p95 ${percentile(shown, 95).toFixed(1)} ms; committed p50 ${percentile(committed, 50).toFixed(1)} ms, p95 ${percentile(committed, 95).toFixed(1)} ms. Baseline column: raw IndexedDB put + commit ('strict'), the floor.` }));
        rows.push(row({ scenario: S2, measure: `${op} → committed + painted, p95`, value: percentile(painted, 95), baseline: percentile(floor, 95), budget: { on: 'value', max: 50 } }));
        rows.push(row({ scenario: S2, measure: `${op} → the panel lists it, p50`, value: pctSummary(panel, 50), note: `The annotation panel follows the reader (deferred, interruptible): from the press until its count shows the change; p95 ${percentile(panel, 95).toFixed(1)} ms. No budget in the issue.` }));
        step(`${op}: painted p50 ${percentile(painted, 50).toFixed(1)} ms, p95 ${percentile(painted, 95).toFixed(1)} ms; panel p50 ${percentile(panel, 50).toFixed(1)} ms (n=${painted.length})`);
      }
      step(`raw IDB put+commit p50 ${percentile(floor, 50).toFixed(1)} ms`);
    } catch (e) {
      rows.push({ ...row({ scenario: S2, measure: 'tag / relabel / delete / undo', value: null }), result: 'error', note: String(e.message).split('\n')[0] });
    }

    const scroll = [];
    for (let i = 0; i < 3; i++) scroll.push(await page.evaluate(scrollFrames, 150));
    rows.push(row({ scenario: S3, measure: 'frame time p95 (300 px/frame)', value: summary(scroll.map(frameP95)), baseline: summary(plainScroll.map(frameP95)), budget: { on: 'value', max: 16.7 }, note: `3 runs × 150 frames; value = p95 of each run, frames counted in 60 Hz intervals (raw p95s: ${scroll.map((xs) => percentile(xs, 95).toFixed(1)).join(', ')} ms). Headless Chromium with --disable-gpu (software raster). Frames over 20 ms: ${scroll.flat().filter((t) => t > 20).length} of ${scroll.flat().length}.` }));
    step(`scroll p95 ${summary(scroll.map(frameP95)).median} ms`);

    const many = Number(process.env.BENCH_MEMORY_TAGS ?? 1000);
    const took = await page.evaluate(tagMany, many);
    const taggedHeap = await heapAfterGc(page);
    rows.push(row({ scenario: SM, measure: `JS heap after tagging ${many} more spans`, value: taggedHeap, baseline: appHeap, unit: 'MB', note: `Tagged one after another with key 1 (${(took / many).toFixed(0)} ms each on average, waiting for each to be listed); baseline: the heap with the article just opened. No budget set.` }));
    step(`heap ${appHeap.toFixed(1)} MB → ${taggedHeap.toFixed(1)} MB after ${many} tags`);
  } finally {
    await context.close();
  }
}
