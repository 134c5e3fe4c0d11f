/**
 * The card of the login and lock screens: Relais's mark and a title, the fields, the error said
 * in French (announced, and naming the form), the submit button, and what follows it.
 */
import type { FormEvent, ReactNode } from 'react';

interface PasswordCardProps {
  title: string;
  onSubmit: () => void;
  error: string | null;
  /** The id of the error paragraph, which describes the form while it shows. */
  errorId: string;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  /** The subtitle, notices and fields, between the title and the error. */
  children: ReactNode;
  /** After the submit button, inside the form. */
  footer?: ReactNode;
  /** After the form (a dialog it opens). */
  beside?: ReactNode;
}

export function PasswordCard(props: PasswordCardProps) {
  const { error, errorId } = props;
  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit();
  }
  return (
    <main className="login">
      <form
        className="login-card"
        onSubmit={submit}
        noValidate
        aria-describedby={error ? errorId : undefined}
      >
        <h1>
          <img src="/favicon.svg" alt="" width="40" height="40" /> {props.title}
        </h1>
        {props.children}
        {error && (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={props.busy}>
          {props.busy ? props.busyLabel : props.submitLabel}
        </button>
        {props.footer}
      </form>
      {props.beside}
    </main>
  );
}
