import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock, today } from '../time';
import {
  checkOpeningHours,
  formatSchedule,
  nextOpeningDays,
  openingsOn,
  parseSchedule,
  type ScheduleException,
  type ScheduleSlot,
} from './schedule';

// Tuesday 24 November 2026, 10:00 at the site.
const clock = fixedClock('2026-11-24T10:00:00');
const TUESDAY = today(clock);
const THURSDAY = '2026-11-26';

const SEES: { schedule: ScheduleSlot[]; exceptions: ScheduleException[] } = {
  schedule: [
    { weekday: 2, start: '09:00', end: '12:30' },
    { weekday: 2, start: '13:30', end: '17:00' },
    { weekday: 4, start: '09:00', end: '12:30' },
  ],
  exceptions: [],
};

describe('reading a schedule written in French', () => {
  it('reads the issue example "mardi 9 h–12 h, jeudi 14 h–17 h"', () => {
    expect(parseSchedule('mardi 9 h–12 h, jeudi 14 h–17 h')).toEqual({
      slots: [
        { weekday: 2, start: '09:00', end: '12:00' },
        { weekday: 4, start: '14:00', end: '17:00' },
      ],
      issues: [],
    });
  });

  it('reads several ranges for a day, minutes, day ranges and lists', () => {
    const { slots, issues } = parseSchedule(
      'du lundi au vendredi 8 h 30 – 12 h 45 et 13h30-18h ; Sam. 9:00-12:00',
    );
    expect(issues).toEqual([]);
    expect(slots.filter((s) => s.weekday === 1)).toEqual([
      { weekday: 1, start: '08:30', end: '12:45' },
      { weekday: 1, start: '13:30', end: '18:00' },
    ]);
    expect(slots.filter((s) => s.weekday === 5)).toHaveLength(2);
    expect(slots.filter((s) => s.weekday === 6)).toEqual([
      { weekday: 6, start: '09:00', end: '12:00' },
    ]);
    expect(parseSchedule('lundi, jeudi de 9 h à midi').slots).toEqual([
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 4, start: '09:00', end: '12:00' },
    ]);
    expect(parseSchedule('mardi et jeudi 14 h - 17 h').slots.map((s) => s.weekday)).toEqual([2, 4]);
  });

  it('says what it could not understand instead of dropping it', () => {
    expect(parseSchedule('mardi 9 h–12 h, le matin').issues).toEqual([
      { code: 'unknown-word', word: 'matin' },
    ]);
    expect(parseSchedule('9 h–12 h').issues).toEqual([
      { code: 'time-without-day', text: '9 h-12 h' },
    ]);
    expect(parseSchedule('lundi').issues).toEqual([{ code: 'day-without-time', day: 'lundi' }]);
    expect(parseSchedule('jeudi 25 h–26 h').issues).toEqual([
      { code: 'invalid-time', text: '25 h' },
    ]);
    expect(parseSchedule('jeudi 14 h').issues).toEqual([
      { code: 'incomplete-range', text: '14 h' },
    ]);
  });

  it('refuses slots that end before they start or overlap on the same day', () => {
    expect(parseSchedule('jeudi 17 h–14 h').issues).toEqual([
      { code: 'end-before-start', day: 'jeudi', start: '17:00', end: '14:00' },
    ]);
    expect(parseSchedule('jeudi 9 h–12 h et 11 h–13 h').issues).toEqual([
      { code: 'overlapping-slots', day: 'jeudi' },
    ]);
  });
});

describe('writing a schedule back in French', () => {
  it('groups days with the same hours', () => {
    expect(formatSchedule(SEES.schedule)).toBe(
      'mardi 9 h–12 h 30 et 13 h 30–17 h, jeudi 9 h–12 h 30',
    );
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:30', end: '12:45' }));
    expect(formatSchedule(weekdays)).toBe('du lundi au vendredi 8 h 30–12 h 45');
    expect(
      formatSchedule([
        { weekday: 2, start: '09:00', end: '12:00' },
        { weekday: 4, start: '09:00', end: '12:00' },
      ]),
    ).toBe('mardi et jeudi 9 h–12 h');
  });

  it('reads back exactly what it wrote, for any valid schedule', () => {
    const slot = fc
      .record({
        weekday: fc.integer({ min: 1, max: 7 }),
        from: fc.integer({ min: 0, max: 22 * 4 }),
        length: fc.integer({ min: 1, max: 8 }),
      })
      .map(({ weekday, from, length }) => {
        const time = (quarter: number) =>
          `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;
        return { weekday, start: time(from), end: time(Math.min(from + length, 96)) };
      });
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 8 }), (slots) => {
        // Keep one slot per weekday so that the schedule is valid (no overlap).
        const valid = [...new Map(slots.map((s) => [s.weekday, s])).values()];
        const { slots: read, issues } = parseSchedule(formatSchedule(valid));
        expect(issues).toEqual([]);
        expect(read).toEqual([...valid].sort((a, b) => a.weekday - b.weekday));
      }),
    );
  });
});

describe('opening hours of a day, exceptions applied', () => {
  it('follows the weekly slots of the weekday', () => {
    expect(openingsOn(SEES, TUESDAY).intervals).toEqual([
      { start: '09:00', end: '12:30' },
      { start: '13:30', end: '17:00' },
    ]);
    expect(openingsOn(SEES, '2026-11-25').intervals).toEqual([]);
  });

  it('closes the whole day, or some hours, on a dated exception', () => {
    const site = {
      ...SEES,
      exceptions: [
        { date: TUESDAY, closed: true, note: 'Salle du conseil prise' },
        { date: THURSDAY, closed: true, start: '11:00', end: '12:30' },
      ],
    };
    expect(openingsOn(site, TUESDAY)).toMatchObject({ intervals: [], closedByException: true });
    expect(openingsOn(site, THURSDAY).intervals).toEqual([{ start: '09:00', end: '11:00' }]);
    // The next Tuesday is not affected.
    expect(openingsOn(site, '2026-12-01').intervals).toHaveLength(2);
  });

  it('adds an exceptional opening, also on a closed day', () => {
    const site = {
      ...SEES,
      exceptions: [
        { date: '2026-11-25', closed: false, start: '14:00', end: '16:00', note: 'Forum' },
        { date: TUESDAY, closed: true },
        { date: TUESDAY, closed: false, start: '10:00', end: '12:00' },
      ],
    };
    expect(openingsOn(site, '2026-11-25').intervals).toEqual([{ start: '14:00', end: '16:00' }]);
    expect(openingsOn(site, TUESDAY)).toMatchObject({
      intervals: [{ start: '10:00', end: '12:00' }],
      closedByException: false,
    });
  });

  it('finds the next opening days from today, skipping closures', () => {
    const site = { ...SEES, exceptions: [{ date: THURSDAY, closed: true }] };
    expect(nextOpeningDays(site, today(clock), 3)).toEqual([TUESDAY, '2026-12-01', '2026-12-03']);
  });
});

describe('checking a rendez-vous against the opening hours', () => {
  it('accepts one that fits in an opening interval, up to its last minute', () => {
    expect(checkOpeningHours(SEES, `${TUESDAY}T09:00`, 45)).toBeUndefined();
    expect(checkOpeningHours(SEES, `${TUESDAY}T16:15`, 45)).toBeUndefined();
  });

  it('warns when it starts or ends outside the hours, or straddles the lunch break', () => {
    expect(checkOpeningHours(SEES, `${TUESDAY}T08:30`, 45)).toEqual({
      code: 'outside-hours',
      day: TUESDAY,
      intervals: [
        { start: '09:00', end: '12:30' },
        { start: '13:30', end: '17:00' },
      ],
    });
    expect(checkOpeningHours(SEES, `${TUESDAY}T12:00`, 45)?.code).toBe('outside-hours');
    expect(checkOpeningHours(SEES, `${TUESDAY}T16:30`, 45)?.code).toBe('outside-hours');
  });

  it('warns that the site is closed that day, with the note of the exception', () => {
    expect(checkOpeningHours(SEES, '2026-11-25T10:00', 30)).toEqual({
      code: 'closed-day',
      day: '2026-11-25',
    });
    const closed = { ...SEES, exceptions: [{ date: TUESDAY, closed: true, note: 'Férié' }] };
    expect(checkOpeningHours(closed, `${TUESDAY}T10:00`, 30)).toEqual({
      code: 'closed-day',
      day: TUESDAY,
      note: 'Férié',
    });
  });

  it('checks nothing for a site without hours (aller-vers)', () => {
    expect(checkOpeningHours({ schedule: [], exceptions: [] }, `${TUESDAY}T20:00`, 60)).toBe(
      undefined,
    );
  });
});
