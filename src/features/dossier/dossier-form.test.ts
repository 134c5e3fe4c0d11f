import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/time';
import { emptyDossierForm, validateDossierForm, type DossierFormValues } from './dossier-form';

const clock = fixedClock('2026-11-26T10:00:00');

function filled(overrides: Partial<DossierFormValues> = {}): DossierFormValues {
  return {
    ...emptyDossierForm({ siteId: 'site-1', referentId: 'u1' }),
    lastName: 'Lefèvre',
    firstName: 'Inès',
    birthDate: '2006-04-12',
    freeAdherence: true,
    rgpdInformed: true,
    rgpdInformedOn: '2026-11-26',
    ...overrides,
  };
}

describe('the ages of a premier accueil (issue 14, item 2)', () => {
  it('refuses a young person under 15 or over 30 at the date of entry, in French', () => {
    expect(validateDossierForm(filled({ birthDate: '2016-05-02' }), clock).birthDate).toMatch(
      /aurait 10 ans à l’entrée.*pas avant 15 ans/,
    );
    expect(validateDossierForm(filled({ birthDate: '1900-01-01' }), clock).birthDate).toMatch(
      /aurait 126 ans à l’entrée.*pas au-delà de 30 ans/,
    );
  });

  it('accepts 26 to 29 (the form warns), and counts at the date of entry of a dossier', () => {
    expect(validateDossierForm(filled({ birthDate: '1998-01-01' }), clock)).toEqual({});
    expect(
      validateDossierForm(filled({ birthDate: '1995-06-01' }), clock, { entryDay: '2020-01-15' }),
    ).toEqual({});
  });
});
