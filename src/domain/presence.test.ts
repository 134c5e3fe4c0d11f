import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../sync-server/src/demo/generator';
import { formatRate, presenceFigures, presenceTotal, type PresenceSession } from './presence';
import { statusFields } from './rules/attendance';
import type { AttendanceStatus } from './schemas/attendance';
import { fixedClock } from './time';

// Thursday 26 November 2026, 12:00.
const clock = fixedClock('2026-11-26T12:00:00');

function session(id: string, start: string, extra: Partial<PresenceSession> = {}): PresenceSession {
  return {
    id,
    kind: 'atelier',
    title: 'Atelier CV',
    theme: 'emploi',
    actionId: 'cv',
    siteId: 'sees',
    start,
    ...extra,
  };
}

const signUps = (workshopId: string, ...statuses: AttendanceStatus[]) =>
  statuses.map((status) => ({ workshopId, ...statusFields(status) }));

describe('présence figures', () => {
  const sessions = [
    session('a', '2026-11-03T14:00'),
    session('b', '2026-11-10T14:00', { siteId: 'siege' }),
    session('c', '2026-11-17T09:30', {
      actionId: 'cej',
      title: 'Information collective CEJ',
      theme: 'projet-professionnel',
      kind: 'information-collective',
    }),
    // Cancelled, and later today: not held.
    session('d', '2026-11-18T14:00', { cancelled: true }),
    session('e', '2026-11-26T14:00'),
  ];
  const attendances = [
    ...signUps('a', 'realise', 'realise', 'absent', 'excuse', 'refus-jeune'),
    ...signUps('b', 'realise', 'prescrit', 'refus-tiers'),
    ...signUps('c', 'realise', 'realise', 'realise', 'absent'),
    ...signUps('d', 'prescrit', 'prescrit'),
    ...signUps('e', 'prescrit'),
    // A v0 record, by its flags.
    { workshopId: 'b', present: true },
  ];

  it('counts sessions held, sign-ups but refusals, présents and the rate, in total', () => {
    const total = presenceTotal(sessions, attendances, { clock });
    expect(total).toEqual({ sessionsHeld: 3, signUps: 11, presents: 7, rate: 7 / 11 });
    expect(formatRate(total.rate)).toBe('64 %');
    expect(formatRate(undefined)).toBe('—');
  });

  it('groups by session, action, theme, site, week and month', () => {
    const by = (dimension: Parameters<typeof presenceFigures>[2]['by']) =>
      presenceFigures(sessions, attendances, { by: dimension, clock }).map((r) => [
        r.key,
        r.sessionsHeld,
        r.signUps,
        r.presents,
      ]);
    expect(by('session')).toEqual([
      ['a', 1, 4, 2],
      ['b', 1, 3, 2],
      ['c', 1, 4, 3],
    ]);
    expect(by('action')).toEqual([
      ['cv', 2, 7, 4],
      ['cej', 1, 4, 3],
    ]);
    expect(by('theme')).toEqual([
      ['emploi', 2, 7, 4],
      ['projet-professionnel', 1, 4, 3],
    ]);
    expect(by('site')).toEqual([
      ['sees', 2, 8, 5],
      ['siege', 1, 3, 2],
    ]);
    expect(by('week')).toEqual([
      ['2026-11-02', 1, 4, 2],
      ['2026-11-09', 1, 3, 2],
      ['2026-11-16', 1, 4, 3],
    ]);
    expect(by('month')).toEqual([['2026-11', 3, 11, 7]]);
  });

  it('takes the sessions of a period only', () => {
    const total = presenceTotal(sessions, attendances, {
      clock,
      from: '2026-11-09',
      to: '2026-11-16',
    });
    expect(total).toEqual({ sessionsHeld: 1, signUps: 3, presents: 2, rate: 2 / 3 });
  });

  it('gives the demo’s 62 % over its year of sessions', () => {
    const demo = generateDemo({ today: '2026-11-26', youths: 300, events: 300 });
    const total = presenceTotal(
      demo.workshops as PresenceSession[],
      demo.attendances as { workshopId: string }[],
      { clock },
    );
    expect(total.sessionsHeld).toBeGreaterThan(850);
    expect(Math.abs(total.rate! - 0.62)).toBeLessThan(0.03);
  });
});
