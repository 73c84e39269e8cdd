import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { snapToWords } from '../../shared/anchoring/snap.ts';
import type { AnnotationOp, BatchOp, HistoryOp } from '../../shared/history.ts';
import { labelForKey, type Label } from '../../shared/labels.ts';
import { getLabels, labelDef } from '../labels/labelStore.ts';
import type { Annotation, FmDocument } from '../../shared/model.ts';
import type { Repository } from '../db/repository.ts';
import { describeError } from '../errors.ts';
import { AnnotationPanel } from './AnnotationPanel.tsx';
import { ReviewMode } from '../review/ReviewMode.tsx';
import { ProvenanceHeader } from './ProvenanceHeader.tsx';
import { deleteImpact } from '../../shared/links.ts';
import { platform } from '../platform/index.ts';
import { AnnotationDetailsDialog } from './details/AnnotationDetailsDialog.tsx';
import { useArticleLinks } from './links/useArticleLinks.ts';
import { flashHighlight } from './highlights.ts';
import { Reader, type ReaderHandle } from './Reader.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { OrphansQueue } from './orphans/OrphansQueue.tsx';
import { FindBar } from './find/FindBar.tsx';
import { useBoundaryKeys } from './boundaryKeys.ts';
import { TagToolbar } from './TagToolbar.tsx';
import type { TextMap } from './textMap.ts';
import { useAnnotationSession } from './useAnnotationSession.ts';
import { useStableHandler } from '../components/useStableHandler.ts';
import type { Announce } from '../components/StatusArea.tsx';

interface DocumentViewProps {
  repo: Repository;
  /** The article; its text may be the head of a long text only, while the whole is read (Repository.openDocument). */
  document: FmDocument;
  /** The whole text's length: more than the document's text while that is only its head. */
  textLength?: number;
  /** The reader shows the article's first screen (Reader's onFirstScreen). */
  onFirstScreen?(documentId: string): void;
  annotator: string;
  onCountsChanged(documentId: string): void;
  announce: Announce;
  /** An annotation to select once the article has loaded (after following a link from another article). */
  initialSelectedId?: string | null;
  /** Opens another article of the library and selects an annotation in it (following a link). */
  onOpenAnnotation?(documentId: string, annotationId: string): void;
  /** Opens another article of the library (another version of this one). */
  onOpenDocument?(documentId: string): void;
  /** Review mode changed the article's adjudication state (the library's Adjudication column). */
  onAdjudicationChange?(documentId: string): void;
}

/** A promise given once, by `give`. */
function signal(): { given: Promise<void>; give(): void } {
  let give = () => {};
  const given = new Promise<void>((resolve) => (give = resolve));
  return { given, give };
}

/** An open article: the reader, its tag toolbar and its annotation panel, with the keyboard shortcuts. */
export function DocumentView({ repo, document: doc, textLength = doc.text.length, onFirstScreen, annotator, onCountsChanged, announce, initialSelectedId, onOpenAnnotation, onOpenDocument, onAdjudicationChange }: DocumentViewProps) {
  const changed = useCallback(() => onCountsChanged(doc.id), [onCountsChanged, doc.id]);
  // what needs the text itself (tagging, finding, resizing, review) waits for the whole of it: a long article shows
  // the head of its text first, and the rest follows within a few frames
  const whole = doc.text.length >= textLength;
  const readerRef = useRef<ReaderHandle>(null);
  const reviewingRef = useRef(false);
  // a change is painted in the reader as it is sent; the rest of this view follows once it is committed and on screen
  // a long article's other annotations are read once its first screen is shown, right after its whole text is asked
  // for: the browser's database answers in the order asked, and the rest of the article waits on its text
  const [firstScreen] = useState(() => (whole ? null : signal()));
  const session = useAnnotationSession(repo, doc, annotator, changed, (list) => reviewingRef.current || readerRef.current?.paint(list), firstScreen?.given);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const mapRef = useRef<TextMap | null>(null);
  const getMap = useCallback(() => mapRef.current, []);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  // review mode (renderer/review): the reader paints the visible layers instead of the session's list
  const [reviewing, setReviewing] = useState(false);
  reviewingRef.current = reviewing;
  const [reviewShown, setReviewShown] = useState<Annotation[]>([]);
  const { links, queries } = useArticleLinks(repo, session.annotations, session.loaded);
  const [detailsId, setDetailsId] = useState<string | null>(null);

  /** Runs an action; a failure is announced. Resolves to whether it succeeded. */
  const guard = async (task: () => Promise<void>) => {
    try {
      await task();
      return true;
    } catch (error) {
      announce(describeError(error), 'error');
      return false;
    }
  };

  /** Selects after a committed change, as a transition: the frame painting the change is not held up by this view. */
  const selectAfterCommit = (id: string | null) => startTransition(() => setSelectedId(id));

  const tagSelection = (label: Label) =>
    guard(async () => {
      if (!whole) return announce('The article is still opening. Try again in a moment.');
      const span = selectedSpan(mapRef.current, doc.text, announce);
      if (!span) return;
      // the selection goes in the frame that paints the new highlight (painted as the tag is sent); if the tag is not
      // saved the words are selected again, to be tagged once the cause is gone — unless other words have been
      // selected meanwhile
      const tagged = selectionEnds();
      settleSelection();
      const settled = selectionEnds();
      let a: Annotation;
      try {
        a = await session.tag(span, label);
      } catch (error) {
        if (tagged && sameEnds(selectionEnds(), settled)) restoreSelection(tagged);
        throw error;
      }
      selectAfterCommit(a.id);
      announce(`Tagged “${short(a.quote)}” as ${labelDef(label).name.toLowerCase()}.`);
    });

  const relabel = (a: Annotation, label: Label) =>
    guard(async () => {
      await session.relabel(a, label);
      announce(`“${short(a.quote)}” is now ${labelDef(label).name.toLowerCase()}.`);
    });

  /**
   * A tag key or button: tags the selected text; with no text selected (a click on a highlight, J / K) it relabels the
   * selected annotation instead, without reaching for the panel's select.
   */
  const tagOrRelabel = (label: Label) => {
    const sel = window.getSelection();
    const selected = selectedId && (!sel || sel.rangeCount === 0 || sel.isCollapsed) ? session.latest().find((a) => a.id === selectedId) : undefined;
    if (!selected) return tagSelection(label);
    if (selected.label === label) return announce(`“${short(selected.quote)}” is already ${labelDef(label).name.toLowerCase()}.`);
    return relabel(selected, label);
  };

  const remove = (a: Annotation) =>
    guard(async () => {
      await session.remove(a);
      if (selectedId === a.id) selectAfterCommit(null);
      const impact = deleteImpact(a, links.answeredBy.get(a.id)?.map((l) => l.annotation) ?? []);
      announce(`Deleted the ${labelDef(a.label).name.toLowerCase()} “${short(a.quote)}”.${impact ? ` ${impact}` : ''} Ctrl+Z brings it back.`);
    });

  const undoRedo = (which: 'undo' | 'redo') =>
    guard(async () => {
      const op = await session[which]();
      if (!op) return announce(which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      selectAfterCommit(op.kind === 'delete' || op.kind === 'batch' ? null : opAnnotation(op).id);
      announce(`${which === 'undo' ? 'Undone' : 'Redone'}: ${describeOp(op)}.`);
    });

  const reveal = (a: Annotation) => {
    setSelectedId(a.id);
    const map = mapRef.current;
    const range = map?.toRange(a.start, a.end);
    const scroller = scrollRef.current;
    if (!map || !range || !scroller) return;
    const r = range.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    if (r.top < box.top + 40 || r.bottom > box.bottom - 40) scroller.scrollTop += r.top - box.top - box.height / 3;
    flashHighlight(map, a);
  };

  /** Following a link: in this article it selects and shows the annotation; otherwise that article opens on it. */
  const follow = (target: Annotation) => {
    const here = session.latest().find((a) => a.id === target.id);
    if (here) {
      reveal(here);
      announce(`${labelDef(here.label).name} “${short(here.quote)}”.`);
    } else onOpenAnnotation?.(target.documentId, target.id);
  };

  const saveDetails = async (before: Annotation, after: Annotation) => {
    try {
      await session.update(before, after);
      announce(`Saved the details of “${short(after.quote)}”. Ctrl+Z undoes it.`);
      return true;
    } catch (error) {
      announce(`${describeError(error)} The details were not saved; what you typed is still in the dialog.`, 'error');
      return false;
    }
  };

  const clearLink = (a: Annotation) =>
    guard(async () => {
      const { answers: _gone, ...rest } = a;
      await session.update(a, { ...rest, updatedAt: new Date().toISOString() });
      announce(`Cleared the link of “${short(a.quote)}”. Ctrl+Z brings it back.`);
    });

  useEffect(() => {
    if (session.loadError) announce(`Could not read this article's annotations: ${describeError(session.loadError)}`, 'error');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.loadError]);

  // after following a link here from another article: select and show its annotation once the list is loaded
  const initialDone = useRef(false);
  useEffect(() => {
    if (initialDone.current || !session.loaded || !whole || !initialSelectedId) return;
    initialDone.current = true;
    const a = session.annotations.find((x) => x.id === initialSelectedId);
    if (!a) return announce('The linked annotation is no longer in this article.', 'error');
    // the article's text map is built after its first paint
    requestAnimationFrame(() => reveal(a));
    announce(`Opened “${doc.title}” at the ${labelDef(a.label).name.toLowerCase()} “${short(a.quote)}”.`);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.loaded, whole, initialSelectedId]);

  /** J / K: the next or previous annotation in reading order; stops at the ends. */
  const step = (delta: 1 | -1) => {
    const list = session.latest();
    if (list.length === 0) return announce('No annotations yet.');
    const current = list.findIndex((a) => a.id === selectedId);
    const index = current === -1 ? (delta === 1 ? 0 : list.length - 1) : current + delta;
    if (index < 0) return announce('First annotation.');
    if (index >= list.length) return announce('Last annotation.');
    const a = list[index]!;
    reveal(a);
    announce(`${labelDef(a.label).name} ${index + 1} of ${list.length}: “${short(a.quote)}”`);
  };

  /** A click in the text selects the annotation under it; clicking a stack again cycles through it, innermost first. */
  const selectAt = (offset: number) => {
    const stack = session.latest().filter((a) => a.start <= offset && offset < a.end).sort((x, y) => x.end - x.start - (y.end - y.start));
    if (stack.length === 0) return setSelectedId(null);
    const current = stack.findIndex((a) => a.id === selectedId);
    const next = stack[(current + 1) % stack.length]!;
    setSelectedId(next.id);
    if (stack.length > 1) announce(`${stack.length} annotations here; selected ${labelDef(next.label).name.toLowerCase()} “${short(next.quote)}”. Click again for the next.`);
  };

  const boundaryKeys = useBoundaryKeys({
    document: doc,
    annotations: session.annotations,
    update: session.update,
    announce,
    onError: (error) => announce(describeError(error), 'error'),
  });

  // The keyboard handler reads the latest state through a ref, so it is attached once.
  const keyHandler = useRef<(e: KeyboardEvent) => void>(() => {});
  keyHandler.current = (e: KeyboardEvent) => {
    if (e.defaultPrevented || isEditingTarget(e.target) || globalThis.document.querySelector('dialog[open]')) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && !e.altKey && (key === 'z' || key === 'y')) {
      e.preventDefault();
      void undoRedo(key === 'y' || e.shiftKey ? 'redo' : 'undo');
      return;
    }
    if (mod || e.altKey) return;
    const label = labelForKey(e.key, getLabels());
    if (label) {
      e.preventDefault();
      void tagOrRelabel(label);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && selectedId) {
      const a = session.latest().find((x) => x.id === selectedId);
      if (a) {
        e.preventDefault();
        void remove(a);
      }
    } else if (e.key === 'Enter' && selectedId && !(e.target instanceof HTMLElement && e.target.closest('button, a, summary'))) {
      e.preventDefault();
      setDetailsId(selectedId);
    } else if (e.key === 'Escape') {
      setSelectedId(null);
    } else if (key === 'j' || key === 'k') {
      e.preventDefault();
      step(key === 'j' ? 1 : -1);
    } else if (whole && boundaryKeys(e, selectedId)) {
      // [ ] Shift+[ Shift+]: handled (the selected annotation's edges move by a word, one undoable update each)
    } else if (e.key === '?') {
      e.preventDefault();
      setShortcutsOpen(true);
    }
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keyHandler.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  // stable identities: the panel's memoised items are not re-rendered because this view re-rendered after a tag
  const panelHandlers = {
    onSelect: useStableHandler(reveal),
    onRelabel: useStableHandler(relabel),
    onDelete: useStableHandler((a: Annotation) => void remove(a)),
    onOpenDetails: useStableHandler((a: Annotation) => setDetailsId(a.id)),
    onFollow: useStableHandler(follow),
    onClearLink: useStableHandler((a: Annotation) => void clearLink(a)),
    onOpenEvidence: useStableHandler((url: string) => void platform.openExternal(url).catch((e) => announce(describeError(e), 'error'))),
  };

  return (
    <div className={`document-view${reviewing ? ' reviewing' : ''}`}>
      <section className="reader-column" aria-label="Reader">
        <header className="reader-header">
          <h2 className="doc-title">{doc.title}</h2>
          <ProvenanceHeader repo={repo} document={doc} onOpenVersion={onOpenDocument} announce={announce} />
          <div className="reader-header-row">
            <TagToolbar onTag={(label) => void tagOrRelabel(label)} />
            <button type="button" className="review-button" aria-pressed={reviewing} disabled={!whole} onClick={() => setReviewing((r) => !r)}>
              Review
            </button>
            <button type="button" className="shortcuts-button" aria-keyshortcuts="?" onClick={() => setShortcutsOpen(true)}>
              Keyboard shortcuts
            </button>
          </div>
          {whole ? (
            <>
              <OrphansQueue
                document={doc}
                orphans={session.orphans}
                selectedSpan={() => selectedSpan(mapRef.current, doc.text, announce)}
                update={session.update}
                remove={session.remove}
                onAttached={(a) => setSelectedId(a.id)}
                announce={announce}
              />
              <FindBar document={doc} mapRef={mapRef} annotations={session.annotations} tagMany={session.tagMany} announce={announce} />
            </>
          ) : null}
        </header>
        <div className="reader-scroll" ref={scrollRef}>
          <article className="article" aria-label={doc.title}>
            <Reader
              ref={readerRef}
              document={doc}
              textLength={textLength}
              onFirstScreen={() => (onFirstScreen?.(doc.id), firstScreen?.give())}
              annotations={reviewing ? reviewShown : session.latest()}
              selectedId={selectedId}
              scroller={scrollRef}
              onMap={(m) => (mapRef.current = m)}
              onClickOffset={selectAt}
            />
          </article>
        </div>
      </section>
      <AnnotationPanel
        annotations={session.annotations}
        loaded={session.loaded}
        selectedId={selectedId}
        links={links}
        {...panelHandlers}
      />
      <AnnotationDetailsDialog
        annotation={detailsId === null ? null : session.annotations.find((a) => a.id === detailsId) ?? null}
        articleAnnotations={session.annotations}
        queries={queries}
        onClose={() => setDetailsId(null)}
        onSave={saveDetails}
      />
      {reviewing ? (
        <ReviewMode
          db={repo.db}
          document={doc}
          reviewer={annotator}
          onShown={setReviewShown}
          onReveal={reveal}
          selection={() => selectedSpan(mapRef.current, doc.text, announce)}
          announce={announce}
          onAdjudicationChange={() => onAdjudicationChange?.(doc.id)}
          readerHost={scrollRef.current}
          textMap={getMap}
        />
      ) : null}
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}

/** The current selection as a snapped span of the document, or null with a hint announced. */
function selectedSpan(map: TextMap | null, text: string, announce: Announce) {
  const sel = window.getSelection();
  if (!map || !sel || sel.rangeCount === 0 || sel.isCollapsed) {
    announce('Select some text in the article first, then choose a tag.');
    return null;
  }
  const range = sel.getRangeAt(0);
  const start = map.toOffset(range.startContainer, range.startOffset);
  const end = map.toOffset(range.endContainer, range.endOffset);
  if (start === null || end === null) {
    announce('The selection reaches outside the article. Select text inside the article only.');
    return null;
  }
  const span = snapToWords(text, start, end);
  if (!span) announce('Only whitespace is selected. Select some words to tag.');
  return span;
}

interface SelectionEnds {
  anchorNode: Node | null;
  anchorOffset: number;
  focusNode: Node | null;
  focusOffset: number;
}

/** Where the selection's two ends are now, to tell later whether the user has moved it. */
function selectionEnds(): SelectionEnds | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const { anchorNode, anchorOffset, focusNode, focusOffset } = sel;
  return { anchorNode, anchorOffset, focusNode, focusOffset };
}

function sameEnds(a: SelectionEnds | null, b: SelectionEnds | null): boolean {
  if (!a || !b) return a === b;
  return a.anchorNode === b.anchorNode && a.anchorOffset === b.anchorOffset && a.focusNode === b.focusNode && a.focusOffset === b.focusOffset;
}

function restoreSelection({ anchorNode, anchorOffset, focusNode, focusOffset }: SelectionEnds): void {
  if (anchorNode && focusNode) window.getSelection()?.setBaseAndExtent(anchorNode, anchorOffset, focusNode, focusOffset);
}

/** After tagging: while the article has focus its caret stays at the end of what was tagged; otherwise the selection goes. */
function settleSelection() {
  const sel = window.getSelection();
  const active = globalThis.document.activeElement;
  if (sel && active instanceof HTMLElement && active.getAttribute('role') === 'document' && sel.focusNode && active.contains(sel.focusNode)) {
    sel.collapseToEnd();
  } else {
    sel?.removeAllRanges();
  }
}

function isEditingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function opAnnotation(op: AnnotationOp): Annotation {
  return op.kind === 'update' ? op.after : op.annotation;
}

function describeOp(op: HistoryOp): string {
  if (op.kind === 'batch') return describeBatch(op);
  const a = opAnnotation(op);
  const label = labelDef(a.label).name.toLowerCase();
  if (op.kind === 'create') return `${label} “${short(a.quote)}” is back`;
  if (op.kind === 'delete') return `${label} “${short(a.quote)}” removed`;
  return `“${short(a.quote)}” is ${label}`;
}

/** A batch undone or redone as one step ("Tag all matches as …"): "4 claim tags removed" / "… are back". */
function describeBatch(op: BatchOp): string {
  const kinds = new Set(op.ops.map((o) => o.kind));
  const labels = new Set(op.ops.map((o) => opAnnotation(o).label));
  const n = op.ops.length;
  const tags = `${n} ${labels.size === 1 ? `${labelDef([...labels][0]!).name.toLowerCase()} ` : ''}${n === 1 ? 'tag' : 'tags'}`;
  if (kinds.size === 1 && kinds.has('delete')) return `${tags} removed`;
  if (kinds.size === 1 && kinds.has('create')) return `${tags} ${n === 1 ? 'is' : 'are'} back`;
  return `${n} changes`;
}

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
