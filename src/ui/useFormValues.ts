/**
 * The typed values of a form and their French errors, and the props that bind a text field or
 * a select of Field.tsx to one value: `<TextField label="Téléphone" {...field('phone')} />`.
 * Errors never clear what was typed.
 */
import { useState } from 'react';

export type FieldErrors<T> = Partial<Record<keyof T, string>>;

export function useFormValues<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors<T>>({});
  const set = <K extends keyof T>(name: K, value: T[K]) =>
    setValues((current) => ({ ...current, [name]: value }));
  const field = (name: keyof T & string) => ({
    name,
    value: values[name] as string,
    error: errors[name],
    onChange: (e: { target: { value: string } }) => set(name, e.target.value as T[typeof name]),
  });
  return { values, setValues, set, errors, setErrors, field };
}
