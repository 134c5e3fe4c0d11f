/**
 * The présence figures of the collective actions (issue 15, item 6), one pure module for the
 * ateliers screen and the statistics: per session, action, theme, site, week, month or in
 * total over a period — sessions held, sign-ups, présents and the taux de présence, the figure
 * the projet associatif reports (62 % in 2023).
 *
 * - A session is **held** when it started by the clock and was not cancelled; only held
 *   sessions count, and a period takes the sessions whose day is in it.
 * - Its **sign-ups** are those expected at it: every attendance but a refusal (refus jeune, refus
 *   tiers — a prescription that never was a convocation, or a waiting-list place never given).
 *   Excusé, absent, and a sign-up nobody marked count; a walk-in counts too.
 * - **Présents**: the attendances « réalisé » (attendance.ts, v0 records by their flags).
 * - **Taux de présence** = présents ÷ sign-ups (undefined without sign-ups).
 */
import { attendanceStatus, type StatusFields } from './rules/attendance';
import type { Attendance } from './schemas/attendance';
import type { Workshop } from './schemas/workshop';
import { dayOf, nowLocal, startOfWeek, type Clock } from './time';

export type PresenceSession = Pick<
  Workshop,
  'id' | 'kind' | 'title' | 'theme' | 'actionId' | 'siteId' | 'start' | 'cancelled'
>;
export type PresenceAttendance = Pick<Attendance, 'workshopId'> & StatusFields;

export const PRESENCE_DIMENSIONS = ['session', 'action', 'theme', 'site', 'week', 'month'] as const;
export type PresenceDimension = (typeof PRESENCE_DIMENSIONS)[number] | 'total';

export interface PresenceFigures {
  sessionsHeld: number;
  signUps: number;
  presents: number;
  /** Présents ÷ sign-ups, 0–1; undefined without sign-ups. */
  rate: number | undefined;
}

export interface PresenceRow extends PresenceFigures {
  /** The session's id, the action's id (its title for a session without one), the theme,
   * the site's id, the Monday of the week or `YYYY-MM`; `total` for the total. */
  key: string;
}

export interface PresenceOptions {
  by: PresenceDimension;
  /** First and last day of the period, `YYYY-MM-DD`, both included (open when absent). */
  from?: string;
  to?: string;
  clock: Clock;
}

/** Whether a session took place by the clock: started, and not cancelled. */
export function isHeld(
  session: Pick<Workshop, 'start' | 'cancelled' | 'kind'>,
  clock: Clock,
): boolean {
  return (
    session.kind !== 'action' &&
    !session.cancelled &&
    typeof session.start === 'string' &&
    session.start.slice(0, 16) <= nowLocal(clock)
  );
}

/** Counted as a sign-up: every status but a refusal. */
export function isExpected(attendance: StatusFields): boolean {
  const status = attendanceStatus(attendance);
  return status !== 'refus-jeune' && status !== 'refus-tiers';
}

function keyOf(session: PresenceSession, by: PresenceDimension): string {
  const start = session.start ?? '';
  switch (by) {
    case 'session':
      return session.id;
    case 'action':
      return session.actionId ?? session.title;
    case 'theme':
      return session.theme ?? '';
    case 'site':
      return session.siteId ?? '';
    case 'week':
      return startOfWeek(dayOf(start));
    case 'month':
      return start.slice(0, 7);
    case 'total':
      return 'total';
  }
}

function emptyRow(key: string): PresenceRow {
  return { key, sessionsHeld: 0, signUps: 0, presents: 0, rate: undefined };
}

/**
 * The figures of the held sessions of the period, grouped by `by`, most sessions first (then
 * by key). Attendances of other sessions are ignored.
 */
export function presenceFigures(
  sessions: readonly PresenceSession[],
  attendances: readonly PresenceAttendance[],
  options: PresenceOptions,
): PresenceRow[] {
  const held = new Map<string, PresenceSession>();
  for (const session of sessions) {
    if (!isHeld(session, options.clock)) continue;
    const day = dayOf(session.start!);
    if ((options.from && day < options.from) || (options.to && day > options.to)) continue;
    held.set(session.id, session);
  }
  const rows = new Map<string, PresenceRow>();
  const rowOf = (session: PresenceSession) => {
    const key = keyOf(session, options.by);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = emptyRow(key)));
    return row;
  };
  for (const session of held.values()) rowOf(session).sessionsHeld += 1;
  for (const attendance of attendances) {
    const session = held.get(attendance.workshopId);
    if (!session || !isExpected(attendance)) continue;
    const row = rowOf(session);
    row.signUps += 1;
    if (attendanceStatus(attendance) === 'realise') row.presents += 1;
  }
  for (const row of rows.values())
    row.rate = row.signUps > 0 ? row.presents / row.signUps : undefined;
  return [...rows.values()].sort(
    (a, b) => b.sessionsHeld - a.sessionsHeld || a.key.localeCompare(b.key),
  );
}

/** The figures of the whole period in one row. */
export function presenceTotal(
  sessions: readonly PresenceSession[],
  attendances: readonly PresenceAttendance[],
  options: Omit<PresenceOptions, 'by'>,
): PresenceFigures {
  const [row] = presenceFigures(sessions, attendances, { ...options, by: 'total' });
  const { key: _key, ...figures } = row ?? emptyRow('total');
  return figures;
}

/** « 62 % », or « — » without sign-ups. */
export function formatRate(rate: number | undefined): string {
  return rate === undefined ? '—' : `${Math.round(rate * 100)} %`;
}
