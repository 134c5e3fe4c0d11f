/**
 * The write rules of inscriptions and émargement (issue 15), the pure rules of
 * src/domain/rules/attendance.ts checked again on push whatever the device:
 * - a status moves only as the state machine allows, and « réalisé » or « absent » only from
 *   the session's day (with DEVICE_CLOCK_TOLERANCE_MS of room, as for events);
 * - once the session is closed, a change of the attendance (its status, présence, walk-in,
 *   signature, or a new sign-up) is refused SESSION_CLOSED unless it carries one new
 *   correction with its reason (its author is the caller: push-server-fields.ts).
 *
 * What counts as a late change is judged against both the state the write was made from and
 * the stored state: a device that noted, offline, what the closed session already says changes
 * nothing and is let through to the merge.
 *
 * The device that closed the session sent its émargement before closing it, but each
 * collection replicates on its own: its attendances may reach the server after the session's
 * closing. Writes by the same user on the same device as the closing are therefore no late
 * change — that device's screen refuses any change after its closing by the same rule.
 */
import type { PlainDocument } from '../../../../src/domain/merge';
import {
  attendanceMoveProblem,
  attendanceStatus,
  lateChangeProblem,
  type StatusFields,
} from '../../../../src/domain/rules/attendance';
import type { Workshop } from '../../../../src/domain/schemas/workshop';
import { fixedClock } from '../../../../src/domain/time';
import type { StoredDocument, WriteTransaction } from '../../storage/storage';
import type { Caller } from '../scope';
import { DEVICE_CLOCK_TOLERANCE_MS } from './happened';
import type { WriteRule } from './rule';

function live(state: PlainDocument | undefined): PlainDocument | undefined {
  return state && state._deleted !== true ? state : undefined;
}

/** Whether the caller closed the session, from the same device (the closing revision). */
async function closedByCaller(
  tx: WriteTransaction,
  session: StoredDocument,
  caller: Caller,
): Promise<boolean> {
  if (session.data.closedBy !== caller.userId || !caller.deviceId) return false;
  // Newest first: the last revision holding `closedAt` is the closing.
  const closing = (await tx.getHistory('workshops', session.id))
    .filter((revision) => !revision.absorbed && revision.data.closedAt)
    .at(-1);
  return closing?.writtenBy === caller.userId && closing.deviceId === caller.deviceId;
}

export const attendanceRules: WriteRule = async ({ caller, stored, from, incoming, now, tx }) => {
  const workshopId = String(incoming.workshopId ?? '');
  const session = (await tx.getDocuments('workshops', [workshopId])).get(workshopId);
  const sessionData = session && !session.deleted ? (session.data as Workshop) : undefined;

  if (incoming._deleted !== true) {
    const base = live(from);
    const before = base ? attendanceStatus(base as StatusFields) : undefined;
    const after = attendanceStatus(incoming as StatusFields);
    const lenient = fixedClock(new Date(now.getTime() + DEVICE_CLOCK_TOLERANCE_MS));
    const problem = attendanceMoveProblem(before, after, sessionData, lenient);
    if (problem) return problem;
  }

  const storedState = stored && { ...stored.data, _deleted: stored.deleted };
  const late =
    lateChangeProblem(sessionData, from, incoming) &&
    lateChangeProblem(sessionData, storedState, incoming);
  if (!late) return undefined;
  return (await closedByCaller(tx, session!, caller)) ? undefined : late;
};
