/**
 * A young person recognised among the suggestions: no second dossier, but the meeting is noted
 * on theirs (one tap), because a meeting in the street is a contact — « Dernier contact » and
 * Relances read it. What can follow (rendez-vous, premier accueil) is offered below.
 */
import { useState } from 'react';
import type { Youth } from '../../domain/schemas/youth';
import { ContactActions } from './ContactActions';
import type { OutreachNeed } from './contact-form';
import { PersonSummary } from './PersonSummary';
import { useOutreachActions } from './useAllerVers';

interface Props {
  youth: Youth;
  /** Where they were met and what they asked for, as typed in the contact form. */
  meeting: { place: string; need: OutreachNeed | '' };
  siteNames: ReadonlyMap<string, string>;
  onBack(): void;
}

export function ExistingDossier({ youth, meeting, siteNames, onBack }: Props) {
  const { recordMeeting } = useOutreachActions();
  const [noted, setNoted] = useState<string>();
  const [failure, setFailure] = useState<string>();

  async function noteMeeting() {
    setFailure(undefined);
    try {
      await recordMeeting(youth, meeting.place, meeting.need);
      setNoted(`Rencontre notée : le dernier contact de ${youth.firstName} est aujourd’hui.`);
    } catch (error) {
      setFailure(`La rencontre n’a pas pu être notée : ${String(error)}`);
    }
  }

  return (
    <section className="existing card" aria-labelledby="existing-title">
      <h2 id="existing-title">Dossier existant</h2>
      <PersonSummary youth={youth} siteName={siteNames.get(youth.siteId)} />
      <p className="muted">Aucun nouveau dossier n’est créé pour cette personne.</p>
      <div role="status" aria-live="polite">
        {noted && <p className="confirmation">{noted}</p>}
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {!noted && (
        <button type="button" className="button-primary" onClick={() => void noteMeeting()}>
          Noter la rencontre d’aujourd’hui
        </button>
      )}
      <ContactActions youth={youth} siteNames={siteNames} />
      <button type="button" className="button-link" onClick={onBack}>
        Revenir au nouveau contact
      </button>
    </section>
  );
}
