/**
 * Rules of the dispositifs (a `pathway` record of kind `dispositif`), checked by the forms and,
 * for the overlap, by the server too:
 * - CEJ (Contrat d'engagement jeune): 6 to 12 months, extendable up to 18 months in all;
 * - PACEA: up to 24 months, in phases with objectives and dates inside the PACEA;
 * - a young person is never in two dispositifs at once (in particular CEJ and PACEA).
 * Dates are inclusive calendar days: a dispositif of N months starting on D ends the day before
 * D + N months. A dispositif without an end date runs on indefinitely (older records). A
 * dispositif closed early (`endedOn`, rules/dispositif-exit.ts) runs until that day only.
 */
import type { PathwayRecord } from '../schemas/pathway';
import { addDays, addMonthsToDay, parseDay } from '../time';

export type Programme = 'CEJ' | 'PACEA';

export const CEJ_MIN_MONTHS = 6;
export const CEJ_USUAL_MAX_MONTHS = 12;
export const CEJ_MAX_MONTHS = 18;
export const PACEA_MAX_MONTHS = 24;
/** The CEJ commitment: 15 to 20 hours of activity a week. */
export const CEJ_MIN_WEEKLY_HOURS = 15;
export const CEJ_MAX_WEEKLY_HOURS = 20;

/** The fields of a dispositif these rules read. */
export type DispositifDates = Pick<PathwayRecord, 'id' | 'programme' | 'startDate' | 'endDate'> & {
  phases?: PathwayRecord['phases'];
  endedOn?: string;
};

/** The last day a dispositif runs: the day it was closed, else its planned end. */
export function lastDayOf(d: Pick<DispositifDates, 'endDate' | 'endedOn'>): string | undefined {
  return d.endedOn ?? d.endDate;
}

/** The last day of a dispositif of `months` months starting on `start`. */
export function lastDayAfterMonths(start: string, months: number): string {
  return addDays(addMonthsToDay(start, months), -1);
}

export type DispositifDateProblem =
  | 'start-missing'
  | 'end-missing'
  | 'end-before-start'
  | 'cej-too-short'
  | 'cej-too-long'
  | 'pacea-too-long';

/** What is wrong with the dates of a dispositif, if anything. */
export function dispositifDateProblem(d: DispositifDates): DispositifDateProblem | undefined {
  if (!d.startDate || !parseDay(d.startDate)) return 'start-missing';
  if (!d.endDate || !parseDay(d.endDate)) return 'end-missing';
  if (d.endDate < d.startDate) return 'end-before-start';
  if (d.programme === 'CEJ') {
    if (d.endDate < lastDayAfterMonths(d.startDate, CEJ_MIN_MONTHS)) return 'cej-too-short';
    if (d.endDate > lastDayAfterMonths(d.startDate, CEJ_MAX_MONTHS)) return 'cej-too-long';
  }
  if (d.programme === 'PACEA' && d.endDate > lastDayAfterMonths(d.startDate, PACEA_MAX_MONTHS)) {
    return 'pacea-too-long';
  }
  return undefined;
}

/** A CEJ longer than 12 months has been extended (allowed up to 18). */
export function isExtendedCej(d: DispositifDates): boolean {
  return (
    d.programme === 'CEJ' &&
    Boolean(d.startDate && d.endDate) &&
    d.endDate! > lastDayAfterMonths(d.startDate!, CEJ_USUAL_MAX_MONTHS)
  );
}

export type PhaseProblem =
  'label-missing' | 'start-missing' | 'outside-dispositif' | 'end-before-start';

/** The first problem of each PACEA phase, by index. */
export function phaseProblems(d: DispositifDates): Map<number, PhaseProblem> {
  const problems = new Map<number, PhaseProblem>();
  (d.phases ?? []).forEach((phase, index) => {
    if (!phase.label.trim()) problems.set(index, 'label-missing');
    else if (!parseDay(phase.startDate)) problems.set(index, 'start-missing');
    else if (phase.endDate && phase.endDate < phase.startDate)
      problems.set(index, 'end-before-start');
    else if (
      (d.startDate && phase.startDate < d.startDate) ||
      (d.endDate && (phase.endDate ?? phase.startDate) > d.endDate)
    )
      problems.set(index, 'outside-dispositif');
  });
  return problems;
}

function intersects(a: DispositifDates, b: DispositifDates): boolean {
  if (!a.startDate || !b.startDate) return false;
  const aEnd = lastDayOf(a) ?? '9999-12-31';
  const bEnd = lastDayOf(b) ?? '9999-12-31';
  return a.startDate <= bEnd && b.startDate <= aEnd;
}

/**
 * The first other dispositif of the same young person whose dates meet the candidate's: a young
 * person cannot be in CEJ and PACEA (nor in two CEJ or two PACEA) at the same time.
 */
export function findOverlappingDispositif<T extends DispositifDates>(
  candidate: DispositifDates,
  others: readonly T[],
): T | undefined {
  return others.find((other) => other.id !== candidate.id && intersects(candidate, other));
}

/** The dispositif running on `day`, if any. */
export function dispositifOn<T extends DispositifDates>(
  dispositifs: readonly T[],
  day: string,
): T | undefined {
  return dispositifs.find(
    (d) => d.startDate !== undefined && d.startDate <= day && (lastDayOf(d) ?? '9999-12-31') >= day,
  );
}
