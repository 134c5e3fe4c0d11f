import { describe, expect, it } from 'vitest';
import {
  ADVISER_A,
  ADVISER_B,
  NOVEMBER,
  statisticsFixture,
} from '../../../tests/support/statistics-fixture';
import { ageBand, ruralLabel } from './breakdowns';
import { computeStatistics } from './report';

describe('the breakdowns of the young people accompanied', () => {
  const names = {
    staff: new Map([
      [ADVISER_A, 'Camille Martin'],
      [ADVISER_B, 'Julien Petit'],
    ]),
  };
  const report = computeStatistics(statisticsFixture(), NOVEMBER, names);
  const rows = (id: string) =>
    report.breakdowns.find((b) => b.id === id)!.rows.map((r) => [r.label, r.count]);

  it('each sums to the number of young people accompanied', () => {
    expect(report.breakdowns.map((b) => b.id)).toEqual([
      'site',
      'epci',
      'commune',
      'qpv',
      'qpv-rural',
      'zonage-rural',
      'age',
      'sexe',
      'niveau',
      'niveau-diplome',
      'orientation',
      'referent',
      'mois',
    ]);
    for (const breakdown of report.breakdowns) {
      expect(breakdown.total).toBe(4);
      expect(breakdown.rows.reduce((sum, row) => sum + row.count, 0)).toBe(4);
    }
  });

  it('places each young person by residence, age at the period’s end, sex, level and référent', () => {
    expect(rows('epci')).toEqual([
      ["CU d'Alençon", 2],
      ['CC de la Vallée de la Haute Sarthe', 1],
      ["CC des Sources de l'Orne", 1],
    ]);
    expect(rows('qpv')).toEqual([
      ['Hors QPV', 3],
      ['Perseigne', 1],
    ]);
    expect(rows('qpv-rural')).toEqual([
      ['Zone rurale (FRR)', 2],
      ['Ni QPV ni zone rurale', 1],
      ['QPV', 1],
    ]);
    expect(rows('age')).toEqual([
      ['16–17 ans', 1],
      ['18–21 ans', 1],
      ['22–25 ans', 1],
      ['26 ans et plus', 1],
    ]);
    expect(rows('sexe')).toEqual([
      ['Femme', 2],
      ['Homme', 2],
    ]);
    expect(rows('niveau').at(-1)).toEqual(['Non renseigné', 1]);
    expect(rows('referent')).toEqual([
      ['Camille Martin', 3],
      ['Julien Petit', 1],
    ]);
    expect(rows('mois')).toEqual([['novembre 2026', 4]]);
  });

  it('places each young person by level and diploma obtained, and by how they came', () => {
    expect(rows('niveau-diplome')).toEqual([
      ['Niveau 3 (CAP, BEP) — diplôme non obtenu', 1],
      ['Niveau 4 (baccalauréat) — diplôme obtenu', 1],
      ['Sans diplôme', 1],
      ['Non renseigné', 1],
    ]);
    expect(rows('orientation')).toEqual([
      ['Établissement scolaire', 1],
      ['Famille, bouche-à-oreille', 1],
      ['France Travail', 1],
      ['Non renseigné', 1],
    ]);
  });

  it('says when the diploma of a level is not known', () => {
    const fixture = statisticsFixture();
    const unknown = computeStatistics(
      { ...fixture, youths: fixture.youths.map(({ diplomaObtained: _d, ...youth }) => youth) },
      NOVEMBER,
    );
    const labels = unknown.breakdowns.find((b) => b.id === 'niveau-diplome')!.rows;
    expect(labels.map((r) => r.label)).toContain('Niveau 4 (baccalauréat) — diplôme non renseigné');
  });

  it('says ZRR for the years before France Ruralités Revitalisation', () => {
    expect(ruralLabel({ from: '2023-01-01', to: '2023-12-31' })).toBe(
      'Zone rurale (zonage FRR de 2024, ex-ZRR)',
    );
    expect(ruralLabel({ from: '2025-01-01', to: '2025-12-31' })).toBe('Zone rurale (FRR)');
  });

  it('bands ages at a day, and an anonymised year of birth by the age reached in that year', () => {
    expect(ageBand('2009-12-01', '2026-11-30')).toBe('16-17');
    expect(ageBand('2008-11-30', '2026-11-30')).toBe('18-21');
    expect(ageBand('2000-12-01', '2026-11-30')).toBe('22-25');
    expect(ageBand('2007', '2026-11-30')).toBe('18-21');
    expect(ageBand('2000', '2026-12-31')).toBe('26-plus');
    expect(ageBand('07-2007', '2026-11-30')).toBeUndefined();
  });
});
