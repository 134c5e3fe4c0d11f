import { describe, expect, it } from 'vitest';
import { fixedClock } from '../time';
import { ageOf, ageWarning, entryAgeProblem, entryAgeText } from './age';

const on = (day: string) => fixedClock(`${day}T10:00:00`);

describe('age of a young person', () => {
  it('counts completed years, the birthday included', () => {
    expect(ageOf('2008-03-12', on('2026-03-11'))).toEqual({ years: 17, approximate: false });
    expect(ageOf('2008-03-12', on('2026-03-12'))).toEqual({ years: 18, approximate: false });
  });

  it('handles a 29 February birthday', () => {
    expect(ageOf('2008-02-29', on('2026-02-28'))?.years).toBe(17);
    expect(ageOf('2008-02-29', on('2026-03-01'))?.years).toBe(18);
  });

  it('is approximate when only the year is known (aller vers)', () => {
    expect(ageOf('2007', on('2026-11-26'))).toEqual({ years: 19, approximate: true });
  });

  it('is unknown for a missing, impossible or future date', () => {
    expect(ageOf(undefined, on('2026-11-26'))).toBeUndefined();
    expect(ageOf('2008-02-30', on('2026-11-26'))).toBeUndefined();
    expect(ageOf('2030-01-01', on('2026-11-26'))).toBeUndefined();
  });
});

describe('age warnings', () => {
  it('accepts 16 to 25 years', () => {
    expect(ageWarning({ years: 16, approximate: false })).toBeUndefined();
    expect(ageWarning({ years: 25, approximate: false })).toBeUndefined();
  });

  it('warns below 16 and from 26', () => {
    expect(ageWarning({ years: 15, approximate: false })).toBe('too-young');
    expect(ageWarning({ years: 26, approximate: false })).toBe('too-old');
  });

  it('keeps the CEJ open up to 29 with an RQTH', () => {
    expect(ageWarning({ years: 29, approximate: false }, true)).toBeUndefined();
    expect(ageWarning({ years: 30, approximate: false }, true)).toBe('too-old-cej-rqth');
  });
});

describe('ages a Mission Locale can accompany, at the date of entry (issue 14, item 2)', () => {
  it('refuses under 15 and over 30 at the date of entry', () => {
    expect(entryAgeProblem('2016-05-02', '2026-11-26')).toEqual({ code: 'too-young', years: 10 });
    expect(entryAgeProblem('1900-01-01', '2026-11-26')).toEqual({ code: 'too-old', years: 126 });
    expect(entryAgeProblem('2011-11-27', '2026-11-26')).toEqual({ code: 'too-young', years: 14 });
    expect(entryAgeProblem('1995-11-25', '2026-11-26')).toEqual({ code: 'too-old', years: 31 });
  });

  it('accepts 15 to 30 (26–29 stay warnings only)', () => {
    expect(entryAgeProblem('2011-11-26', '2026-11-26')).toBeUndefined();
    expect(entryAgeProblem('1996-11-25', '2026-11-26')).toBeUndefined();
    expect(entryAgeProblem('1998-01-01', '2026-11-26')).toBeUndefined();
    expect(ageWarning(ageOf('1998-01-01', on('2026-11-26')))).toBe('too-old');
  });

  it('counts at the date of entry, not today', () => {
    // 24 when the dossier was opened in 2020, 31 today: the dossier was right.
    expect(entryAgeProblem('1995-06-01', '2020-01-15')).toBeUndefined();
  });

  it('refuses a year alone only when every day of it is out of bounds', () => {
    expect(entryAgeProblem('2016', '2026-11-26')).toEqual({ code: 'too-young', years: 10 });
    // Born in 2011: 14 or 15 on 26 November 2026.
    expect(entryAgeProblem('2011', '2026-11-26')).toBeUndefined();
    // Born in 1995: 30 or 31.
    expect(entryAgeProblem('1995', '2026-11-26')).toBeUndefined();
    expect(entryAgeProblem('1994', '2026-11-26')).toEqual({ code: 'too-old', years: 31 });
  });

  it('says nothing of a missing or unusable date (the form asks for it)', () => {
    expect(entryAgeProblem(undefined, '2026-11-26')).toBeUndefined();
    expect(entryAgeProblem('2030-01-01', '2026-11-26')).toBeUndefined();
  });

  it('says it in French', () => {
    expect(entryAgeText({ code: 'too-young', years: 10 })).toMatch(/10 ans.*15 ans/);
    expect(entryAgeText({ code: 'too-old', years: 126 })).toMatch(/126 ans.*30 ans/);
  });
});
