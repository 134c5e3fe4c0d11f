/**
 * Closing a dispositif (CEJ or PACEA, issue 17): the day it actually ended (`endedOn`) and why
 * (`exitReason`) go together, and it cannot end before it began. One rule for the form
 * « Clôturer le dispositif » on the device and for the server's write rules on push
 * (sync-server/src/replication/write-rules/pathway.ts); its answer is an error code, whose
 * French text is in src/domain/errors.ts.
 */
import type { ErrorCode } from '../errors';
import type { PathwayRecord } from '../schemas/pathway';
import { parseDay } from '../time';

/** The fields of a dispositif this rule reads. */
export type DispositifExit = Pick<PathwayRecord, 'kind' | 'startDate' | 'endedOn' | 'exitReason'>;

export type DispositifExitProblem = Extract<
  ErrorCode,
  'DISPOSITIF_EXIT_WITHOUT_END' | 'DISPOSITIF_END_WITHOUT_REASON' | 'DISPOSITIF_ENDED_BEFORE_START'
>;

/** What is wrong with a dispositif's closing, if anything (nothing when it is not closed). */
export function dispositifExitProblem(d: DispositifExit): DispositifExitProblem | undefined {
  const ended = d.endedOn !== undefined && d.endedOn !== '';
  const reason = d.exitReason !== undefined && (d.exitReason as string) !== '';
  if (!ended && !reason) return undefined;
  if (!ended || !parseDay(d.endedOn!)) return 'DISPOSITIF_EXIT_WITHOUT_END';
  if (!reason) return 'DISPOSITIF_END_WITHOUT_REASON';
  if (d.startDate && d.endedOn! < d.startDate) return 'DISPOSITIF_ENDED_BEFORE_START';
  return undefined;
}
