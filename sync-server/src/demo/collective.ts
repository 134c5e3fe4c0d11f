/**
 * Collective actions for the demo year: about 17 sessions a week (ateliers and informations
 * collectives) with 62 % attendance — statuses in i-milo's words, the sessions of the days
 * before today closed. (Atelier Mob's fleet and loans: mobility.ts.)
 */
import type { PlainDocument } from '../../../src/domain/merge';
import { statusFields } from '../../../src/domain/rules/attendance';
import { sessionEnd } from '../../../src/domain/rules/workshops';
import { attendanceId } from '../../../src/domain/schemas/attendance';
import type { Workshop } from '../../../src/domain/schemas/workshop';
import { addDays, startOfWeek } from '../../../src/domain/time';
import { momentOn, stamp, type DemoContext } from './context';
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

export const SESSIONS_PER_WEEK = 17;
export const ATTENDANCE_RATE = 0.62;

export function generateWorkshops(ctx: DemoContext, youthsBySite: Map<string, PlainDocument[]>) {
  const r = ctx.random;
  const workshops: PlainDocument[] = [];
  const attendances: PlainDocument[] = [];
  const facilitators = DEMO_STAFF.filter((s) => s.role === 'conseiller').map((s) => s.id);
  const firstMonday = startOfWeek(addDays(ctx.today, -364));
  for (let week = 0; week < 55; week += 1) {
    const monday = addDays(firstMonday, week * 7);
    for (let i = 0; i < SESSIONS_PER_WEEK; i += 1) {
      const day = addDays(monday, r.int(0, 4));
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
      const pool = youthsBySite.get(siteId) ?? [];
      const past = day <= ctx.today;
      // Sessions of the days before today were held and closed by their animateur·rice.
      if (day < ctx.today) {
        workshop.closedAt = sessionEnd(workshop as Workshop);
        workshop.closedBy = facilitatorId;
      }
      for (const youth of r.some(pool, r.int(3, 9))) {
        const id = attendanceId(String(workshop.id), String(youth.id));
        // The same draws as before statuses existed, so the rest of the demo stays the same.
        const status = past
          ? r.chance(ATTENDANCE_RATE)
            ? 'realise'
            : absentOrExcused(id)
          : 'prescrit';
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
  }
  return { workshops: [...catalogue(ctx, facilitators[0]!), ...workshops], attendances };
}
