import { useEffect, useState } from 'react';
import { labelIdFor, stubLabel, validateLabelSet, type Label, type LabelDef, type LabelSet } from '../../shared/labels.ts';
import { Dialog } from '../components/Dialog.tsx';
import { describeError } from '../errors.ts';
import { useLabelActions } from './LabelsProvider.tsx';
import { labelClass } from './labelStyles.ts';
import { useLabels } from './labelStore.ts';
import './labels.css';

interface LabelSetDialogProps {
  open: boolean;
  onClose(): void;
  /** Tells the user what happened (the status bar). */
  announce(text: string): void;
  /** Annotations were relabelled or deleted: the library's counts must be read again. */
  onAnnotationsChanged(): void;
}

/** A label being removed that annotations still carry: the "Remove label" dialog asks what to do with them. */
interface Removal {
  label: LabelDef;
  count: number;
}

/**
 * The "Label set" dialog: edits a draft of the library's labels (name, colour, key, description), saved only when
 * the whole set is valid. Removing a label that annotations carry is asked about first and done at once (it changes
 * annotations, in one transaction); everything else waits for Save.
 */
export function LabelSetDialog({ open, onClose, announce, onAnnotationsChanged }: LabelSetDialogProps) {
  const saved = useLabels();
  const actions = useLabelActions();
  const [draft, setDraft] = useState<LabelDef[]>([...saved]);
  const [problems, setProblems] = useState<string[]>([]);
  const [removal, setRemoval] = useState<Removal | null>(null);
  useEffect(() => {
    if (open) {
      setDraft([...saved]);
      setProblems([]);
    }
    // a fresh draft each time the dialog opens; not on every save (the dialog closes then)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const change = (index: number, patch: Partial<LabelDef>) => setDraft((d) => d.map((l, i) => (i === index ? { ...l, ...patch } : l)));

  const add = () =>
    setDraft((d) => {
      const stub = stubLabel('', d);
      return [...d, { ...stub, id: '', name: '' }];
    });

  const askRemove = async (index: number) => {
    const label = draft[index]!;
    const isSaved = saved.some((l) => l.id === label.id);
    const count = isSaved ? await actions.usage(label.id).catch(() => 0) : 0;
    if (count === 0) {
      setDraft((d) => d.filter((_, i) => i !== index));
      return;
    }
    setRemoval({ label, count });
  };

  const save = async () => {
    // new rows get their id from their name once it is known; ids never change after that (annotations carry them)
    const withIds: LabelDef[] = [];
    for (const l of draft) {
      const name = l.name.trim();
      const id = l.id || (name ? labelIdFor(name, [...withIds, ...draft.filter((x) => x.id)]) : '');
      withIds.push({ ...l, id: id || `new-${withIds.length + 1}`, name, plural: l.id && l.plural ? l.plural : name.toLowerCase(), description: l.description.trim() });
    }
    const found = validateLabelSet(withIds).map((p) => p.message);
    setProblems(found);
    if (found.length) return;
    try {
      await actions.save(withIds);
      onClose();
      announce('Label set saved.');
    } catch (e) {
      setProblems([`${describeError(e)} The label set was not saved.`]);
    }
  };

  return (
    <>
      <Dialog title="Label set" open={open} onClose={onClose} submitLabel="Save" onSubmit={() => void save()}>
        <p className="hint">Each library has its own labels. The description is the annotation guideline, shown as the tag button’s tooltip.</p>
        <table className="label-set-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Colour</th>
              <th scope="col">Key</th>
              <th scope="col">Description</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.map((l, i) => (
              <tr key={l.id || `new-${i}`}>
                <td>
                  <span className={`swatch ${labelClass(l.id)}`} aria-hidden="true" />
                  <input type="text" aria-label="Name" value={l.name} onChange={(e) => change(i, { name: e.target.value })} />
                </td>
                <td>
                  <input type="color" aria-label="Colour" value={l.colour} onChange={(e) => change(i, { colour: e.target.value })} />
                </td>
                <td>
                  <input type="text" aria-label="Key" className="label-key-input" value={l.key} onChange={(e) => change(i, { key: e.target.value.trim() })} />
                </td>
                <td>
                  <input type="text" aria-label="Description" value={l.description} onChange={(e) => change(i, { description: e.target.value })} />
                </td>
                <td>
                  <button type="button" onClick={() => void askRemove(i)}>
                    Remove {l.name.trim() || `label ${i + 1}`}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={add}>
          Add label
        </button>
        <div role="alert" className="field-error">
          {problems.length ? (
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </Dialog>
      {removal ? (
        <RemoveLabelDialog
          removal={removal}
          others={saved.filter((l) => l.id !== removal.label.id)}
          onCancel={() => setRemoval(null)}
          onConfirm={async (action) => {
            const changed = await actions.remove(removal.label.id, action);
            setDraft((d) => d.filter((l) => l.id !== removal.label.id));
            setRemoval(null);
            onAnnotationsChanged();
            const target = 'relabelTo' in action ? saved.find((l) => l.id === action.relabelTo)?.name ?? action.relabelTo : '';
            announce(
              'relabelTo' in action
                ? `Removed the label ${removal.label.name}; ${plural(changed)} relabelled as ${target}.`
                : `Removed the label ${removal.label.name} and deleted its ${plural(changed)}.`,
            );
          }}
        />
      ) : null}
    </>
  );
}

function plural(n: number): string {
  return `${n} annotation${n === 1 ? '' : 's'}`;
}

/** "Remove label": relabel the label's annotations as another label, delete them, or cancel. */
function RemoveLabelDialog({
  removal,
  others,
  onCancel,
  onConfirm,
}: {
  removal: Removal;
  others: LabelSet;
  onCancel(): void;
  onConfirm(action: { relabelTo: Label } | { delete: true }): Promise<void>;
}) {
  const [choice, setChoice] = useState<'relabel' | 'delete'>(others.length ? 'relabel' : 'delete');
  const [target, setTarget] = useState<Label>(others[0]?.id ?? '');
  const [error, setError] = useState('');
  const { label, count } = removal;
  return (
    <Dialog
      title="Remove label"
      open
      onClose={onCancel}
      submitLabel="Remove label"
      onSubmit={() => {
        if (choice === 'relabel' && !target) return setError('Choose the label to give them.');
        onConfirm(choice === 'relabel' ? { relabelTo: target } : { delete: true }).catch((e) => setError(`${describeError(e)} Nothing was changed.`));
      }}
    >
      <p>
        {count === 1 ? '1 annotation is' : `${count} annotations are`} labelled <strong>{label.name}</strong>. What should happen to {count === 1 ? 'it' : 'them'}?
      </p>
      <fieldset className="remove-label-choice">
        <legend className="visually-hidden">Annotations labelled {label.name}</legend>
        <label>
          <input type="radio" name="remove-label" checked={choice === 'relabel'} disabled={!others.length} onChange={() => setChoice('relabel')} />
          Relabel {count === 1 ? 'it' : 'them'} as
        </label>{' '}
        <select aria-label="New label" value={target} disabled={choice !== 'relabel'} onChange={(e) => setTarget(e.target.value)}>
          {others.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <label>
          <input type="radio" name="remove-label" checked={choice === 'delete'} onChange={() => setChoice('delete')} />
          Delete {count === 1 ? 'it' : `all ${count}`}
        </label>
      </fieldset>
      <p className="hint">This changes the annotations at once, in every article; it cannot be undone with Ctrl+Z.</p>
      <p role="alert" className="field-error">
        {error}
      </p>
    </Dialog>
  );
}
