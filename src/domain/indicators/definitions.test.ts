import { describe, expect, it } from 'vitest';
import { ADVISER_A, NOVEMBER, statisticsFixture } from '../../../tests/support/statistics-fixture';
import { restrictToAdviser } from './data';
import { isDurableJob } from './entries';
import { computeStatistics } from './report';

/** The figure of one indicator, by id. */
function figures(report: ReturnType<typeof computeStatistics>) {
  return Object.fromEntries(report.indicators.map((i) => [i.id, i.value]));
}

describe('the indicators of the activity report (November 2026, hand-counted)', () => {
  const report = computeStatistics(statisticsFixture(), NOVEMBER);
  const value = figures(report);

  it('counts as accompanied whoever had an entretien, an atelier attended or an information collective in the period', () => {
    // Inès (entretien), Noé (present at the atelier), Léa (information collective), Sam
    // (entretien, corrected once): Tom's street meeting and absence do not count, Zoé is merged.
    expect(value['jeunes-accompagnes']).toBe(4);
  });

  it('counts the premiers accueils of the period, not an aller-vers contact nor a merged dossier', () => {
    expect(value['premiers-accueils']).toBe(1);
  });

  it('counts rendez-vous that stood plus entretiens without one as proposed, each meeting once', () => {
    // 3 rendez-vous (the cancelled one left out) + Sam's entretien (its correction only).
    expect(value['entretiens-proposes']).toBe(4);
    // Inès's entretien (its rendez-vous is the same meeting) + Sam's.
    expect(value['entretiens-realises']).toBe(2);
  });

  it('rates présence over the rendez-vous whose présence was noted', () => {
    const rdv = report.indicators.find((i) => i.id === 'taux-presence-rdv')!;
    expect(rdv).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
  });

  it('counts the sessions held (not the catalogue, not a cancelled one) and their présence', () => {
    expect(value['actions-collectives']).toBe(1);
    const rate = report.indicators.find((i) => i.id === 'taux-presence-collectif')!;
    // Noé present, Tom absent; Sam's cancelled sign-up is no émargement.
    expect(rate).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
  });

  it('counts entries in situations begun in the period, durable jobs being CDI or six months or more', () => {
    expect(value['entrees-emploi']).toBe(2);
    expect(value['entrees-emploi-durable']).toBe(1);
    // Léa's CDI is full time, Sam's CDD part time.
    expect(value['entrees-emploi-temps-plein']).toBe(1);
    expect(value['entrees-alternance']).toBe(1);
    expect(value['entrees-formation']).toBe(0);
    expect(value['entrees-pmsmp']).toBe(1);
    expect(value['entrees-service-civique']).toBe(1);
  });

  it('calls a job durable from six months, the last day included, or a CDI', () => {
    const job = (situationSubtype: 'cdd' | 'cdi', endDate?: string) =>
      isDurableJob({
        id: 'p',
        rev: 'r',
        updatedAt: '2026-11-01T00:00:00.000Z',
        updatedBy: 'u',
        youthId: 'y',
        kind: 'situation',
        situationType: 'emploi',
        situationSubtype,
        startDate: '2026-11-01',
        ...(endDate ? { endDate } : {}),
      });
    expect(job('cdd', '2027-04-30')).toBe(true);
    expect(job('cdd', '2027-04-29')).toBe(false);
    expect(job('cdd')).toBe(false);
    expect(job('cdi')).toBe(true);
  });

  it('counts entries in and exits from CEJ and PACEA, an exit on its actual end date', () => {
    expect(value['entrees-cej']).toBe(1);
    // Noé's CEJ closed on 13 November (planned to end in March).
    expect(value['sorties-cej']).toBe(1);
    expect(value['entrees-pacea']).toBe(0);
    // Sam's PACEA planned to end on 30 November and never closed (older data); Léa's PACEA,
    // planned for 20 November, was closed on 30 October.
    expect(value['sorties-pacea']).toBe(1);
  });

  it('gives the exits by exit reason, each column summing to its indicator', () => {
    expect(report.exitReasons.map((r) => [r.label, r.CEJ, r.PACEA])).toEqual([
      ['Emploi durable (CDI, CDD de 6 mois et plus)', 1, 0],
      ['Non renseigné', 0, 1],
    ]);
    const october = computeStatistics(statisticsFixture(), {
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(october.exitReasons.map((r) => [r.key, r.CEJ, r.PACEA])).toEqual([['formation', 0, 1]]);
  });

  it('counts loans, aller-vers meetings and contacts, relances of the period', () => {
    expect(value['prets-vehicules']).toBe(1);
    expect(value['contacts-aller-vers']).toBe(1);
    expect(value['nouveaux-contacts-aller-vers']).toBe(1);
    expect(value['relances']).toBe(1);
  });

  it('gives the couverture against the 13,136 young people of the four EPCI', () => {
    const couverture = report.indicators.find((i) => i.id === 'couverture')!;
    expect(couverture).toMatchObject({ numerator: 4, denominator: 13_136 });
    expect(report.coverage.map((c) => [c.epciId, c.accompanied, c.youth15to29])).toEqual([
      ['cua', 2, 9634],
      ['cc-vallee-haute-sarthe', 1, 1032],
      ['cc-pays-fertois-bocage-carrougien', 0, 636],
      ['cc-sources-orne', 1, 1834],
    ]);
  });

  it('gives every indicator a French label and a one-sentence definition', () => {
    for (const indicator of report.indicators) {
      expect(indicator.label).toMatch(/\S/);
      expect(indicator.definition).toMatch(/^[A-ZÉ].*\.$/);
    }
  });

  it('gives the monthly activity of the period', () => {
    expect(report.monthly).toEqual([
      { month: '2026-11', label: 'novembre 2026', jeunes: 4, entretiens: 2, seances: 1 },
    ]);
  });

  it('restricts to an adviser’s caseload: their dossiers and what concerns them', () => {
    const mine = figures(
      computeStatistics(restrictToAdviser(statisticsFixture(), ADVISER_A), NOVEMBER),
    );
    expect(mine['jeunes-accompagnes']).toBe(3);
    expect(mine['entrees-cej']).toBe(0);
    expect(mine['actions-collectives']).toBe(1);
    expect(mine['prets-vehicules']).toBe(1);
  });
});
