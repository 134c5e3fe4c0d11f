import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../sync-server/src/demo/generator';
import type { MobilityRecord } from '../schemas/mobility';
import type { PathwayRecord } from '../schemas/pathway';
import { loanFigures, outcomeOf } from './mobility-figures';

const base = { rev: 'r', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'u', siteId: 's' };
const vehicles = [
  { ...base, id: 'v1', kind: 'vehicle', vehicleType: 'scooter' },
  { ...base, id: 'v2', kind: 'vehicle', vehicleType: 'velo-electrique' },
] as MobilityRecord[];
const parcours = [
  {
    ...base,
    id: 'job',
    youthId: 'y1',
    kind: 'situation',
    situationType: 'emploi',
    phase: 'en-cours',
  },
  { ...base, id: 'offer', youthId: 'y2', kind: 'proposition', result: 'refusee-tiers' },
] as PathwayRecord[];

function loan(overrides: Partial<MobilityRecord>): MobilityRecord {
  return {
    ...base,
    id: 'l',
    kind: 'loan',
    vehicleId: 'v1',
    youthId: 'y1',
    purpose: 'emploi',
    ...overrides,
  };
}

describe('figures per period', () => {
  const march = { startDate: '2026-03-01', endDate: '2026-03-31' };

  it('counts loans started in the period, days lent within it, purposes, kinds and outcomes', () => {
    const figures = loanFigures(
      [
        loan({ id: 'a', startDate: '2026-03-02', endDate: '2026-03-11', relatedId: 'job' }),
        loan({
          id: 'b',
          vehicleId: 'v2',
          youthId: 'y2',
          purpose: 'entretien',
          startDate: '2026-03-25',
          endDate: '2026-04-05',
          relatedId: 'offer',
        }),
        // Began in February: its March days count, not the loan.
        loan({ id: 'c', startDate: '2026-02-20', endDate: '2026-03-03' }),
        loan({
          id: 'd',
          startDate: '2026-03-10',
          endDate: '2026-03-12',
          cancelledOn: '2026-03-01',
        }),
        loan({
          id: 'e',
          startDate: '2026-03-20',
          endDate: '2026-03-22',
          hold: { since: '2026-03-01T10:00:00.000Z', withLoanIds: ['a'] },
        }),
        loan({ id: 'f', startDate: '2026-03-14', endDate: '2026-03-16', returnedOn: '2026-03-18' }),
      ],
      vehicles,
      parcours,
      march,
    );
    expect(figures).toEqual({
      loans: 3,
      daysLent: 10 + 7 + 3 + 3,
      youths: 2,
      byPurpose: { emploi: 2, entretien: 1 },
      byVehicleKind: { scooter: 2, 'velo-electrique': 1 },
      byOutcome: { atteint: 1, 'non-atteint': 1, inconnu: 1 },
      lateReturns: 1,
    });
  });

  it('says a proposition accepted or carried out is reached, a refused one not', () => {
    expect(outcomeOf({ kind: 'proposition', result: 'realisee' })).toBe('atteint');
    expect(outcomeOf({ kind: 'proposition', result: 'en-attente' })).toBe('inconnu');
    expect(outcomeOf({ kind: 'situation', phase: 'prevu' })).toBe('inconnu');
    expect(outcomeOf(undefined)).toBe('inconnu');
  });

  it('finds the projet associatif’s 91 loans in the demo’s last complete year', () => {
    const demo = generateDemo({ today: '2026-11-26', youths: 400, events: 400 });
    const mobility = (demo.mobility ?? []) as MobilityRecord[];
    const figures = loanFigures(
      mobility.filter((d) => d.kind === 'loan'),
      mobility.filter((d) => d.kind === 'vehicle'),
      (demo.pathway ?? []) as PathwayRecord[],
      { startDate: '2025-01-01', endDate: '2025-12-31' },
    );
    expect(figures.loans).toBe(91);
    expect(figures.daysLent).toBeGreaterThan(91 * 5);
  }, 20_000);
});
