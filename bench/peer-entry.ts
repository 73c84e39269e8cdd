/**
 * The peer of scenario 2: @recogito/text-annotator (its default renderer) over the same text and spans as the app,
 * in its own blank same-origin page (pages/peer.html). Bundled by run.mjs with esbuild, CSS included.
 */
import { createTextAnnotator } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';
import * as data from './data.ts';

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** The peer's annotation shape: offsets count the text of the container, where paragraphs have no newline between them. */
function peerAnnotation(id: string, quote: string, start: number, end: number, line: number) {
  return { id, bodies: [], target: { annotation: id, selector: [{ quote, start: start - line, end: end - line }] } };
}

const spanCount = () => document.querySelector('.r6o-span-highlight-layer')?.childElementCount ?? 0;

/**
 * Renders the text as paragraphs, attaches the annotator and loads all annotations; times the first frame showing
 * highlights (first screen) and the frame after setAnnotations returned and the layer settled (whole).
 */
async function open(sentences: string[]) {
  const { doc, annotations } = await data.bigArticle(sentences);
  const lines = doc.text.split('\n');
  const lineOf: number[] = [];
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const lineAt = (o: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const a of annotations) lineOf.push(lineAt(a.start));
  const items = annotations.map((a, i) => peerAnnotation(a.id, a.quote, a.start, a.end, lineOf[i]!));
  const host = document.getElementById('host')!;
  host.replaceChildren();
  await frame();
  const t0 = performance.now();
  let first: number | null = null;
  // watch frames while the main work runs (setAnnotations is synchronous)
  const watch = (async () => {
    while (first === null) {
      await frame();
      if (spanCount() > 0) first = performance.now() - t0;
    }
  })();
  const fragment = document.createDocumentFragment();
  for (const line of lines) fragment.append(Object.assign(document.createElement('p'), { textContent: line }));
  host.append(fragment);
  const annotator = createTextAnnotator(host);
  annotator.setAnnotations(items as never);
  const loaded = performance.now() - t0;
  await frame();
  await frame();
  await watch;
  const whole = performance.now() - t0;
  Object.assign(window, { __annotator: annotator, __lines: lines, __starts: starts });
  return { first, whole, loaded, count: items.length };
}

/** Adds `count` annotations through the API (a word in every 7th paragraph) and times each to the next frame. */
async function tag(count: number) {
  const annotator = (window as unknown as { __annotator: ReturnType<typeof createTextAnnotator> }).__annotator;
  const host = document.getElementById('host')!;
  const ps = host.querySelectorAll('p');
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const p = ps[5 + i * 7]!;
    p.scrollIntoView({ block: 'center' });
    await frame();
    await frame();
    const text = p.textContent!;
    const s = text.indexOf(' ', 10) + 1;
    const e = text.indexOf(' ', s);
    // offset of p's text within the container's text
    let before = 0;
    for (let k = 0; k < 5 + i * 7; k++) before += ps[k]!.textContent!.length;
    await new Promise((r) => setTimeout(r, 30 + Math.random() * 16));
    const t0 = performance.now();
    annotator.addAnnotation(peerAnnotation(`peer-${i}`, text.slice(s, e), before + s, before + e, 0) as never);
    await frame();
    times.push(performance.now() - t0);
  }
  return times;
}

Object.assign(window, { __peer: { open, tag } });
