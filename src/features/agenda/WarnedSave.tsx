/**
 * Saving a rendez-vous past the agenda's warnings (adviser or young person already booked, site
 * closed or outside its hours): the first save shows the warnings, a second one saves anyway.
 * Shared by the booking form and the outcome form (a report is checked like a booking).
 */
import { useState } from 'react';
import type { AppointmentWarning } from '../../domain/rules/appointments';
import { warningText } from './labels';
import { FormActions } from '../../ui/FormActions';

export function useWarnedSave(failurePrefix: string) {
  const [warnings, setWarnings] = useState<AppointmentWarning[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  /** Saves with `submit`, unless `check` (skipped when forced) finds something to say first. */
  async function save(
    force: boolean,
    check: (() => Promise<AppointmentWarning[]>) | undefined,
    submit: () => Promise<void>,
  ) {
    setBusy(true);
    setFailure(null);
    try {
      if (!force && check) {
        const list = await check();
        if (list.length > 0) {
          setWarnings(list);
          return;
        }
      }
      await submit();
    } catch (error) {
      setFailure(`${failurePrefix} : ${String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return { warnings, setWarnings, busy, failure, save };
}

export function WarningList(props: {
  warnings: readonly AppointmentWarning[];
  nameOf(youthId: string): string;
}) {
  return (
    <ul>
      {props.warnings.map((warning) => (
        <li key={warning.code}>{warningText(warning, props.nameOf)}</li>
      ))}
    </ul>
  );
}

/** The save failure, and the buttons while no warning waits for an answer. */
export function SaveFooter(props: {
  failure: string | null;
  showActions: boolean;
  busy: boolean;
  submitLabel: string;
  onCancel(): void;
}) {
  return (
    <>
      {props.failure && (
        <p className="form-error" role="alert">
          {props.failure}
        </p>
      )}
      {props.showActions && (
        <FormActions
          submitLabel={props.submitLabel}
          onCancel={props.onCancel}
          cancelLabel="Fermer sans enregistrer"
          busy={props.busy}
        />
      )}
    </>
  );
}
