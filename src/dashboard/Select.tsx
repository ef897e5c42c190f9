import { useId } from 'preact/hooks';

/** A labelled drop-down of plain string options. */
export function Select({
  label,
  value,
  options,
  labels = {},
  onChange,
}: {
  label: string;
  value: string;
  options: readonly string[];
  labels?: Record<string, string>;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option] ?? (option === 'any' ? 'Any' : option)}
          </option>
        ))}
      </select>
    </div>
  );
}
