import { describe, expect, it } from 'vitest';
import { anonymisedYouth, isAnonymised, retentionDue, twentySixthBirthday } from './retention';

const dispositif = (startDate: string, endDate?: string) => ({
  collection: 'pathway' as const,
  data: { kind: 'dispositif', programme: 'PACEA', startDate, ...(endDate ? { endDate } : {}) },
});

describe('retention rules', () => {
  it('finds the 26th birthday, from the year alone at the end of that year', () => {
    expect(twentySixthBirthday('2000-12-05')).toBe('2026-12-05');
    expect(twentySixthBirthday('2004-02-29')).toBe('2030-02-28');
    expect(twentySixthBirthday('2000')).toBe('2026-12-31');
    expect(twentySixthBirthday(undefined)).toBeUndefined();
  });

  it('keeps a dossier until the day after the 26th birthday, or the end of a programme then in progress', () => {
    const youth = { firstName: 'Inès', lastName: 'Lefèvre', birthDate: '2000-12-05' };
    expect(retentionDue(youth, [], '2026-12-05', 36)).toBeUndefined();
    expect(retentionDue(youth, [], '2026-12-06', 36)).toBe('age-26');
    const running = [dispositif('2026-06-01')];
    expect(retentionDue(youth, running, '2027-06-01', 36)).toBeUndefined();
    const ending = [dispositif('2026-06-01', '2027-05-31')];
    expect(retentionDue(youth, ending, '2027-05-31', 36)).toBeUndefined();
    expect(retentionDue(youth, ending, '2027-06-01', 36)).toBe('fin-de-programme');
    // A programme closed early ends on its actual end (issue 17), not its planned one.
    const closed = [
      {
        collection: 'pathway' as const,
        data: { ...ending[0]!.data, endedOn: '2027-01-15', exitReason: 'emploi-durable' },
      },
    ];
    expect(retentionDue(youth, closed, '2027-01-15', 36)).toBeUndefined();
    expect(retentionDue(youth, closed, '2027-01-16', 36)).toBe('fin-de-programme');
  });

  it('anonymises after the configured time without activity, unless a programme runs', () => {
    const youth = { firstName: 'Inès', lastName: 'L', birthDate: '2006', createdOn: '2022-01-10' };
    expect(retentionDue(youth, [], '2025-01-10', 36)).toBeUndefined();
    expect(retentionDue(youth, [], '2025-01-11', 36)).toBe('inactivite');
    expect(retentionDue(youth, [], '2025-01-11', 48)).toBeUndefined();
    expect(retentionDue(youth, [dispositif('2021-01-01')], '2025-01-11', 36)).toBeUndefined();
  });

  it('keeps what statistics need and nothing that names or reaches the person', () => {
    const kept = anonymisedYouth({
      id: 'y1',
      firstName: 'Inès',
      lastName: 'Lefèvre',
      birthName: 'Martin',
      birthDate: '2006-04-12',
      phone: '06',
      email: 'i@example.fr',
      address: '1 rue',
      notes: 'n',
      rqth: true,
      gender: 'F',
      communeInsee: '61001',
      qpvCode: 'QN06106M',
      educationLevel: 'niveau-4',
      diplomaObtained: true,
      orientation: 'aller-vers',
      status: 'sorti',
      consent: { freeAdherence: true, rgpdInformedOn: '2024-01-01' },
      outreach: { place: 'Perseigne', need: 'emploi' },
    });
    expect(kept).toEqual({
      id: 'y1',
      firstName: 'Anonyme',
      lastName: '',
      birthDate: '2006',
      gender: 'F',
      communeInsee: '61001',
      qpvCode: 'QN06106M',
      educationLevel: 'niveau-4',
      diplomaObtained: true,
      orientation: 'aller-vers',
      status: 'sorti',
      consent: { freeAdherence: true },
      outreach: { need: 'emploi' },
    });
    expect(isAnonymised(kept)).toBe(true);
    expect(retentionDue(kept, [], '2040-01-01', 36)).toBeUndefined();
  });
});
