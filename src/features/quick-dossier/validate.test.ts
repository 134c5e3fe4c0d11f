import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/time';
import { validateQuickDossier } from './validate';

const clock = fixedClock('2026-11-26T09:00:00.000Z');
const valid = {
  lastName: 'Lefèvre',
  firstName: 'Inès',
  birthDate: '2006-04-12',
  phone: '',
  siteId: 'site-sees',
};

describe('quick dossier checks', () => {
  it('accepts a complete dossier, and one without birth date', () => {
    expect(validateQuickDossier(valid, clock)).toEqual({});
    expect(validateQuickDossier({ ...valid, birthDate: '' }, clock)).toEqual({});
  });

  it('says in French what is missing or wrong', () => {
    expect(
      validateQuickDossier({ ...valid, lastName: ' ', firstName: '', siteId: '' }, clock),
    ).toEqual({
      lastName: 'Indiquez le nom du jeune.',
      firstName: 'Indiquez le prénom du jeune.',
      siteId: 'Choisissez le site de rattachement.',
    });
    expect(validateQuickDossier({ ...valid, birthDate: '2026-02-30' }, clock).birthDate).toBe(
      'Date de naissance invalide (jj/mm/aaaa).',
    );
    expect(validateQuickDossier({ ...valid, birthDate: '1960-01-01' }, clock).birthDate).toMatch(
      /aurait 66 ans/,
    );
  });
});
