/**
 * Parts of the app that load on first use, each in a chunk of its own (a dynamic import), so that start-up evaluates
 * only what the library's first screen needs. Controls that use a part stay in the entry chunk; the part is loaded
 * when the control is used (and ahead of that while idle: preloadParts in renderer/parts), before anything shows it, so a lazy
 * component renders at once and its Suspense fallback is a backstop, not a step the user sees.
 */
import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { describeError } from '../errors.ts';

/** A part of the app that could not be loaded (a chunk missing or unreadable): the message says what to do. */
export class PartLoadError extends Error {
  override name = 'PartLoadError';
}

/**
 * One loader per part: the import starts once and is shared by every caller; a failed load is forgotten, so the next
 * use tries again, and rejects with a PartLoadError naming the part (`what`, e.g. "the reader").
 */
export function partLoader<T>(what: string, load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((e: unknown) => {
      pending = undefined;
      if (e instanceof PartLoadError) throw e;
      throw new PartLoadError(`Factmark could not load ${what} (${describeError(e)}). Reload the window (Ctrl+R) and try again.`);
    }));
}

export type LazyPart<P extends object> = ComponentType<P> & { load(): Promise<unknown> };

/**
 * A component from a part: React.lazy, except that once `load()` has resolved, instances render the loaded
 * component directly (React.lazy suspends on its first render even when the import is already done, which would
 * show the fallback for a frame). Each instance keeps the component it started with, so nothing remounts.
 */
export function lazyPart<P extends object>(what: string, load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | undefined;
  const loadIt = partLoader(what, () => load().then((c) => (loaded = c)));
  const Lazy = lazy(() => loadIt().then((c) => ({ default: c })));
  function Part(props: P) {
    const [Impl] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Impl {...props} />;
  }
  return Object.assign(Part, { load: loadIt });
}

/**
 * Shows a part's load failure in place of the part; any other error goes on up as before (this boundary only
 * exists because parts load lazily).
 */
export class PartBoundary extends Component<{ children: ReactNode }, { failed: boolean; error: unknown }> {
  override state = { failed: false, error: undefined as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { failed: true, error };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    if (!(this.state.error instanceof PartLoadError)) throw this.state.error;
    return (
      <p role="alert" className="part-error">
        {this.state.error.message}
      </p>
    );
  }
}

/** Where a lazy part renders: its load failure in place, and `fallback` in the (rare) moment it is not loaded yet. */
export function PartSlot({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  return (
    <PartBoundary>
      <Suspense fallback={fallback}>{children}</Suspense>
    </PartBoundary>
  );
}

/**
 * Runs `task` once the page is idle with at least `minMs` of the idle period left (a quiet page, not the gap between
 * two frames of work), or after `timeoutMs` at the latest when one is given.
 */
export function whenIdle(task: () => void, { minMs = 0, timeoutMs }: { minMs?: number; timeoutMs?: number } = {}): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 1);
    return () => clearTimeout(timer);
  }
  const options = timeoutMs === undefined ? {} : { timeout: timeoutMs };
  let handle = 0;
  const run = (deadline: IdleDeadline) => (deadline.didTimeout || deadline.timeRemaining() >= minMs ? task() : (handle = requestIdleCallback(run, options)));
  handle = requestIdleCallback(run, options);
  return () => cancelIdleCallback(handle);
}

/** An idle period this long (of at most 50 ms) means no frames are being drawn: the page is quiet. */
export const QUIET_MS = 40;
