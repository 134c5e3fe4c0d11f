import { describe, expect, it } from 'vitest';
import { RelaisError } from '../errors';
import { checkPeriod, monthPeriod, monthsOf, quarterPeriod, yearPeriod } from './period';

describe('the period of a report', () => {
  it('gives a year, a quarter and a month, last days included', () => {
    expect(yearPeriod(2023)).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(quarterPeriod(2024, 1)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterPeriod(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(monthPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthsOf({ from: '2026-11-15', to: '2027-01-02' })).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
  });

  it('refuses a period that is not two days in order, a year at most, with a French message', () => {
    expect(checkPeriod('2024-01-01', '2024-12-31')).toEqual(yearPeriod(2024));
    for (const [from, to, message] of [
      ['2026-13-01', '2026-12-31', /AAAA-MM-JJ/],
      [undefined, '2026-12-31', /AAAA-MM-JJ/],
      ['2026-12-01', '2026-11-01', /précède/],
      ['2025-01-01', '2026-06-30', /un an au plus/],
    ] as const) {
      const check = () => checkPeriod(from, to);
      expect(check).toThrow(RelaisError);
      expect(check).toThrow(message);
    }
  });
});
