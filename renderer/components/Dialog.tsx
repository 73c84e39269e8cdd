import type { FormEvent, ReactNode } from 'react';
import { useModalDialog } from './useModalDialog.ts';

interface DialogProps {
  title: string;
  open: boolean;
  onClose(): void;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  children: ReactNode;
  submitLabel: string;
  /** A dialog that only reports (its submit just closes it) has no Cancel beside its one button. */
  report?: boolean;
}

/** A modal <dialog> holding a form: focus trapped, Escape cancels, Enter submits. */
export function Dialog({ title, open, onClose, onSubmit, children, submitLabel, report = false }: DialogProps) {
  const ref = useModalDialog(open);

  return (
    <dialog ref={ref} aria-label={title} onClose={onClose} className="dialog">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(e);
        }}
      >
        <h2>{title}</h2>
        {children}
        <div className="dialog-actions">
          {report ? null : (
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary">
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
