import { describe, expect, it } from 'vitest';
import { missingConsent } from './consent-required';

describe('consent of a new dossier', () => {
  it('needs the libre adhésion and the day of the RGPD information', () => {
    expect(missingConsent(undefined)).toEqual(['free-adherence', 'rgpd-information']);
    expect(missingConsent({ freeAdherence: false, rgpdInformedOn: '2026-11-20' })).toEqual([
      'free-adherence',
    ]);
    expect(missingConsent({ freeAdherence: true })).toEqual(['rgpd-information']);
    expect(missingConsent({ freeAdherence: true, rgpdInformedOn: '2026-11-20' })).toEqual([]);
  });
});
