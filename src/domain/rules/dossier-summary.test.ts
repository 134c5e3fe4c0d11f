import { describe, expect, it } from 'vitest';
import {
  buildAppointment,
  buildEvent,
  buildProposition,
  buildYouth,
} from '../../../tests/support/builders';
import type { PathwayRecord } from '../schemas/pathway';
import { fixedClock } from '../time';
import { summarizeDossier } from './dossier-summary';

// Tuesday 24 November 2026, 9:00, the morning of the permanence.
const clock = fixedClock('2026-11-24T09:00:00');
const youthId = buildYouth().id;

const event = (at: string, overrides = {}) =>
  buildEvent({ youthId, at, durationMinutes: 60, ...overrides });

const pacea: PathwayRecord = {
  ...buildProposition({ youthId }),
  kind: 'dispositif',
  programme: 'PACEA',
  label: 'PACEA',
  startDate: '2026-06-01',
  result: undefined,
  phases: [
    { label: 'Phase 1 — diagnostic', startDate: '2026-06-01', endDate: '2026-08-31' },
    { label: 'Phase 2 — mise en situation', startDate: '2026-09-01' },
  ],
};

describe('summary of a dossier for the permanence', () => {
  it('gives the three latest events still standing, not the superseded ones', () => {
    const wrong = event('2026-11-20T10:00', { report: 'Erreur de saisie' });
    const events = [
      event('2026-10-01T10:00'),
      event('2026-11-02T10:00'),
      event('2026-11-10T10:00'),
      wrong,
      event('2026-11-20T10:05', { supersedes: wrong.id, report: 'Corrigé' }),
    ];
    const summary = summarizeDossier({ events, pathway: [], appointments: [] }, clock);
    expect(summary.lastEvents.map((e) => e.at)).toEqual([
      '2026-11-20T10:05',
      '2026-11-10T10:00',
      '2026-11-02T10:00',
    ]);
  });

  it('names the dispositif running and its current phase', () => {
    const ended = {
      ...pacea,
      programme: 'CEJ' as const,
      startDate: '2025-01-01',
      endDate: '2025-12-31',
    };
    const summary = summarizeDossier(
      { events: [], pathway: [ended, pacea], appointments: [] },
      clock,
    );
    expect(summary.dispositif).toEqual({
      programme: 'PACEA',
      label: 'PACEA',
      startDate: '2026-06-01',
      phase: 'Phase 2 — mise en situation',
    });
    expect(summary.cejWeek).toBeUndefined();
  });

  it('gives the CEJ hours of the week against the commitment', () => {
    const cej: PathwayRecord = {
      ...pacea,
      programme: 'CEJ',
      label: "Contrat d'engagement jeune",
      weeklyHoursCommitment: 20,
      phases: undefined,
    };
    const events = [event('2026-11-23T09:00'), event('2026-11-23T14:00', { durationMinutes: 180 })];
    const summary = summarizeDossier({ events, pathway: [cej], appointments: [] }, clock);
    expect(summary.cejWeek).toEqual({ weekStart: '2026-11-23', hours: 4, commitment: 20 });
  });

  it('lists the propositions still open, latest first, and the next rendez-vous', () => {
    const open = buildProposition({ youthId, startDate: '2026-11-01', result: 'acceptee' });
    const waiting = buildProposition({ youthId, startDate: '2026-11-15' });
    const closed = buildProposition({ youthId, startDate: '2026-11-16', result: 'realisee' });
    const today = buildAppointment({ youthId, start: '2026-11-24T09:30' });
    const next = buildAppointment({ youthId, start: '2026-12-08T10:00' });
    const summary = summarizeDossier(
      { events: [], pathway: [open, waiting, closed], appointments: [next, today] },
      clock,
    );
    expect(summary.openPropositions.map((p) => p.id)).toEqual([waiting.id, open.id]);
    // Today's rendez-vous is the one being prepared: the next one comes after the day.
    expect(summary.nextAppointment?.id).toBe(next.id);
  });
});
