/** The quick dossier form's checks, in French, field by field. */
import { ageOf, MAX_AGE, MIN_AGE } from '../../domain/rules/age';
import { parseDay, systemClock, type Clock } from '../../domain/time';
import type { QuickDossierValues } from './useQuickDossier';

export type QuickDossierErrors = Partial<Record<keyof QuickDossierValues, string>>;

export function validateQuickDossier(
  values: QuickDossierValues,
  clock: Clock = systemClock,
): QuickDossierErrors {
  const errors: QuickDossierErrors = {};
  if (!values.lastName.trim()) errors.lastName = 'Indiquez le nom du jeune.';
  else if (values.lastName.trim().length > 100) errors.lastName = 'Le nom dépasse 100 caractères.';
  if (!values.firstName.trim()) errors.firstName = 'Indiquez le prénom du jeune.';
  else if (values.firstName.trim().length > 100)
    errors.firstName = 'Le prénom dépasse 100 caractères.';
  if (values.birthDate) {
    const age = parseDay(values.birthDate) ? ageOf(values.birthDate, clock) : undefined;
    if (!age) errors.birthDate = 'Date de naissance invalide (jj/mm/aaaa).';
    else if (age.years < MIN_AGE - 2 || age.years > MAX_AGE + 10)
      errors.birthDate = `Le jeune aurait ${age.years} ans : vérifiez la date.`;
  }
  if (values.phone.trim().length > 30) errors.phone = 'Le téléphone dépasse 30 caractères.';
  if (!values.siteId) errors.siteId = 'Choisissez le site de rattachement.';
  return errors;
}
