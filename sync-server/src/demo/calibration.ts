/**
 * The demo's calibration on the projet associatif (issue 17, item 5): who is accompanied when,
 * where they live, and how many entretiens each has, planned before any document is drawn so
 * that the last complete year (the year before "today"'s) reproduces the figures the Mission
 * Locale reported for 2023 — by construction (quotas), not by luck of the draws — and the
 * current year up to today runs at the same pace.
 *
 * Where young people live. The projet associatif's 26 % QPV and 13 % rural cannot both hold
 * with young people outside QPV spread over the 4 EPCI in proportion to their 15–29 population:
 * every commune of the three communautés de communes is classified FRR, so that spread alone
 * would put at least 19.7 % of them in rural zones (74 % × 3,502 / 13,136). The demo reads the
 * proportion within each kind of place: the rural young people (13 %) are spread over the rural
 * part of each EPCI (its FRR, FRR+ and ex-ZRR communes) in proportion to the 15–29 year-olds
 * living there, the others over the CUA's unzoned communes — coverage is the same in every rural
 * commune, and the same in every urban one; the real Mission Locale reaches rural young people
 * at about half the urban rate, which is what its own figures say.
 */
import { COMMUNES, EPCIS, isRural, type Commune } from '../../../src/domain/territory/territory';
import { addDays, daysBetween, type DemoContext } from './context';
import type { Random } from './random';

/** The figures of the projet associatif (2023), which the last complete year reproduces. */
export const PROJET_ASSOCIATIF_2023 = {
  accompanied: 1380,
  qpvShare: 0.26,
  ruralShare: 0.13,
  entretiensProposes: 12_399,
  sessions: 905,
  attendanceRate: 0.62,
  loans: 91,
} as const;

/** Young people seen for the first time in a year (premiers accueils), per accompanied. */
const NEW_PER_ACCOMPANIED = 600 / 1380;
/** Contacts aller-vers not yet received, among the dossiers. */
const OUTREACH_SHARE = 0.03;
/** Entretiens individuels among the events (the rest: phone calls, visits, ateliers…). */
export const ENTRETIEN_SHARE = 0.64;

export type Segment = 'last-year' | 'both' | 'this-year' | 'outreach';
export type Place = 'qpv' | 'rural' | 'urban';

/** One young person of the demo, before their documents are drawn. */
export interface YouthPlan {
  segment: Segment;
  /** Where they live; outreach contacts draw theirs as before. */
  place?: Place;
  communeInsee?: string;
  createdOn: string;
  /** Days of their accompaniment (none for outreach contacts). */
  activeFrom?: string;
  activeTo?: string;
  /** Entretiens individuels recorded in the last complete year and in the current one. */
  entretiens: [number, number];
  /** Other events (phone calls, visits, ateliers…) in each year. */
  others: [number, number];
  /** Rendez-vous missed, cancelled or moved, per year: their statuses. */
  missed: [string[], string[]];
}

/** The demo's calendar: the last complete year, and the current one up to today. */
export interface DemoYears {
  lastYear: { from: string; to: string };
  thisYear: { from: string; to: string };
  /** Share of a year the current year has run (today included), in (0, 1]. */
  elapsed: number;
}

export function demoYears(today: string): DemoYears {
  const year = Number(today.slice(0, 4));
  const thisYearFrom = `${year}-01-01`;
  return {
    lastYear: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
    thisYear: { from: thisYearFrom, to: today },
    elapsed: Math.min(1, (daysBetween(thisYearFrom, today) + 1) / 365),
  };
}

/** Integers proportional to `weights`, summing to `total` exactly (largest remainders). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i]! += 1;
    left -= 1;
  }
  return counts;
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** `count` values laid out by quotas, in a random order. */
function quotas<T>(random: Random, entries: readonly (readonly [T, number])[]): T[] {
  return shuffle(
    random,
    entries.flatMap(([value, count]) => Array<T>(count).fill(value)),
  );
}

const ruralCommunes = COMMUNES.filter((c) => isRural(c.ruralZoning));
const urbanCommunes = COMMUNES.filter((c) => c.epciId === 'cua' && !isRural(c.ruralZoning));

/**
 * The 15–29 year-olds of the rural part of each EPCI: its 15–29 population times the share of
 * its inhabitants living in zoned communes (the census gives no age by commune here).
 */
export function ruralYouthByEpci(): Map<string, number> {
  return new Map(
    EPCIS.map((epci) => {
      const zoned = ruralCommunes
        .filter((c) => c.epciId === epci.id)
        .reduce((sum, c) => sum + c.population, 0);
      return [epci.id, (epci.youth15to29 * zoned) / epci.population];
    }),
  );
}

/** The communes of `count` young people of a kind of place, by quotas. */
function communesFor(random: Random, place: Place, count: number): string[] {
  if (place === 'qpv') return Array<string>(count).fill('61001');
  if (place === 'urban') {
    const counts = apportion(
      count,
      urbanCommunes.map((c) => c.population),
    );
    return quotas(
      random,
      urbanCommunes.map((c, i) => [c.insee, counts[i]!] as const),
    );
  }
  const byEpci = ruralYouthByEpci();
  const epciCounts = apportion(
    count,
    EPCIS.map((e) => byEpci.get(e.id) ?? 0),
  );
  return shuffle(
    random,
    EPCIS.flatMap((epci, e) => {
      const communes: Commune[] = ruralCommunes.filter((c) => c.epciId === epci.id);
      const counts = apportion(
        epciCounts[e]!,
        communes.map((c) => c.population),
      );
      return communes.flatMap((c, i) => Array<string>(counts[i]!).fill(c.insee));
    }),
  );
}

/** Places and communes of a group of young people: 26 % QPV, 13 % rural, the rest urban. */
function residences(random: Random, count: number): { place: Place; communeInsee: string }[] {
  const qpv = Math.round(count * PROJET_ASSOCIATIF_2023.qpvShare);
  const rural = Math.round(count * PROJET_ASSOCIATIF_2023.ruralShare);
  const places: [Place, number][] = [
    ['qpv', qpv],
    ['rural', rural],
    ['urban', count - qpv - rural],
  ];
  return shuffle(
    random,
    places.flatMap(([place, n]) =>
      communesFor(random, place, n).map((communeInsee) => ({ place, communeInsee })),
    ),
  );
}

export interface RosterSizes {
  /** Dossiers in all; by default as many as the calibrated year needs. */
  youths?: number;
  /** Events over the whole demo; by default as many as the calibrated year needs. */
  events?: number;
}

const MISSED_STATUSES = ['absent', 'absent', 'annule', 'reporte'];

/**
 * Every young person of the demo, planned: the segments (accompanied in the last complete year
 * only, in both years, in the current year only, contacts aller-vers), their places, their
 * days of accompaniment and their entretiens per year.
 */
export function planRoster(ctx: DemoContext, sizes: RosterSizes = {}): YouthPlan[] {
  const r = ctx.random;
  const years = demoYears(ctx.today);
  const { lastYear, thisYear, elapsed } = years;
  const target = PROJET_ASSOCIATIF_2023;
  const newThisYearBase = target.accompanied * NEW_PER_ACCOMPANIED * elapsed;
  const outreachBase =
    (OUTREACH_SHARE / (1 - OUTREACH_SHARE)) * (target.accompanied + newThisYearBase);
  const base = [target.accompanied, newThisYearBase, outreachBase];
  const [lastYearCount, newThisYear, outreach] =
    sizes.youths === undefined ? base.map(Math.round) : apportion(sizes.youths, base);
  // The current year so far: fewer young people than a whole year, not in proportion to days
  // (many come once or twice a year), all the new ones among them.
  const thisYearCount = Math.round(lastYearCount! * Math.sqrt(elapsed));
  const both = Math.min(lastYearCount!, Math.max(0, thisYearCount - newThisYear!));

  const plans: YouthPlan[] = [];
  const lastYearPlaces = residences(r, lastYearCount!);
  const newInLastYear = Math.round(lastYearCount! * NEW_PER_ACCOMPANIED);
  const continuing = quotas(r, [
    [true, both],
    [false, lastYearCount! - both],
  ]);
  const isNew = quotas(r, [
    [true, newInLastYear],
    [false, lastYearCount! - newInLastYear],
  ]);
  lastYearPlaces.forEach((residence, i) => {
    const createdOn = isNew[i]
      ? addDays(lastYear.from, r.int(0, 330))
      : addDays(lastYear.from, -r.int(1, 700));
    const activeFrom = createdOn < lastYear.from ? lastYear.from : createdOn;
    const activeTo = continuing[i]
      ? thisYear.to
      : addDays(
          activeFrom,
          r.int(
            Math.min(30, daysBetween(activeFrom, lastYear.to)),
            daysBetween(activeFrom, lastYear.to),
          ),
        );
    plans.push({
      segment: continuing[i] ? 'both' : 'last-year',
      ...residence,
      createdOn,
      activeFrom,
      activeTo,
      entretiens: [0, 0],
      others: [0, 0],
      missed: [[], []],
    });
  });
  for (const residence of residences(r, newThisYear!)) {
    const createdOn = addDays(thisYear.from, r.int(0, daysBetween(thisYear.from, thisYear.to)));
    plans.push({
      segment: 'this-year',
      ...residence,
      createdOn,
      activeFrom: createdOn,
      activeTo: thisYear.to,
      entretiens: [0, 0],
      others: [0, 0],
      missed: [[], []],
    });
  }
  for (let i = 0; i < outreach!; i += 1) {
    plans.push({
      segment: 'outreach',
      createdOn: addDays(ctx.today, -r.int(0, 365)),
      entretiens: [0, 0],
      others: [0, 0],
      missed: [[], []],
    });
  }
  planEntretiens(ctx, plans, years, sizes.events);
  return shuffle(r, plans);
}

/** The part of a plan's accompaniment inside a year, or undefined. */
export function spanIn(
  plan: Pick<YouthPlan, 'activeFrom' | 'activeTo'>,
  year: { from: string; to: string },
): { from: string; to: string } | undefined {
  if (!plan.activeFrom || !plan.activeTo) return undefined;
  const from = plan.activeFrom > year.from ? plan.activeFrom : year.from;
  const to = plan.activeTo < year.to ? plan.activeTo : year.to;
  return from <= to ? { from, to } : undefined;
}

/**
 * Missed rendez-vous, then entretiens: in each year, every young person accompanied has at
 * least one entretien, and the absences plus the entretiens make the year's entretiens
 * proposés (an absence is a rendez-vous proposed; a cancelled or moved one is not).
 */
function planEntretiens(
  ctx: DemoContext,
  plans: YouthPlan[],
  years: DemoYears,
  events: number | undefined,
): void {
  const r = ctx.random;
  const periods = [years.lastYear, years.thisYear] as const;
  const absences = [0, 0];
  for (const plan of plans) {
    periods.forEach((period, y) => {
      const span = spanIn(plan, period);
      if (!span) return;
      const share = (daysBetween(span.from, span.to) + 1) / 365;
      const count = r.chance(share) ? r.int(0, 2) : 0;
      const missed = plan.missed[y]!;
      for (let i = 0; i < count; i += 1) missed.push(r.pick(MISSED_STATUSES));
      absences[y]! += missed.filter((status) => status === 'absent').length;
    });
  }
  const yearShares = [1, years.elapsed];
  // Events asked for are kept exactly (the bench's data sets count them), split by year.
  const eventsIn = (y: number) =>
    events === undefined
      ? undefined
      : y === 0
        ? Math.round(events / (1 + years.elapsed))
        : events - Math.round(events / (1 + years.elapsed));
  const yearTotal = (y: number) =>
    events === undefined
      ? Math.round(PROJET_ASSOCIATIF_2023.entretiensProposes * yearShares[y]!) - absences[y]!
      : Math.round(eventsIn(y)! * ENTRETIEN_SHARE);
  periods.forEach((period, y) => {
    const active = plans.flatMap((plan) => {
      const span = spanIn(plan, period);
      return span ? [{ plan, days: daysBetween(span.from, span.to) + 1 }] : [];
    });
    const extra = Math.max(0, yearTotal(y) - active.length);
    const counts = apportion(
      extra,
      active.map(({ days }) => days * (0.4 + r.next() * 1.2)),
    );
    active.forEach(({ plan }, i) => (plan.entretiens[y] = 1 + counts[i]!));
    const entretiens = active.length + extra;
    const others = apportion(
      (eventsIn(y) ?? Math.round(entretiens / ENTRETIEN_SHARE)) - entretiens,
      active.map(({ plan }) => plan.entretiens[y]! * (0.5 + r.next())),
    );
    active.forEach(({ plan }, i) => (plan.others[y] = others[i]!));
  });
}
