/**
 * The announcement of a new version, under the header of every screen: the user chooses when;
 * the update then waits for saved forms and sends waiting changes first (update-flow.ts).
 * "Plus tard" folds it into a small button that stays visible.
 */
import { useState } from 'react';
import { useAppStore } from '../../stores/store';
import { useSyncEngine } from '../DatabaseProvider';
import { activateWaitingUpdate, reloadOntoNewVersion } from './register';
import { applyUpdateSafely, type UpdateBlock, type UpdateStep } from './update-flow';
import './pwa.css';
import { counted, plural } from '../../domain/plural';

export function blockMessage(block: UpdateBlock): string {
  switch (block.kind) {
    case 'unsaved-forms':
      return `Enregistrez ou annulez d’abord la saisie en cours (${block.forms.join(', ')}) : la mise à jour recharge la page et la perdrait.`;
    case 'pending-offline':
      return `${counted(block.pending, 'modification')} de cet appareil ${plural(block.pending, 'attend', 'attendent')} d’être ${plural(block.pending, 'envoyée')} au serveur, qui est injoignable. Rien n’est perdu : la mise à jour sera possible au retour du réseau.`;
    case 'push-failed':
      return `L’envoi de ${counted(block.pending, 'modification')} n’a pas abouti. Rien n’est perdu : réessayez dans un moment.`;
  }
}

const STEP_LABELS: Record<UpdateStep, string> = {
  checking: 'Vérification des saisies en cours…',
  sending: 'Envoi des modifications au serveur avant la mise à jour…',
  applying: 'Mise à jour de Relais…',
};

export function UpdatePrompt() {
  const updateWaiting = useAppStore((s) => s.updateWaiting);
  const nextVersion = useAppStore((s) => s.nextVersion);
  const updatedElsewhere = useAppStore((s) => s.updatedElsewhere);
  const sync = useSyncEngine();
  const [folded, setFolded] = useState(false);
  const [step, setStep] = useState<UpdateStep | null>(null);
  const [block, setBlock] = useState<UpdateBlock | null>(null);

  if (!updateWaiting && !updatedElsewhere) return null;

  const unsavedForms = () => Object.values(useAppStore.getState().unsavedForms);
  const run = async (activate: () => Promise<void>) => {
    setBlock(null);
    const blocked = await applyUpdateSafely({ sync, unsavedForms, activate, onStep: setStep });
    setBlock(blocked);
    if (blocked) setStep(null);
  };

  if (folded) {
    return (
      <div className="update-folded">
        <button type="button" className="button-secondary" onClick={() => setFolded(false)}>
          Mise à jour disponible
        </button>
      </div>
    );
  }

  const title = updatedElsewhere
    ? 'Relais a été mis à jour dans un autre onglet'
    : `Une nouvelle version de Relais est prête${nextVersion ? ` (${nextVersion})` : ''}`;
  return (
    <section className="update-prompt" aria-labelledby="update-title">
      <div>
        <h2 id="update-title">{title}</h2>
        <p>
          Vous utilisez la version {__APP_VERSION__}.{' '}
          {updatedElsewhere
            ? 'Rechargez cet onglet quand vous aurez fini votre saisie.'
            : 'La mise à jour recharge la page : elle attend que vos saisies soient enregistrées et envoie d’abord vos modifications au serveur.'}
        </p>
        {block && (
          <p className="update-block" role="alert">
            {blockMessage(block)}
          </p>
        )}
        {step && (
          <p role="status" className="update-step">
            <progress aria-label={STEP_LABELS[step]} /> {STEP_LABELS[step]}
          </p>
        )}
      </div>
      <div className="update-actions">
        <button
          type="button"
          className="button-primary"
          disabled={step !== null}
          onClick={() =>
            void run(updatedElsewhere ? async () => reloadOntoNewVersion() : activateWaitingUpdate)
          }
        >
          {updatedElsewhere ? 'Recharger cet onglet' : 'Mettre à jour maintenant'}
        </button>
        <button
          type="button"
          className="button-link"
          disabled={step !== null}
          onClick={() => setFolded(true)}
        >
          Plus tard
        </button>
      </div>
    </section>
  );
}
