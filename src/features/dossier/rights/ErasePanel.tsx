/**
 * « Effacer le dossier » (droit à l'effacement, RGPD art. 17; direction, admin). Erasure cannot
 * be undone, so direction types the young person's name, checked here and by the server with
 * the same rule (src/domain/erasure.ts). The server erases everywhere, then every device purges
 * its copy at its next sync; this one goes back to the caseload. It needs the network; what was
 * typed stays in the field when it fails.
 */
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../../app/api';
import { confirmsErasure } from '../../../domain/erasure';
import { RelaisError, frenchMessage } from '../../../domain/errors';
import { fullName } from '../../../domain/rules/names';
import { FormActions } from '../../../ui/FormActions';
import { TextField } from '../../../ui/Field';

export function ErasePanel({
  youth,
}: {
  youth: { id: string; firstName: string; lastName: string };
}) {
  const [, navigate] = useLocation();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const name = fullName(youth);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!confirmsErasure(youth, typed)) {
      setError(`Saisissez « ${name} » pour confirmer.`);
      return;
    }
    setBusy(true);
    setError('');
    try {
      await api.send('POST', `/api/v1/youths/${encodeURIComponent(youth.id)}/erase`, {
        confirmation: typed,
      });
      navigate('/');
    } catch (caught) {
      const code = caught instanceof RelaisError ? caught.code : 'NETWORK';
      setError(
        code === 'NETWORK'
          ? "Serveur injoignable : l'effacement se fait au siège, avec le réseau. Rien n'a été effacé."
          : frenchMessage(code),
      );
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="erase-title" className="rights-section">
      <h2 id="erase-title">Effacer le dossier</h2>
      <p>
        L&apos;effacement retire du serveur et de tous les appareils l&apos;identité, les
        événements, le parcours, les rendez-vous, les ateliers, les prêts et l&apos;historique de ce
        dossier. Il est définitif. Le journal d&apos;audit garde seulement la trace de
        l&apos;effacement, sans donnée personnelle.
      </p>
      <form onSubmit={submit} noValidate aria-describedby="erase-title">
        <TextField
          label={`Pour confirmer, saisissez le prénom et le nom : ${name}`}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          error={error || undefined}
          required
        />
        <FormActions
          submitLabel="Effacer définitivement ce dossier"
          busy={busy}
          busyLabel="Effacement…"
        />
      </form>
    </section>
  );
}
