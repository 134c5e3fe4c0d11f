import { describe, expect, it } from 'vitest';
import { fixedClock } from '../time';
import { ageOf, ageWarning } from './age';

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
