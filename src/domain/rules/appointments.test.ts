import { describe, expect, it } from 'vitest';
import { buildAppointment } from '../../../tests/support/builders';
import { fixedClock, today } from '../time';
import {
  awaitsOutcome,
  checkAppointment,
  movePatch,
  reportedAppointment,
  walkInStart,
} from './appointments';

// Tuesday 24 November 2026, 10:07 at the permanence.
const clock = fixedClock('2026-11-24T10:07:00');
const DAY = today(clock);
const SEES_HOURS = {
  schedule: [
    { weekday: 2, start: '09:00', end: '12:30' },
    { weekday: 2, start: '13:30', end: '17:00' },
  ],
  exceptions: [],
};

const booked = (overrides: Parameters<typeof buildAppointment>[0]) =>
  buildAppointment({
    staffId: 'camille',
    start: `${DAY}T09:30`,
    durationMinutes: 45,
    ...overrides,
  });

describe('warnings before saving a rendez-vous', () => {
  it('warns when the adviser already has a rendez-vous at that time', () => {
    const existing = [booked({ youthId: 'ines' })];
    const candidate = booked({ youthId: 'maelys', start: `${DAY}T10:00` });
    expect(checkAppointment(candidate, { site: SEES_HOURS, existing })).toEqual([
      { code: 'adviser-overlap', with: existing },
    ]);
  });

  it('does not warn for back-to-back rendez-vous or another adviser', () => {
    const existing = [booked({ youthId: 'ines' }), booked({ youthId: 'noah', staffId: 'lucas' })];
    const candidate = booked({ youthId: 'maelys', start: `${DAY}T10:15` });
    expect(checkAppointment(candidate, { site: SEES_HOURS, existing })).toEqual([]);
    const atSameTimeWithLucas = booked({ youthId: 'maelys', staffId: 'lucas2' });
    expect(checkAppointment(atSameTimeWithLucas, { site: SEES_HOURS, existing })).toEqual([]);
  });

  it('ignores slots freed by a cancellation, a report or an absence, and the rendez-vous itself', () => {
    const freed = ['annule', 'reporte', 'absent'] as const;
    const existing = freed.map((status) => booked({ youthId: 'ines', status }));
    const candidate = booked({ youthId: 'maelys' });
    expect(checkAppointment(candidate, { site: SEES_HOURS, existing })).toEqual([]);
    const self = booked({ youthId: 'maelys' });
    expect(
      checkAppointment({ ...self, start: `${DAY}T09:45` }, { site: SEES_HOURS, existing: [self] }),
    ).toEqual([]);
  });

  it('warns when the young person already has a rendez-vous then with someone else', () => {
    const existing = [booked({ youthId: 'ines', staffId: 'psychologue' })];
    const candidate = booked({ youthId: 'ines', start: `${DAY}T10:00` });
    expect(checkAppointment(candidate, { site: SEES_HOURS, existing })).toEqual([
      { code: 'youth-overlap', with: existing },
    ]);
  });

  it('warns outside the opening hours and on a closed day, together with an overlap', () => {
    const existing = [booked({ youthId: 'ines', start: `${DAY}T12:00` })];
    const candidate = booked({ youthId: 'maelys', start: `${DAY}T12:15` });
    expect(checkAppointment(candidate, { site: SEES_HOURS, existing }).map((w) => w.code)).toEqual([
      'adviser-overlap',
      'outside-hours',
    ]);
    const wednesday = booked({ youthId: 'maelys', start: '2026-11-25T10:00' });
    expect(checkAppointment(wednesday, { site: SEES_HOURS, existing: [] })).toEqual([
      { code: 'closed-day', day: '2026-11-25' },
    ]);
  });
});

describe('moving and reporting', () => {
  it('keeps the first planned start when a rendez-vous is moved twice', () => {
    const first = movePatch({ start: `${DAY}T09:30` }, { start: `${DAY}T14:00` });
    expect(first).toEqual({ start: `${DAY}T14:00`, previousStart: `${DAY}T09:30` });
    const second = movePatch(
      { start: `${DAY}T14:00`, previousStart: `${DAY}T09:30` },
      { start: `${DAY}T15:00` },
    );
    expect(second.previousStart).toBe(`${DAY}T09:30`);
    expect(movePatch({ start: `${DAY}T09:30` }, { subject: 'Point CV' })).toEqual({
      subject: 'Point CV',
    });
  });

  it('plans the new slot of a reported rendez-vous with the same people', () => {
    const current = booked({ youthId: 'ines', subject: 'Bilan PMSMP' });
    expect(reportedAppointment(current, { start: '2026-12-01T09:00' })).toEqual({
      youthId: 'ines',
      siteId: current.siteId,
      staffId: 'camille',
      start: '2026-12-01T09:00',
      durationMinutes: 45,
      status: 'planifie',
      subject: 'Bilan PMSMP',
      previousStart: `${DAY}T09:30`,
    });
  });
});

describe('the day at the permanence', () => {
  it('says which planned rendez-vous passed without an outcome', () => {
    expect(awaitsOutcome(booked({ youthId: 'ines', start: `${DAY}T09:30` }), clock)).toBe(true);
    expect(awaitsOutcome(booked({ youthId: 'ines', start: `${DAY}T10:30` }), clock)).toBe(false);
    expect(
      awaitsOutcome(booked({ youthId: 'ines', start: `${DAY}T09:30`, status: 'present' }), clock),
    ).toBe(false);
  });

  it('starts a walk-in at the current time, on the five minutes', () => {
    expect(walkInStart(clock)).toBe(`${DAY}T10:05`);
  });
});
