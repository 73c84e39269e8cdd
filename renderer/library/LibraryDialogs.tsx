/** The library's dialogs: edit an article's details, add articles to a collection, confirm a deletion. */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { Dialog } from '../components/Dialog.tsx';
import { checkCollectionName, checkMetadata, type MetadataEdit } from '../db/library.ts';
import type { DocumentSummary } from '../db/repository.ts';
import { describeError } from '../errors.ts';

/** Runs the dialog's action; a failure stays in the dialog (nothing typed is lost) instead of closing it. */
function useSubmit(onClose: () => void) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (check: () => string | null, action: () => Promise<void>) => {
    if (busy) return;
    const problem = check();
    if (problem) return setError(problem);
    setBusy(true);
    try {
      await action();
      setError('');
      onClose();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, run };
}

function ErrorLine({ id, error }: { id: string; error: string }) {
  return (
    <p id={id} role="alert" className="field-error">
      {error}
    </p>
  );
}

export function metadataOf(d: DocumentSummary): MetadataEdit {
  return { title: d.title, outlet: d.source.outlet ?? '', url: d.source.url ?? '', published: d.source.published ?? '', notes: d.notes ?? '' };
}

export function EditDetailsDialog({ doc, onClose, onSave }: { doc: DocumentSummary | null; onClose(): void; onSave(id: string, edit: MetadataEdit): Promise<void> }) {
  const [edit, setEdit] = useState<MetadataEdit>({ title: '', outlet: '', url: '', published: '', notes: '' });
  const { error, setError, run } = useSubmit(onClose);
  const errorId = useId();
  useEffect(() => {
    if (doc) setEdit(metadataOf(doc));
    setError('');
  }, [doc, setError]);
  const field = (key: keyof MetadataEdit) => ({ value: edit[key], onChange: (e: { target: { value: string } }) => setEdit((x) => ({ ...x, [key]: e.target.value })), 'aria-describedby': errorId });

  return (
    <Dialog title="Edit details" open={doc !== null} onClose={onClose} submitLabel="Save" onSubmit={() => doc && void run(() => checkMetadata(edit), () => onSave(doc.id, edit))}>
      <label className="field">
        Title
        <input type="text" {...field('title')} />
      </label>
      <label className="field">
        Source
        <input type="text" placeholder="Outlet, e.g. Reuters" {...field('outlet')} />
      </label>
      <label className="field">
        URL
        <input type="text" inputMode="url" placeholder="https://…" {...field('url')} />
      </label>
      <label className="field">
        Date
        <input type="text" placeholder="YYYY-MM-DD" {...field('published')} />
      </label>
      <label className="field">
        Notes
        <textarea rows={4} {...field('notes')} />
      </label>
      <ErrorLine id={errorId} error={error} />
    </Dialog>
  );
}

export function CollectionDialog({ count, collections, open, onClose, onAdd }: { count: number; collections: readonly string[]; open: boolean; onClose(): void; onAdd(name: string): Promise<void> }) {
  const [name, setName] = useState('');
  const { error, setError, run } = useSubmit(onClose);
  const listId = useId();
  const errorId = useId();
  useEffect(() => {
    if (open) {
      setName('');
      setError('');
    }
  }, [open, setError]);
  return (
    <Dialog title="Add to collection" open={open} onClose={onClose} submitLabel="Add" onSubmit={() => void run(() => checkCollectionName(name), () => onAdd(name.trim()))}>
      <p className="hint">
        Put {count === 1 ? 'the selected article' : `the ${count} selected articles`} into a collection (an investigation). Type a new name to start
        one.
      </p>
      <label className="field">
        Collection
        <input type="text" list={listId} value={name} onChange={(e) => setName(e.target.value)} aria-describedby={errorId} autoComplete="off" />
      </label>
      <datalist id={listId}>
        {collections.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <ErrorLine id={errorId} error={error} />
    </Dialog>
  );
}

/** A yes/no question; `confirmLabel` names the action ("Move to trash", "Delete forever"). */
export function ConfirmDialog({ title, open, confirmLabel, onClose, onConfirm, children }: { title: string; open: boolean; confirmLabel: string; onClose(): void; onConfirm(): Promise<void>; children: ReactNode }) {
  const { error, run } = useSubmit(onClose);
  const errorId = useId();
  return (
    <Dialog title={title} open={open} onClose={onClose} submitLabel={confirmLabel} onSubmit={() => void run(() => null, onConfirm)}>
      {children}
      <ErrorLine id={errorId} error={error} />
    </Dialog>
  );
}

/** Renames the collection `name`; a bad or taken name is said in the dialog and nothing changes. */
export function RenameCollectionDialog({ name, onClose, onRename }: { name: string | null; onClose(): void; onRename(to: string): Promise<void> }) {
  const [to, setTo] = useState('');
  const { error, setError, run } = useSubmit(onClose);
  const errorId = useId();
  useEffect(() => {
    if (name !== null) {
      setTo(name);
      setError('');
    }
  }, [name, setError]);
  return (
    <Dialog title="Rename collection" open={name !== null} onClose={onClose} submitLabel="Rename" onSubmit={() => void run(() => checkCollectionName(to), () => onRename(to.trim()))}>
      <label className="field">
        New name for “{name}”
        <input type="text" value={to} onChange={(e) => setTo(e.target.value)} aria-describedby={errorId} autoComplete="off" />
      </label>
      <ErrorLine id={errorId} error={error} />
    </Dialog>
  );
}
