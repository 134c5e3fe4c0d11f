/**
 * A young person who comes to a session without being signed up (issue 15, item 4): found among
 * the dossiers of the tablet by the fuzzy matcher (src/domain/rules/matching.ts, the aller-vers
 * one), or recorded as a new dossier at premier accueil — with the young person's consent, by
 * the rule every new dossier follows (consent-required.ts).
 */
import type { NewDocument } from '../../db/writes';
import { entryAgeProblem, entryAgeText, ageOf } from '../../domain/rules/age';
import { missingConsent } from '../../domain/rules/consent-required';
import type { Youth } from '../../domain/schemas/youth';
import { today, type Clock } from '../../domain/time';
import { parseBirth } from '../aller-vers/contact-form';

export interface WalkInValues {
  firstName: string;
  lastName: string;
  /** `2006`, `12/04/2006`… as typed. */
  birth: string;
  rgpdAcknowledged: boolean;
  recontact: 'oui' | 'non' | '';
}

export type WalkInErrors = Partial<Record<keyof WalkInValues, string>>;

export function emptyWalkIn(): WalkInValues {
  return { firstName: '', lastName: '', birth: '', rgpdAcknowledged: false, recontact: '' };
}

/** What stops a new dossier, in French (the names and birth are also what is matched). */
export function validateNewDossier(values: WalkInValues, clock: Clock): WalkInErrors {
  const errors: WalkInErrors = {};
  if (!values.firstName.trim()) errors.firstName = 'Indiquez le prénom.';
  if (!values.lastName.trim()) errors.lastName = 'Indiquez le nom.';
  const birth = parseBirth(values.birth);
  if (!values.birth.trim()) errors.birth = "Indiquez l'année de naissance, même approximative.";
  else if (!birth) errors.birth = 'Écrivez une année (2006) ou une date (12/04/2006).';
  else if (ageOf(birth, clock) === undefined)
    errors.birth = 'Cette date de naissance est dans le futur : vérifiez-la.';
  else {
    const problem = entryAgeProblem(birth, today(clock));
    if (problem) errors.birth = entryAgeText(problem);
  }
  const consent = values.rgpdAcknowledged
    ? { freeAdherence: true, rgpdInformedOn: today(clock) }
    : undefined;
  if (missingConsent(consent).length > 0)
    errors.rgpdAcknowledged =
      "Lisez l'information au jeune et cochez la case : sans son accord, rien n'est enregistré.";
  if (!values.recontact) errors.recontact = 'Indiquez si le jeune accepte d’être recontacté.';
  return errors;
}

/** The new dossier of a walk-in: at premier accueil, at the session's site, followed by the animateur. */
export function walkInDossier(
  values: WalkInValues,
  context: { siteId: string; referentId: string; clock: Clock },
): NewDocument<'youths'> {
  const day = today(context.clock);
  const birthDate = parseBirth(values.birth);
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    ...(birthDate ? { birthDate } : {}),
    siteId: context.siteId,
    referentId: context.referentId,
    status: 'premier-accueil',
    consent: {
      freeAdherence: true,
      rgpdInformedOn: day,
      recontactAgreed: values.recontact === 'oui',
    },
    createdOn: day,
  } satisfies Omit<Youth, 'id' | 'rev' | 'updatedAt' | 'updatedBy'>;
}
