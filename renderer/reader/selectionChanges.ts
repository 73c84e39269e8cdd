const selectionListeners = new Set<() => void>();
let keepingSelection = false;

/**
 * Lexical answers every selection change in the page with an update of its editor, and every update copies the
 * editor's map of nodes: ~1.5 ms per change in the 200,000-word bench article, paid by each tag (it moves the
 * selection) before its highlight can be painted, and dozens of times by a drag. The reader is read-only and works on
 * the DOM selection alone, so a change of selection inside a read-only editor is kept from Lexical: a capturing
 * listener, which runs before Lexical's own on the document, stops it there. The reader's own listeners subscribe
 * with `onSelectionChange` and hear every change.
 */
export function keepSelectionFromLexical(): void {
  if (keepingSelection || typeof document === 'undefined') return;
  keepingSelection = true;
  document.addEventListener(
    'selectionchange',
    (event) => {
      for (const listener of selectionListeners) listener();
      if (inReadOnlyEditor(document.getSelection()?.anchorNode ?? null)) event.stopImmediatePropagation();
    },
    { capture: true },
  );
}

/** Calls `listener` on every change of the page's selection; returns the unsubscribe. */
export function onSelectionChange(listener: () => void): () => void {
  selectionListeners.add(listener);
  return () => void selectionListeners.delete(listener);
}

function inReadOnlyEditor(node: Node | null): boolean {
  const element = node instanceof Element ? node : node?.parentElement;
  return element?.closest('[data-lexical-editor="true"]')?.getAttribute('contenteditable') === 'false';
}
