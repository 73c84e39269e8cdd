import { useState } from 'react';
import { Dialog } from './Dialog.tsx';

export function PasteDialog({ open, onClose, onAdd }: { open: boolean; onClose(): void; onAdd(title: string, text: string): Promise<boolean> }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState('');

  function close() {
    setError('');
    onClose();
  }

  return (
    <Dialog
      title="Paste text"
      open={open}
      onClose={close}
      submitLabel="Add"
      onSubmit={async () => {
        if (!text.trim()) {
          setError('Paste the article text first.');
          return;
        }
        if (await onAdd(title, text)) {
          setTitle('');
          setText('');
          setError('');
        }
      }}
    >
      <label className="field">
        Title
        <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Headline (optional)" />
      </label>
      <label className="field">
        Text
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={12} aria-describedby="paste-error" />
      </label>
      <p id="paste-error" role="alert" className="field-error">
        {error}
      </p>
    </Dialog>
  );
}
