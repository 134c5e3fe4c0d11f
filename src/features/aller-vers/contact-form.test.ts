import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/time';
import { validateDocument } from '../../domain/validation';
import {
  contactSiteId,
  contactToYouth,
  emptyContact,
  parseBirth,
  validateContact,
  type ContactFormValues,
} from './contact-form';

const clock = fixedClock('2026-11-20T10:30:00');

function filled(overrides: Partial<ContactFormValues> = {}): ContactFormValues {
  return {
    ...emptyContact(),
    firstName: ' Maëlys ',
    birth: '2005',
    place: 'Perseigne',
    need: 'emploi',
    rgpdAcknowledged: true,
    recontact: 'oui',
    ...overrides,
  };
}

describe('the premier contact form', () => {
  it.each([
    ['2006', '2006'],
    ['12/04/2006', '2006-04-12'],
    ['2/4/2006', '2006-04-02'],
    ['12.04.2006', '2006-04-12'],
    ['12042006', '2006-04-12'],
    ['2006-04-12', '2006-04-12'],
    ['30/02/2006', undefined],
    ['06', undefined],
    ['vingt ans', undefined],
  ])('reads the birth typed as %s', (typed, expected) => {
    expect(parseBirth(typed)).toBe(expected);
  });

  it('says in French what is missing, and accepts a prénom with a year', () => {
    expect(validateContact(emptyContact(), clock)).toEqual({
      firstName: 'Indiquez au moins le prénom.',
      birth: "Indiquez l'année de naissance, même approximative.",
      place: 'Choisissez le lieu de la rencontre.',
      need: 'Choisissez le besoin exprimé.',
      rgpdAcknowledged:
        "Lisez l'information au jeune et cochez la case : sans son accord, rien n'est enregistré.",
      recontact: 'Indiquez si le jeune accepte d’être recontacté.',
    });
    expect(validateContact(filled(), clock)).toEqual({});
  });

  it('refuses an impossible birth, a short phone and an unnamed other place', () => {
    expect(
      validateContact(filled({ birth: '2024', phone: '06 12', place: 'autre' }), clock),
    ).toEqual({
      birth:
        'Avec cette date de naissance, le jeune aurait 2 ans à l’entrée : la Mission Locale n’accompagne pas avant 15 ans. Vérifiez la date de naissance.',
      phone: 'Numéro incomplet : 10 chiffres, par exemple 06 12 34 56 78.',
      otherPlace: 'Précisez le lieu de la rencontre.',
    });
    expect(validateContact(filled({ phone: '+33 6 39 98 11 11' }), clock)).toEqual({});
  });

  it('refuses the ages a Mission Locale cannot accompany, in French (issue 14, item 2)', () => {
    expect(validateContact(filled({ birth: '2016' }), clock).birth).toMatch(
      /aurait 10 ans à l’entrée.*pas avant 15 ans/,
    );
    expect(validateContact(filled({ birth: '1900' }), clock).birth).toMatch(
      /aurait 125 ans à l’entrée.*pas au-delà de 30 ans/,
    );
    // 26 to 29 stay a warning only.
    expect(validateContact(filled({ birth: '1998' }), clock)).toEqual({});
  });

  it('becomes a valid aller-vers dossier carrying the consent', () => {
    const youth = contactToYouth(filled({ phone: '06 39 98 11 11' }), { siteId: 'site-1', clock });
    expect(youth).toEqual({
      firstName: 'Maëlys',
      lastName: '',
      birthDate: '2005',
      phone: '06 39 98 11 11',
      siteId: 'site-1',
      referentId: '',
      status: 'contact-aller-vers',
      consent: { freeAdherence: true, rgpdInformedOn: '2026-11-20', recontactAgreed: true },
      outreach: { place: 'Perseigne', need: 'emploi' },
      orientation: 'aller-vers',
      createdOn: '2026-11-20',
    });
    const stamped = {
      ...youth,
      id: 'y1',
      rev: 'r1',
      updatedAt: '2026-11-20T10:30',
      updatedBy: 'u',
    };
    expect(validateDocument('youths', stamped)).toEqual({ valid: true });
  });

  it('keeps no phone when the young person does not want to be recontacted', () => {
    const youth = contactToYouth(
      filled({ recontact: 'non', phone: '06 39 98 11 11', place: 'autre', otherPlace: 'Gare' }),
      { siteId: 'site-1', clock },
    );
    expect(youth.phone).toBeUndefined();
    expect(youth.consent).toEqual({
      freeAdherence: true,
      rgpdInformedOn: '2026-11-20',
      recontactAgreed: false,
    });
    expect(youth.outreach).toEqual({ place: 'Gare', need: 'emploi' });
  });

  it("attaches the contact to the QPV permanence when it is the adviser's", () => {
    const sites = [
      { id: 'perseigne', qpvCode: 'QN06106M' as const },
      { id: 'courteille', qpvCode: 'QN06107M' as const },
      { id: 'siege' },
    ];
    expect(contactSiteId('Perseigne', sites, ['siege', 'perseigne'])).toBe('perseigne');
    expect(contactSiteId('Courteille', sites, ['siege', 'perseigne'])).toBe('siege');
    expect(contactSiteId('Gare', sites, ['perseigne', 'siege'])).toBe('perseigne');
  });
});
