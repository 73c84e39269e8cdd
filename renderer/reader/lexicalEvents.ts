import { createEditor } from 'lexical';

/**
 * Lexical 0.52's production build caches its table of root-element event handlers the first time any editor gets a
 * root element, and one handler in it (beforeinput) is a closure made inside `addRootElementEvents`: V8 keeps that
 * call's whole scope alive with it, so the first editor to mount, with everything it reaches (the first article
 * opened: its text, DOM, annotations, highlight ranges; ~1.3 MB for 20,000 words), stayed in memory after it closed.
 * The development build keeps the table in a separate function and does not capture it.
 *
 * Giving a throwaway, empty editor a root element once, before any reader mounts, makes that the scope the cached
 * closure keeps: a few hundred bytes instead of an article. (Heap snapshots of the bench's leak check, 2026-12-02.)
 */
export function primeLexicalEvents(): void {
  if (typeof document === 'undefined') return;
  const editor = createEditor({ namespace: 'factmark-prime', editable: false, onError: () => undefined });
  editor.setRootElement(document.createElement('div'));
  editor.setRootElement(null);
}
