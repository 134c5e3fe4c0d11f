import { describe, expect, it } from 'vitest';
import { buildSite } from '../../../tests/support/builders';
import { draftFromSite, emptySiteDraft, readSiteDraft, type SiteDraft } from './site-draft';

const draft = (overrides: Partial<SiteDraft> = {}): SiteDraft => ({
  ...emptySiteDraft(),
  name: 'Permanence de Sées',
  scheduleText: 'mardi 9 h–12 h 30 et 13 h 30–17 h, jeudi 9 h–12 h 30',
  ...overrides,
});

describe('the site form', () => {
  it('makes the site with its weekly slots and dated exceptions', () => {
    const result = readSiteDraft(
      draft({
        address: ' Mairie de Sées ',
        exceptions: [
          { key: 'a', date: '2026-12-24', mode: 'ferme', start: '', end: '', note: 'Noël' },
          {
            key: 'b',
            date: '2026-12-03',
            mode: 'ferme-heures',
            start: '11:00',
            end: '12:30',
            note: '',
          },
          {
            key: 'c',
            date: '2026-12-09',
            mode: 'ouverture',
            start: '14:00',
            end: '16:00',
            note: 'Forum',
          },
        ],
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fields).toEqual({
      name: 'Permanence de Sées',
      kind: 'permanence-rurale',
      address: 'Mairie de Sées',
      schedule: [
        { weekday: 2, start: '09:00', end: '12:30' },
        { weekday: 2, start: '13:30', end: '17:00' },
        { weekday: 4, start: '09:00', end: '12:30' },
      ],
      exceptions: [
        { date: '2026-12-03', closed: true, start: '11:00', end: '12:30' },
        { date: '2026-12-09', closed: false, start: '14:00', end: '16:00', note: 'Forum' },
        { date: '2026-12-24', closed: true, note: 'Noël' },
      ],
      active: true,
    });
  });

  it('says in French what is wrong, row by row', () => {
    const result = readSiteDraft(
      draft({
        name: ' ',
        scheduleText: 'mardi 9 h–12 h, le soir',
        exceptions: [
          { key: 'a', date: '', mode: 'ferme', start: '', end: '', note: '' },
          {
            key: 'b',
            date: '2026-12-03',
            mode: 'ouverture',
            start: '16:00',
            end: '14:00',
            note: '',
          },
        ],
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      errors: {
        name: 'Donnez un nom au site.',
        schedule: ['Mot non compris : « soir ».'],
        exceptions: { a: 'Indiquez une date valide.', b: 'La fin doit venir après le début.' },
      },
    });
  });

  it('reads a stored site back into the form unchanged', () => {
    const site = buildSite({
      exceptions: [{ date: '2026-12-24', closed: true, note: 'Noël' }],
    });
    const result = readSiteDraft(draftFromSite(site));
    expect(result.ok && result.fields.schedule).toEqual(site.schedule);
    expect(result.ok && result.fields.exceptions).toEqual(site.exceptions);
    expect(draftFromSite(site).scheduleText).toBe(
      'mardi 9 h–12 h 30 et 13 h 30–17 h, jeudi 9 h–12 h 30',
    );
  });
});
