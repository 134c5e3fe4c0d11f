/**
 * « Clôturer le dispositif » as typed: the day the CEJ or PACEA actually ended and why, checked by
 * the rule the server applies on push (src/domain/rules/dispositif-exit.ts), each problem shown
 * under its field in French (the text of its error code).
 */
import { frenchMessage } from '../../../domain/errors';
import { dispositifExitProblem } from '../../../domain/rules/dispositif-exit';
import type { DispositifExitReason, PathwayRecord } from '../../../domain/schemas/pathway';
import { today, type Clock } from '../../../domain/time';

export interface ClosingValues {
  endedOn: string;
  /** A DISPOSITIF_EXIT_REASONS value, '' until chosen. */
  exitReason: string;
}

export type ClosingErrors = Partial<Record<keyof ClosingValues, string>>;

/** Today, and no reason chosen: the adviser says why. */
export function newClosing(clock: Clock): ClosingValues {
  return { endedOn: today(clock), exitReason: '' };
}

export function validateClosing(values: ClosingValues, dispositif: PathwayRecord): ClosingErrors {
  const problem = dispositifExitProblem({
    kind: dispositif.kind,
    startDate: dispositif.startDate,
    endedOn: values.endedOn || undefined,
    exitReason: (values.exitReason || undefined) as DispositifExitReason | undefined,
  });
  // Closing always says why: a reason left empty is said even when the date is missing too.
  const errors: ClosingErrors = {};
  if (!values.exitReason) errors.exitReason = frenchMessage('DISPOSITIF_END_WITHOUT_REASON');
  if (problem === 'DISPOSITIF_EXIT_WITHOUT_END' || problem === 'DISPOSITIF_ENDED_BEFORE_START') {
    errors.endedOn = frenchMessage(problem);
  }
  return errors;
}
