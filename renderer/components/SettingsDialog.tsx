import { useEffect, useState } from 'react';
import { Dialog } from './Dialog.tsx';

interface SettingsDialogProps {
  open: boolean;
  annotator: string;
  storagePersisted: boolean | null;
  onClose(): void;
  onSave(name: string): void;
}

export function SettingsDialog({ open, annotator, storagePersisted, onClose, onSave }: SettingsDialogProps) {
  const [name, setName] = useState(annotator);
  const [error, setError] = useState('');
  useEffect(() => setName(annotator), [annotator, open]);

  return (
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
      <h3>Storage</h3>
      <p data-testid="storage-status">
        {storagePersisted === null
          ? 'Checking whether storage is persistent…'
          : storagePersisted
            ? 'Persistent: the system will not clear Factmark’s data to free space.'
            : 'Best effort: the system may clear Factmark’s data if the disk runs low. Export your work regularly.'}
      </p>
    </Dialog>
  );
}
