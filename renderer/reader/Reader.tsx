import { ListItemNode, ListNode } from '@lexical/list';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type MouseEvent, type Ref, type RefObject } from 'react';
import type { Annotation, FmDocument } from '../../shared/model.ts';
import { $appendChunk, $clearArticle, ArticleChunkNode, ArticlePlan, estimatedChunkHeight, firstChunkFor, type TextNodeStart } from './buildArticle.ts';
import { HighlightPainter } from './highlights.ts';
import { KeyboardCaret } from './KeyboardCaret.tsx';
import { primeLexicalEvents } from './lexicalEvents.ts';
import { keepSelectionFromLexical } from './selectionChanges.ts';
import { watchReadingWindow } from './readingWindow.ts';
import { whenPresented } from './whenPresented.ts';
import './reader.css';
import { TextMap } from './textMap.ts';

// before any reader mounts, or Lexical keeps the first article opened in memory for good (lexicalEvents.ts)
primeLexicalEvents();
keepSelectionFromLexical();

const theme = {
  paragraph: 'article-p',
  quote: 'article-quote',
  heading: { h1: 'article-h1', h2: 'article-h2', h3: 'article-h3', h4: 'article-h4', h5: 'article-h5', h6: 'article-h6' },
  list: { ul: 'article-ul', ol: 'article-ol', listitem: 'article-li' },
};

interface ReaderProps {
  /** The article; its text may be the head of a long text only, while the whole is read (Repository.openDocument). */
  document: FmDocument;
  /** The whole text's length: more than the document's text while that is only its head. */
  textLength: number;
  annotations: readonly Annotation[];
  selectedId: string | null;
  /** The box the article scrolls in: highlights are registered around what it shows. */
  scroller: RefObject<HTMLElement | null>;
  /**
   * The article's first screen is on screen (or there is none to show before the whole text is in): called once per
   * article, so that the rest of a long text is read after it, not in its way.
   */
  onFirstScreen(): void;
  /** Called with the offset map once the article is rendered. */
  onMap(map: TextMap): void;
  /** A click (not a drag) at a document offset. */
  onClickOffset(offset: number): void;
  ref?: Ref<ReaderHandle>;
}

export interface ReaderHandle {
  /**
   * Paints this list now, ahead of React rendering the reader with it: a tag's highlight goes into the next frame while
   * its transaction is on its way, without waiting for the view around the reader to re-render. The list passed as a
   * prop once the write is committed is the same (or, if it fails, the list as stored).
   */
  paint(annotations: readonly Annotation[]): void;
}

/** The article in a read-only Lexical editor; highlights are painted over it from the annotation records. */
export function Reader({ document: doc, textLength, annotations, selectedId, scroller, onFirstScreen, onMap, onClickOffset, ref }: ReaderProps) {
  // refs, not state: the article's first chunk, its map and its first highlights are made in one layout pass, with
  // no re-render in between (a re-render there runs the pending passive effects — the reads of the rest of the
  // annotations, the provenance, the links — before the first frame is painted)
  const map = useRef<TextMap | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  /** One painter per rendered article; it changes only the ranges of annotations that changed. */
  const painter = useRef<HighlightPainter | null>(null);
  /** The offsets around what the scroll box shows (readingWindow.ts); the painter registers only those ranges. */
  const readingWindow = useRef({ lo: 0, hi: Infinity });
  /** The props as last committed (the article's chunks are rendered in a child's layout effect, before this one's). */
  const shown = useRef({ annotations, selectedId });

  const paint = (list: readonly Annotation[]) => {
    if (!painter.current) return; // not rendered yet: the first chunk paints what is shown then
    painter.current.update(list, shown.current.selectedId);
    showPrepared(bodyRef.current, painter.current);
  };
  // a layout effect: the changed ranges are set before the browser paints this commit, not a frame later
  useLayoutEffect(() => {
    shown.current = { annotations, selectedId };
    paint(annotations);
  }, [annotations, selectedId]);
  useEffect(() => () => painter.current?.dispose(), []);
  useImperativeHandle(ref, () => ({ paint: (list) => paint(list) }), []);

  function handleClick(event: MouseEvent) {
    const m = map.current;
    if (!m || !window.getSelection()?.isCollapsed) return;
    const caret = globalThis.document.caretPositionFromPoint?.(event.clientX, event.clientY);
    const offset = caret && m.toOffset(caret.offsetNode, caret.offset);
    if (offset != null) onClickOffset(offset);
  }

  return (
    <LexicalComposer
      key={doc.id}
      initialConfig={{
        namespace: 'factmark-reader',
        editable: false,
        theme,
        nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, ArticleChunkNode],
        onError: (error) => console.error(error),
      }}
    >
      <div className="article-body" ref={bodyRef} onClick={handleClick}>
        {/* focusable so the keyboard caret (arrow keys, Shift to select) can work in the read-only text */}
        <ContentEditable className="article-text" aria-label="Article text" aria-readonly="true" role="document" tabIndex={0} />
        <KeyboardCaret bodyRef={bodyRef} />
      </div>
      <ArticlePlugin
        document={doc}
        textLength={textLength}
        scroller={scroller}
        onFirstScreen={onFirstScreen}
        onMap={(m) => {
          map.current = m;
          painter.current = new HighlightPainter(m);
          painter.current.setWindow(readingWindow.current.lo, readingWindow.current.hi);
          paint(shown.current.annotations);
          onMap(m);
        }}
        onMore={() => {
          painter.current?.extend();
          if (painter.current) showPrepared(bodyRef.current, painter.current);
        }}
        onWindow={(lo, hi) => {
          readingWindow.current = { lo, hi };
          painter.current?.setWindow(lo, hi);
        }}
      />
    </LexicalComposer>
  );
}

/**
 * How many annotations have their highlight range ready, as data-highlights on the article body: the bench and tests
 * read it to know the whole article is paintable (the highlights themselves hold only the reading window's ranges).
 */
function showPrepared(body: HTMLElement | null, painter: HighlightPainter): void {
  body?.setAttribute('data-highlights', String(painter.prepared));
}

/**
 * Time a background slice of rendering may take before it yields to input and painting. Every frame between slices
 * repaints the highlighted text in view (bench/README, "Where the reader's time goes"), so fewer, longer slices finish
 * a long article sooner: 12 ms slices took the 200k-word bench article to 582 ms, 40 ms ones to 480 ms (6 opens each,
 * interleaved builds), and a key pressed meanwhile waits at most as long as a long task (50 ms).
 */
const SLICE_MS = 40;
/** The longest the rest of an article waits for its first screen to be reported on screen (a few frames). */
const FIRST_SCREEN_WAIT_MS = 250;

/**
 * Renders the article in chunks (buildArticle.ts): the first chunk at once, so the first screen shows without waiting
 * for the rest, then the others in short slices between frames. The offset map is handed over after the first chunk
 * and grows with each; `map.renderUpTo` renders ahead synchronously when something needs text not rendered yet.
 * A long article may come with the head of its text first (Repository.openDocument): its first chunk is rendered
 * from the head, the whole text is read once that is on screen (onFirstScreen), and the rest rendered from it.
 */
function ArticlePlugin({
  document: doc,
  textLength,
  scroller,
  onFirstScreen,
  onMap,
  onMore,
  onWindow,
}: {
  document: FmDocument;
  textLength: number;
  scroller: RefObject<HTMLElement | null>;
  onFirstScreen(): void;
  onMap(map: TextMap): void;
  onMore(): void;
  /** The reading window moved: the document offsets [lo, hi) around what the scroll box shows. */
  onWindow(lo: number, hi: number): void;
}) {
  const [editor] = useLexicalComposerContext();
  // the first chunk fills the window as it is when the article opens; the head's plan and the whole's agree on it
  const [firstChunk] = useState(() => firstChunkFor(window.innerHeight));
  const plan = useMemo(() => new ArticlePlan(doc.text, doc.blocks, firstChunk), [doc.text, doc.blocks, firstChunk]);
  // of a head, the chunks before the one holding its last line (which may be cut): the whole text's first chunks
  const renderable = doc.text.length >= textLength ? plan.chunkCount : plan.chunkCount - 1;
  const given = useRef({ plan, renderable });
  given.current = { plan, renderable };
  /** Hands the rendering set up below the plan of the whole text, once it is in. */
  const takeWhole = useRef(() => {});
  // a head that does not hold the first chunk (its first lines run past the head's end) shows nothing: the whole will
  const ready = renderable > 0;

  // a layout effect: the first chunk, its offset map and so the first screen's highlights are in the frame that
  // first shows the reader (a passive effect would run after that frame is painted, one or more frames later)
  useLayoutEffect(() => {
    const root = editor.getRootElement();
    if (!root) return;
    if (!ready) {
      onFirstScreen(); // nothing to show before the whole text
      return;
    }
    let { plan, renderable } = given.current;
    let next = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    /** Renders chunks while `more(i)` holds for the next one i (at least one); returns the new text node starts. */
    const renderChunks = (more: (i: number) => boolean): { node: Text; start: number }[] => {
      const starts: TextNodeStart[] = [];
      const chunks: [string, number][] = [];
      editor.update(
        () => {
          if (next === 0) $clearArticle();
          do {
            const added = $appendChunk(plan, next);
            starts.push(...added.starts);
            chunks.push([added.chunk, estimatedChunkHeight(plan, next++)]);
          } while (next < renderable && more(next));
        },
        { discrete: true },
      );
      for (const [key, height] of chunks) {
        const element = editor.getElementByKey(key);
        element?.style.setProperty('contain-intrinsic-size', `auto ${height}px`);
      }
      return starts.flatMap(({ key, start }) => {
        const node = editor.getElementByKey(key)?.firstChild;
        return node instanceof Text ? [{ node, start }] : [];
      });
    };
    const renderedEnd = () => (next >= plan.chunkCount ? textLength : plan.chunkEnd(next - 1));

    const blocksIn = (i: number) => plan.chunkStarts[i + 1]! - plan.chunkStarts[i]!;
    // how long a block takes to render, learnt from each render (Lexical builds the DOM at the end of an update, so
    // a slice cannot watch the clock while it adds chunks: it plans how many fit in its time from this)
    let msPerBlock = 0;
    const timed = (render: () => void) => {
      const [t0, from] = [performance.now(), next];
      render();
      const blocks = plan.chunkStarts[next]! - plan.chunkStarts[from]!;
      if (blocks > 0) msPerBlock = (performance.now() - t0) / blocks;
    };
    let firstStarts: { node: Text; start: number }[] = [];
    timed(() => (firstStarts = renderChunks(() => false)));
    const map = new TextMap(root, firstStarts, textLength, renderedEnd());
    // until the whole text is in, a head renders no further than its whole chunks
    const grow = (more: (i: number) => boolean) => {
      if (next >= renderable) return;
      map.append(renderChunks(more), renderedEnd());
      if (map.complete) map.renderUpTo = null;
      onMore();
    };
    map.renderUpTo = (offset) => {
      const last = plan.chunkOf(offset);
      grow((i) => i <= last);
    };
    let presented = false;
    const slice = () => {
      timer = undefined;
      if (next >= renderable) return; // the rest of a head waits for the whole text (takeWhole)
      let planned = blocksIn(next);
      timed(() =>
        grow((i) => {
          if ((planned + blocksIn(i)) * msPerBlock > SLICE_MS) return false;
          planned += blocksIn(i);
          return true;
        }),
      );
      if (next < renderable) timer = setTimeout(slice, 0);
    };
    takeWhole.current = () => {
      ({ plan, renderable } = given.current);
      if (presented && timer === undefined) slice();
    };
    onMap(map);
    // the rest is rendered once the first screen is on screen (whenPresented.ts): the first text's block is in it
    const firstBlock = firstStarts[0]?.node.parentElement?.parentElement ?? root;
    const stopWaiting = whenPresented(
      firstBlock,
      () => {
        presented = true;
        onFirstScreen();
        slice();
      },
      FIRST_SCREEN_WAIT_MS,
    );
    // the reading window starts as the first chunk (what the first frame can show) and follows the scroll box from
    // the first frame on, once the box is laid out (readingWindow.ts)
    const firstWindow: [number, number] = [0, plan.chunkCount > 1 ? plan.chunkEnd(0) + 1 : Infinity];
    onWindow(...firstWindow);
    let stopWatching = () => {};
    const start = requestAnimationFrame(() => {
      const box = scroller.current;
      if (box) stopWatching = watchReadingWindow(box, map, firstWindow, onWindow);
    });
    return () => {
      takeWhole.current = () => {};
      stopWaiting();
      clearTimeout(timer);
      cancelAnimationFrame(start);
      stopWatching();
    };
    // onMap, onMore and onWindow are callbacks from the parent; the article is rebuilt only when the document changes
    // (the whole text after its head continues it: takeWhole)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, doc.id, ready]);
  useLayoutEffect(() => takeWhole.current(), [plan]);
  return null;
}
