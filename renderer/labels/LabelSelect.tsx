import { useLayoutEffect, useRef } from 'react';
import { isLabel, labelDef, type Label, type LabelDef } from '../../shared/labels.ts';
import { useLabels } from './labelStore.ts';

interface Props {
  /** The chosen label; '' for the "any" option. A label no longer in the set still shows as the value. */
  value: Label | '';
  /** Called with a label of the current set, or '' when the "any" option is chosen. */
  onChange(label: Label | ''): void;
  /** Text of a leading option with the value '' (e.g. "Any" in a filter); none when left out. */
  anyOption?: string;
  'aria-label'?: string;
}

/** The labels to offer: the set, and `value` after them if it is no longer in it (it still shows as the value). */
function offered(value: Label | '', labels: readonly LabelDef[]): readonly LabelDef[] {
  return value === '' || isLabel(value, labels) ? labels : [...labels, labelDef(value, labels)];
}

function LabelOptions({ labels }: { labels: readonly LabelDef[] }) {
  return labels.map((l) => (
    <option key={l.id} value={l.id}>
      {l.name}
    </option>
  ));
}

/** A select over the library's label set (useLabels), as used wherever one label is picked. */
export function LabelSelect({ value, onChange, anyOption, 'aria-label': ariaLabel }: Props) {
  const labels = useLabels();
  return (
    <select
      aria-label={ariaLabel}
      value={value}
      onChange={(e) => {
        const v = e.target.value;
        if (isLabel(v, labels)) onChange(v);
        else if (v === '' && anyOption !== undefined) onChange('');
      }}
    >
      {anyOption !== undefined ? <option value="">{anyOption}</option> : null}
      <LabelOptions labels={offered(value, labels)} />
    </select>
  );
}

interface ChoosingProps {
  /** The label as stored: the select follows it whenever it changes. */
  value: Label;
  /** Called with the label chosen; resolves false if it was not saved, and the select goes back to `value`. */
  onChoose(label: Label): Promise<boolean>;
  'aria-label'?: string;
}

/**
 * A LabelSelect that shows the user's choice as the browser drew it, with no render of its own: the annotation
 * panel's, whose change is a relabel. A controlled select must be rendered in the change event (React would put the old
 * value back), and that render, with the layout of what it changed, came before the frame that paints the relabelled
 * highlight (1.7–4 ms of the relabel's time to the end of that frame, bench/README.md).
 */
export function ChoosingLabelSelect({ value, onChoose, 'aria-label': ariaLabel }: ChoosingProps) {
  const labels = useLabels();
  const select = useRef<HTMLSelectElement>(null);
  const stored = useRef(value);
  stored.current = value;
  // before paint: an undo or a change elsewhere shows in the same frame as the rest of the item
  useLayoutEffect(() => {
    if (select.current && select.current.value !== value) select.current.value = value;
  }, [value]);
  return (
    <select
      ref={select}
      aria-label={ariaLabel}
      defaultValue={value}
      onChange={(e) => {
        const v = e.target.value;
        if (!isLabel(v, labels)) return;
        void onChoose(v).then((saved) => {
          if (!saved && select.current) select.current.value = stored.current;
        });
      }}
    >
      <LabelOptions labels={offered(value, labels)} />
    </select>
  );
}
