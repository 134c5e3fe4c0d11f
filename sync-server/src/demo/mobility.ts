/**
 * Atelier Mob in the demo (issue 16): a small fleet — scooters, vélos à assistance électrique
 * and a voiture sans permis, at the siège and the permanence of Sées — and its loans: 91 over
 * the last complete year (the projet associatif's figure for 2023), the year so far at the same
 * pace, a few running today, one late, a few booked ahead; one calendar per vehicle, as the
 * server writes them. Loans of one vehicle never share a day (src/domain/rules/mobility.ts).
 */
import type { PlainDocument } from '../../../src/domain/merge';
import { calendarPeriods, isMinorOn, LICENCE_BY_KIND } from '../../../src/domain/rules/mobility';
import {
  calendarId,
  type LoanPurpose,
  type MobilityRecord,
  type VehicleKind,
} from '../../../src/domain/schemas/mobility';
import type { ActiveYouth } from './collective';
import { addDays, stamp, type DemoContext } from './context';
import { DEMO_SITES, DEMO_STAFF, SIEGE_ID } from './organisation';

/** Loans in the last complete year (projet associatif, §7.4: 91 in 2023). */
export const LOANS_PER_YEAR = 91;

const SEES_ID = DEMO_SITES[1]!.id;

/** [label, kind, identification, where kept, caution in euros] */
const FLEET: [string, VehicleKind, string, string, number][] = [
  ['Scooter 50 cm³ n°1', 'scooter', 'GH-214-KL', SIEGE_ID, 150],
  ['Scooter 50 cm³ n°2', 'scooter', 'GH-215-KL', SIEGE_ID, 150],
  ['Scooter 50 cm³ n°3', 'scooter', 'FX-908-RT', SEES_ID, 150],
  ['Vélo à assistance électrique n°1', 'velo-electrique', 'Cadre WBK 41 7726', SIEGE_ID, 100],
  ['Vélo à assistance électrique n°2', 'velo-electrique', 'Cadre WBK 41 7731', SIEGE_ID, 100],
  ['Vélo à assistance électrique n°3', 'velo-electrique', 'Cadre WBK 41 7745', SEES_ID, 100],
  ['Voiture sans permis', 'voiture-sans-permis', 'EZ-372-QA', SIEGE_ID, 300],
];

const PURPOSES: [LoanPurpose, number][] = [
  ['emploi', 40],
  ['formation', 25],
  ['pmsmp', 15],
  ['entretien', 14],
  ['autre', 6],
];

/** The parcours records a purpose may serve. */
function serves(purpose: LoanPurpose, record: PlainDocument): boolean {
  if (purpose === 'emploi') {
    return record.situationType === 'emploi' || record.propositionType === 'offre-emploi';
  }
  if (purpose === 'formation') {
    return (
      record.situationType === 'formation' ||
      record.situationType === 'alternance' ||
      record.propositionType === 'formation' ||
      record.propositionType === 'alternance'
    );
  }
  if (purpose === 'pmsmp')
    return record.situationType === 'immersion' || record.propositionType === 'pmsmp';
  if (purpose === 'entretien') return record.propositionType === 'offre-emploi';
  return false;
}

interface Plan {
  start: string;
  days: number;
  /** Running today (checked out, not back); late when its end has passed. */
  running?: boolean;
  /** Booked ahead, not started. */
  booked?: boolean;
}

/** The loans of one vehicle over the period, one after another with gaps. */
function plansOf(ctx: DemoContext, from: string, count: number): Plan[] {
  const r = ctx.random;
  const plans: Plan[] = [];
  let day = addDays(from, r.int(0, 8));
  for (let i = 0; i < count; i += 1) {
    const days = r.int(5, 21);
    if (addDays(day, days) >= ctx.today) break;
    plans.push({ start: day, days });
    day = addDays(day, days + r.int(3, 10));
  }
  return plans;
}

export function generateMobility(
  ctx: DemoContext,
  active: readonly ActiveYouth[],
  pathway: PlainDocument[],
): PlainDocument[] {
  const r = ctx.random;
  const keeper = DEMO_STAFF.find((s) => s.login === 'direction')!.id;
  const vehicles: PlainDocument[] = FLEET.map(([label, vehicleType, identification, siteId]) => ({
    ...stamp(ctx, keeper, addDays(ctx.today, -500)),
    kind: 'vehicle',
    siteId,
    label,
    vehicleType,
    identification,
    available: true,
    condition: 'bon',
    licence: LICENCE_BY_KIND[vehicleType],
  }));
  // One scooter had a service in the spring; a vélo goes to repair next week.
  vehicles[1]!.unavailability = [
    {
      startDate: addDays(ctx.today, -200),
      endDate: addDays(ctx.today, -193),
      reason: 'entretien',
      note: 'Révision annuelle',
    },
  ];
  vehicles[4]!.unavailability = [
    {
      startDate: addDays(ctx.today, 6),
      endDate: addDays(ctx.today, 12),
      reason: 'reparation',
      note: 'Batterie à changer',
    },
  ];
  vehicles[4]!.condition = 'a-reviser';
  vehicles[4]!.conditionNote = 'La batterie ne tient plus la charge sur 30 km.';

  const byYouth = new Map<string, PlainDocument[]>();
  for (const record of pathway) {
    const list = byYouth.get(String(record.youthId)) ?? [];
    list.push(record);
    byYouth.set(String(record.youthId), list);
  }
  const thisYear = ctx.today.slice(0, 4);
  const lastYearStart = `${Number(thisYear) - 1}-01-01`;
  const lastYearEnd = `${Number(thisYear) - 1}-12-31`;
  // Borrowers: young people with a mobility barrier, in accompaniment in the loan's year
  // (accompanied today for the loans running or booked).
  const poolOf = (from: string, to: string, status?: string) => {
    const inYear = active.filter(
      (a) => a.from <= to && a.to >= from && (!status || a.youth.status === status),
    );
    const borrowers = inYear.filter(
      ({ youth: y }) =>
        y.referentId &&
        typeof y.birthDate === 'string' &&
        y.birthDate.length === 10 &&
        ((y.barriers as string[] | undefined) ?? []).includes('mobilite'),
    );
    return (borrowers.length > 20 ? borrowers : inYear).map((a) => a.youth);
  };
  const lastYearPool = poolOf(lastYearStart, lastYearEnd);
  const pool = poolOf(`${thisYear}-01-01`, ctx.today, 'accompagne');
  const loans: PlainDocument[] = [];
  // Last complete year: LOANS_PER_YEAR, spread over the fleet (ending a month before today at
  // the latest, so that today's loans never meet them in early January).
  const yearEnd = [lastYearEnd, addDays(ctx.today, -30)].sort()[0]!;
  vehicles.forEach((vehicle, i) => {
    const count =
      Math.floor(LOANS_PER_YEAR / FLEET.length) + (i < LOANS_PER_YEAR % FLEET.length ? 1 : 0);
    for (const plan of plansOf(ctx, lastYearStart, count)) {
      if (addDays(plan.start, plan.days) > yearEnd) break;
      loans.push(loanOf(ctx, vehicle, plan, lastYearPool, byYouth));
    }
  });
  // This year so far, then today's situation: running loans, one late, bookings ahead.
  vehicles.forEach((vehicle, i) => {
    const today = ctx.today;
    const yearStart = `${thisYear}-01-10`;
    const lastDay = addDays(today, -40);
    if (yearStart < lastDay && lastYearEnd < yearStart) {
      for (const plan of plansOf(ctx, yearStart, 30)) {
        if (addDays(plan.start, plan.days) >= lastDay) break;
        loans.push(loanOf(ctx, vehicle, plan, pool, byYouth));
      }
    }
    if (i === 0)
      loans.push(
        loanOf(
          ctx,
          vehicle,
          { start: addDays(today, -17), days: 14, running: true },
          pool,
          byYouth,
        ),
      );
    if (i === 1 || i === 3 || i === 6) {
      loans.push(
        loanOf(
          ctx,
          vehicle,
          { start: addDays(today, -r.int(3, 9)), days: r.int(14, 21), running: true },
          pool,
          byYouth,
        ),
      );
    }
    if (i === 2 || i === 5) {
      loans.push(
        loanOf(
          ctx,
          vehicle,
          { start: addDays(today, r.int(2, 6)), days: r.int(7, 14), booked: true },
          pool,
          byYouth,
        ),
      );
    }
  });
  const calendars = vehicles.map((vehicle) => ({
    id: calendarId(String(vehicle.id)),
    rev: `demo-calendar-${String(vehicle.id).slice(-6)}`,
    updatedAt: `${ctx.today}T07:00:00.000Z`,
    updatedBy: 'server',
    kind: 'calendar',
    siteId: vehicle.siteId,
    vehicleId: vehicle.id,
    periods: calendarPeriods(
      loans.filter((loan) => loan.vehicleId === vehicle.id) as unknown as MobilityRecord[],
    ),
  }));
  return [...vehicles, ...loans, ...calendars];
}

function loanOf(
  ctx: DemoContext,
  vehicle: PlainDocument,
  plan: Plan,
  pool: PlainDocument[],
  byYouth: Map<string, PlainDocument[]>,
): PlainDocument {
  const r = ctx.random;
  const youth = r.pick(pool);
  const author = String(youth.referentId);
  const booked = addDays(plan.start, -r.int(1, 6));
  const end = addDays(plan.start, plan.days - 1);
  const purpose = r.weighted(PURPOSES);
  const related = (byYouth.get(String(youth.id)) ?? []).find((record) => serves(purpose, record));
  const kind = vehicle.vehicleType as VehicleKind;
  const licence = LICENCE_BY_KIND[kind];
  const caution = FLEET.find(([label]) => label === vehicle.label)?.[4] ?? 100;
  const returned = !plan.running && !plan.booked;
  const km = r.int(800, 9000);
  const ridden = kind.startsWith('velo') ? r.int(40, 300) : r.int(80, 900);
  const damaged = returned && r.chance(0.06);
  // An extension moved the end to the plan's last day; a late return is a day or two late.
  const extended = returned && !damaged && plan.days >= 9 && r.chance(0.1);
  const firstEnd = extended ? addDays(end, -r.int(3, 6)) : end;
  const finalEnd = end;
  const returnDay = returned ? (r.chance(0.12) ? addDays(end, r.int(1, 2)) : end) : undefined;
  return {
    ...stamp(ctx, author, returnDay ?? (plan.running ? plan.start : booked)),
    kind: 'loan',
    siteId: vehicle.siteId,
    vehicleId: vehicle.id,
    youthId: youth.id,
    authorId: author,
    startDate: plan.start,
    endDate: finalEnd,
    purpose,
    ...(related ? { relatedId: related.id } : {}),
    licenceHeld: licence === 'aucun' ? 'aucun' : youth.drivingLicence === 'b' ? 'b' : 'am',
    ...(isMinorOn(String(youth.birthDate), plan.start) ? { guardianAgreement: true } : {}),
    conditionsAcceptedOn: booked,
    depositAmount: caution,
    depositState: plan.booked
      ? 'a-recevoir'
      : returned
        ? damaged
          ? 'retenue'
          : 'restituee'
        : 'recue',
    ...(plan.booked
      ? {}
      : {
          checkedOutOn: plan.start,
          checkoutKm: km,
          checkoutState: 'Bon état, plein fait / batterie chargée',
        }),
    ...(extended
      ? {
          extensions: [
            { from: firstEnd, to: finalEnd, on: addDays(firstEnd, -2), reason: 'Contrat prolongé' },
          ],
        }
      : {}),
    ...(returnDay
      ? {
          returnedOn: returnDay,
          returnKm: km + ridden,
          returnState: damaged ? 'Rayure sur le carénage' : 'Bon état',
          ...(damaged ? { damageNotes: 'Rétroviseur gauche cassé, carénage rayé.' } : {}),
        }
      : {}),
  };
}
