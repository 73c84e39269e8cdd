/**
 * The parts of the app that are not needed for the library's first screen, each a chunk of its own loaded on first
 * use (renderer/components/lazyPart.tsx), and the idle-time preloading that makes first use as quick as before.
 * The entry chunk keeps the app shell, the library table, the database and the search hook.
 */
import { QUIET_MS, lazyPart, partLoader, whenIdle } from '../components/lazyPart.tsx';

/** The reader: DocumentView, Lexical, highlights, the annotation panel and details, review mode. */
const loadReader = partLoader('the reader', () => import('./reader.ts'));
/** Adding articles: the import pipeline (Readability, DOMPurify, Markdown), pasted text, the samples. */
export const loadImporter = partLoader('the importer', () => import('./importer.ts'));
/** Dataset formats (shared/formats, papaparse, fflate): export, dataset import, review packages. */
export const loadDatasets = partLoader('the dataset formats', () => import('./datasets.ts'));

export const DocumentView = lazyPart('the reader', () => loadReader().then((m) => m.DocumentView));
export const ExportDialog = lazyPart('the export dialog', () => loadDatasets().then((m) => m.ExportDialog));
export const AgreementView = lazyPart('the agreement dashboard', () => import('../review/AgreementView.tsx').then((m) => m.AgreementView));
export const SettingsDialog = lazyPart('Settings', () => import('../components/SettingsDialog.tsx').then((m) => m.SettingsDialog));
export const PasteDialog = lazyPart('the paste dialog', () => import('../components/PasteDialog.tsx').then((m) => m.PasteDialog));

let preloading = false;

/**
 * Loads the parts while the page is idle: the reader soon (opening an article is the usual first action), then the
 * others one at a time, each only when the page has been quiet for a while, so no chunk's evaluation lands in the
 * middle of other work (the reader rendering a long article, the library reading its list). Called once the library
 * shows its first rows; a part that fails here is loaded again (and reported) when it is used.
 */
export function preloadParts(): void {
  if (preloading) return;
  preloading = true;
  const rest = [loadImporter, PasteDialog.load, SettingsDialog.load, ExportDialog.load, AgreementView.load];
  const next = () => {
    const load = rest.shift();
    if (load) void load().catch(() => undefined).finally(() => whenIdle(next, { minMs: QUIET_MS }));
  };
  whenIdle(() => void DocumentView.load().catch(() => undefined).finally(() => whenIdle(next, { minMs: QUIET_MS })), { timeoutMs: 1000 });
}
