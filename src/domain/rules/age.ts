/**
 * Age of a young person and the Mission Locale's age rules: accompaniment from 16 to 25 years
 * (until the 26th birthday), the Contrat d'engagement jeune up to 29 for a person with an RQTH.
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
