import { describe, expect, it } from 'vitest';
import { fixedClock } from '../time';
import {
  actionProblem,
  cancellationProblem,
  mayKeepCatalogue,
  minutesBetween,
  runsSession,
  seriesStarts,
  sessionProblem,
  shiftedDeadline,
} from './workshops';

// Tuesday 24 November 2026, 15:00: today's 14 h session has started.
const clock = fixedClock('2026-11-24T15:00:00');

describe('series of sessions (issue 15, item 2)', () => {
  it('plans every Tuesday 14 h for 6 weeks from the next Tuesday still to come', () => {
    expect(seriesStarts({ weekday: 2, time: '14:00', count: 6 }, clock)).toEqual([
      '2026-12-01T14:00',
      '2026-12-08T14:00',
      '2026-12-15T14:00',
      '2026-12-22T14:00',
      '2026-12-29T14:00',
      '2027-01-05T14:00',
    ]);
  });

  it('starts today when today’s time is still to come, and from a later first day', () => {
    expect(seriesStarts({ weekday: 2, time: '16:30', count: 2 }, clock)).toEqual([
      '2026-11-24T16:30',
      '2026-12-01T16:30',
    ]);
    expect(
      seriesStarts(
        { from: '2026-11-27', weekday: 4, time: '09:00', count: 3, everyWeeks: 2 },
        clock,
      ),
    ).toEqual(['2026-12-03T09:00', '2026-12-17T09:00', '2026-12-31T09:00']);
  });

  it('never starts in the past, even from a first day gone by', () => {
    expect(
      seriesStarts({ from: '2026-11-02', weekday: 1, time: '09:00', count: 1 }, clock),
    ).toEqual(['2026-11-30T09:00']);
  });

  it('plans nothing for an impossible series', () => {
    expect(seriesStarts({ weekday: 0, time: '14:00', count: 6 }, clock)).toEqual([]);
    expect(seriesStarts({ weekday: 2, time: '14:00', count: 0 }, clock)).toEqual([]);
    expect(seriesStarts({ weekday: 2, time: '14:00', count: 53 }, clock)).toEqual([]);
    expect(seriesStarts({ weekday: 2, time: '2 h', count: 2 }, clock)).toEqual([]);
  });

  it('keeps each session’s deadline as many days before it as the first one’s', () => {
    expect(shiftedDeadline('2026-12-01T14:00', '2026-11-27', '2026-12-15T14:00')).toBe(
      '2026-12-11',
    );
  });
});

describe('rules of a session, on the device and on the server', () => {
  const session = {
    actionId: 'a1',
    siteId: 's1',
    start: '2026-12-01T14:00',
    durationMinutes: 120,
    capacity: 12,
    signUpDeadline: '2026-11-30',
  };

  it('takes a complete session', () => {
    expect(sessionProblem(session, { requireAction: true })).toBeUndefined();
    expect(sessionProblem({ ...session, signUpDeadline: '2026-12-01' })).toBeUndefined();
  });

  it('refuses an end before its start, a capacity under one, a deadline after the day', () => {
    expect(minutesBetween('14:00', '13:30')).toBe(-30);
    expect(sessionProblem({ ...session, durationMinutes: 0 })).toBe('SESSION_END_BEFORE_START');
    expect(sessionProblem({ ...session, capacity: 0 })).toBe('SESSION_CAPACITY_INVALID');
    expect(sessionProblem({ ...session, signUpDeadline: '2026-12-02' })).toBe(
      'SESSION_DEADLINE_AFTER_START',
    );
  });

  it('needs a site and a start, and an action for a new session', () => {
    expect(sessionProblem({ ...session, siteId: undefined })).toBe('SESSION_INCOMPLETE');
    expect(sessionProblem({ ...session, start: undefined })).toBe('SESSION_INCOMPLETE');
    expect(sessionProblem({ ...session, actionId: undefined }, { requireAction: true })).toBe(
      'SESSION_INCOMPLETE',
    );
    expect(sessionProblem({ ...session, actionId: undefined })).toBeUndefined();
  });

  it('cancels a session to come with a reason, never one that started', () => {
    const reason = 'Animatrice absente';
    expect(
      cancellationProblem({ start: '2026-11-24T16:00', cancellationReason: reason }, clock),
    ).toBe(undefined);
    expect(
      cancellationProblem({ start: '2026-11-24T14:00', cancellationReason: reason }, clock),
    ).toBe('SESSION_ALREADY_HELD');
    expect(cancellationProblem({ start: '2026-11-24T16:00', cancellationReason: ' ' }, clock)).toBe(
      'CANCELLATION_REASON_REQUIRED',
    );
  });

  it('knows who runs a session', () => {
    expect(runsSession({ facilitatorId: 'a', coFacilitatorIds: ['b'] }, 'b')).toBe(true);
    expect(runsSession({ facilitatorId: 'a' }, 'c')).toBe(false);
  });
});

describe('catalogue of actions (issue 15, item 1)', () => {
  const action = { title: 'Atelier CV', theme: 'emploi', actionKind: 'atelier' as const };
  it('takes a title, a theme and a kind from the lists', () => {
    expect(actionProblem(action)).toBeUndefined();
    expect(actionProblem({ ...action, title: '  ' })).toBe('ACTION_INVALID');
    expect(actionProblem({ ...action, theme: 'Emploi et CV' })).toBe('ACTION_INVALID');
    expect(actionProblem({ ...action, actionKind: undefined })).toBe('ACTION_INVALID');
    expect(actionProblem({ ...action, defaultCapacity: 0 })).toBe('SESSION_CAPACITY_INVALID');
  });

  it('is kept by the direction and the advisers, not by the accueil', () => {
    expect(mayKeepCatalogue('conseiller')).toBe(true);
    expect(mayKeepCatalogue('direction')).toBe(true);
    expect(mayKeepCatalogue('accueil')).toBe(false);
  });
});
