import { describe, expect, it } from 'vitest';
import { parseFrenchCsv } from '../../../tests/support/french-csv';
import { NOVEMBER, statisticsFixture } from '../../../tests/support/statistics-fixture';
import { computeStatistics } from './report';
import {
  breakdownTable,
  coverageTable,
  exitReasonTable,
  indicatorTable,
  tableCsv,
  sheetName,
  tableFileName,
} from './tables';

/** Parses a French CSV back, after its BOM. */
function parseCsv(csv: string): string[][] {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  return parseFrenchCsv(csv.slice(1));
}

describe('the tables of the report as CSV', () => {
  const report = computeStatistics(statisticsFixture(), NOVEMBER);

  it('writes UTF-8 with a BOM, `;` between fields, CRLF lines, accents and decimal commas', () => {
    const rows = parseCsv(tableCsv(coverageTable(report)));
    expect(rows[0]).toEqual([
      'EPCI',
      'Jeunes accompagnés',
      'Jeunes de 15 à 29 ans',
      'Couverture (%)',
    ]);
    expect(rows[1]).toEqual(["CU d'Alençon", '2', '9634', '0']);
    const indicators = parseCsv(tableCsv(indicatorTable(report)));
    expect(indicators.find((r) => r[0] === 'Taux de présence aux rendez-vous')).toEqual([
      'Taux de présence aux rendez-vous',
      '50',
      '% (1 / 2)',
      expect.stringContaining('présence'),
    ]);
    expect(indicators.find((r) => r[0] === 'Couverture du territoire')![1]).toBe('0');
  });

  it('writes a breakdown with its shares and a total row', () => {
    const rows = parseCsv(tableCsv(breakdownTable(report, 'sexe')!));
    expect(rows).toEqual([
      ['Sexe', 'Jeunes accompagnés', 'Part (%)'],
      ['Femme', '2', '50'],
      ['Homme', '2', '50'],
      ['Total', '4', '100'],
    ]);
    const ages = parseCsv(tableCsv(breakdownTable(report, 'qpv')!));
    expect(ages[1]).toEqual(['Hors QPV', '3', '75']);
  });

  it('writes one decimal with a comma and quotes a field holding a `;`', () => {
    const csv = tableCsv({ id: 't', title: 'T', headers: ['a;b', 'Part'], rows: [['x', 33.3]] });
    expect(csv).toBe('\uFEFF"a;b";Part\r\nx;33,3\r\n');
    expect(parseCsv(csv)).toEqual([
      ['a;b', 'Part'],
      ['x', '33,3'],
    ]);
  });

  it('names the file after the table and the period', () => {
    expect(tableFileName(coverageTable(report), report)).toBe(
      'statistiques-couverture-2026-11-01-2026-11-30.csv',
    );
  });

  it('exports the exits of CEJ and PACEA by reason with their totals', () => {
    expect(parseCsv(tableCsv(exitReasonTable(report)))).toEqual([
      ['Motif de sortie', 'Sorties de CEJ', 'Sorties de PACEA'],
      ['Emploi durable (CDI, CDD de 6 mois et plus)', '1', '0'],
      ['Non renseigné', '0', '1'],
      ['Total', '1', '1'],
    ]);
  });
});

describe('the sheet of a table as XLSX', () => {
  it('is named as Excel takes it: 31 characters at most, none of []:*?/\\', () => {
    expect(sheetName('Jeunes accompagnés — EPCI de résidence')).toBe(
      'Jeunes accompagnés — EPCI de ré',
    );
    expect(sheetName('Sorties [CEJ/PACEA]: motifs?')).toBe('Sorties  CEJ PACEA   motifs');
  });
});
