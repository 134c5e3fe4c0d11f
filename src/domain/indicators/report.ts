/**
 * The activity report of a period: every indicator, every breakdown, the exits of CEJ and PACEA
 * by exit reason, the monthly activity and the couverture per EPCI. Plain JSON, so the server sends what the device would compute.
 */
import { EPCIS, YOUTH_POPULATION_SOURCE } from '../territory/territory';
import { formatMonth } from '../time';
import { accompaniedDays } from './accompanied';
import { BREAKDOWNS, breakdownRows, type BreakdownRow } from './breakdowns';
import {
  countedYouths,
  isHeldSession,
  standingEvents,
  type StatisticsData,
  type StatisticsNames,
} from './data';
import {
  accompaniedByEpci,
  INDICATORS,
  type IndicatorContext,
  type IndicatorGroup,
  type IndicatorValue,
} from './definitions';
import { exitReasonRows, type ExitReasonRow } from './entries';
import { dayOf, inPeriod, monthsOf, type Period } from './period';

export interface IndicatorFigure extends IndicatorValue {
  id: string;
  label: string;
  definition: string;
  group: IndicatorGroup;
  kind: 'count' | 'rate';
}

export interface BreakdownFigure {
  id: string;
  label: string;
  total: number;
  rows: BreakdownRow[];
}

export interface MonthFigure {
  month: string;
  label: string;
  /** Young people with accompanying activity in the month. */
  jeunes: number;
  entretiens: number;
  seances: number;
}

export interface CoverageFigure {
  epciId: string;
  label: string;
  accompanied: number;
  youth15to29: number;
  rate: number;
}

export interface StatisticsReport {
  period: Period;
  indicators: IndicatorFigure[];
  breakdowns: BreakdownFigure[];
  /** Exits of CEJ and PACEA by exit reason (entries.ts). */
  exitReasons: ExitReasonRow[];
  monthly: MonthFigure[];
  coverage: CoverageFigure[];
  coverageSource: string;
}

function monthly(context: IndicatorContext): MonthFigure[] {
  const { data, period, accompanied } = context;
  const months = new Map(
    monthsOf(period).map((month) => [
      month,
      { month, label: formatMonth(month), jeunes: 0, entretiens: 0, seances: 0 },
    ]),
  );
  const at = (value: unknown) => months.get(dayOf(value)?.slice(0, 7) ?? '');
  for (const days of accompanied.values()) {
    for (const month of new Set(days.map((day) => day.slice(0, 7)))) {
      const figure = months.get(month);
      if (figure) figure.jeunes += 1;
    }
  }
  for (const event of standingEvents(data.events)) {
    const figure =
      event.kind === 'entretien-individuel' && inPeriod(event.at, period) && at(event.at);
    if (figure) figure.entretiens += 1;
  }
  for (const session of data.workshops) {
    const figure = isHeldSession(session) && inPeriod(session.start, period) && at(session.start);
    if (figure) figure.seances += 1;
  }
  return [...months.values()];
}

function coverage(context: IndicatorContext): CoverageFigure[] {
  const byEpci = accompaniedByEpci(context);
  return EPCIS.map((epci) => {
    const accompanied = byEpci.get(epci.id) ?? 0;
    return {
      epciId: epci.id,
      label: epci.shortName,
      accompanied,
      youth15to29: epci.youth15to29,
      rate: accompanied / epci.youth15to29,
    };
  });
}

export function computeStatistics(
  data: StatisticsData,
  period: Period,
  names: StatisticsNames = {},
): StatisticsReport {
  const accompanied = accompaniedDays(data, period);
  const context: IndicatorContext = { data, period, accompanied };
  const youths = countedYouths(data.youths)
    .filter((youth) => accompanied.has(youth.id))
    .map((youth) => ({ youth, days: accompanied.get(youth.id)! }));
  return {
    period,
    indicators: INDICATORS.map(({ compute, ...indicator }) => ({
      ...indicator,
      ...compute(context),
    })),
    breakdowns: BREAKDOWNS.map((breakdown) => ({
      id: breakdown.id,
      label: breakdown.label,
      total: youths.length,
      rows: breakdownRows(breakdown, youths, { period, names }),
    })),
    exitReasons: exitReasonRows(context),
    monthly: monthly(context),
    coverage: coverage(context),
    coverageSource: YOUTH_POPULATION_SOURCE,
  };
}
