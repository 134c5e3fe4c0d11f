/**
 * A form declares that it holds input not yet saved. While it does, the update prompt will not
 * reload the page (update-flow.ts) and the browser asks before leaving or reloading the page.
 * Every form that edits a record should call it: `useUnsavedChanges(isDirty, 'Dossier de Inès')`.
 */
import { useEffect, useId } from 'react';
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
