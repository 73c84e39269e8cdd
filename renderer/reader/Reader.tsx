import { ListItemNode, ListNode } from '@lexical/list';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import type { Annotation, FmDocument } from '../../shared/model.ts';
import { $buildArticle } from './buildArticle.ts';
import { clearHighlights, HighlightPainter } from './highlights.ts';
import { KeyboardCaret } from './KeyboardCaret.tsx';
import { TextMap } from './textMap.ts';

const theme = {
  paragraph: 'article-p',
  quote: 'article-quote',
  heading: { h1: 'article-h1', h2: 'article-h2', h3: 'article-h3', h4: 'article-h4', h5: 'article-h5', h6: 'article-h6' },
  list: { ul: 'article-ul', ol: 'article-ol', listitem: 'article-li' },
};

interface ReaderProps {
  document: FmDocument;
  annotations: readonly Annotation[];
  selectedId: string | null;
  /** Called with the offset map once the article is rendered. */
  onMap(map: TextMap): void;
  /** A click (not a drag) at a document offset. */
  onClickOffset(offset: number): void;
}

/** The article in a read-only Lexical editor; highlights are painted over it from the annotation records. */
export function Reader({ document: doc, annotations, selectedId, onMap, onClickOffset }: ReaderProps) {
  const [map, setMap] = useState<TextMap | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const painter = useRef<HighlightPainter | null>(null);

  useEffect(() => {
    if (!map) return;
    // one painter per rendered article; it changes only the ranges of annotations that changed
    if (painter.current?.map !== map) painter.current = new HighlightPainter(map);
    painter.current.update(annotations, selectedId);
  }, [map, annotations, selectedId]);
  useEffect(() => clearHighlights, []);

  function handleClick(event: MouseEvent) {
    if (!map || !window.getSelection()?.isCollapsed) return;
    const caret = globalThis.document.caretPositionFromPoint?.(event.clientX, event.clientY);
    const offset = caret && map.toOffset(caret.offsetNode, caret.offset);
    if (offset != null) onClickOffset(offset);
  }

  return (
    <LexicalComposer
      key={doc.id}
      initialConfig={{
        namespace: 'factmark-reader',
        editable: false,
        theme,
        nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode],
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
        onMap={(m) => {
          setMap(m);
          onMap(m);
        }}
      />
    </LexicalComposer>
  );
}

function ArticlePlugin({ document: doc, onMap }: { document: FmDocument; onMap(map: TextMap): void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let starts: ReturnType<typeof $buildArticle> = [];
    editor.update(() => {
      starts = $buildArticle(doc.text, doc.blocks);
    }, { discrete: true });
    const root = editor.getRootElement();
    if (!root) return;
    const entries = starts.flatMap(({ key, start }) => {
      const node = editor.getElementByKey(key)?.firstChild;
      return node instanceof Text ? [{ node, start }] : [];
    });
    onMap(new TextMap(root, entries, doc.text.length));
    // onMap is a callback from the parent; the article is rebuilt only when the document changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, doc]);
  return null;
}
