import { isLabel, labelDef, type Label } from '../../shared/labels.ts';
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

/** A select over the library's label set (useLabels), as used wherever one label is picked. */
export function LabelSelect({ value, onChange, anyOption, 'aria-label': ariaLabel }: Props) {
  const labels = useLabels();
  const options = value === '' || isLabel(value, labels) ? labels : [...labels, labelDef(value, labels)];
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
      {options.map((l) => (
        <option key={l.id} value={l.id}>
          {l.name}
        </option>
      ))}
    </select>
  );
}
