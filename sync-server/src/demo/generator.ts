/**
 * The demo Mission Locale, generated deterministically from a seed and a "today": its sites,
 * about 2,000 young people, the whole last complete year at the level of the projet associatif's
 * figures (calibration.ts) and the current year up to today at the same pace. Bench and tests use
 * the same generator at other scales (`youths`, `events`).
 */
import type { CollectionName } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import { generateActivity } from './activity';
import { placeInOpeningHours } from './agenda';
import { demoYears, planRoster, type YouthPlan } from './calibration';
import { generateWorkshops, type ActiveYouth } from './collective';
import { generateMobility } from './mobility';
import type { DemoContext } from './context';
import { stamp } from './context';
import { DEMO_SITES, DEMO_STAFF } from './organisation';
import { Random } from './random';
import { fillStatisticsFields } from './statistics-fields';
import { generateYouth } from './youths';

export const DEMO_SEED = 61000;

export interface DemoOptions {
  today: string;
  seed?: number;
  /** Dossiers in all (by default, as many as the calibrated years need: about 2,000). */
  youths?: number;
  /** Approximate number of events over all young people (by default, the calibrated pace). */
  events?: number;
  /** Workshops, attendances and vehicles (off for the bench's site-scale data set). */
  collective?: boolean;
}

export type DemoDocuments = Partial<Record<CollectionName, PlainDocument[]>>;

function siteDocuments(ctx: DemoContext): PlainDocument[] {
  const admin = DEMO_STAFF.find((s) => s.role === 'admin')!.id;
  return DEMO_SITES.map((site) => ({
    ...stamp(ctx, admin, '2024-09-01'),
    id: site.id,
    name: site.name,
    kind: site.kind,
    address: site.address,
    communeInsee: site.communeInsee,
    ...(site.qpvCode ? { qpvCode: site.qpvCode } : {}),
    schedule: site.schedule.map(([weekday, start, end]) => ({ weekday, start, end })),
    exceptions: [],
    active: true,
  }));
}

export function generateDemo(options: DemoOptions): DemoDocuments {
  const ctx: DemoContext = { random: new Random(options.seed ?? DEMO_SEED), today: options.today };
  const years = demoYears(options.today);
  const plans = planRoster(ctx, { youths: options.youths, events: options.events });
  const youths: PlainDocument[] = [];
  const events: PlainDocument[] = [];
  const pathway: PlainDocument[] = [];
  const appointments: PlainDocument[] = [];
  const active: ActiveYouth[] = [];
  for (const plan of plans) {
    const youth = generateYouth(ctx, plan);
    youths.push(youth);
    if (plan.activeFrom && plan.activeTo) {
      active.push({ youth, from: plan.activeFrom, to: plan.activeTo });
    }
    const activity = generateActivity(ctx, youth, plan satisfies YouthPlan, years);
    events.push(...activity.events);
    pathway.push(...activity.pathway);
    appointments.push(...activity.appointments);
  }
  placeInOpeningHours(appointments, events, DEMO_SITES, options.today, options.seed ?? DEMO_SEED);
  const documents: DemoDocuments = {
    sites: siteDocuments(ctx),
    youths,
    events,
    pathway,
    appointments,
  };
  if (options.collective !== false) {
    const { workshops, attendances } = generateWorkshops(ctx, active);
    documents.workshops = workshops;
    documents.attendances = attendances;
    documents.mobility = generateMobility(ctx, active, pathway);
  }
  fillStatisticsFields(documents, { today: options.today, seed: options.seed ?? DEMO_SEED });
  return documents;
}
