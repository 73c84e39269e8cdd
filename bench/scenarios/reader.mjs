/**
 * Scenarios 1–4 and the reader's memory: a 200,000-word article with 10,000 annotations, opened from the library,
 * tagged in, relabelled, deleted and undone, scrolled; each against the same text as plain <p> paragraphs in a blank
 * same-origin page; then 1,000 more tags for the heap. The @recogito/text-annotator peer runs in peer.mjs.
 */
import { freshPage, heapAfterGc, openApp, seedFromPage } from '../browser.mjs';
import { row, timing } from '../report.mjs';
import { percentile, summary } from '../stats.mjs';

const S1 = '1 Open 200k words / 10k annotations';
const S2 = '3 Tag in that article';
const S3 = '4 Scroll that article';
const SM = 'Memory';

/**
 * In the page, before the article is clicked: watches for its first screen and whole. The clock starts at the click's
 * own timestamp (a real mouse click, openByClick), as when an analyst chooses the article. First screen: the
 * article's paragraphs fill the reader's viewport and every annotation starting in the visible lines has its highlight
 * range (checked against the seeded spans, one line per paragraph in the bench text), at the time the browser reports
 * those paragraphs presented on screen (Element Timing: each paragraph gets an `elementtiming` attribute as it is
 * added, unless the app gave it one). The state is checked as the page's DOM changes (a MutationObserver, so right
 * after the task that built it) and on a 16 ms timer: no animation frame is asked for before it holds, since a page
 * waiting on one has its database answers held back behind that frame (~20 ms, bench/README.md) and no analyst's
 * click comes with one. Also returned: `nextFrame`, the animation frame after the state was seen, and `whole`, the
 * frame after one in which all highlight ranges are ready.
 */
export function watchOpening({ spans, lineStarts }) {
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
  let check = () => {};
  const added = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) [n, ...n.querySelectorAll('[role="document"] p')].forEach(mark);
    check();
  });
  added.observe(document.body, { subtree: true, childList: true });
  window.__opening = new Promise((resolve, reject) => {
    let t0 = null;
    let seen = null;
    let timer;
    addEventListener('click', (e) => (t0 = e.timeStamp), { capture: true, once: true });
    const fail = (message) => (presentations.disconnect(), added.disconnect(), reject(new Error(message)));
    check = () => {
      if (t0 === null || seen !== null || !firstScreenShown()) return;
      seen = performance.now();
      clearTimeout(timer);
      // the visible paragraphs are among those added so far: the rest need no timing (it costs the browser work)
      added.disconnect();
      requestAnimationFrame(async () => {
        const nextFrame = performance.now() - t0;
        while (painted() !== spans.length) {
          await frame();
          if (performance.now() - t0 > 300_000) return fail(`only ${painted()} of ${spans.length} highlights after 300 s`);
        }
        await frame();
        const whole = performance.now() - t0;
        // the entries of the last frames arrive a little after their presentation
        for (let i = 0; i < 50 && [...visible].some((p) => !presented.has(p)); i++) await frame();
        presentations.disconnect();
        const shownAt = [...visible].map((p) => presented.get(p));
        if (shownAt.some((t) => t === undefined)) return fail("the browser did not report the first screen's paragraphs as presented (Element Timing)");
        // never before the state was seen: highlights registered after their text was presented count from then
        resolve({ first: Math.max(...shownAt, seen) - t0, nextFrame, whole });
      });
    };
    const poll = () => {
      check();
      if (seen !== null) return;
      if (t0 !== null && performance.now() - t0 > 300_000) return fail('no first screen after 300 s');
      timer = setTimeout(poll, 16);
    };
    timer = setTimeout(poll, 16);
  });
}

/** Opens the first article of the library with a real mouse click (Playwright's, through the browser's input) and waits for watchOpening's figures. */
export async function openByClick(page, seeded) {
  await page.evaluate(watchOpening, seeded);
  const at = await page.evaluate(() => {
    const r = document.querySelector('[role="table"][aria-label="Articles"] .title-button').getBoundingClientRect();
    return { x: r.x + Math.min(20, r.width / 2), y: r.y + r.height / 2 };
  });
  await page.mouse.click(at.x, at.y);
  return page.evaluate(() => window.__opening);
}

/**
 * In the page: `count` rounds of tag (select a word, key 1), relabel (the new item's Label select → Denial), relabel by
 * key (key 3 with no text selected, the annotation still selected → Unverified) and delete (Delete key on the selected
 * annotation); then Ctrl+Z for each of those operations. Each is timed from the key press
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
  const state = () => ({ claim: onWord('claim'), denial: onWord('denial'), unverified: onWord('unverified') });
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
    const want = { claim: s0.claim + (delta.claim ?? 0), denial: s0.denial + (delta.denial ?? 0), unverified: s0.unverified + (delta.unverified ?? 0) };
    await new Promise((r) => setTimeout(r, 30 + Math.random() * 16)); // a key press lands at any point of a frame
    const since = commits.length;
    performance.mark(op);
    const t0 = performance.now();
    act();
    for (;;) {
      const s = state();
      if (s.claim === want.claim && s.denial === want.denial && s.unverified === want.unverified) break;
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
    const out = { tag: [], relabel: [], relabelKey: [], delete: [], undo: [] };
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
      // back in the text with no text selected (as after a click on the highlight), the annotation still selected:
      // key 3 relabels it, then the Delete key removes it
      focusArticle();
      getSelection().collapse(word.node, word.start);
      out.relabelKey.push(await measure('relabel by key', () => press({ key: '3' }), { denial: -1, unverified: 1 }, 0));
      out.delete.push(await measure('delete', () => press({ key: 'Delete' }), { unverified: -1 }, -1));
    }
    // undo: the delete (unverified back), the key's relabel (denial again), the select's (claim again), the tag (gone)
    // — per round, newest first
    for (let i = count - 1; i >= 0; i--) {
      word = words[i];
      word.node.parentElement.scrollIntoView({ block: 'center' });
      focusArticle();
      await frame();
      await frame();
      out.undo.push(await measure('undo', () => press({ key: 'z', ctrlKey: true }), { unverified: 1 }, 1));
      out.undo.push(await measure('undo', () => press({ key: 'z', ctrlKey: true }), { denial: 1, unverified: -1 }, 0));
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

/**
 * In the app's page: one request without arguments (`method` of IDBObjectStore: count, getAll, clear) on one store of
 * the app's IndexedDB, with raw IDB; with `lengthsOf`, the length of that field of each record instead of the records.
 */
function storeRequest({ store, method, mode = 'readonly', lengthsOf }) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('factmark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction(store, mode).objectStore(store)[method]();
      req.onerror = () => (open.result.close(), reject(req.error));
      req.onsuccess = () => (open.result.close(), resolve(lengthsOf ? req.result.map((r) => r[lengthsOf].length) : req.result));
    };
  });
}

/** How many annotation records the app has stored. */
const idbCount = (page) => page.evaluate(storeRequest, { store: 'annotations', method: 'count' });
/** How many annotations each stored pack holds (renderer/db/annotationPacks.ts). */
const packSizes = (page) => page.evaluate(storeRequest, { store: 'annotationPacks', method: 'getAll', lengthsOf: 'annotations' });
/** Deletes the stored packs, so an article opens as at its first opening (record by record). */
const removePacks = (page) => page.evaluate(storeRequest, { store: 'annotationPacks', method: 'clear', mode: 'readwrite' });

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

    // The first opening reads the annotations record by record and, once the page is quiet, keeps them as one
    // record (annotationPacks.ts), which every later opening reads, with the writes since. Both are timed: the
    // reopenings (the budget rows), and openings with the pack removed first, as at the article's first opening.
    const opens = { packed: { first: [], nextFrame: [], whole: [] }, unpacked: { first: [], nextFrame: [], whole: [] } };
    const timeOpen = async (kind, label) => {
      await openApp(page, base, 1);
      if (kind === 'unpacked') await removePacks(page);
      const t = await openByClick(page, seeded);
      step(`open ${label} (${kind}): first screen on screen ${t.first.toFixed(0)} ms (frame after ${t.nextFrame.toFixed(0)} ms), whole ${t.whole.toFixed(0)} ms`);
      return t;
    };
    // an opening read record by record packs the article once the page is quiet: the next reopening needs that pack
    const packed = async () => {
      for (const deadline = Date.now() + 30_000; !(await packSizes(page)).includes(seeded.spans.length); await page.waitForTimeout(100)) {
        if (Date.now() > deadline) throw new Error('the article was not packed within 30 s of its opening');
      }
    };
    await timeOpen('unpacked', 'to warm up');
    await packed();
    // alternately, so both kinds see the same state of the machine
    for (let i = 0; i < runs; i++) {
      for (const kind of ['packed', 'unpacked']) {
        const t = await timeOpen(kind, `${i + 1}/${runs}`);
        for (const k of ['first', 'nextFrame', 'whole']) opens[kind][k].push(t[k]);
      }
      await packed();
    }
    const { first, nextFrame, whole } = opens.packed;
    rows.push(row({ scenario: S1, measure: 'first screen of text with its highlights', value: timing(first), baseline: timing(plain), budget: { on: 'value', max: 100 }, note: `From a mouse click on the article in the library (the click event's timestamp) until the browser presents the reader viewport filled with text and every annotation starting in the visible lines with its highlight (Element Timing of the visible paragraphs). The animation frame after that state: median ${summary(nextFrame).median.toFixed(0)} ms. Reopened (its annotations read from their pack); opened with no pack: median ${summary(opens.unpacked.first).median.toFixed(0)} ms. Baseline column: the whole text as plain <p> in a blank same-origin page.` }));
    rows.push(row({ scenario: S1, measure: 'whole article ready (all 10k highlights)', value: timing(whole), baseline: timing(plain), budget: { on: 'ratio', max: 1.6 }, note: 'Reopened: the annotations read from their pack (renderer/db/annotationPacks.ts). Until a frame after the one in which all 10,000 annotations have their highlight range ready (every chunk of the article rendered; the reader registers the ranges of the chunks in view and one either side).' }));
    rows.push(row({ scenario: S1, measure: 'whole article, first opening (annotations not packed yet)', value: timing(opens.unpacked.whole), baseline: timing(plain), note: 'As the row above, with the pack removed before each opening, as at the article’s first opening: the 10,000 annotations read record by record, then packed once the page is quiet. Opened alternately with the reopenings. No budget of its own: the issue’s budget row is the reopening.' }));

    const appHeap = await heapAfterGc(page);
    rows.push(row({ scenario: SM, measure: 'JS heap, 200k-word article open', value: appHeap, baseline: plainHeap, unit: 'MB', note: 'After forced GC (CDP); baseline: the plain-paragraph page holding the same text. No budget set.' }));

    // 40 rounds: a key press lands anywhere in a frame, so each figure carries up to a frame of chance, and the median of
    // 20 still moved by ~2 ms between runs, as much as the margins to the 16 ms budget
    const n = Number(process.env.BENCH_TAGS ?? 40);
    try {
      const before = await idbCount(page);
      const series = await page.evaluate(editSeries, n);
      const after = await idbCount(page);
      if (after !== before) throw new Error(`IndexedDB holds ${after} annotations after the edits and their undos, expected ${before}`);
      const floor = await page.evaluate(rawCommits, n);
      for (const [op, label, short] of [['tag', 'tag (key 1)', 'tag'], ['relabel', 'relabel (Label select)', 'relabel'], ['relabelKey', 'relabel (key 3, no text selected)', 'relabel by key'], ['delete', 'delete (Delete key)', 'delete'], ['undo', 'undo (Ctrl+Z)', 'undo']]) {
        const painted = series[op].map((t) => t.painted);
        const shown = series[op].map((t) => t.shown);
        const committed = series[op].map((t) => t.committed);
        const panel = series[op].map((t) => t.panel);
        rows.push(row({ scenario: S2, measure: `${label} → committed + painted, p50`, value: pctSummary(painted, 50), baseline: pctSummary(floor, 50), budget: { on: 'value', max: 16 }, note: `Until the word's highlight shows the result and the next frame is rendered, and the transaction has committed, whichever is later; highlight shown p50 ${percentile(shown, 50).toFixed(1)} ms, p95 ${percentile(shown, 95).toFixed(1)} ms; committed p50 ${percentile(committed, 50).toFixed(1)} ms, p95 ${percentile(committed, 95).toFixed(1)} ms. Baseline column: raw IndexedDB put + commit ('strict'), the floor.` }));
        rows.push(row({ scenario: S2, measure: `${short} → committed + painted, p95`, value: percentile(painted, 95), baseline: percentile(floor, 95), budget: { on: 'value', max: 50 } }));
        rows.push(row({ scenario: S2, measure: `${short} → the panel lists it, p50`, value: pctSummary(panel, 50), note: `The annotation panel follows the reader (deferred, interruptible): from the press until its count shows the change; p95 ${percentile(panel, 95).toFixed(1)} ms. No budget in the issue.` }));
        step(`${short}: painted p50 ${percentile(painted, 50).toFixed(1)} ms, p95 ${percentile(painted, 95).toFixed(1)} ms; panel p50 ${percentile(panel, 50).toFixed(1)} ms (n=${painted.length})`);
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
