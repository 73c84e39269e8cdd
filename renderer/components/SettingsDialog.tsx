import { useEffect, useState } from 'react';
import { Dialog } from './Dialog.tsx';
import { LabelSetDialog } from '../labels/LabelSetDialog.tsx';
import { labelClass } from '../labels/labelStyles.ts';
import { useLabels } from '../labels/labelStore.ts';

interface SettingsDialogProps {
  open: boolean;
  annotator: string;
  storagePersisted: boolean | null;
  onClose(): void;
  onSave(name: string): void;
  announce(text: string): void;
  /** Removing a label relabelled or deleted annotations: counts must be read again. */
  onAnnotationsChanged(): void;
}

export function SettingsDialog({ open, annotator, storagePersisted, onClose, onSave, announce, onAnnotationsChanged }: SettingsDialogProps) {
  const [name, setName] = useState(annotator);
  const [error, setError] = useState('');
  const [editingLabels, setEditingLabels] = useState(false);
  const labels = useLabels();
  useEffect(() => setName(annotator), [annotator, open]);

  return (
    <>
      <Dialog
        title="Settings"
        open={open}
        onClose={onClose}
        submitLabel="Save"
        onSubmit={() => {
          if (!name.trim()) return setError('Your name cannot be empty.');
          setError('');
          onSave(name.trim());
        }}
      >
        <label className="field">
          Your name
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <p className="hint">New annotations are recorded under this name. Existing ones keep the name they were made with.</p>
        <p role="alert" className="field-error">
          {error}
        </p>
        <h3>Labels</h3>
        <ul className="settings-labels" aria-label="Labels of this library">
          {labels.map((l) => (
            <li key={l.id} title={l.description || undefined}>
              <span className={`swatch ${labelClass(l.id)}`} aria-hidden="true" />
              {l.name}
              {l.key ? <kbd>{l.key}</kbd> : null}
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => setEditingLabels(true)}>
          Edit label set…
        </button>
        <h3>Storage</h3>
        <p data-testid="storage-status">
          {storagePersisted === null
            ? 'Checking whether storage is persistent…'
            : storagePersisted
              ? 'Persistent: the system will not clear Factmark’s data to free space.'
              : 'Best effort: the system may clear Factmark’s data if the disk runs low. Export your work regularly.'}
        </p>
      </Dialog>
      <LabelSetDialog open={open && editingLabels} onClose={() => setEditingLabels(false)} announce={announce} onAnnotationsChanged={onAnnotationsChanged} />
    </>
  );
}
