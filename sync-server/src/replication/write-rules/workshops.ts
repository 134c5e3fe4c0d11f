/**
 * The write rules of the catalogue of collective actions and of their sessions (issue 15): the
 * forms' pure rules of src/domain/rules/workshops.ts, checked again on push whatever the device.
 * - a catalogue entry (`kind: 'action'`) is written by its keepers only (direction, advisers)
 *   and needs a title, a theme and a kind from the lists;
 * - a session needs a site, a start, an end after its start, a capacity of at least one and a
 *   sign-up deadline no later than its day; a new one also needs its action;
 * - a cancellation needs a reason and is refused once the session started;
 * - a session is closed (« Clôturer la session ») once started and not cancelled, and a closed
 *   session's closing is never undone nor changed by a device (SESSION_CLOSED).
 * Only a change is checked, so a stored session written before these rules (the demo's, or a
 * v0 device's) never blocks an unrelated edit. A deletion is not checked here.
 *
 * The cancellation is judged on the server's clock, with DEVICE_CLOCK_TOLERANCE_MS of room the
 * other way round from happened.ts: a device that cancelled a session in the morning and synced
 * after it began did cancel it in time; a day later it could not have.
 */
import type { PlainDocument } from '../../../../src/domain/merge';
import {
  actionProblem,
  cancellationProblem,
  mayKeepCatalogue,
  sessionProblem,
} from '../../../../src/domain/rules/workshops';
import { closingProblem } from '../../../../src/domain/rules/attendance';
import type { Workshop } from '../../../../src/domain/schemas/workshop';
import { fixedClock } from '../../../../src/domain/time';
import { DEVICE_CLOCK_TOLERANCE_MS } from './happened';
import type { WriteRule } from './rule';

const SESSION_FIELDS = [
  'siteId',
  'start',
  'durationMinutes',
  'capacity',
  'signUpDeadline',
  'actionId',
] as const;
const ACTION_FIELDS = ['title', 'theme', 'actionKind', 'defaultCapacity'] as const;

function changed(
  from: PlainDocument | undefined,
  incoming: PlainDocument,
  fields: readonly string[],
) {
  return !from || from._deleted === true || fields.some((field) => from[field] !== incoming[field]);
}

export const workshopRules: WriteRule = ({ caller, from, incoming, now }) => {
  const doc = incoming as unknown as Workshop;
  if ((doc.kind === 'action' || from?.kind === 'action') && !mayKeepCatalogue(caller.role))
    return 'FORBIDDEN';
  if (incoming._deleted === true) return undefined;
  if (doc.kind === 'action') {
    return changed(from, incoming, ACTION_FIELDS) ? actionProblem(doc) : undefined;
  }
  if (changed(from, incoming, SESSION_FIELDS)) {
    const isNew = !from || from._deleted === true;
    const problem = sessionProblem(doc, { requireAction: isNew });
    if (problem) return problem;
  }
  // A closed session stays closed as it was; a session is closed once started (attendance.ts).
  const closedBefore = from && from._deleted !== true ? from.closedAt : undefined;
  if (closedBefore && doc.closedAt !== closedBefore) return 'SESSION_CLOSED';
  if (doc.closedAt && !closedBefore) {
    const problem = closingProblem(
      doc,
      fixedClock(new Date(now.getTime() + DEVICE_CLOCK_TOLERANCE_MS)),
    );
    if (problem) return problem;
  }
  const cancelling = doc.cancelled === true && (from?.cancelled !== true || from._deleted === true);
  if (cancelling) {
    return cancellationProblem(
      doc,
      fixedClock(new Date(now.getTime() - DEVICE_CLOCK_TOLERANCE_MS)),
    );
  }
  return undefined;
};
