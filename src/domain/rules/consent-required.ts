/**
 * No dossier is opened without the young person's consent (design.md, Security; the RGPD
 * information of the Mission Locale): the libre adhésion to the accompaniment, and the day the
 * RGPD information was given. One rule for the forms (premier accueil, premier contact aller
 * vers) and for the server, which refuses a new dossier pushed without it.
 */
import type { Youth } from '../schemas/youth';

export type MissingConsent = 'free-adherence' | 'rgpd-information';

/** What a new dossier's consent lacks; empty when the dossier may be opened. */
export function missingConsent(consent: Youth['consent'] | undefined): MissingConsent[] {
  const missing: MissingConsent[] = [];
  if (consent?.freeAdherence !== true) missing.push('free-adherence');
  if (!consent?.rgpdInformedOn) missing.push('rgpd-information');
  return missing;
}

export const MISSING_CONSENT_TEXT: Record<MissingConsent, string> = {
  'free-adherence': "L'accompagnement repose sur la libre adhésion du jeune : cochez-la.",
  'rgpd-information': 'Le jeune doit recevoir l’information RGPD avant l’ouverture du dossier.',
};
