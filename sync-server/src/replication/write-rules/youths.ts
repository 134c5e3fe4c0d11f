/**
 * A dossier is opened only for the ages a Mission Locale can accompany: under 15 or over 30 on
 * its date of entry (`createdOn`, today when absent) the birth date must be wrong
 * (src/domain/rules/age.ts, the forms' rule). Checked when a dossier is created or its birth
 * date or date of entry changes, so an older dossier never blocks an unrelated edit.
 */
import { entryAgeProblem } from '../../../../src/domain/rules/age';
import { fixedClock, today } from '../../../../src/domain/time';
import type { WriteRule } from './rule';

export const entryAge: WriteRule = ({ from, incoming, now }) => {
  if (incoming._deleted === true) return undefined;
  const birthDate = typeof incoming.birthDate === 'string' ? incoming.birthDate : undefined;
  const createdOn = typeof incoming.createdOn === 'string' ? incoming.createdOn : undefined;
  if (from && !from._deleted && from.birthDate === birthDate && from.createdOn === createdOn)
    return undefined;
  const entryDay = createdOn ?? today(fixedClock(now));
  return entryAgeProblem(birthDate, entryDay) ? 'AGE_OUT_OF_RANGE' : undefined;
};
