import type { Label } from '../../shared/labels.ts';
import { labelClass } from '../labels/labelStyles.ts';
import { useLabels } from '../labels/labelStore.ts';

/** The "Tags" toolbar: one button per label of the library's set, with its key shown and its guideline as tooltip. */
export function TagToolbar({ onTag }: { onTag(label: Label): void }) {
  const labels = useLabels();
  return (
    <div role="toolbar" aria-label="Tags" className="tag-toolbar">
      {labels.map((l) => (
        <button
          key={l.id}
          type="button"
          className={`tag-button ${labelClass(l.id)}`}
          title={[l.description, l.key ? `(key ${l.key})` : ''].filter(Boolean).join(' ') || undefined}
          aria-description={l.description || undefined}
          aria-keyshortcuts={l.key || undefined}
          // keep the text selection: the button must not take it away on mouse down
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onTag(l.id)}
        >
          <span className={`swatch ${labelClass(l.id)}`} aria-hidden="true" />
          {l.name}
          {l.key ? <kbd aria-hidden="true">{l.key}</kbd> : null}
        </button>
      ))}
    </div>
  );
}
