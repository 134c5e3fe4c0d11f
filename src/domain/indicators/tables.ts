/**
 * The report as tables: the ones the screen shows under its charts and the ones it exports
 * as CSV are the same, so a spreadsheet says exactly what the screen said. Numbers stay
 * numbers (a rate is a percentage with one decimal) until shown or written.
 */
import { frenchNumber, toCsv } from '../csv';
import type { StatisticsReport } from './report';

export type Cell = string | number;

export interface StatisticsTable {
  id: string;
  title: string;
  headers: string[];
  rows: Cell[][];
}

/** A rate as a percentage with one decimal, or an empty cell when there is nothing to divide. */
export function percent(value: number | null | undefined): Cell {
  return value === null || value === undefined ? '' : Math.round(value * 1000) / 10;
}

/** `62,5` in a cell: integers as they are, other numbers with one decimal. */
export function formatCell(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  return Number.isInteger(cell) ? String(cell) : frenchNumber(cell, 1);
}

export function indicatorTable(report: StatisticsReport): StatisticsTable {
  return {
    id: 'indicateurs',
    title: 'Indicateurs',
    headers: ['Indicateur', 'Valeur', 'Unité', 'Définition'],
    rows: report.indicators.map((i) => [
      i.label,
      i.kind === 'rate' ? percent(i.value) : (i.value ?? ''),
      i.kind === 'rate' ? `% (${i.numerator ?? 0} / ${i.denominator ?? 0})` : 'nombre',
      i.definition,
    ]),
  };
}

export function monthlyTable(report: StatisticsReport): StatisticsTable {
  return {
    id: 'activite-mensuelle',
    title: 'Activité par mois',
    headers: ['Mois', 'Jeunes accompagnés', 'Entretiens individuels', 'Séances collectives'],
    rows: report.monthly.map((m) => [m.label, m.jeunes, m.entretiens, m.seances]),
  };
}

export function coverageTable(report: StatisticsReport): StatisticsTable {
  return {
    id: 'couverture',
    title: 'Couverture par EPCI',
    headers: ['EPCI', 'Jeunes accompagnés', 'Jeunes de 15 à 29 ans', 'Couverture (%)'],
    rows: report.coverage.map((c) => [c.label, c.accompanied, c.youth15to29, percent(c.rate)]),
  };
}

export function exitReasonTable(report: StatisticsReport): StatisticsTable {
  const total = (programme: 'CEJ' | 'PACEA') =>
    report.exitReasons.reduce((sum, row) => sum + row[programme], 0);
  return {
    id: 'sorties-dispositifs',
    title: 'Sorties de CEJ et de PACEA par motif',
    headers: ['Motif de sortie', 'Sorties de CEJ', 'Sorties de PACEA'],
    rows: [
      ...report.exitReasons.map((r) => [r.label, r.CEJ, r.PACEA]),
      ['Total', total('CEJ'), total('PACEA')],
    ],
  };
}

export function breakdownTable(report: StatisticsReport, id: string): StatisticsTable | undefined {
  const breakdown = report.breakdowns.find((b) => b.id === id);
  if (!breakdown) return undefined;
  return {
    id: `repartition-${breakdown.id}`,
    title: `Jeunes accompagnés — ${breakdown.label}`,
    headers: [breakdown.label, 'Jeunes accompagnés', 'Part (%)'],
    rows: [
      ...breakdown.rows.map((r) => [
        r.label,
        r.count,
        percent(breakdown.total ? r.count / breakdown.total : null),
      ]),
      ['Total', breakdown.total, breakdown.total ? 100 : ''],
    ],
  };
}

/** The CSV of a table: UTF-8 with BOM, `;`, decimal comma, CRLF. */
export function tableCsv(table: StatisticsTable): string {
  return toCsv(
    table.headers,
    table.rows.map((row) => row.map(formatCell)),
  );
}

/** The file name of a table's CSV for a period. */
export function tableFileName(
  table: StatisticsTable,
  report: StatisticsReport,
  extension: 'csv' | 'xlsx' = 'csv',
): string {
  return `statistiques-${table.id}-${report.period.from}-${report.period.to}.${extension}`;
}

/** A sheet's name as Excel takes it: 31 characters at most, none of `[]:*?/\`. */
export function sheetName(title: string): string {
  return title
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim();
}
