import { describe, expect, it } from 'vitest';
import {
  buildAppointment,
  buildEvent,
  buildYouth,
  buildProposition,
} from '../../../tests/support/builders';
import type { PathwayRecord } from '../schemas/pathway';
import { fixedClock } from '../time';
import { activityHoursInWeek, cejWeekOf } from './cej-hours';
import {
  assessRelance,
  byUrgency,
  normaliseThresholds,
  type RelanceAssessment,
  type RelanceInput,
} from './relances';

// Thursday 26 November 2026, 11:00. This week starts on Monday 23; the two completed weeks
// before it start on 9 and 16 November.
const clock = fixedClock('2026-11-26T11:00:00');
const youth = buildYouth({ status: 'accompagne', createdOn: '2026-01-10' });

function input(overrides: Partial<RelanceInput> = {}): RelanceInput {
  return { youth, events: [], appointments: [], pathway: [], ...overrides };
}
const contact = (at: string, overrides = {}) =>
  buildEvent({ youthId: youth.id, at, durationMinutes: 60, ...overrides });

function cej(overrides: Partial<PathwayRecord> = {}): PathwayRecord {
  return {
    ...buildProposition({ youthId: youth.id }),
    kind: 'dispositif',
    programme: 'CEJ',
    startDate: '2026-10-01',
    endDate: '2027-04-01',
    weeklyHoursCommitment: 15,
    result: undefined,
    ...overrides,
  };
}

describe('no contact for 30 / 60 / 90 days', () => {
  it('raises the highest threshold reached since the last contact', () => {
    const at = (day: string) => assessRelance(input({ events: [contact(`${day}T10:00`)] }), clock);
    expect(at('2026-10-28')).toBeUndefined(); // 29 days
    expect(at('2026-10-27')?.reasons).toEqual([
      { code: 'silence', days: 30, threshold: 30, lastContactOn: '2026-10-27' },
    ]);
    expect(at('2026-09-20')?.reasons[0]).toMatchObject({ days: 67, threshold: 60 });
    expect(at('2026-08-01')?.reasons[0]).toMatchObject({ threshold: 90 });
  });

  it('follows the configured thresholds', () => {
    const events = [contact('2026-11-10T10:00')];
    expect(
      assessRelance(input({ events }), clock, { silenceThresholds: [15, 45] })?.reasons,
    ).toEqual([{ code: 'silence', days: 16, threshold: 15, lastContactOn: '2026-11-10' }]);
    expect(normaliseThresholds([90, 30, 0, 30, -4, 2.5, 60])).toEqual([30, 60, 90]);
  });

  it('does not count a relance as a contact, and counts from the premier accueil without events', () => {
    const events = [
      contact('2026-08-01T10:00'),
      contact('2026-11-20T10:00', { kind: 'relance', channel: 'sms' }),
    ];
    expect(assessRelance(input({ events }), clock)?.reasons[0]).toMatchObject({
      lastContactOn: '2026-08-01',
    });
    expect(assessRelance(input(), clock)?.reasons[0]).toMatchObject({
      lastContactOn: '2026-01-10',
      threshold: 90,
    });
  });

  it('leaves out dossiers that are not in accompaniment', () => {
    for (const status of ['sorti', 'en-veille', 'contact-aller-vers'] as const) {
      expect(assessRelance(input({ youth: { ...youth, status } }), clock)).toBeUndefined();
    }
  });
});

describe('two rendez-vous missed in a row', () => {
  const rdv = (start: string, status: 'present' | 'absent' | 'annule' | 'planifie') =>
    buildAppointment({ youthId: youth.id, start, status });
  const recent = [contact('2026-11-25T10:00')];

  it('counts the absences back from the latest rendez-vous with an outcome', () => {
    const appointments = [
      rdv('2026-10-01T10:00', 'present'),
      rdv('2026-11-05T10:00', 'absent'),
      rdv('2026-11-12T10:00', 'annule'),
      rdv('2026-11-19T10:00', 'absent'),
      rdv('2026-12-03T10:00', 'planifie'),
    ];
    const assessment = assessRelance(input({ events: recent, appointments }), clock);
    expect(assessment?.reasons).toEqual([
      { code: 'missed-in-a-row', count: 2, lastMissedOn: '2026-11-19' },
    ]);
    expect(assessment?.nextAppointment?.start).toBe('2026-12-03T10:00');
  });

  it('is cleared by a presence after the absences, and one absence is not enough', () => {
    const cleared = [
      rdv('2026-11-05T10:00', 'absent'),
      rdv('2026-11-12T10:00', 'absent'),
      rdv('2026-11-19T10:00', 'present'),
    ];
    expect(assessRelance(input({ events: recent, appointments: cleared }), clock)).toBeUndefined();
    const once = [rdv('2026-11-05T10:00', 'present'), rdv('2026-11-19T10:00', 'absent')];
    expect(assessRelance(input({ events: recent, appointments: once }), clock)).toBeUndefined();
  });
});

describe('CEJ hours under the commitment for two weeks', () => {
  const week = (monday: string, hours: number) =>
    Array.from({ length: hours }, (_, i) =>
      contact(
        `${monday.slice(0, 8)}${String(Number(monday.slice(8)) + (i % 5)).padStart(2, '0')}T09:00`,
      ),
    );

  it('counts the hours of each week, Monday to Sunday, without the relances', () => {
    const events = [
      ...week('2026-11-16', 3),
      contact('2026-11-22T18:00', { durationMinutes: 30 }), // Sunday
      contact('2026-11-23T09:00'), // next Monday
      contact('2026-11-17T09:00', { kind: 'relance', durationMinutes: 10 }),
    ];
    expect(activityHoursInWeek({ events }, '2026-11-16')).toBe(3.5);
  });

  it('adds the workshops attended that no event records', () => {
    const workshops = new Map([
      ['w1', { start: '2026-11-18T14:00', durationMinutes: 120 }],
      ['w2', { start: '2026-11-19T14:00', durationMinutes: 90 }],
    ]);
    const attendances = [
      { workshopId: 'w1', present: true },
      { workshopId: 'w2', present: false },
    ];
    expect(activityHoursInWeek({ events: [], attendances, workshops }, '2026-11-16')).toBe(2);
  });

  it('raises the signal when both completed weeks are under the commitment', () => {
    const events = [
      ...week('2026-11-09', 12),
      ...week('2026-11-16', 5),
      contact('2026-11-25T09:00'),
    ];
    expect(assessRelance(input({ events, pathway: [cej()] }), clock)?.reasons).toEqual([
      {
        code: 'cej-hours-short',
        weeks: [
          { weekStart: '2026-11-09', hours: 12, commitment: 15 },
          { weekStart: '2026-11-16', hours: 5, commitment: 15 },
        ],
      },
    ]);
  });

  it('stays quiet when one of the weeks met the commitment, or the CEJ is too recent or over', () => {
    const events = [
      ...week('2026-11-09', 15),
      ...week('2026-11-16', 5),
      contact('2026-11-25T09:00'),
    ];
    expect(assessRelance(input({ events, pathway: [cej()] }), clock)).toBeUndefined();
    const few = [contact('2026-11-25T09:00')];
    expect(
      assessRelance(input({ events: few, pathway: [cej({ startDate: '2026-11-12' })] }), clock),
    ).toBeUndefined();
    expect(
      assessRelance(input({ events: few, pathway: [cej({ endDate: '2026-11-20' })] }), clock),
    ).toBeUndefined();
  });

  it('gives the hours of the current week against the commitment', () => {
    const events = [...week('2026-11-23', 4)];
    expect(cejWeekOf([cej()], { events }, '2026-11-26')).toEqual({
      weekStart: '2026-11-23',
      hours: 4,
      commitment: 15,
    });
    expect(cejWeekOf([], { events }, '2026-11-26')).toBeUndefined();
  });
});

describe('where a relance stands', () => {
  const silent = [contact('2026-09-01T10:00')];

  it('waits until the follow-up day, then is due again', () => {
    const relance = contact('2026-11-24T09:00', {
      kind: 'relance',
      channel: 'telephone',
      followUpOn: '2026-12-01',
    });
    const pending = assessRelance(input({ events: [...silent, relance] }), clock);
    expect(pending).toMatchObject({
      state: 'en-attente',
      followUpOn: '2026-12-01',
      lastRelance: { channel: 'telephone' },
    });
    const later = fixedClock('2026-12-01T08:00:00');
    expect(assessRelance(input({ events: [...silent, relance] }), later)?.state).toBe('suivi-du');
    expect(assessRelance(input({ events: silent }), clock)?.state).toBe('a-relancer');
  });

  it('defaults the follow-up to a week after the relance', () => {
    const relance = contact('2026-11-16T09:00', { kind: 'relance', channel: 'courrier' });
    expect(assessRelance(input({ events: [...silent, relance] }), clock)).toMatchObject({
      state: 'suivi-du',
      followUpOn: '2026-11-23',
    });
  });

  it('starts a fresh cycle when the last relance is older than the last contact', () => {
    const events = [
      contact('2026-06-10T09:00', { kind: 'relance', channel: 'sms', followUpOn: '2026-06-17' }),
      contact('2026-09-20T10:00'),
    ];
    const assessment = assessRelance(input({ events }), clock);
    expect(assessment?.state).toBe('a-relancer');
    expect(assessment?.lastRelance).toBeUndefined();
  });

  it('is cleared by a contact after the relance', () => {
    const events = [
      ...silent,
      contact('2026-11-20T09:00', { kind: 'relance', channel: 'sms' }),
      contact('2026-11-25T14:00'),
    ];
    expect(assessRelance(input({ events }), clock)).toBeUndefined();
  });

  it('orders the work: follow-ups due, then the longest silences', () => {
    const due: RelanceAssessment = { youthId: 'a', state: 'suivi-du', reasons: [] };
    const long: RelanceAssessment = {
      youthId: 'b',
      state: 'a-relancer',
      reasons: [{ code: 'silence', days: 120, threshold: 90, lastContactOn: '' }],
    };
    const short: RelanceAssessment = {
      youthId: 'c',
      state: 'a-relancer',
      reasons: [{ code: 'silence', days: 31, threshold: 30, lastContactOn: '' }],
    };
    const waiting: RelanceAssessment = { youthId: 'd', state: 'en-attente', reasons: [] };
    expect([waiting, short, long, due].sort(byUrgency).map((a) => a.youthId)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });
});
