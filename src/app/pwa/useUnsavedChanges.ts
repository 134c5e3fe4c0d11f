/**
 * A form declares that it holds input not yet saved. While it does, the update prompt will not
 * reload the page (update-flow.ts) and the browser asks before leaving or reloading the page.
 * Every form that edits a record calls it: `useUnsavedChanges(isDirty, 'Dossier de Inès')`, or,
 * when it keeps no notion of "dirty" itself, `useTypedInput('l’entretien')`.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useAppStore } from '../../stores/store';

export function useUnsavedChanges(dirty: boolean, label: string): void {
  const key = useId();
  const setUnsavedForm = useAppStore((s) => s.setUnsavedForm);
  useEffect(() => {
    if (!dirty) return;
    setUnsavedForm(key, label);
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      setUnsavedForm(key, null);
    };
  }, [dirty, label, key, setUnsavedForm]);
}

/**
 * What was typed in a form since it opened (or since `saved()`) counts as unsaved. Spread the
 * returned `onChange` on the `<form>`: React's change events bubble to it from every field.
 */
export function useTypedInput(label: string): { onChange: () => void; saved: () => void } {
  const [typed, setTyped] = useState(false);
  useUnsavedChanges(typed, label);
  return {
    onChange: useCallback(() => setTyped(true), []),
    saved: useCallback(() => setTyped(false), []),
  };
}
