/**
 * Form fields with their label, an optional hint and the French error, wired for screen readers
 * (`aria-invalid`, `aria-describedby`). Errors never clear what was typed.
 */
import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldFrameProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

function FieldFrame({ label, hint, error, required, children }: FieldFrameProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children({ id, describedBy, invalid: Boolean(error) })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

type CommonProps = { label: string; hint?: ReactNode; error?: string };

export function TextField({
  label,
  hint,
  error,
  ...input
}: CommonProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={input.required}>
      {({ id, describedBy, invalid }) => (
        <input
          autoComplete="off"
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  ...input
}: CommonProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={input.required}>
      {({ id, describedBy, invalid }) => (
        <textarea
          autoComplete="off"
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  label,
  hint,
  error,
  options,
  placeholder,
  ...select
}: CommonProps &
  SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[]; placeholder?: string }) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={select.required}>
      {({ id, describedBy, invalid }) => (
        <select
          autoComplete="off"
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          {...select}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function CheckboxField({
  label,
  hint,
  ...input
}: { label: string; hint?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input autoComplete="off" id={id} type="checkbox" {...input} />
      <label htmlFor={id}>{label}</label>
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}

/** Several values chosen from a list with checkboxes (freins, thèmes abordés). */
export function CheckboxGroupField<V extends string>(props: {
  legend: string;
  name: string;
  className?: string;
  options: readonly { value: V; label: string }[];
  values: readonly V[];
  onChange(values: V[]): void;
}) {
  return (
    <fieldset className={`checkbox-group${props.className ? ` ${props.className}` : ''}`}>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <CheckboxField
          key={option.value}
          label={option.label}
          name={props.name}
          checked={props.values.includes(option.value)}
          onChange={(e) =>
            props.onChange(
              e.target.checked
                ? [...props.values, option.value]
                : props.values.filter((v) => v !== option.value),
            )
          }
        />
      ))}
    </fieldset>
  );
}
