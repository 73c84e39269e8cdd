import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FmDocument } from '../shared/model.ts';
import type { PickedFile } from '../shared/platform.ts';
import { FirstRun } from './components/FirstRun.tsx';
import { PartSlot } from './components/lazyPart.tsx';
import { LabelsProvider } from './labels/LabelsProvider.tsx';
import { getLabels, useLabelsRevision } from './labels/labelStore.ts';
import type { DocumentSummary, OpenedDocument, Repository } from './db/repository.ts';
import { describeError } from './errors.ts';
import { LibraryStore, type FirstRows } from './db/library.ts';
import { LibraryPanel } from './library/LibraryPanel.tsx';
import { StatusArea, StatusStore } from './components/StatusArea.tsx';
import { ARTICLE_EXTENSIONS } from './import/articleTypes.ts';
import { DropZone } from './import/DropZone.tsx';
import { ImportProgressBar, ImportSummaryDialog } from './import/ImportStatus.tsx';
import { useImport } from './import/useImport.ts';
import { useDatasetActions } from './datasets/useDatasetActions.ts';
import { ImportReportDialog } from './review/ImportReportDialog.tsx';
import { useReviewActions } from './review/useReviewActions.ts';
import { platform } from './platform/index.ts';
import { prefetchAnnotations } from './reader/firstScreenRead.ts';
// the reader, the dialogs and the agreement dashboard are chunks of their own, loaded before they show (parts/)
import { AgreementView, DocumentView, ExportDialog, loadImporter, PasteDialog, preloadParts, SettingsDialog } from './parts/index.ts';
import type { Announce } from './components/StatusArea.tsx';
import { ANNOTATOR_KEY, type Startup } from './startup.ts';

type DialogName = 'paste' | 'settings' | 'export';
const DIALOG_PARTS = { paste: PasteDialog, settings: SettingsDialog, export: ExportDialog } as const;

/** `startup`: what the first screen shows, read as the app starts (startup.ts). */
export function App({ repo, startup }: { repo: Repository; startup: Startup }) {
  // null before the first run is complete
  const [annotator, setAnnotator] = useState<string | null>(startup.annotator);
  const [persisted, setPersisted] = useState<boolean | null>(null);

  useEffect(() => {
    // Ask the browser not to evict our data under storage pressure; the answer is shown in Settings.
    (navigator.storage?.persist?.() ?? Promise.resolve(false)).then(setPersisted, () => setPersisted(false));
  }, [repo]);

  const saveName = useCallback(
    async (name: string) => {
      await repo.setSetting(ANNOTATOR_KEY, name);
      setAnnotator(name);
    },
    [repo],
  );

  if (annotator === null) return <FirstRun onDone={saveName} />;
  return (
    <LabelsProvider db={repo.db}>
      <Workspace repo={repo} firstRows={startup.firstRows} annotator={annotator} persisted={persisted} onRename={saveName} />
    </LabelsProvider>
  );
}

/** An open article whose whole text is read. */
function wholly(document: FmDocument): Omit<OpenedDocument, 'readWhole'> {
  return { document, textLength: document.text.length };
}

function Workspace({ repo, firstRows, annotator, persisted, onRename }: { repo: Repository; firstRows: FirstRows | null; annotator: string; persisted: boolean | null; onRename(name: string): Promise<void> }) {
  // Opening: the first rows (a bounded read, startup.ts) are shown at once with the library's size, while the whole
  // list is read; it replaces them when it arrives (loadingTotal: the table is busy and says how many are coming).
  // Only a library larger than its first rows shows them first; a smaller one shows its whole list, read next.
  const opening = firstRows && firstRows.total > firstRows.docs.length ? firstRows : null;
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(() => opening?.docs ?? null);
  const [loadingTotal, setLoadingTotal] = useState<number | null>(() => opening?.total ?? null);
  // the open article; while only the head of a long text is read, textLength exceeds its text's (Repository.openDocument)
  const [opened, setOpened] = useState<Omit<OpenedDocument, 'readWhole'> | null>(null);
  /** How to read the whole text of the open article, while only its head is read. */
  const wholeToRead = useRef<{ documentId: string; read(): Promise<FmDocument | undefined> } | null>(null);
  const openDoc = opened?.document ?? null;
  // following a link into another article: the annotation to select once that article is open
  const [linkTarget, setLinkTarget] = useState<{ documentId: string; annotationId: string } | null>(null);
  const [dialog, setDialog] = useState<DialogName | null>(null);
  // a dialog stays mounted once opened (closing it returns focus, its fields keep what was typed, as before)
  const [dialogsUsed, setDialogsUsed] = useState<ReadonlySet<DialogName>>(() => new Set());
  const library = useMemo(() => new LibraryStore(repo.db), [repo]);
  // the ticked rows of the library table: the export's "selection" scope
  const [selectedIds, setSelectedIds] = useState<readonly string[]>([]);
  const [collections, setCollections] = useState<string[]>([]);
  // messages and problems live in the status area's own store: announcing re-renders only the status line
  const [status] = useState(() => new StatusStore());
  const announce: Announce = status.announce;
  // a list read takes seconds at 100,000: only the latest read is shown, so an earlier one ending later never undoes a change
  const listing = useRef(0);
  const reload = useCallback(() => {
    const n = ++listing.current;
    return repo.listDocuments().then((docs) => void (n === listing.current && setDocuments(docs)), (e) => announce(describeError(e), 'error'));
  }, [repo, announce]);
  useEffect(() => {
    void reload().finally(() => setLoadingTotal(null));
  }, [reload]);
  // once the first rows show, the other parts load while the page is idle, the reader first
  const listed = documents !== null;
  useEffect(() => void (listed && preloadParts()), [listed]);
  const patchDocuments = useCallback((ids: readonly string[], patch: (d: DocumentSummary) => DocumentSummary) => {
    const set = new Set(ids);
    setDocuments((docs) => docs?.map((d) => (set.has(d.id) ? patch(d) : d)) ?? docs);
  }, []);
  const datasets = useDatasetActions({ repo, announce, reload, openId: openDoc?.id ?? null, annotator });
  const review = useReviewActions({ db: repo.db, annotator, announce, reload });
  // the main pane shows the open article or the "Agreement" dashboard
  const [mainView, setMainView] = useState<'reader' | 'agreement'>('reader');
  const labelsRevision = useLabelsRevision();

  // The library's counts follow tagging a moment later, once per burst of edits: re-counting and re-rendering the
  // library on every key press would compete with painting the next tag in the reader.
  const countsDue = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const refreshCounts = useCallback(
    (id: string) => {
      clearTimeout(countsDue.current.get(id));
      countsDue.current.set(
        id,
        setTimeout(() => {
          countsDue.current.delete(id);
          repo.countLabels(id, getLabels()).then((counts) => setDocuments((docs) => docs?.map((d) => (d.id === id ? { ...d, counts, updatedAt: new Date().toISOString() } : d)) ?? docs));
        }, 1000),
      );
    },
    [repo],
  );

  /**
   * The article (a long one with the head of its text first) and its first screen's annotations, read while the
   * reader's chunk loads (if it is not preloaded yet).
   */
  const readForReader = useCallback(
    async (id: string) => {
      try {
        const [article] = await Promise.all([repo.openDocument(id), prefetchAnnotations(repo, id), DocumentView.load()]);
        return article ?? null;
      } catch (e) {
        announce(describeError(e), 'error');
        return undefined;
      }
    },
    [repo, announce],
  );

  const show = useCallback(({ readWhole, ...article }: OpenedDocument) => {
    wholeToRead.current = readWhole ? { documentId: article.document.id, read: readWhole } : null;
    setOpened(article);
  }, []);

  /**
   * The reader shows the first screen of an article: the rest of a long text is read now, not before (taking in its
   * ~1 M characters holds the main thread ~20 ms, which would hold up that first screen), and replaces its head.
   */
  const readRest = useCallback(
    (documentId: string) => {
      const pending = wholeToRead.current;
      if (pending?.documentId !== documentId) return;
      wholeToRead.current = null;
      pending.read().then(
        (doc) => doc && setOpened((o) => (o?.document.id === doc.id && o.document.text.length < o.textLength ? wholly(doc) : o)),
        (e: unknown) => announce(`Could not read the rest of this article: ${describeError(e)}`, 'error'),
      );
    },
    [announce],
  );

  const open = useCallback(
    async (id: string) => {
      // the first screen's annotations are read alongside the text, so the article shows with its highlights at once
      const article = await readForReader(id);
      if (article) show(article);
      else if (article === null) announce('That article is no longer in the library.', 'error');
    },
    [readForReader, show, announce],
  );

  const openAnnotation = useCallback(
    async (documentId: string, annotationId: string) => {
      const article = await readForReader(documentId);
      if (article === undefined) return;
      if (!article) return announce('The linked article is no longer in the library.', 'error');
      setLinkTarget({ documentId, annotationId });
      show(article);
    },
    [readForReader, show, announce],
  );

  /** Opens a dialog once its part is loaded. */
  const showDialog = (name: DialogName) =>
    DIALOG_PARTS[name].load().then(
      () => (setDialogsUsed((used) => (used.has(name) ? used : new Set([...used, name]))), setDialog(name)),
      (e: unknown) => announce(describeError(e), 'error'),
    );

  /** Adds documents, reports what was skipped or failed, and opens the first new one when asked. */
  const addDocuments = async (docs: FmDocument[], problems: string[], openFirst: boolean): Promise<boolean> => {
    try {
      const { added, duplicates } = await repo.addDocuments(docs);
      await reload();
      const parts: string[] = [];
      if (added.length) parts.push(`Added ${added.length} article${added.length === 1 ? '' : 's'}.`);
      for (const d of duplicates) parts.push(`“${d.document.title}” is already in the library as “${d.existingTitle}”.`);
      parts.push(...problems);
      announce(parts.join('\n') || 'Nothing was added.', problems.length ? 'error' : 'info');
      if (openFirst && added[0]) {
        const doc = added[0];
        await DocumentView.load().then(() => show(wholly(doc)), (e: unknown) => announce(describeError(e), 'error'));
      }
      return added.length > 0 || duplicates.length > 0;
    } catch (e) {
      announce(`${describeError(e)} Nothing was imported.`, 'error');
      return false;
    }
  };

  // files, folders and drops go through the import pipeline: progress, Cancel, the "Import summary"
  const importer = useImport({ repo, reload, announce, open: (id) => void open(id) });

  const importFiles = async () => {
    let files: PickedFile[];
    try {
      files = await platform.openFiles({ title: 'Import articles', filters: [{ name: 'Articles', extensions: ARTICLE_EXTENSIONS }], multiple: true });
    } catch (e) {
      return announce(describeError(e), 'error');
    }
    await importer.start(files);
  };

  const importFolder = async () => {
    try {
      await importer.start(await platform.openFolder({ title: 'Import a folder of articles' }));
    } catch (e) {
      announce(describeError(e), 'error');
    }
  };

  // File › Import files… / Import folder… in Electron's menu
  const importRef = useRef({ importFiles, importFolder });
  importRef.current = { importFiles, importFolder };
  useEffect(() => platform.onMenuCommand?.((command) => void (command === 'import-folder' ? importRef.current.importFolder() : importRef.current.importFiles())), []);

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">Factmark</h1>
        <span className="who">
          Annotator: <strong>{annotator}</strong>
        </span>
        <button
          type="button"
          aria-pressed={mainView === 'agreement'}
          onClick={() => void AgreementView.load().then(() => setMainView((v) => (v === 'agreement' ? 'reader' : 'agreement')), (e: unknown) => announce(describeError(e), 'error'))}
        >
          Agreement
        </button>
        <button type="button" onClick={() => void showDialog('settings')}>
          Settings
        </button>
      </header>
      <div className={`workspace${openDoc ? ' reading' : ''}`}>
        <DropZone onDrop={(files) => void files.then(importer.start, (e) => announce(describeError(e), 'error'))}>
        <LibraryPanel
          documents={documents}
          loadingTotal={loadingTotal}
          openId={openDoc?.id ?? null}
          store={library}
          announce={announce}
          onReload={reload}
          onPatch={patchDocuments}
          onRemoved={(ids) => setOpened((o) => (o && ids.includes(o.document.id) ? null : o))}
          onEdited={(id) => void repo.getDocument(id).then((doc) => doc && setOpened((o) => (o?.document.id === id ? wholly(doc) : o)))}
          onSelectionChange={setSelectedIds}
          onOpen={(id) => void open(id)}
          onPaste={() => void showDialog('paste')}
          onImportFiles={() => void importFiles()}
          onImportFolder={() => void importFolder()}
          onExport={() => {
            // the dialog's "Collection" scope lists them; an empty list only hides that choice
            library.listCollections().then(setCollections, () => setCollections([]));
            void showDialog('export');
          }}
          onImportDataset={() => void datasets.importDataset()}
          onOpenSamples={async () => {
            try {
              return await addDocuments(await (await loadImporter()).sampleDocuments(), [], false);
            } catch (e) {
              announce(describeError(e), 'error');
              return false;
            }
          }}
          review={{ onExportForReview: () => void review.exportReview(), onImportWork: () => void review.importWork(), onImportWorkFolder: () => void review.importWork('folder') }}
        />
        </DropZone>
        <main className="reader-pane">
          {mainView === 'agreement' ? (
            <PartSlot key="agreement">
              <AgreementView
                db={repo.db}
                openId={openDoc?.id ?? null}
                openTitle={openDoc?.title ?? null}
                onOpen={(id) => (setMainView('reader'), void open(id))}
                onExportAdjudicated={() => void review.exportAdjudicatedPackage()}
                announce={announce}
              />
            </PartSlot>
          ) : opened ? (
            <PartSlot
              key={opened.document.id}
              fallback={
                <div className="no-document">
                  <p>Opening the article…</p>
                </div>
              }
            >
              <DocumentView
                // a removed label relabels or deletes annotations under the open article: read them again
                key={`${opened.document.id}:${labelsRevision}`}
                repo={repo}
                document={opened.document}
                textLength={opened.textLength}
                onFirstScreen={readRest}
                annotator={annotator}
                onCountsChanged={refreshCounts}
                announce={announce}
                initialSelectedId={linkTarget?.documentId === opened.document.id ? linkTarget.annotationId : null}
                onOpenAnnotation={(d, a) => void openAnnotation(d, a)}
                onOpenDocument={(id) => void open(id)}
                onAdjudicationChange={() => void reload()}
              />
            </PartSlot>
          ) : (
            <div className="no-document">
              <p>Choose an article in the library to read and tag it.</p>
            </div>
          )}
        </main>
      </div>
      <StatusArea store={status} />
      <ImportProgressBar progress={importer.state.progress} cancelling={importer.state.cancelling} onCancel={importer.cancel} />
      <ImportSummaryDialog report={importer.state.summary} onClose={importer.closeSummary} />
      {dialogsUsed.has('paste') ? (
        <PartSlot>
          <PasteDialog
            open={dialog === 'paste'}
            onClose={() => setDialog(null)}
            onAdd={async (title, text) => {
              let doc: FmDocument;
              try {
                doc = await (await loadImporter()).newDocument(title, text, { kind: 'paste' });
              } catch (e) {
                announce(describeError(e), 'error');
                return false;
              }
              const ok = await addDocuments([doc], [], true);
              if (ok) setDialog(null);
              return ok;
            }}
          />
        </PartSlot>
      ) : null}
      <ImportReportDialog report={review.report} onClose={review.closeReport} />
      {dialogsUsed.has('export') ? (
        <PartSlot>
          <ExportDialog
            open={dialog === 'export'}
            openTitle={openDoc?.title ?? null}
            annotator={annotator}
            collections={collections}
            selectionCount={selectedIds.length}
            onClose={() => setDialog(null)}
            onExport={async (choice) => {
              const documentIds =
                choice.scope === 'selection' ? [...selectedIds] : choice.scope === 'collection' ? (documents ?? []).filter((d) => d.collections?.includes(choice.collection ?? '')).map((d) => d.id) : undefined;
              return (await datasets.exportDataset({ ...choice, ...(documentIds ? { documentIds } : {}) })) && (setDialog(null), true);
            }}
          />
        </PartSlot>
      ) : null}
      {dialogsUsed.has('settings') ? (
        <PartSlot>
          <SettingsDialog
            open={dialog === 'settings'}
            annotator={annotator}
            storagePersisted={persisted}
            onClose={() => setDialog(null)}
            onSave={async (name) => {
              await onRename(name);
              setDialog(null);
              announce(`New annotations will be recorded as ${name}.`);
            }}
            announce={announce}
            onAnnotationsChanged={() => void reload()}
          />
        </PartSlot>
      ) : null}
    </div>
  );
}
