/**
 * A stage of the push pipeline (push.ts), beside the authorship (push-authorship.ts): fields
 * only the server writes, whatever the device sends (issue 15).
 * - An attendance's `queuedAt` is the server's time when it first stored the sign-up — or a
 *   sign-up made again after its place was given back — so the waiting list follows the order
 *   in which sign-ups reached the server, never a device clock
 *   (src/domain/rules/waiting-list.ts). An edit keeps the stored value.
 * - A correction of an attendance (after its session was closed) is signed by the caller: each
 *   new entry of `corrections` gets `by` from the session; entries already stored stay as they are.
 * - The closing of a session (`closedAt` set) records who closed it (`closedBy`); once closed,
 *   the stored `closedBy` stays.
 */
import type { CollectionName } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import { releasesPlace, type StatusFields } from '../../../src/domain/rules/attendance';
import type { AttendanceCorrection } from '../../../src/domain/schemas/attendance';
import type { StoredDocument } from '../storage/storage';
import type { Caller } from './scope';

function attendanceFields(
  caller: Caller,
  incoming: PlainDocument,
  stored: StoredDocument | undefined,
  now: Date,
): PlainDocument {
  const out: PlainDocument = { ...incoming };
  const previous = stored && !stored.deleted ? stored.data : undefined;
  const madeAgain =
    previous !== undefined &&
    releasesPlace(previous as StatusFields) &&
    !releasesPlace(incoming as StatusFields);
  const queuedAt = previous?.queuedAt;
  if (typeof queuedAt === 'string' && !madeAgain) out.queuedAt = queuedAt;
  else out.queuedAt = now.toISOString();

  if (Array.isArray(incoming.corrections)) {
    const known = new Map(
      ((previous?.corrections as AttendanceCorrection[] | undefined) ?? []).map((c) => [c.id, c]),
    );
    out.corrections = (incoming.corrections as AttendanceCorrection[]).map(
      (correction) => known.get(correction.id) ?? { ...correction, by: caller.userId },
    );
  }
  return out;
}

function workshopFields(
  caller: Caller,
  incoming: PlainDocument,
  stored: StoredDocument | undefined,
): PlainDocument {
  const closedBefore = stored && !stored.deleted ? stored.data.closedAt : undefined;
  if (closedBefore) {
    const out: PlainDocument = { ...incoming };
    if (stored!.data.closedBy === undefined) delete out.closedBy;
    else out.closedBy = stored!.data.closedBy;
    return out;
  }
  if (incoming.closedAt) return { ...incoming, closedBy: caller.userId };
  const { closedBy: _dropped, ...rest } = incoming;
  return rest;
}

/** The pushed state with the server's own fields set. */
export function withServerFields(
  caller: Caller,
  collection: CollectionName,
  incoming: PlainDocument,
  stored: StoredDocument | undefined,
  now: Date,
): PlainDocument {
  if (incoming._deleted === true) return incoming;
  if (collection === 'attendances') return attendanceFields(caller, incoming, stored, now);
  if (collection === 'workshops') return workshopFields(caller, incoming, stored);
  return incoming;
}
