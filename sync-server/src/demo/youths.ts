/**
 * Demo young people, from their plan (calibration.ts: where they live, when they were accompanied):
 * attached to the site that serves their commune and to one of its advisers, with a status that
 * says where their accompaniment stands today.
 */
import type { PlainDocument } from '../../../src/domain/merge';
import {
  BARRIERS,
  EDUCATION_LEVELS,
  EXIT_REASONS,
  OUTREACH_NEEDS,
} from '../../../src/domain/schemas/youth';
import { COMMUNES, findCommune } from '../../../src/domain/territory/territory';
import type { YouthPlan } from './calibration';
import { addDays, dayBetween, stamp, type DemoContext } from './context';
import { FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES, STREETS } from './names';
import { DEMO_SITES, DEMO_STAFF, SIEGE_ID } from './organisation';

export const QPV_SHARE = 0.26;
const PERSEIGNE = 'QN06106M';
const COURTEILLE = 'QN06107M';

const communeWeights = COMMUNES.map((c) => [c, c.population] as const);

/** Today's status of a planned young person: their accompaniment ended, or runs on. */
function statusOf(ctx: DemoContext, plan: YouthPlan): string {
  if (plan.segment === 'outreach') return 'contact-aller-vers';
  if (plan.segment === 'last-year') return ctx.random.chance(0.7) ? 'sorti' : 'en-veille';
  if (plan.createdOn > addDays(ctx.today, -45)) return 'premier-accueil';
  return ctx.random.chance(0.95) ? 'accompagne' : 'en-veille';
}

function siteFor(ctx: DemoContext, communeInsee: string, qpvCode: string | undefined): string {
  if (qpvCode) {
    const qpvSite = DEMO_SITES.find((s) => s.qpvCode === qpvCode)!;
    return ctx.random.chance(0.7) ? qpvSite.id : SIEGE_ID;
  }
  const commune = findCommune(communeInsee)!;
  if (communeInsee.startsWith('72')) return DEMO_SITES.find((s) => s.communeInsee === '72137')!.id;
  if (commune.epciId === 'cua') return SIEGE_ID;
  const serving = DEMO_SITES.filter((s) => s.servesEpci === commune.epciId);
  return ctx.random.pick(serving).id;
}

export function advisersOf(siteId: string): string[] {
  const own = DEMO_STAFF.filter((s) => s.role === 'conseiller' && s.siteIds[0] === siteId);
  const any = DEMO_STAFF.filter((s) => s.role === 'conseiller' && s.siteIds.includes(siteId));
  return (own.length > 0 ? own : any).map((s) => s.id);
}

function fictionalPhone(ctx: DemoContext): string {
  // 06 39 98 xx xx is reserved by the ARCEP for fiction.
  return `06 39 98 ${String(ctx.random.int(0, 99)).padStart(2, '0')} ${String(ctx.random.int(0, 99)).padStart(2, '0')}`;
}

function emailOf(first: string, last: string): string {
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase();
  return `${ascii(first)}.${ascii(last)}@example.fr`;
}

export function generateYouth(ctx: DemoContext, plan: YouthPlan): PlainDocument {
  const r = ctx.random;
  const gender = r.chance(0.5) ? 'F' : 'M';
  const firstName = r.pick(gender === 'F' ? FIRST_NAMES_F : FIRST_NAMES_M);
  const lastName = r.pick(LAST_NAMES);
  // Contacts aller-vers are met where the Mission Locale goes: a quarter of them in the QPV.
  const inQpv = plan.place ? plan.place === 'qpv' : r.chance(QPV_SHARE);
  const qpvCode = inQpv ? (r.chance(0.6) ? PERSEIGNE : COURTEILLE) : undefined;
  const communeInsee = plan.communeInsee ?? (inQpv ? '61001' : r.weighted(communeWeights).insee);
  const siteId = siteFor(ctx, communeInsee, qpvCode);
  const referentId = r.pick(advisersOf(siteId));
  const status = statusOf(ctx, plan);
  const createdOn = plan.createdOn;
  const age = r.int(16, 25);
  const birthDate = addDays(ctx.today, -(age * 365 + r.int(0, 364)));
  const youth: PlainDocument = {
    ...stamp(ctx, referentId, createdOn),
    lastName,
    firstName,
    gender,
    birthDate: status === 'contact-aller-vers' && r.chance(0.5) ? birthDate.slice(0, 4) : birthDate,
    communeInsee,
    siteId,
    referentId: status === 'contact-aller-vers' ? '' : referentId,
    status,
    createdOn,
    consent: { freeAdherence: true, rgpdInformedOn: createdOn, recontactAgreed: r.chance(0.9) },
  };
  if (gender === 'F' && r.chance(0.05)) youth.birthName = r.pick(LAST_NAMES);
  if (qpvCode) youth.qpvCode = qpvCode;
  if (status === 'contact-aller-vers') {
    youth.outreach = {
      place: qpvCode === COURTEILLE ? 'Courteille' : 'Perseigne',
      need: r.pick(OUTREACH_NEEDS),
    };
    if (r.chance(0.5)) youth.phone = fictionalPhone(ctx);
    return youth;
  }
  return {
    ...youth,
    phone: fictionalPhone(ctx),
    ...(r.chance(0.6) ? { email: emailOf(firstName, lastName) } : {}),
    address: `${r.int(1, 120)} ${r.pick(STREETS)}`,
    educationLevel: r.weighted([
      [EDUCATION_LEVELS[0], 30],
      [EDUCATION_LEVELS[1], 30],
      [EDUCATION_LEVELS[2], 28],
      [EDUCATION_LEVELS[3], 8],
      [EDUCATION_LEVELS[4], 4],
    ]),
    familySituation: r.weighted([
      ['seul', 80],
      ['en-couple', 12],
      ['parent-isole', 6],
      ['autre', 2],
    ]),
    dependentChildren: r.chance(0.1) ? r.int(1, 2) : 0,
    drivingLicence: r.weighted([
      ['aucun', 55],
      ['en-cours', 20],
      ['b', 25],
    ]),
    hasVehicle: r.chance(0.15),
    barriers: r.some(
      BARRIERS,
      r.weighted([
        [0, 40],
        [1, 35],
        [2, 18],
        [3, 7],
      ]),
    ),
    rqth: r.chance(0.05),
    ase: r.chance(0.08),
    justice: r.chance(0.03),
    ...(status === 'sorti'
      ? {
          exitReason: r.pick(EXIT_REASONS),
          exitDate: dayBetween(
            ctx,
            plan.activeTo ?? createdOn,
            [addDays(plan.activeTo ?? createdOn, 60), ctx.today].sort()[0]!,
          ),
        }
      : {}),
  };
}
