import { describe, expect, it } from 'vitest';
import { fixedClock } from '../time';
import { eventDateProblem, outcomeDateProblem } from './happened';

// Thursday 26 November 2026, 10:00.
const clock = fixedClock('2026-11-26T10:00:00');

describe('what is recorded once it happened (issue 14, item 1)', () => {
  it('refuses an event dated after today', () => {
    expect(eventDateProblem({ at: '2026-11-28T10:00' }, clock)).toBe('in-future');
    expect(eventDateProblem({ at: '2026-11-26T16:00' }, clock)).toBeUndefined();
    expect(eventDateProblem({ at: '2026-11-20T10:00' }, clock)).toBeUndefined();
  });

  it('refuses Présent or Absent for a rendez-vous of a day to come, not the other outcomes', () => {
    expect(outcomeDateProblem({ status: 'present', start: '2026-11-28T10:00' }, clock)).toBe(
      'in-future',
    );
    expect(outcomeDateProblem({ status: 'absent', start: '2026-11-27T09:00' }, clock)).toBe(
      'in-future',
    );
    expect(outcomeDateProblem({ status: 'present', start: '2026-11-26T14:00' }, clock)).toBe(
      undefined,
    );
    expect(outcomeDateProblem({ status: 'annule', start: '2026-11-28T10:00' }, clock)).toBe(
      undefined,
    );
    expect(outcomeDateProblem({ status: 'planifie', start: '2026-11-28T10:00' }, clock)).toBe(
      undefined,
    );
  });
});
