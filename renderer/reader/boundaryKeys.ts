import { useEffect, useRef } from 'react';
import { textQuoteFor } from '../../shared/anchoring/quote.ts';
import { resizeByWord, type Change, type Edge } from '../../shared/anchoring/resize.ts';
import { labelDef } from '../labels/labelStore.ts';
import type { Annotation, FmDocument } from '../../shared/model.ts';
import type { Announce } from '../components/StatusArea.tsx';

/**
 * [ and ] move the selected annotation's start and end out by a word; with Shift they move them in. Shift+[ is
 * "{" on a US keyboard, so the key is read from both `key` and the physical `code`.
 */
export function boundaryKey(e: Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey'>): { edge: Edge; change: Change } | null {
  const left = e.key === '[' || e.key === '{' || e.code === 'BracketLeft';
  const right = e.key === ']' || e.key === '}' || e.code === 'BracketRight';
  if (!left && !right) return null;
  const shrink = e.shiftKey || e.key === '{' || e.key === '}';
  return { edge: left ? 'start' : 'end', change: shrink ? 'shrink' : 'grow' };
}

/** The annotation with one edge moved by a word, or a message saying why it cannot move. */
export function resizedAnnotation(doc: FmDocument, a: Annotation, edge: Edge, change: Change, now: string): Annotation | string {
  const span = resizeByWord(doc.text, a, edge, change);
  if (!span) {
    if (change === 'shrink') return `“${short(a.quote)}” is one word: it cannot shrink further.`;
    return edge === 'start' ? 'No word before this annotation to take in.' : 'No word after this annotation to take in.';
  }
  const q = textQuoteFor(doc.text, span.start, span.end);
  return { ...a, start: span.start, end: span.end, quote: q.exact, prefix: q.prefix, suffix: q.suffix, updatedAt: now };
}

/** What the status region says after a boundary move: the new quote, read in full. */
export function describeResize(a: Annotation): string {
  return `${labelDef(a.label).name} now “${short(a.quote)}”. Ctrl+Z undoes it.`;
}

function short(s: string): string {
  return s.length > 80 ? `${s.slice(0, 38)}…${s.slice(-38)}` : s;
}

/**
 * The [ ] key action for the reader. Keys can come faster than React shows each committed change, so a second key
 * starts from the span the first one asked for (kept here until the list shows it), not from a stale render.
 */
export function useBoundaryKeys(opts: {
  document: FmDocument;
  annotations: Annotation[];
  update(before: Annotation, after: Annotation): Promise<void>;
  announce: Announce;
  onError(error: unknown): void;
}) {
  const pending = useRef<Annotation | null>(null);
  useEffect(() => {
    // the list caught up (or changed another way, e.g. undo): it is the truth again
    if (!pending.current || opts.annotations.includes(pending.current)) pending.current = null;
  }, [opts.annotations]);

  /** Handles the key when it is a boundary key and an annotation is selected; true when it did. */
  return (e: KeyboardEvent, selectedId: string | null): boolean => {
    const which = boundaryKey(e);
    const shown = selectedId ? opts.annotations.find((a) => a.id === selectedId) : undefined;
    if (!which || !shown) return false;
    e.preventDefault();
    const a = pending.current?.id === shown.id ? pending.current : shown;
    const after = resizedAnnotation(opts.document, a, which.edge, which.change, new Date().toISOString());
    if (typeof after === 'string') {
      opts.announce(after);
      return true;
    }
    pending.current = after;
    opts.update(a, after).then(
      () => opts.announce(describeResize(after)),
      (error) => {
        pending.current = null;
        opts.onError(error);
      },
    );
    return true;
  };
}
