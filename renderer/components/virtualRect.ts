/**
 * Options for TanStack Virtual's useVirtualizer that size a list's scroll box, and attach to it, without forcing a
 * layout. Its own observeElementRect reads the box's size (clientHeight) as the virtualizer mounts, inside React's
 * layout effects: that forced a layout of the whole page in the middle of the library's first render (~15 ms with
 * 100,000 articles, CPU profile). Here the size comes from the ResizeObserver's first report instead, which the
 * browser gives right after its own layout, before that frame is painted; until then the window's size stands in
 * (more rows than the box shows, never fewer). Cold start to the first rows of 100,000 articles, 8 loads each,
 * interleaved builds: median 506 → 450 ms. (The annotation panel's virtualizer, sized the same way, showed no
 * difference in opening an article.)
 */
import { elementScroll, type Virtualizer } from '@tanstack/react-virtual';

type Rect = { width: number; height: number };

function observeRectAfterLayout<S extends Element, I extends Element>(instance: Virtualizer<S, I>, cb: (rect: Rect) => void): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element) return undefined;
  // reading the size in the observer's report costs nothing: the layout is fresh
  const observer = new ResizeObserver(() => cb({ width: element.clientWidth, height: element.clientHeight }));
  observer.observe(element);
  return () => observer.disconnect();
}

const attached = new WeakSet<Element>();

/**
 * As it attaches to its scroll box the virtualizer scrolls the box to its offset, 0 for a new box: a scrollTo, which
 * forces a layout of the page in the middle of the first render (~20 ms with 100,000 articles, CPU profile). A new
 * box is at 0 already, so that first call is skipped; every later one (a row scrolled into view) goes through.
 */
function scrollAfterAttach<S extends Element, I extends Element>(offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: Virtualizer<S, I>): void {
  const element = instance.scrollElement;
  if (element && !attached.has(element)) {
    attached.add(element);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
}

/** Spread into useVirtualizer's options (a scroll box element's list). */
export function sizedAfterLayout(): { initialRect: Rect; observeElementRect: typeof observeRectAfterLayout; scrollToFn: typeof scrollAfterAttach } {
  return { initialRect: { width: window.innerWidth, height: window.innerHeight }, observeElementRect: observeRectAfterLayout, scrollToFn: scrollAfterAttach };
}
