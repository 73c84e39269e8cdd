import { useEffect, useRef, useState, type RefObject } from 'react';
import './keyboard.css';
import { onSelectionChange } from './selectionChanges.ts';

/**
 * A keyboard caret for the read-only article. Chromium draws no caret in non-editable text, so we draw one at the
 * DOM selection's focus point; the arrow keys move (or with Shift, extend) the DOM selection with Selection.modify,
 * which knows lines, words and grapheme clusters — so the existing "tag the selection" path works unchanged.
 */

type Alter = 'move' | 'extend';
type Direction = 'forward' | 'backward';
/** A Selection.modify granularity, or one of ours: 'document' (start/end of the article), 'paragraph-start'. */
type Step = { dir: Direction; unit: string };

/** The step a key makes, or null when the key is not a caret key. Ctrl (or Cmd) makes the steps bigger. */
function caretStep(key: string, mod: boolean): Step | null {
  switch (key) {
    case 'ArrowLeft':
      return { dir: 'backward', unit: mod ? 'word' : 'character' };
    case 'ArrowRight':
      return { dir: 'forward', unit: mod ? 'word' : 'character' };
    case 'ArrowUp':
      return { dir: 'backward', unit: mod ? 'paragraph-start' : 'line' };
    case 'ArrowDown':
      return { dir: 'forward', unit: mod ? 'paragraph-start' : 'line' };
    case 'Home':
      return { dir: 'backward', unit: mod ? 'document' : 'lineboundary' };
    case 'End':
      return { dir: 'forward', unit: mod ? 'document' : 'lineboundary' };
    default:
      return null;
  }
}

/** The caret element and the caret keys, for the article body holding the focusable "Article text" element. */
export function KeyboardCaret({ bodyRef }: { bodyRef: RefObject<HTMLElement | null> }) {
  const caretRef = useRef<HTMLSpanElement>(null);
  const [box, setBox] = useState<{ left: number; top: number; height: number } | null>(null);
  const scrollAfterMove = useRef(false);

  // keep the caret in view after a keyboard move; scroll-margin (keyboard.css) leaves some context around it
  useEffect(() => {
    if (box && scrollAfterMove.current) caretRef.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    scrollAfterMove.current = false;
  }, [box]);

  useEffect(() => {
    const body = bodyRef.current;
    const root = body?.querySelector<HTMLElement>('[role="document"]');
    if (!body || !root) return;

    const update = () => {
      const sel = window.getSelection();
      if (globalThis.document.activeElement !== root || !sel?.focusNode || !root.contains(sel.focusNode)) return setBox(null);
      const rect = caretRect(sel.focusNode, sel.focusOffset);
      const origin = body.getBoundingClientRect();
      setBox(rect ? { left: rect.left - origin.left, top: rect.top - origin.top, height: rect.height } : null);
    };

    const onFocus = () => {
      const sel = window.getSelection();
      if (sel && !(sel.focusNode && root.contains(sel.focusNode))) placeAtEdge(sel, root, 'backward', 'move');
      update();
    };

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.altKey || e.defaultPrevented) return;
      const step = caretStep(e.key, e.ctrlKey || e.metaKey);
      const sel = window.getSelection();
      if (!step || !sel) return;
      e.preventDefault();
      if (!sel.focusNode || !root.contains(sel.focusNode)) placeAtEdge(sel, root, 'backward', 'move');
      applyStep(sel, root, step, e.shiftKey ? 'extend' : 'move');
      scrollAfterMove.current = true;
      update();
    };

    const resize = new ResizeObserver(update);
    resize.observe(body);
    root.addEventListener('focus', onFocus);
    root.addEventListener('blur', update);
    root.addEventListener('keydown', onKeyDown);
    const unsubscribe = onSelectionChange(update);
    return () => {
      resize.disconnect();
      root.removeEventListener('focus', onFocus);
      root.removeEventListener('blur', update);
      root.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, [bodyRef]);

  return (
    <span
      ref={caretRef}
      className="keyboard-caret"
      aria-hidden="true"
      data-testid="keyboard-caret"
      hidden={!box}
      // a new key restarts the blink, so the caret is solid while it moves
      key={box ? `${box.left},${box.top}` : 'none'}
      style={box ? { left: box.left, top: box.top, height: box.height } : undefined}
    />
  );
}

function applyStep(sel: Selection, root: HTMLElement, step: Step, alter: Alter) {
  if (step.unit === 'document') return placeAtEdge(sel, root, step.dir, alter);
  const before = [sel.anchorNode, sel.anchorOffset, sel.focusNode, sel.focusOffset] as const;
  if (step.unit === 'paragraph-start') return jumpParagraph(sel, root, step.dir, alter);
  sel.modify(alter, step.dir, step.unit);
  // Selection.modify walks the whole page in non-editable content: never let the caret leave the article
  if (!sel.focusNode || !root.contains(sel.focusNode)) {
    const [an, ao, fn, fo] = before;
    if (an && fn) sel.setBaseAndExtent(an, ao, fn, fo);
    placeAtEdge(sel, root, step.dir, alter);
  }
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote';

/**
 * Ctrl+Up: to the start of this paragraph, or of the previous one when already there; Ctrl+Down: to the start of
 * the next paragraph, or the end of the article from the last. Blank lines (empty blocks) are skipped: the caret
 * only stops where there is text to select.
 */
function jumpParagraph(sel: Selection, root: HTMLElement, dir: Direction, alter: Alter) {
  const blocks = Array.from(root.querySelectorAll<HTMLElement>(BLOCKS)).filter((b) => !b.querySelector(BLOCKS) && firstText(b));
  const focus = sel.focusNode && root.contains(sel.focusNode) ? { node: sel.focusNode, offset: sel.focusOffset } : null;
  // the block holding the caret, or the last one that starts before it (the caret may sit in a blank line)
  let current = -1;
  if (focus) {
    for (let i = 0; i < blocks.length; i++) {
      if (blocks[i]!.contains(focus.node) || startsBefore(blocks[i]!, focus.node, focus.offset)) current = i;
      else break;
    }
  }
  let target: HTMLElement | undefined;
  if (dir === 'forward') target = blocks[current + 1];
  else if (current >= 0 && focus && !atStartOf(blocks[current]!, focus.node, focus.offset)) target = blocks[current];
  else target = blocks[current - 1];
  if (!target) return placeAtEdge(sel, root, dir, alter);
  const node = firstText(target)!;
  if (alter === 'extend' && sel.anchorNode && root.contains(sel.anchorNode)) sel.extend(node, 0);
  else sel.collapse(node, 0);
}

function firstText(el: HTMLElement): Text | null {
  const walker = globalThis.document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => ((n as Text).length ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
  return walker.nextNode() as Text | null;
}

/** True when the block starts before the DOM position (node, offset). */
function startsBefore(block: HTMLElement, node: Node, offset: number): boolean {
  const range = globalThis.document.createRange();
  range.setStart(node, offset);
  return range.comparePoint(block, 0) < 0;
}

/** True when no text of the block lies before the position. */
function atStartOf(block: HTMLElement, node: Node, offset: number): boolean {
  const range = globalThis.document.createRange();
  range.setStart(block, 0);
  range.setEnd(node, offset);
  return range.toString().length === 0;
}

/** Moves (or extends) the selection to the first or last text position of the article. */
function placeAtEdge(sel: Selection, root: HTMLElement, dir: Direction, alter: Alter) {
  const walker = globalThis.document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node: Node | null = null;
  if (dir === 'backward') node = walker.nextNode();
  else for (let n = walker.nextNode(); n; n = walker.nextNode()) node = n;
  const target = node ?? root;
  const offset = dir === 'backward' ? 0 : node ? (node as Text).length : root.childNodes.length;
  if (alter === 'extend' && sel.anchorNode && root.contains(sel.anchorNode)) sel.extend(target, offset);
  else sel.collapse(target, offset);
}

/** Screen rectangle of a caret at this DOM position; empty lines fall back to the box of their element. */
function caretRect(node: Node, offset: number): { left: number; top: number; height: number } | null {
  const range = globalThis.document.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  if (rect.height > 0) {
    // after the space where a line wraps, a Range cannot say which line: show the caret where typing would go, the next line
    if (node instanceof Text && offset > 0 && offset < node.length && /\s/.test(node.data[offset - 1]!)) {
      range.setEnd(node, offset + 1);
      const next = range.getClientRects()[0];
      if (next && next.top >= rect.bottom - 1) return { left: next.left, top: next.top, height: next.height };
    }
    return { left: rect.left, top: rect.top, height: rect.height };
  }
  const element = node instanceof Element ? ((node.childNodes[offset] as Element | undefined) ?? node) : node.parentElement;
  if (!(element instanceof Element)) return null;
  const box = element.getBoundingClientRect();
  const size = parseFloat(getComputedStyle(element).fontSize) || 16;
  return { left: box.left, top: box.top, height: Math.min(box.height || size * 1.2, size * 1.3) };
}
