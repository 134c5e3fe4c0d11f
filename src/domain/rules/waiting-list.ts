/**
 * The places of a session and its waiting list (issue 15, items 3 and 5), derived — never
 * stored — from the session's capacity and its sign-ups in the server's order:
 * - sign-ups take the places in the order the server first stored them (`queuedAt`, the
 *   server's clock: a device clock never puts anyone ahead); sign-ups made offline and not yet
 *   sent come after, in the order they were made on the device;
 * - those beyond the capacity are on the waiting list, in that order; sign-ups made offline at
 *   two permanences that together exceed the capacity are all kept, the later ones waiting;
 * - a sign-up that gives its place back (excusé, refus: attendance.ts) leaves the list, and the
 *   first waiting moves up — at once, on every device, since nothing is stored but the statuses;
 * - a walk-in (added at the session) takes no one's place.
 */
import type { Attendance } from '../schemas/attendance';
import { attendanceStatus, releasesPlace } from './attendance';

type Ordered = Pick<Attendance, 'id' | 'queuedAt' | 'registeredAt'>;

/** The server's order of two sign-ups: stored first, first; unsent ones last, by device time. */
export function serverOrder(a: Ordered, b: Ordered): number {
  if (a.queuedAt && b.queuedAt && a.queuedAt !== b.queuedAt)
    return a.queuedAt < b.queuedAt ? -1 : 1;
  if (Boolean(a.queuedAt) !== Boolean(b.queuedAt)) return a.queuedAt ? -1 : 1;
  // One push stores its rows at the same server time: the device's order breaks the tie.
  return (a.registeredAt ?? '').localeCompare(b.registeredAt ?? '') || a.id.localeCompare(b.id);
}

export interface Placement<T> {
  /** Sign-ups within the capacity, in the server's order. */
  placed: T[];
  /** Beyond the capacity, in the server's order: the first moves up on a cancellation. */
  waiting: T[];
  /** Excusé, refus jeune, refus tiers: the place was given back. */
  released: T[];
  /** Added at the session: no place taken. */
  walkIns: T[];
  /** Places left (0 when full); undefined without a capacity. */
  free: number | undefined;
}

export type PlacedAttendance = Ordered &
  Pick<Attendance, 'status' | 'present' | 'walkIn'> & { cancelled?: boolean };

export function sessionPlaces<T extends PlacedAttendance>(
  capacity: number | undefined,
  attendances: readonly T[],
): Placement<T> {
  const released: T[] = [];
  const walkIns: T[] = [];
  const holders: T[] = [];
  for (const attendance of attendances) {
    if (releasesPlace(attendance)) released.push(attendance);
    else if (attendance.walkIn) walkIns.push(attendance);
    else holders.push(attendance);
  }
  holders.sort(serverOrder);
  released.sort(serverOrder);
  walkIns.sort(serverOrder);
  if (capacity === undefined) {
    return { placed: holders, waiting: [], released, walkIns, free: undefined };
  }
  return {
    placed: holders.slice(0, capacity),
    waiting: holders.slice(capacity),
    released,
    walkIns,
    free: Math.max(0, capacity - holders.length),
  };
}

/** Where a sign-up stands: « inscrit·e », « liste d'attente (n) », or its place given back. */
export type Standing =
  | { kind: 'placed' }
  | { kind: 'waiting'; rank: number }
  | { kind: 'released' }
  | { kind: 'walk-in' };

export function standingOf<T extends PlacedAttendance>(
  placement: Placement<T>,
  id: string,
): Standing | undefined {
  if (placement.placed.some((a) => a.id === id)) return { kind: 'placed' };
  const rank = placement.waiting.findIndex((a) => a.id === id);
  if (rank >= 0) return { kind: 'waiting', rank: rank + 1 };
  if (placement.walkIns.some((a) => a.id === id)) return { kind: 'walk-in' };
  if (placement.released.some((a) => a.id === id)) return { kind: 'released' };
  return undefined;
}

/**
 * What « Clôturer la session » writes of the sign-ups nobody marked: one who had a place did
 * not come (« absent »); one still on the waiting list never had a place (« refus tiers »: the
 * organiser could not take them). Every other status stays as noted.
 */
export function closingStatuses<T extends PlacedAttendance>(
  capacity: number | undefined,
  attendances: readonly T[],
): { attendance: T; status: 'absent' | 'refus-tiers' }[] {
  const placement = sessionPlaces(capacity, attendances);
  const unmarked = (a: T) => attendanceStatus(a) === 'prescrit';
  return [
    ...[...placement.placed, ...placement.walkIns]
      .filter(unmarked)
      .map((attendance) => ({ attendance, status: 'absent' as const })),
    ...placement.waiting
      .filter(unmarked)
      .map((attendance) => ({ attendance, status: 'refus-tiers' as const })),
  ];
}
