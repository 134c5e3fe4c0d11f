import { describe, expect, it } from 'vitest';
import { emptyDraft, slotOf, validateDraft } from './appointment-draft';

const complete = emptyDraft({
  youthId: 'y1',
  siteId: 's1',
  staffId: 'c1',
  day: '2026-11-24',
  time: '09:30',
  subject: '  Point CV ',
});

describe('the booking form', () => {
  it('says in French what is missing', () => {
    expect(validateDraft(emptyDraft())).toEqual({
      youthId: 'Choisissez le jeune concerné.',
      siteId: 'Choisissez le lieu du rendez-vous.',
      staffId: 'Choisissez le ou la conseiller·ère.',
      day: 'Indiquez la date.',
      time: "Indiquez l'heure.",
    });
  });

  it('refuses an impossible date, time or duration', () => {
    expect(
      validateDraft({ ...complete, day: '2026-02-30', time: '25:00', durationMinutes: '0' }),
    ).toEqual({
      day: "Cette date n'existe pas.",
      time: 'Heure invalide : écrivez-la comme 09:30.',
      durationMinutes: 'La durée va de 5 minutes à 8 heures.',
    });
  });

  it('makes the rendez-vous of a complete draft', () => {
    expect(validateDraft(complete)).toEqual({});
    expect(slotOf(complete)).toEqual({
      youthId: 'y1',
      siteId: 's1',
      staffId: 'c1',
      start: '2026-11-24T09:30',
      durationMinutes: 45,
      subject: 'Point CV',
    });
  });
});
