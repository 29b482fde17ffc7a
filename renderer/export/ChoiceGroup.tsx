export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
  disabled?: boolean;
}

interface ChoiceGroupProps<T extends string> {
  legend: string;
  /** The radio group's name, one per group in a form. */
  name: string;
  choices: Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  /** The checked choice takes the focus when the group first shows (the dialog's first group). */
  autoFocus?: boolean;
}

/** One question of a dialog as radio buttons, each with a line saying what it is for. */
export function ChoiceGroup<T extends string>({ legend, name, choices, value, onChange, autoFocus }: ChoiceGroupProps<T>) {
  return (
    <fieldset className="export-choice">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value}>
          <input type="radio" name={name} checked={value === choice.value} disabled={choice.disabled} onChange={() => onChange(choice.value)} autoFocus={autoFocus && value === choice.value} />
          <span>
            {choice.label}
            {choice.hint && <small className="muted">{choice.hint}</small>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
