import { LABELS, type Label } from '../../shared/labels.ts';

/** The "Tags" toolbar: one button per label, with its key shown. */
export function TagToolbar({ onTag }: { onTag(label: Label): void }) {
  return (
    <div role="toolbar" aria-label="Tags" className="tag-toolbar">
      {LABELS.map((l) => (
        <button
          key={l.id}
          type="button"
          className={`tag-button label-${l.id}`}
          title={`${l.description} (key ${l.key})`}
          aria-keyshortcuts={l.key}
          // keep the text selection: the button must not take it away on mouse down
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onTag(l.id)}
        >
          <span className={`swatch label-${l.id}`} aria-hidden="true" />
          {l.name}
          <kbd aria-hidden="true">{l.key}</kbd>
        </button>
      ))}
    </div>
  );
}
