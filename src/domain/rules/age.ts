/**
 * Age of a young person and the Mission Locale's age rules: accompaniment from 16 to 25 years
 * (until the 26th birthday), the Contrat d'engagement jeune up to 29 for a person with an RQTH.
 * Outside those ages the forms warn; outside 15–30 at the date of entry a dossier is refused, by
 * the forms and by the server (a birth year typed wrong, not a young person to accompany).
 */
import { type Clock, today, yearsBetween } from '../time';

export const MIN_AGE = 16;
export const MAX_AGE = 25;
export const MAX_AGE_CEJ_RQTH = 29;

export interface Age {
  years: number;
  /** True when only the birth year is known: the age may be one year less. */
  approximate: boolean;
}

/** Age on the clock's day from `YYYY-MM-DD` or `YYYY`; undefined if the date is unusable. */
export function ageOf(birthDate: string | undefined, clock: Clock): Age | undefined {
  if (!birthDate) return undefined;
  const onDay = today(clock);
  if (/^\d{4}$/.test(birthDate)) {
    return { years: Number(onDay.slice(0, 4)) - Number(birthDate), approximate: true };
  }
  try {
    const years = yearsBetween(birthDate, onDay);
    return years >= 0 ? { years, approximate: false } : undefined;
  } catch {
    return undefined;
  }
}

export type AgeWarning = 'too-young' | 'too-old' | 'too-old-cej-rqth' | undefined;

/**
 * Why the age falls outside the public of the Mission Locale, if it does. With an RQTH the CEJ
 * stays open up to 29, so 26–29 is only a warning when there is no RQTH.
 */
export function ageWarning(age: Age | undefined, rqth = false): AgeWarning {
  if (!age) return undefined;
  if (age.years < MIN_AGE) return 'too-young';
  if (age.years <= MAX_AGE) return undefined;
  if (rqth && age.years <= MAX_AGE_CEJ_RQTH) return undefined;
  return rqth ? 'too-old-cej-rqth' : 'too-old';
}

/** Below and above these ages at the date of entry, no dossier: the birth date must be wrong. */
export const MIN_ENTRY_AGE = 15;
export const MAX_ENTRY_AGE = 30;

export interface EntryAgeProblem {
  code: 'too-young' | 'too-old';
  /** The age at the date of entry (from a year alone, the one nearest the bounds). */
  years: number;
}

/**
 * Why a dossier cannot be opened (or kept) with this birth date, entered on `entryDay`
 * (`YYYY-MM-DD`, the dossier's `createdOn`): under 15 or over 30 on that day. A year alone is
 * refused only when every day of that year is out of bounds. Undefined when the date is
 * acceptable, missing or unusable (the form asks for a valid one).
 */
export function entryAgeProblem(
  birthDate: string | undefined,
  entryDay: string,
): EntryAgeProblem | undefined {
  const age = ageOf(birthDate, { now: () => new Date(`${entryDay}T12:00:00`) });
  if (!age) return undefined;
  // From the year alone the age is `years` or one less: refuse only when both are out.
  const youngest = age.approximate ? age.years - 1 : age.years;
  if (age.years < MIN_ENTRY_AGE) return { code: 'too-young', years: age.years };
  if (youngest > MAX_ENTRY_AGE) return { code: 'too-old', years: youngest };
  return undefined;
}

/** The French message of an entry age problem, for the forms and the sync panel. */
export function entryAgeText(problem: EntryAgeProblem): string {
  return problem.code === 'too-young'
    ? `Avec cette date de naissance, le jeune aurait ${problem.years} ans à l’entrée : la Mission Locale n’accompagne pas avant ${MIN_ENTRY_AGE} ans. Vérifiez la date de naissance.`
    : `Avec cette date de naissance, le jeune aurait ${problem.years} ans à l’entrée : la Mission Locale n’accompagne pas au-delà de ${MAX_ENTRY_AGE} ans. Vérifiez la date de naissance.`;
}
