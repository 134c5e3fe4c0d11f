import { describe, expect, it } from 'vitest';
import { convocationSms, sessionMoment } from './convocation';

const session = {
  title: 'Atelier CV et lettre de motivation',
  start: '2026-12-03T14:00',
  durationMinutes: 120,
};

describe('convocation', () => {
  it('says what, when and where, in one SMS', () => {
    expect(sessionMoment(session)).toBe('jeudi 3 décembre 2026 de 14 h à 16 h');
    expect(
      convocationSms('Inès', session, {
        siteName: 'Sées',
        siteAddress: '2 place du Général-de-Gaulle',
      }),
    ).toBe(
      'Bonjour Inès, vous êtes inscrit·e à « Atelier CV et lettre de motivation » le jeudi 3 décembre 2026 de 14 h à 16 h, Sées, 2 place du Général-de-Gaulle. En cas d’empêchement, merci de prévenir la Mission Locale. Mission Locale Jeunes du Pays d’Alençon',
    );
  });

  it('names an outside place first, and tells someone waiting where they stand', () => {
    expect(
      convocationSms('Kévin', { ...session, place: 'Salle du conseil' }, { siteName: 'Sées' }),
    ).toContain('de 14 h à 16 h, Salle du conseil (Sées).');
    expect(
      convocationSms('Kévin', session, { siteName: 'Sées' }, { kind: 'waiting', rank: 2 }),
    ).toBe(
      'Bonjour Kévin, vous êtes sur liste d’attente (n° 2) pour « Atelier CV et lettre de motivation » le jeudi 3 décembre 2026 de 14 h à 16 h. Nous vous prévenons si une place se libère. Mission Locale Jeunes du Pays d’Alençon',
    );
  });
});
