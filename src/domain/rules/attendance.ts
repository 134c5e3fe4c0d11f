/**
 * Inscriptions and émargement of collective actions (issue 15, items 3–5): the statuses in
 * i-milo's words and how one becomes another, the session's closing, a correction after it, and
 * how two devices' statuses merge. Pure rules, called by the screens on the device and by the
 * server on push (sync-server/src/replication/write-rules/attendances.ts), so both say the same
 * French sentence (errors.ts).
 *
 * - A sign-up starts « prescrit ». At the session: « réalisé », « absent » or « excusé », one tap
 *   each, changed freely until the session is closed. Before it, « excusé » (a cancellation),
 *   « refus jeune » or « refus tiers » release the place (waiting-list.ts).
 * - A refusal says the young person never was expected at the session: it never follows a
 *   présence or an absence, and an absence never follows a refusal.
 * - « Réalisé » and « absent » are noted from the session's day only (happened.ts, for events).
 * - Once the session is closed, a change goes through a correction: a new entry of
 *   `corrections` with its reason (its author is set by the server from the session), as an
 *   event is corrected by a new event.
 */
import type { ErrorCode } from '../errors';
import { jsonEqual } from '../json-equal';
import {
  ATTENDANCE_STATUSES,
  type Attendance,
  type AttendanceCorrection,
  type AttendanceStatus,
} from '../schemas/attendance';
import type { Workshop } from '../schemas/workshop';
import { dayOf, nowLocal, today, type Clock } from '../time';

/** What a v0 attendance, or any writer, may leave beside (or instead of) `status`. */
export type StatusFields = Pick<Attendance, 'status' | 'present'> & { cancelled?: boolean };

export function isAttendanceStatus(value: unknown): value is AttendanceStatus {
  return typeof value === 'string' && (ATTENDANCE_STATUSES as readonly string[]).includes(value);
}

/**
 * The status of an attendance. `present: true` makes it « réalisé » whatever `status` says (the
 * merge keeps a présence either device noted); a v0 record has only its flags: cancelled is
 * « excusé », present false « absent », nothing « prescrit ».
 */
export function attendanceStatus(attendance: StatusFields): AttendanceStatus {
  if (attendance.present === true) return 'realise';
  if (isAttendanceStatus(attendance.status)) return attendance.status;
  if (attendance.cancelled === true) return 'excuse';
  if (attendance.present === false) return 'absent';
  return 'prescrit';
}

/** The fields a status is written with: `present` follows it. */
export function statusFields(status: AttendanceStatus): {
  status: AttendanceStatus;
  present?: boolean;
} {
  if (status === 'prescrit') return { status };
  return { status, present: status === 'realise' };
}

/** The young person came: counted in the présence figures and the CEJ hours. */
export function isAttended(attendance: StatusFields): boolean {
  return attendanceStatus(attendance) === 'realise';
}

/** The statuses that give the place back: the next on the waiting list moves up. */
export const RELEASING_STATUSES: readonly AttendanceStatus[] = [
  'excuse',
  'refus-jeune',
  'refus-tiers',
];

export function releasesPlace(attendance: StatusFields): boolean {
  return RELEASING_STATUSES.includes(attendanceStatus(attendance));
}

/** The three taps of the émargement. */
export const MARKS: readonly AttendanceStatus[] = ['realise', 'absent', 'excuse'];

/** Statuses that say the session took place for the young person (present or missed). */
const AFTER_THE_FACT: readonly AttendanceStatus[] = ['realise', 'absent'];
const REFUSALS: readonly AttendanceStatus[] = ['refus-jeune', 'refus-tiers'];

/**
 * Whether `from` may become `to` (a new sign-up may start in any status: a walk-in is noted
 * « réalisé » at once, a refused prescription « refus jeune »).
 */
export function isAllowedAttendanceMove(
  from: AttendanceStatus | undefined,
  to: AttendanceStatus,
): boolean {
  if (from === undefined || from === to) return true;
  if (AFTER_THE_FACT.includes(from) && REFUSALS.includes(to)) return false;
  if (REFUSALS.includes(from) && to === 'absent') return false;
  return true;
}

/** The first problem of moving a sign-up from `from` to `to` for this session, by the clock. */
export function attendanceMoveProblem(
  from: AttendanceStatus | undefined,
  to: AttendanceStatus,
  session: Pick<Workshop, 'start'> | undefined,
  clock: Clock,
): ErrorCode | undefined {
  if (!isAllowedAttendanceMove(from, to)) return 'INVALID_TRANSITION';
  if (from !== to && AFTER_THE_FACT.includes(to) && session?.start) {
    if (dayOf(session.start) > today(clock)) return 'NOT_HAPPENED_YET';
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Closing a session, and correcting it afterwards

export function isClosed(session: Pick<Workshop, 'closedAt'> | undefined): boolean {
  return Boolean(session?.closedAt);
}

/** A session is closed once it started, and not when cancelled. */
export function closingProblem(
  session: Pick<Workshop, 'start' | 'cancelled'>,
  clock: Clock,
): ErrorCode | undefined {
  if (session.cancelled) return 'SESSION_CANCELLED';
  if (!session.start || session.start.slice(0, 16) > nowLocal(clock)) return 'SESSION_NOT_STARTED';
  return undefined;
}

/** The fields of an attendance the closing locks. */
export const LOCKED_FIELDS = ['status', 'present', 'walkIn', 'signature'] as const;

type AttendanceState = Partial<Attendance> & { _deleted?: boolean };

function lockedChanged(from: AttendanceState | undefined, to: AttendanceState): boolean {
  if (!from || from._deleted === true) return to._deleted !== true;
  if (Boolean(to._deleted) !== Boolean(from._deleted)) return true;
  if (attendanceStatus(from) !== attendanceStatus(to)) return true;
  return LOCKED_FIELDS.some(
    (field) => field !== 'status' && field !== 'present' && !jsonEqual(from[field], to[field]),
  );
}

/** The corrections `to` holds that `from` did not (by id). */
export function newCorrections(
  from: Pick<Attendance, 'corrections'> | undefined,
  to: Pick<Attendance, 'corrections'>,
): AttendanceCorrection[] {
  const known = new Set((from?.corrections ?? []).map((c) => c.id));
  return (to.corrections ?? []).filter((c) => !known.has(c.id));
}

/**
 * A change of an attendance of a closed session: refused (SESSION_CLOSED) unless it comes with
 * one new correction whose reason is given and whose status is the one written. A session not
 * closed, or a write that changes none of the locked fields, is no late change.
 */
export function lateChangeProblem(
  session: Pick<Workshop, 'closedAt'> | undefined,
  from: AttendanceState | undefined,
  to: AttendanceState,
): ErrorCode | undefined {
  if (!isClosed(session)) return undefined;
  const added = newCorrections(from, to);
  if (!lockedChanged(from, to) && added.length === 0) return undefined;
  if (added.length !== 1 || to._deleted === true) return 'SESSION_CLOSED';
  const [correction] = added;
  if (!correction!.reason.trim()) return 'CORRECTION_REASON_REQUIRED';
  return correction!.status === attendanceStatus(to) ? undefined : 'SESSION_CLOSED';
}

/** The attendance's fields once corrected to `status` for `reason` (device side). */
export function correctionOf(
  attendance: { corrections?: Attendance['corrections']; status?: unknown },
  status: AttendanceStatus,
  reason: string,
  made: { id: string; at: string; by?: string },
): Pick<Attendance, 'status' | 'present' | 'corrections'> {
  return {
    ...statusFields(status),
    corrections: [
      ...(attendance.corrections ?? []),
      {
        id: made.id,
        at: made.at,
        ...(made.by ? { by: made.by } : {}),
        reason: reason.trim(),
        status,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Merging two devices' émargements

/**
 * Which of two statuses noted on two devices is kept: réalisé first (present if either device
 * says so), then excusé (someone was told), absent, the refusals, prescrit. A total order, so
 * the merge is the same whichever device's write reaches the server first.
 */
export const STATUS_MERGE_ORDER: readonly AttendanceStatus[] = [
  'realise',
  'excuse',
  'absent',
  'refus-jeune',
  'refus-tiers',
  'prescrit',
];

export function mergedStatus(a: AttendanceStatus, b: AttendanceStatus): AttendanceStatus {
  return STATUS_MERGE_ORDER.indexOf(a) <= STATUS_MERGE_ORDER.indexOf(b) ? a : b;
}

/** Two lists of corrections merged: every correction of either, by time then id. */
export function mergedCorrections(
  a: readonly AttendanceCorrection[] | undefined,
  b: readonly AttendanceCorrection[] | undefined,
): AttendanceCorrection[] {
  const byId = new Map<string, AttendanceCorrection>();
  for (const correction of [...(a ?? []), ...(b ?? [])]) {
    const known = byId.get(correction.id);
    // The same correction seen by the server (with its author) and by a device (without).
    if (!known || (!known.by && correction.by)) byId.set(correction.id, correction);
  }
  return [...byId.values()].sort((x, y) => x.at.localeCompare(y.at) || x.id.localeCompare(y.id));
}
