/**
 * The period selector's state: a year, a quarter, a month or free dates, turned into the
 * report's period. The screen starts on the current year (to today's month's end).
 */
import {
  monthPeriod,
  quarterPeriod,
  yearPeriod,
  type Period,
} from '../../domain/indicators/period';
import { formatDayLong } from '../../domain/time';

export type PeriodKind = 'annee' | 'trimestre' | 'mois' | 'dates';

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** 1–4. */
  quarter: number;
  /** `YYYY-MM`. */
  month: string;
  from: string;
  to: string;
}

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  annee: 'Année',
  trimestre: 'Trimestre',
  mois: 'Mois',
  dates: 'Dates libres',
};

export function initialChoice(today: string): PeriodChoice {
  const year = Number(today.slice(0, 4));
  const month = today.slice(0, 7);
  return {
    kind: 'annee',
    year,
    quarter: Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1,
    month,
    from: `${month}-01`,
    to: today,
  };
}

export function periodOfChoice(choice: PeriodChoice): Period {
  switch (choice.kind) {
    case 'annee':
      return yearPeriod(choice.year);
    case 'trimestre':
      return quarterPeriod(choice.year, choice.quarter);
    case 'mois':
      return monthPeriod(choice.month);
    case 'dates':
      return { from: choice.from, to: choice.to };
  }
}

/** « du 1er janvier 2026 au 31 décembre 2026 », for headings and the printed report. */
export function describePeriod(period: Period): string {
  return `du ${formatDayLong(period.from)} au ${formatDayLong(period.to)}`;
}

/** The years offered: from five years back to this one. */
export function yearsUpTo(year: number): number[] {
  return Array.from({ length: 6 }, (_, i) => year - i);
}
