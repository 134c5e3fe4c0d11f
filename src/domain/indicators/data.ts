/**
 * What the statistics read: plain documents of every collection that counts, the same shape on
 * the device (from RxDB) and on the server (from its storage). `restrictToAdviser` is the one
 * definition of « an adviser's figures », so the device and the server cannot disagree on it.
 */
import type { Appointment } from '../schemas/appointment';
import type { Attendance } from '../schemas/attendance';
import type { YouthEvent } from '../schemas/event';
import type { MobilityRecord } from '../schemas/mobility';
import type { PathwayRecord } from '../schemas/pathway';
import type { Workshop } from '../schemas/workshop';
import type { Youth } from '../schemas/youth';

export interface StatisticsData {
  youths: readonly Youth[];
  events: readonly YouthEvent[];
  appointments: readonly Appointment[];
  pathway: readonly PathwayRecord[];
  workshops: readonly Workshop[];
  attendances: readonly Attendance[];
  mobility: readonly MobilityRecord[];
}

/** Names for the breakdowns by site and by adviser (ids when absent). */
export interface StatisticsNames {
  sites?: ReadonlyMap<string, string>;
  staff?: ReadonlyMap<string, string>;
}

/** Dossiers that count: not merged into another one (the survivor carries them). */
export function countedYouths(youths: readonly Youth[]): Youth[] {
  return youths.filter((youth) => !youth.mergedInto);
}

/**
 * Computed once per list: a report asks for them from several definitions, and a list of
 * statistics data is never changed in place (a new report reads new lists).
 */
const standing = new WeakMap<readonly YouthEvent[], YouthEvent[]>();

/** Events still standing: a correction supersedes the event it names (append-only events). */
export function standingEvents(events: readonly YouthEvent[]): YouthEvent[] {
  const known = standing.get(events);
  if (known) return known;
  const superseded = new Set<string>();
  for (const event of events) if (event.supersedes) superseded.add(event.supersedes);
  const list =
    superseded.size === 0 ? [...events] : events.filter((event) => !superseded.has(event.id));
  standing.set(events, list);
  return list;
}

/** A session of a collective action (not a catalogue entry), held (not cancelled). */
export function isHeldSession(workshop: Workshop): boolean {
  return workshop.kind !== 'action' && !workshop.cancelled && Boolean(workshop.start);
}

/**
 * An adviser's figures: the dossiers they are référent·e of, everything recorded about them,
 * and the sessions those young people were inscribed in.
 */
export function restrictToAdviser(data: StatisticsData, adviserId: string): StatisticsData {
  return restrictToYouths(data, (youth) => youth.referentId === adviserId);
}

/** A site's figures: the dossiers of that site de rattachement, as for an adviser. */
export function restrictToSite(data: StatisticsData, siteId: string): StatisticsData {
  return restrictToYouths(data, (youth) => youth.siteId === siteId);
}

function restrictToYouths(
  data: StatisticsData,
  keep: (youth: StatisticsData['youths'][number]) => boolean,
): StatisticsData {
  const youths = data.youths.filter(keep);
  const ids = new Set(youths.map((youth) => youth.id));
  const mine = <T extends { youthId?: string }>(list: readonly T[]) =>
    list.filter((item) => item.youthId !== undefined && ids.has(item.youthId));
  const attendances = mine(data.attendances);
  const sessionIds = new Set(attendances.map((a) => a.workshopId));
  return {
    youths,
    events: mine(data.events),
    appointments: mine(data.appointments),
    pathway: mine(data.pathway),
    attendances,
    workshops: data.workshops.filter((w) => sessionIds.has(w.id)),
    mobility: data.mobility.filter((m) => m.kind === 'loan' && m.youthId && ids.has(m.youthId)),
  };
}
