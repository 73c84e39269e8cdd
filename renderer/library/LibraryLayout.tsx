/**
 * How much of the window the library takes while an article is open. An analyst reads all day: the library can be
 * hidden to one line ("Hide library" / "Show library") or resized with the separator under it (drag, or arrows /
 * Page Up / Page Down / Home / End on the focused separator). The split is kept across sessions (localStorage: a
 * preference of this window, not of the library). With no article open the library has the full height.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';

/** The library's share of the workspace while reading, in percent. */
const MIN_PCT = 15;
const MAX_PCT = 85;
const DEFAULT_PCT = 34;
const STEP_PCT = 5;
const STORE_KEY = 'factmark.librarySplit';

interface Stored {
  pct: number;
  collapsed: boolean;
}

function load(): Stored {
  try {
    const v = JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null') as Partial<Stored> | null;
    const pct = typeof v?.pct === 'number' && Number.isFinite(v.pct) ? clamp(v.pct) : DEFAULT_PCT;
    return { pct, collapsed: v?.collapsed === true };
  } catch {
    return { pct: DEFAULT_PCT, collapsed: false };
  }
}

const clamp = (pct: number) => Math.round(Math.min(MAX_PCT, Math.max(MIN_PCT, pct)));

export interface LibraryLayout {
  pct: number;
  collapsed: boolean;
  setPct(pct: number): void;
  toggle(): void;
}

export function useLibraryLayout(): LibraryLayout {
  const [state, setState] = useState<Stored>(load);
  useEffect(() => {
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch {
      // private mode or a full quota: the split is only a preference
    }
  }, [state]);
  const setPct = useCallback((pct: number) => setState((s) => ({ ...s, pct: clamp(pct) })), []);
  const toggle = useCallback(() => setState((s) => ({ ...s, collapsed: !s.collapsed })), []);
  return { pct: state.pct, collapsed: state.collapsed, setPct, toggle };
}

/**
 * The separator between the library and the article. `panel` is the library's element: its height is measured
 * against its parent (the workspace) while dragging.
 */
export function SplitHandle({ layout, panel }: { layout: LibraryLayout; panel: RefObject<HTMLElement | null> }) {
  const dragging = useRef(false);
  const workspaceHeight = () => panel.current?.closest('.workspace')?.getBoundingClientRect().height ?? window.innerHeight;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next: Record<string, number> = {
      ArrowUp: layout.pct - STEP_PCT,
      ArrowDown: layout.pct + STEP_PCT,
      PageUp: layout.pct - 2 * STEP_PCT,
      PageDown: layout.pct + 2 * STEP_PCT,
      Home: MIN_PCT,
      End: MAX_PCT,
    };
    if (!(e.key in next)) return;
    e.preventDefault();
    layout.setPct(next[e.key]!);
  };
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!dragging.current || !panel.current) return;
    const top = panel.current.getBoundingClientRect().top;
    layout.setPct(((e.clientY - top) / workspaceHeight()) * 100);
  };
  const stop = () => void (dragging.current = false);

  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize library"
      aria-valuemin={MIN_PCT}
      aria-valuemax={MAX_PCT}
      aria-valuenow={layout.pct}
      aria-valuetext={`Library ${layout.pct} % of the height`}
      aria-controls="library-body"
      tabIndex={0}
      className="library-split"
      title="Drag, or focus and press the arrow keys, to resize the library"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={stop}
      onPointerCancel={stop}
    />
  );
}
