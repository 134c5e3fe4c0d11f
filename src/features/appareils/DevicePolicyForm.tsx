/**
 * The Mission Locale's device security settings (direction, admin): minutes without activity
 * before Relais locks, days a device may open offline since the siège last confirmed the
 * account. Checked by the same rule as the server (src/domain/device-policy.ts); every device
 * applies them at its next contact.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../app/api';
import {
  DEVICE_POLICY_BOUNDS,
  devicePolicyProblems,
  type DevicePolicy,
} from '../../domain/device-policy';
import { RelaisError } from '../../domain/errors';
import { TextField } from '../../ui/Field';

type Draft = Record<keyof DevicePolicy, string>;

export function DevicePolicyForm() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Draft>>({});
  const [message, setMessage] = useState('');

  useEffect(() => {
    api
      .send<{ policy: DevicePolicy }>('GET', '/api/v1/settings/device-policy')
      .then(({ policy }) =>
        setDraft({
          lockAfterMinutes: String(policy.lockAfterMinutes),
          offlineGraceDays: String(policy.offlineGraceDays),
        }),
      )
      .catch(() => setMessage('Hors ligne : les réglages reviendront avec le réseau.'));
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const policy = {
      lockAfterMinutes: Number(draft.lockAfterMinutes),
      offlineGraceDays: Number(draft.offlineGraceDays),
    };
    const problems = devicePolicyProblems(policy);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    try {
      await api.send('PUT', '/api/v1/settings/device-policy', policy);
      setMessage('Réglages enregistrés : chaque appareil les applique à son prochain contact.');
    } catch (error) {
      setMessage(error instanceof RelaisError ? error.message : 'Enregistrement impossible.');
    }
  }

  const set = (field: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((current) => current && { ...current, [field]: e.target.value });
  return (
    <form autoComplete="off" className="card device-policy" onSubmit={(e) => void save(e)}>
      <h2>Sécurité des appareils</h2>
      {draft && (
        <div className="device-policy-fields">
          <TextField
            label="Verrouillage après inactivité (minutes)"
            inputMode="numeric"
            hint={`De ${DEVICE_POLICY_BOUNDS.lockAfterMinutes.min} à ${DEVICE_POLICY_BOUNDS.lockAfterMinutes.max}.`}
            value={draft.lockAfterMinutes}
            error={errors.lockAfterMinutes}
            onChange={set('lockAfterMinutes')}
          />
          <TextField
            label="Ouverture hors ligne sans connexion au siège (jours)"
            inputMode="numeric"
            hint={`De ${DEVICE_POLICY_BOUNDS.offlineGraceDays.min} à ${DEVICE_POLICY_BOUNDS.offlineGraceDays.max}.`}
            value={draft.offlineGraceDays}
            error={errors.offlineGraceDays}
            onChange={set('offlineGraceDays')}
          />
          <button type="submit" className="button-primary">
            Enregistrer les réglages
          </button>
        </div>
      )}
      <p role="status" aria-live="polite">
        {message}
      </p>
    </form>
  );
}
