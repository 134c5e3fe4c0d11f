/**
 * A choice among a few options as large touch targets (radio buttons drawn as tiles): one tap,
 * no menu to open, readable outdoors. A real radio group for keyboards and screen readers.
 */
import { useId, type CSSProperties } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

interface ChoiceGroupProps<T extends string> {
  legend: string;
  name: string;
  choices: readonly Choice<T>[];
  value: T | '';
  onChange(value: T): void;
  error?: string;
  /** Tiles per row on a wide screen (they wrap on a narrow one). */
  columns?: number;
}

export function ChoiceGroup<T extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
  error,
  columns = 3,
}: ChoiceGroupProps<T>) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset
      className={`choice-group${error ? ' has-error' : ''}`}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      <div className="choice-tiles" style={{ '--columns': columns } as CSSProperties}>
        {choices.map((choice) => (
          <label key={choice.value} className="choice-tile">
            <input
              autoComplete="off"
              type="radio"
              name={`${id}-${name}`}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
