/**
 * The foot of a form: its submit button (disabled and saying so while saving) and the button
 * that leaves it without saving.
 */
export function FormActions(props: {
  submitLabel: string;
  /** Leaves the form; no second button without it. */
  onCancel?: () => void;
  cancelLabel?: string;
  busy?: boolean;
  /** Said on the submit button while `busy` (by default its usual label). */
  busyLabel?: string;
}) {
  return (
    <div className="form-actions">
      <button type="submit" className="button-primary" disabled={props.busy}>
        {props.busy && props.busyLabel ? props.busyLabel : props.submitLabel}
      </button>
      {props.onCancel && (
        <button type="button" className="button-secondary" onClick={props.onCancel}>
          {props.cancelLabel ?? 'Annuler'}
        </button>
      )}
    </div>
  );
}
