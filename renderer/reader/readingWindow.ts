import type { TextMap } from './textMap.ts';

/** Never narrower than this on either side of what is shown (characters): a small window moves on every frame. */
const MIN_MARGIN_CHARS = 750;
/** How long after the article's height changes the window is checked again. */
const GROWTH_CHECK_MS = 200;

/**
 * Keeps the reading window — the document offsets [lo, hi) whose highlight ranges the reader registers — around what
 * the scroll box shows, with about half a screenful of text either side, so a scroll finds its highlights
 * registered. Why so tight: Chromium rebuilds every registered range's marker on any highlight, DOM or style change
 * (a tag, an undo) and repaints the text they cover, so each one costs in proportion to all ranges registered, not to
 * the few on screen. Measured in the 200,000-word article: a change rendered in ~3 ms with a screenful of ranges,
 * ~10–15 ms with the ~1,000 of the chunks in view and either side; half a screenful either side instead of a whole
 * one took another 1.2–1.6 ms off a tag's, a delete's and an undo's main-thread work. The margin still covers what a
 * scroll run by the compositor can get ahead of the main thread by in a frame or two (Page Down, a fling), and the
 * window follows every frame of a scroll: a scroll of 300 px a frame keeps its frames within 16.7 ms.
 *
 * What is shown is found by hit tests at the top and bottom of the scroll box, in the middle of the article's column,
 * once per frame at most while scrolling, resizing or laying out; the window moves only when less than half a margin is left on a
 * side, or when it has grown much wider than what is shown (after a jump).
 */
/** `initial` is the window already set; `onWindow` is called with each new one. Returns the function that stops it. */
export function watchReadingWindow(scroller: HTMLElement, map: TextMap, initial: [number, number], onWindow: (lo: number, hi: number) => void): () => void {
  let [lo, hi] = initial;
  let frame = 0;
  const measure = () => {
    frame = 0;
    const shown = shownSpan(scroller, map);
    if (!shown) return;
    const [top, bottom] = shown;
    const margin = Math.max(Math.ceil((bottom - top) / 2), MIN_MARGIN_CHARS);
    const short = (lo > 0 && top - margin / 2 < lo) || bottom + margin / 2 > hi;
    const wide = hi - lo > bottom - top + 5 * margin;
    if (!short && !wide) return;
    lo = Math.max(0, top - margin);
    hi = bottom + margin;
    onWindow(lo, hi);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(measure);
  };
  scroller.addEventListener('scroll', schedule, { passive: true });
  const resized = new ResizeObserver(schedule);
  resized.observe(scroller);
  // The article's height changes under the box without a scroll event when chunks laid out for the first time take
  // their real height instead of their estimate. It also changes with every chunk rendered while a long article
  // loads, so this is looked at a few times a second, not on each (a measure is two hit tests: a layout).
  let settle: ReturnType<typeof setTimeout> | undefined;
  const grown = new ResizeObserver(() => {
    settle ??= setTimeout(() => {
      settle = undefined;
      schedule();
    }, GROWTH_CHECK_MS);
  });
  grown.observe(map.root);
  schedule();
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(settle);
    scroller.removeEventListener('scroll', schedule);
    resized.disconnect();
    grown.disconnect();
  };
}

/** The document offsets at the top and bottom of what the scroll box shows of the article, or null if none of it. */
function shownSpan(scroller: HTMLElement, map: TextMap): [number, number] | null {
  const box = scroller.getBoundingClientRect();
  const text = map.root.getBoundingClientRect();
  const top = Math.max(box.top, text.top) + 1;
  const bottom = Math.min(box.bottom, text.bottom) - 1;
  if (bottom <= top) return null;
  const x = text.left + text.width / 2;
  const at = (y: number) => {
    const caret = document.caretPositionFromPoint?.(x, y);
    return caret ? map.toOffset(caret.offsetNode, caret.offset) : null;
  };
  const from = at(top);
  const to = at(bottom);
  return from === null || to === null ? null : [Math.min(from, to), Math.max(from, to)];
}
