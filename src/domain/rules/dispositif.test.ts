import { describe, expect, it } from 'vitest';
import {
  dispositifDateProblem,
  dispositifOn,
  findOverlappingDispositif,
  isExtendedCej,
  lastDayAfterMonths,
  phaseProblems,
  type DispositifDates,
} from './dispositif';

const cej = (startDate: string, endDate?: string, id = 'cej'): DispositifDates => ({
  id,
  programme: 'CEJ',
  startDate,
  endDate,
});
const pacea = (startDate: string, endDate?: string, id = 'pacea'): DispositifDates => ({
  id,
  programme: 'PACEA',
  startDate,
  endDate,
});

describe('CEJ dates', () => {
  it('accepts 6 to 12 months, and an extension up to 18 months', () => {
    expect(lastDayAfterMonths('2026-01-05', 6)).toBe('2026-07-04');
    expect(dispositifDateProblem(cej('2026-01-05', '2026-07-04'))).toBeUndefined();
    expect(dispositifDateProblem(cej('2026-01-05', '2027-01-04'))).toBeUndefined();
    expect(isExtendedCej(cej('2026-01-05', '2027-01-04'))).toBe(false);
    expect(dispositifDateProblem(cej('2026-01-05', '2027-07-04'))).toBeUndefined();
    expect(isExtendedCej(cej('2026-01-05', '2027-07-04'))).toBe(true);
  });

  it('refuses less than 6 months, more than 18, or an end before the start', () => {
    expect(dispositifDateProblem(cej('2026-01-05', '2026-07-03'))).toBe('cej-too-short');
    expect(dispositifDateProblem(cej('2026-01-05', '2027-07-05'))).toBe('cej-too-long');
    expect(dispositifDateProblem(cej('2026-01-05', '2025-12-31'))).toBe('end-before-start');
    expect(dispositifDateProblem(cej('2026-01-05'))).toBe('end-missing');
    expect(dispositifDateProblem(cej(''))).toBe('start-missing');
  });
});

describe('PACEA dates and phases', () => {
  it('lasts up to 24 months', () => {
    expect(dispositifDateProblem(pacea('2026-01-05', '2028-01-04'))).toBeUndefined();
    expect(dispositifDateProblem(pacea('2026-01-05', '2028-01-05'))).toBe('pacea-too-long');
    expect(dispositifDateProblem(pacea('2026-01-05', '2026-02-01'))).toBeUndefined();
  });

  it('wants each phase named, dated, and inside the PACEA', () => {
    const problems = phaseProblems({
      ...pacea('2026-01-05', '2026-12-31'),
      phases: [
        { label: 'Diagnostic', startDate: '2026-01-05', endDate: '2026-03-31' },
        { label: ' ', startDate: '2026-04-01' },
        { label: 'Mise en situation', startDate: '2026-04-01', endDate: '2027-02-01' },
        { label: 'Emploi', startDate: '2026-06-01', endDate: '2026-05-01' },
      ],
    });
    expect([...problems]).toEqual([
      [1, 'label-missing'],
      [2, 'outside-dispositif'],
      [3, 'end-before-start'],
    ]);
  });
});

describe('one dispositif at a time', () => {
  it('finds a PACEA that overlaps a new CEJ, by a single day too', () => {
    const existing = [pacea('2025-06-01', '2026-05-31')];
    expect(findOverlappingDispositif(cej('2026-05-31', '2026-11-30'), existing)?.id).toBe('pacea');
    expect(findOverlappingDispositif(cej('2026-06-01', '2026-11-30'), existing)).toBeUndefined();
  });

  it('treats a dispositif without end as still running', () => {
    const existing = [pacea('2025-06-01')];
    expect(findOverlappingDispositif(cej('2030-01-01', '2030-12-31'), existing)?.id).toBe('pacea');
  });

  it('ignores the record itself when it is being edited', () => {
    const record = cej('2026-01-05', '2026-12-31');
    expect(
      findOverlappingDispositif({ ...record, endDate: '2027-03-31' }, [record]),
    ).toBeUndefined();
  });

  it('refuses two CEJ at once as well', () => {
    const existing = [cej('2026-01-05', '2026-12-31', 'first')];
    expect(findOverlappingDispositif(cej('2026-06-01', '2027-05-31', 'second'), existing)?.id).toBe(
      'first',
    );
  });

  it('tells which dispositif runs on a day', () => {
    const list = [pacea('2025-01-01', '2025-12-31'), cej('2026-01-05', '2026-12-31')];
    expect(dispositifOn(list, '2026-03-01')?.programme).toBe('CEJ');
    expect(dispositifOn(list, '2027-03-01')).toBeUndefined();
  });
});
