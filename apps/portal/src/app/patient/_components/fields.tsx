import { CLASSES, input, label } from "./shared.ts";

/** A labelled select over [value, text] pairs; numbers come back as numbers. */
export function SelectField<V extends string | number>({
  id,
  title,
  value,
  options,
  onChange,
  disabled = false,
}: {
  id: string;
  title: string;
  value: V;
  options: readonly (readonly [V, string])[];
  onChange: (value: V) => void;
  disabled?: boolean;
}) {
  return (
    <>
      <label htmlFor={id} className="block text-sm font-medium">
        {title}
      </label>
      <select
        id={id}
        className={input}
        value={String(value)}
        disabled={disabled}
        onChange={(e) => {
          const picked = options.find(([v]) => String(v) === e.target.value);
          if (picked) onChange(picked[0]);
        }}
      >
        {options.map(([v, text]) => (
          <option key={String(v)} value={String(v)}>
            {text}
          </option>
        ))}
      </select>
    </>
  );
}

/** Checkboxes over the record classes; none ticked means all of them. */
export function ClassPicker({ legend, name, value, onChange }: { legend: string; name: string; value: string[]; onChange: (classes: string[]) => void }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 grid grid-cols-2 gap-1 text-sm">
        {CLASSES.map((c) => (
          <label key={c} className="flex items-center gap-2">
            <input type="checkbox" name={name} checked={value.includes(c)} onChange={(e) => onChange(e.target.checked ? [...value, c] : value.filter((x) => x !== c))} />
            {label(c)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
