/**
 * The demo's last complete year against the projet associatif's figures (issue 17, item 5),
 * computed with the statistics' own definitions (src/domain/indicators), each within 2 %.
 *
 * Rural zones in 2025: the zoning in force that year — communes classified France Ruralités
 * Revitalisation (FRR, arrêté du 19 juin 2024), FRR+ (from 1 January 2025), and the former ZRR
 * kept under FRR's effects by the transitional measure (ex-ZRR) — i.e. the report's « QPV et
 * zone rurale » row « Zone rurale (FRR) », young people of a QPV counted as QPV.
 *
 * EPCI: the young people accompanied outside QPV, in proportion to the 15–29 year-olds, read
 * within each kind of place (calibration.ts says why): the rural ones over the rural part of each
 * EPCI, the urban ones in the CUA.
 */
import { describe, expect, it } from 'vitest';
import { yearPeriod } from '../../../src/domain/indicators/period';
import { computeStatistics } from '../../../src/domain/indicators/report';
import { EPCIS } from '../../../src/domain/territory/territory';
import { PROJET_ASSOCIATIF_2023, ruralYouthByEpci } from './calibration';
import { generateDemo } from './generator';

const TODAY = '2026-12-07';
const demo = generateDemo({ today: TODAY });
const report = computeStatistics(
  {
    youths: demo.youths,
    events: demo.events,
    appointments: demo.appointments,
    pathway: demo.pathway,
    workshops: demo.workshops,
    attendances: demo.attendances,
    mobility: demo.mobility,
  } as never,
  yearPeriod(2025),
);
const figure = (id: string) => report.indicators.find((i) => i.id === id)!.value!;
const rows = (id: string) =>
  new Map(report.breakdowns.find((b) => b.id === id)!.rows.map((row) => [row.key, row.count]));

/** Within 2 % of the reported figure. */
function expectClose(actual: number, reported: number) {
  expect(Math.abs(actual - reported) / reported).toBeLessThanOrEqual(0.02);
}

describe('the demo’s last complete year (2025, today 2026-12-07) reproduces the projet associatif', () => {
  const accompanied = figure('jeunes-accompagnes');

  it('1,380 young people accompanied', () => {
    expectClose(accompanied, PROJET_ASSOCIATIF_2023.accompanied);
  });

  it('26 % of them living in a QPV, 13 % in a rural zone (FRR, FRR+ or ex-ZRR in 2025)', () => {
    const places = rows('qpv-rural');
    expectClose(places.get('qpv')! / accompanied, 0.26);
    expectClose(places.get('rural')! / accompanied, 0.13);
    const zoning = rows('zonage-rural');
    const zoned = ['frr', 'frr-plus', 'ex-zrr'].reduce(
      (sum, key) => sum + (zoning.get(key) ?? 0),
      0,
    );
    expect(zoned).toBe(places.get('rural'));
  });

  it('about 12,400 entretiens individuels proposés', () => {
    expectClose(figure('entretiens-proposes'), 12_399);
  });

  it('905 actions collectives held, 62 % présence', () => {
    expectClose(figure('actions-collectives'), 905);
    expectClose(figure('taux-presence-collectif'), 0.62);
  });

  it('91 vehicle loans', () => {
    expectClose(figure('prets-vehicules'), 91);
  });

  it('the young people outside QPV spread over the EPCI by their 15–29 year-olds, rural and urban apart', () => {
    const places = rows('qpv-rural');
    const rural = places.get('rural')!;
    const urban = places.get('autre')!;
    const ruralYouth = ruralYouthByEpci();
    const ruralTotal = [...ruralYouth.values()].reduce((a, b) => a + b, 0);
    const byEpci = new Map(report.coverage.map((c) => [c.epciId, c.accompanied]));
    const qpv = places.get('qpv')!;
    for (const epci of EPCIS) {
      const expected =
        (rural * ruralYouth.get(epci.id)!) / ruralTotal + (epci.id === 'cua' ? urban : 0);
      const outsideQpv = byEpci.get(epci.id)! - (epci.id === 'cua' ? qpv : 0);
      // 2 %, or one young person for the smallest EPCI (25 of them).
      expect(Math.abs(outsideQpv - expected)).toBeLessThanOrEqual(Math.max(1, 0.02 * expected));
    }
  });
});
