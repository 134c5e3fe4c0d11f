/**
 * The demo Mission Locale, generated deterministically from a seed and a "today": its sites,
 * about 1,400 young people and a year of activity (design.md, figures of 2023). Bench and tests
 * use the same generator at other scales (`youths`, `events`).
 */
import type { CollectionName } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import { generateActivity } from './activity';
import { placeInOpeningHours } from './agenda';
import { generateWorkshops } from './collective';
import { generateMobility } from './mobility';
import type { DemoContext } from './context';
import { stamp } from './context';
import { DEMO_SITES, DEMO_STAFF } from './organisation';
import { Random } from './random';
import { fillStatisticsFields } from './statistics-fields';
import { generateYouth } from './youths';

export const DEMO_SEED = 61000;
export const DEMO_YOUTHS = 1400;
/** About 12,000 of them entretiens individuels (70 %). */
export const DEMO_EVENTS = 17000;

export interface DemoOptions {
  today: string;
  seed?: number;
  youths?: number;
  /** Approximate number of events over all young people. */
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
  const youthCount = options.youths ?? DEMO_YOUTHS;
  const eventsPerYouth = (options.events ?? DEMO_EVENTS) / youthCount;
  const youths: PlainDocument[] = [];
  const events: PlainDocument[] = [];
  const pathway: PlainDocument[] = [];
  const appointments: PlainDocument[] = [];
  for (let i = 0; i < youthCount; i += 1) {
    const youth = generateYouth(ctx);
    youths.push(youth);
    const activity = generateActivity(ctx, youth, eventsPerYouth);
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
    const bySite = new Map<string, PlainDocument[]>();
    for (const youth of youths) {
      const list = bySite.get(String(youth.siteId)) ?? [];
      list.push(youth);
      bySite.set(String(youth.siteId), list);
    }
    const { workshops, attendances } = generateWorkshops(ctx, bySite);
    documents.workshops = workshops;
    documents.attendances = attendances;
    documents.mobility = generateMobility(ctx, youths, pathway);
  }
  fillStatisticsFields(documents, { today: options.today, seed: options.seed ?? DEMO_SEED });
  return documents;
}
