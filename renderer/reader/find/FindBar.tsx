import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { snapToWords, type Span } from '../../../shared/anchoring/snap.ts';
import type { Label } from '../../../shared/labels.ts';
import { labelDef, useLabels } from '../../labels/labelStore.ts';
import type { Annotation, FmDocument } from '../../../shared/model.ts';
import { describeError } from '../../errors.ts';
import type { TextMap } from '../textMap.ts';
import { setHighlight } from '../highlights.ts';
import { findMatches, firstMatchFrom, MAX_MATCHES } from './findMatches.ts';
import './find.css';
import type { Announce } from '../../components/StatusArea.tsx';

interface FindBarProps {
  document: FmDocument;
  mapRef: RefObject<TextMap | null>;
  annotations: readonly Annotation[];
  /** Tags all the spans as one undoable step (one transaction). */
  tagMany(spans: readonly Span[], label: Label): Promise<Annotation[]>;
  announce: Announce;
}

/**
 * Find in article: Ctrl+F opens a search box over the article; matches are painted with the CSS Custom Highlight
 * API (fm-find, fm-find-current), Enter / Shift+Enter step through them, "Tag all matches as …" tags every match
 * (snapped to words, skipping ones already tagged so) as one undoable step, Escape closes and leaves the current
 * match selected in the article, so 1/2/3 can tag just that one.
 */
export function FindBar({ document: doc, mapRef, annotations, tagMany, announce }: FindBarProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(-1);
  const [busy, setBusy] = useState(false);
  const labels = useLabels();
  const inputRef = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => findMatches(doc.text, query), [doc.text, query]);

  // Ctrl+F (Cmd+F) anywhere in the reader opens the bar, or selects its text when already open
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 'f' || globalThis.document.querySelector('dialog[open]')) return;
      e.preventDefault();
      setOpen(true);
      requestAnimationFrame(() => inputRef.current?.select());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // a new query starts from the caret's position in the article
  useEffect(() => {
    setCurrent(firstMatchFrom(matches, caretOffset(mapRef.current)));
  }, [matches, mapRef]);

  // paint the matches (only when they change: stepping to the next match repaints just the current one)
  useEffect(() => {
    const map = mapRef.current;
    if (!open || !map) return clearPaint();
    setHighlight('fm-find', matches.flatMap((m) => map.staticRange(m.start, m.end) ?? []), 3);
  }, [open, matches, mapRef]);
  // paint the current match and scroll it into view
  useEffect(() => {
    const map = mapRef.current;
    if (!open || !map) return;
    const at = matches[current];
    const range = at && map.toRange(at.start, at.end);
    setHighlight('fm-find-current', range ? [range] : [], 4);
    range?.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [open, matches, current, mapRef]);
  useEffect(() => clearPaint, []);

  if (!open) return null;

  const move = (delta: 1 | -1) => {
    if (matches.length === 0) return;
    setCurrent((c) => (c + delta + matches.length) % matches.length);
  };

  const close = () => {
    const map = mapRef.current;
    const at = matches[current];
    const range = at && map?.toRange(at.start, at.end);
    setOpen(false);
    clearPaint();
    const article = map?.root.closest<HTMLElement>('[role="document"]') ?? map?.root;
    article?.focus();
    if (range) {
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
    }
  };

  const tagAll = async (label: Label) => {
    const name = labelDef(label).name.toLowerCase();
    const spans = uniqueSpans(matches.flatMap((m) => snapToWords(doc.text, m.start, m.end) ?? []));
    const fresh = spans.filter((s) => !annotations.some((a) => a.start === s.start && a.end === s.end && a.label === label));
    if (fresh.length === 0) return announce(matches.length ? `Every match is already tagged as ${name}.` : 'No matches to tag.');
    setBusy(true);
    try {
      // one batch: one transaction (all or none) and one step for Ctrl+Z / Ctrl+Shift+Z
      await tagMany(fresh, label);
      const n = fresh.length;
      announce(`Tagged ${n} ${n === 1 ? 'match' : 'matches'} as ${labelDef(label).name} — Ctrl+Z undoes ${n === 1 ? 'it' : 'all'}`);
    } catch (error) {
      announce(`${describeError(error)} No match was tagged.`, 'error');
    } finally {
      setBusy(false);
    }
  };

  const count = !query.trim()
    ? ''
    : matches.length === 0
      ? 'No matches'
      : `${current + 1} of ${matches.length}${matches.length >= MAX_MATCHES ? '+' : ''}`;

  return (
    <div className="find-bar" role="search" aria-label="Find">
      <input
        ref={inputRef}
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={query}
        autoFocus
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            move(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            close();
          }
        }}
      />
      <span className="find-count" aria-live="polite" data-testid="find-count">
        {count}
      </span>
      <button type="button" aria-keyshortcuts="Shift+Enter" onClick={() => move(-1)} disabled={matches.length === 0}>
        Previous
      </button>
      <button type="button" aria-keyshortcuts="Enter" onClick={() => move(1)} disabled={matches.length === 0}>
        Next
      </button>
      {labels.map((l) => (
        <button key={l.id} type="button" onClick={() => void tagAll(l.id)} disabled={busy || matches.length === 0}>
          Tag all matches as {l.name}
        </button>
      ))}
      <button type="button" aria-keyshortcuts="Escape" onClick={close}>
        Close find
      </button>
    </div>
  );
}

function uniqueSpans(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const key = `${s.start}:${s.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Where the caret is in the article, or 0. */
function caretOffset(map: TextMap | null): number {
  const sel = window.getSelection();
  if (!map || !sel?.focusNode) return 0;
  return map.toOffset(sel.focusNode, sel.focusOffset) ?? 0;
}

function clearPaint() {
  CSS.highlights.delete('fm-find');
  CSS.highlights.delete('fm-find-current');
}
