/**
 * A new dossier — a premier accueil or a contact aller-vers — carries the young person's
 * consent, by the rule the forms use (src/domain/rules/consent-required.ts). A dossier stored
 * before the rule keeps being editable: only its creation is checked.
 */
import { missingConsent } from '../../../../src/domain/rules/consent-required';
import type { Youth } from '../../../../src/domain/schemas/youth';
import type { WriteRule } from './rule';

export const newDossierConsent: WriteRule = ({ stored, incoming }) => {
  if (stored || incoming._deleted === true) return undefined;
  return missingConsent(incoming.consent as Youth['consent']).length > 0
    ? 'CONSENT_REQUIRED'
    : undefined;
};
