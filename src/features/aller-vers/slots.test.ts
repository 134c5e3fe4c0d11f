import { describe, expect, it } from 'vitest';
import type { Site } from '../../domain/schemas/site';
import { nextFreeTimes } from './slots';

const perseigne: Site = {
  id: 'perseigne',
  rev: 'r1',
  updatedAt: '2026-11-20T10:00:00.000Z',
  updatedBy: 'siege',
  name: 'Permanence QPV Perseigne',
  kind: 'permanence-qpv',
  schedule: [
    { weekday: 1, start: '09:00', end: '12:30' },
    { weekday: 3, start: '09:00', end: '12:30' },
    { weekday: 5, start: '13:30', end: '17:00' },
  ],
};

// Friday 20 November 2026: the next openings are Monday 23, Wednesday 25 and Friday 27.
const FRIDAY = '2026-11-20';

describe('free times at a permanence', () => {
  it('proposes one time per opening from tomorrow on, in order', () => {
    expect(nextFreeTimes(perseigne, FRIDAY, new Set(), { count: 4 })).toEqual([
      '2026-11-23T09:00',
      '2026-11-25T09:00',
      '2026-11-27T13:30',
      '2026-11-30T09:00',
    ]);
  });

  it('skips the times already booked and the closed days, and adds extra openings', () => {
    const site: Site = {
      ...perseigne,
      exceptions: [
        { date: '2026-11-23', closed: true, note: 'Fermé' },
        { date: '2026-11-24', closed: false, start: '14:00', end: '16:00' },
      ],
    };
    const booked = new Set(['2026-11-24T14:00', '2026-11-25T09:00', '2026-11-25T09:45']);
    expect(nextFreeTimes(site, FRIDAY, booked, { count: 2 })).toEqual([
      '2026-11-24T14:45',
      '2026-11-25T10:30',
    ]);
  });

  it('proposes nothing for a site without opening hours', () => {
    expect(nextFreeTimes({ ...perseigne, schedule: [] }, FRIDAY, new Set())).toEqual([]);
  });
});
