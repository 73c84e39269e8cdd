import { useModalDialog } from '../components/useModalDialog.ts';
import type { LabelSet } from '../../shared/labels.ts';
import { useLabels } from '../labels/labelStore.ts';

const TITLE = 'Keyboard shortcuts';

/** Every reader shortcut; the tag keys come from the library's label set. */
const shortcuts = (labels: LabelSet): readonly { keys: string[][]; action: string }[] => [
  { keys: [['Tab']], action: 'Focus the article text; a caret appears' },
  { keys: [['←'], ['→']], action: 'Move the caret by character' },
  { keys: [['Ctrl', '←'], ['Ctrl', '→']], action: 'Move by word' },
  { keys: [['↑'], ['↓']], action: 'Move by line' },
  { keys: [['Ctrl', '↑'], ['Ctrl', '↓']], action: 'Move by paragraph' },
  { keys: [['Home'], ['End']], action: 'Start or end of the line' },
  { keys: [['Ctrl', 'Home'], ['Ctrl', 'End']], action: 'Start or end of the article' },
  { keys: [['Shift']], action: 'Hold with any move above to select text from the caret' },
  ...labels.filter((l) => l.key).map((l) => ({ keys: [[l.key]], action: `Tag the selected text as ${l.name.toLowerCase()}` })),
  ...(labels.some((l) => l.key) ? [{ keys: labels.filter((l) => l.key).map((l) => [l.key]), action: 'With no text selected: relabel the selected annotation' }] : []),
  { keys: [['J'], ['K']], action: 'Select the next or previous annotation' },
  { keys: [['['], [']']], action: 'Extend the selected annotation by a word at its start or end' },
  { keys: [['Shift', '['], ['Shift', ']']], action: 'Shrink the selected annotation by a word at its start or end' },
  { keys: [['N'], ['P']], action: 'Review mode: the next or previous disagreement' },
  { keys: [['Enter']], action: 'Open the selected annotation’s details (note, source, confidence, evidence, link)' },
  { keys: [['Delete'], ['Backspace']], action: 'Delete the selected annotation' },
  { keys: [['Ctrl', 'F']], action: 'Find in article; Enter or Shift+Enter for the next or previous match, Escape closes' },
  { keys: [['Ctrl', 'Z']], action: 'Undo' },
  { keys: [['Ctrl', 'Shift', 'Z'], ['Ctrl', 'Y']], action: 'Redo' },
  { keys: [['Escape']], action: 'Deselect the annotation; close this dialog' },
  { keys: [['?']], action: 'Show these shortcuts' },
];

/** The "Keyboard shortcuts" dialog: a modal <dialog>, so focus is trapped and Escape closes it. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useModalDialog(open);
  const labels = useLabels();

  return (
    <dialog ref={ref} aria-label={TITLE} onClose={onClose} className="dialog shortcuts-dialog">
      <h2>{TITLE}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {shortcuts(labels).map(({ keys, action }) => (
            <tr key={action}>
              <th scope="row">
                {keys.map((combo, i) => (
                  <span key={combo.join('+')}>
                    {i > 0 ? ' or ' : null}
                    {combo.map((k, j) => (
                      <span key={k}>
                        {j > 0 ? ' ' : null}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </span>
                ))}
              </th>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
