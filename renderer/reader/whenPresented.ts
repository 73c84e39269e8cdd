/**
 * Runs `then` once `element`'s text has been presented on screen (the Element Timing API), or after `fallbackMs` if
 * that is not reported (no text in it, a hidden window that paints nothing, no API). Returns a cancel function.
 *
 * Why: a long article's rest is rendered in background slices. Started as soon as the first screen is painted, on a
 * two-core machine they compete with rasterising and presenting it: in interleaved bench runs the first screen was
 * presented at 146–148 ms with them, 134–138 ms with them waiting for this, 115–122 ms with none (bench/README).
 */
export function whenPresented(element: Element, then: () => void, fallbackMs: number): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    cancel();
    then();
  };
  const timer = setTimeout(run, fallbackMs);
  let observer: PerformanceObserver | undefined;
  if (PerformanceObserver.supportedEntryTypes?.includes('element')) {
    const id = `fm-first-screen-${crypto.randomUUID()}`;
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => (e as PerformanceEntry & { identifier?: string }).identifier === id)) run();
    });
    observer.observe({ type: 'element' });
    element.setAttribute('elementtiming', id);
  }
  const cancel = () => {
    done = true;
    clearTimeout(timer);
    observer?.disconnect();
    element.removeAttribute('elementtiming');
  };
  return cancel;
}
