/**
 * Collective actions for the demo: 905 sessions over the last complete year (ateliers and
 * informations collectives, about 17 a week, the projet associatif's figure), the current year at
 * the same pace and three weeks ahead, with 62 % attendance — statuses in i-milo's words, the
 * sessions of the days before today closed. The young people signed up are those of the site
 * in accompaniment that day. (Atelier Mob's fleet and loans: mobility.ts.)
 */
import type { PlainDocument } from '../../../src/domain/merge';
import { statusFields } from '../../../src/domain/rules/attendance';
import { sessionEnd } from '../../../src/domain/rules/workshops';
import { attendanceId } from '../../../src/domain/schemas/attendance';
import type { Workshop } from '../../../src/domain/schemas/workshop';
import { PROJET_ASSOCIATIF_2023 } from './calibration';
import { addDays, momentOn, stamp, weekdayOf, type DemoContext } from './context';
import { DEMO_SITES, DEMO_STAFF, SIEGE_ID } from './organisation';

/** The demo's catalogue of actions: kind, title, theme (src/domain/rules/workshops.ts). */
const WORKSHOP_TITLES = [
  ['atelier', 'Atelier CV et lettre de motivation', 'emploi'],
  ['atelier', "Atelier simulation d'entretien", 'emploi'],
  ['atelier', 'Atelier numérique : mes démarches en ligne', 'numerique'],
  ['atelier', 'Atelier budget et logement', 'logement'],
  ['atelier', 'Atelier code de la route', 'mobilite'],
  ['atelier', 'Atelier santé et bien-être', 'sante'],
  ['information-collective', 'Information collective CEJ', 'projet-professionnel'],
  ['information-collective', 'Information collective alternance', 'formation'],
  ['information-collective', 'Information collective service civique', 'citoyennete'],
] as const;

/**
 * Fixed ids for the catalogue entries, so the random sequence of the rest of the demo (and every
 * figure drawn from it) stays what it was before the catalogue existed.
 */
function actionIdOf(index: number): string {
  return `0190a000-0000-7000-b000-${String(index + 1).padStart(12, '0')}`;
}

function catalogue(ctx: DemoContext, by: string): PlainDocument[] {
  return WORKSHOP_TITLES.map(([kind, title, theme], index) => ({
    id: actionIdOf(index),
    rev: `demo-action-${index + 1}`,
    updatedAt: `${addDays(ctx.today, -400)}T09:00:00.000Z`,
    updatedBy: by,
    kind: 'action',
    actionKind: kind,
    title,
    theme,
    defaultDurationMinutes: kind === 'atelier' ? 120 : 90,
    defaultCapacity: 12,
  }));
}

/**
 * Of the young people who did not come, about one in four had let the Mission Locale know
 * (« excusé »), the others are « absent »: decided by the record's id, not by a random draw.
 */
function absentOrExcused(id: string): 'absent' | 'excuse' {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_003;
  return hash % 4 === 0 ? 'excuse' : 'absent';
}

export const ATTENDANCE_RATE = PROJET_ASSOCIATIF_2023.attendanceRate;
/** Sessions already planned after today, for the émargement of sessions to come. */
const DAYS_AHEAD = 21;

/** A young person and the days of their accompaniment (calibration.ts). */
export interface ActiveYouth {
  youth: PlainDocument;
  from: string;
  to: string;
}

function workingDaysOf(year: number): number {
  let count = 0;
  for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addDays(day, 1)) {
    const weekday = weekdayOf(day);
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

/**
 * The days of the sessions: every working day from the first of January of the last complete
 * year to three weeks after today, the year's sessions spread evenly over its working days.
 */
function sessionDays(ctx: DemoContext): string[] {
  const days: string[] = [];
  const first = Number(ctx.today.slice(0, 4)) - 1;
  const last = addDays(ctx.today, DAYS_AHEAD);
  for (let year = first; `${year}-01-01` <= last; year += 1) {
    const rate = PROJET_ASSOCIATIF_2023.sessions / workingDaysOf(year);
    let index = 0;
    for (
      let day = `${year}-01-01`;
      day.startsWith(String(year)) && day <= last;
      day = addDays(day, 1)
    ) {
      const weekday = weekdayOf(day);
      if (weekday === 0 || weekday === 6) continue;
      const count = Math.floor((index + 1) * rate) - Math.floor(index * rate);
      for (let i = 0; i < count; i += 1) days.push(day);
      index += 1;
    }
  }
  return days;
}

export function generateWorkshops(ctx: DemoContext, active: readonly ActiveYouth[]) {
  const r = ctx.random;
  const workshops: PlainDocument[] = [];
  const attendances: PlainDocument[] = [];
  const facilitators = DEMO_STAFF.filter((s) => s.role === 'conseiller').map((s) => s.id);
  const bySite = new Map<string, ActiveYouth[]>();
  for (const entry of active) {
    const list = bySite.get(String(entry.youth.siteId)) ?? [];
    list.push(entry);
    bySite.set(String(entry.youth.siteId), list);
  }
  // The young people of a site in accompaniment on a day, once per site and day.
  const pools = new Map<string, PlainDocument[]>();
  const poolOn = (siteId: string, day: string) => {
    const key = `${siteId} ${day}`;
    let pool = pools.get(key);
    if (!pool) {
      pool = (bySite.get(siteId) ?? [])
        // Those accompanied today are signed up for the sessions to come too.
        .filter((entry) => entry.from <= day && (day <= entry.to || entry.to >= ctx.today))
        .map((entry) => entry.youth);
      pools.set(key, pool);
    }
    return pool;
  };
  // Présence kept on 62 % as the sign-ups come: each draw leans against the gap so far.
  let marked = 0;
  let present = 0;
  for (const day of sessionDays(ctx)) {
    const action = r.pick(WORKSHOP_TITLES);
    const [kind, title, theme] = action;
    const siteId = r.chance(0.65) ? SIEGE_ID : r.pick(DEMO_SITES).id;
    const facilitatorId = r.pick(facilitators);
    const workshop: PlainDocument = {
      ...stamp(ctx, facilitatorId, addDays(day, -14)),
      kind,
      title,
      theme,
      actionId: actionIdOf(WORKSHOP_TITLES.indexOf(action)),
      siteId,
      start: momentOn(ctx, day),
      durationMinutes: kind === 'atelier' ? 120 : 90,
      capacity: 12,
      facilitatorId,
    };
    workshops.push(workshop);
    const pool = poolOn(siteId, day);
    const past = day <= ctx.today;
    // Sessions of the days before today were held and closed by their animateur·rice.
    if (day < ctx.today) {
      workshop.closedAt = sessionEnd(workshop as Workshop);
      workshop.closedBy = facilitatorId;
    }
    for (const youth of r.some(pool, r.int(3, 9))) {
      const id = attendanceId(String(workshop.id), String(youth.id));
      const lean = ATTENDANCE_RATE + (ATTENDANCE_RATE * marked - present) / 10;
      const status = past ? (r.chance(lean) ? 'realise' : absentOrExcused(id)) : 'prescrit';
      if (past) {
        marked += 1;
        if (status === 'realise') present += 1;
      }
      attendances.push({
        ...stamp(ctx, facilitatorId, addDays(day, -7)),
        id,
        workshopId: workshop.id,
        youthId: youth.id,
        registeredAt: `${addDays(day, -7)}T10:00`,
        queuedAt: `${addDays(day, -7)}T09:00:00.000Z`,
        authorId: facilitatorId,
        ...statusFields(status),
      });
    }
  }
  return { workshops: [...catalogue(ctx, facilitators[0]!), ...workshops], attendances };
}
