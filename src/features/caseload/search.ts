/**
 * The portefeuille's search, pure so that the bench measures exactly what the screen runs
 * (tests/bench/caseload-search.ts). An index is built once per change of the data (names folded
 * for accent- and case-insensitive search, residence, age, dispositif and last contact
 * precomputed, entries presorted by name); each keystroke is then one linear pass over it,
 * plus a sort of the matches when another order than the name is asked.
 */
import { ageOf } from '../../domain/rules/age';
import { daysWithoutContact } from '../../domain/rules/contact';
import type { Youth, YouthStatus } from '../../domain/schemas/youth';
import { describeResidence, type RuralZoning } from '../../domain/territory/territory';
import { foldText } from '../../domain/text';
import { fixedClock, parseDay } from '../../domain/time';

export type Programme = 'CEJ' | 'PACEA';

export interface CaseloadEntry {
  youth: Youth;
  /** Folded nom d'usage, nom de naissance and prénom, separated by spaces. */
  haystack: string;
  age: number | undefined;
  ageApproximate: boolean;
  communeName: string | undefined;
  epciId: string | undefined;
  qpvCode: string | undefined;
  ruralZoning: RuralZoning;
  programme: Programme | undefined;
  lastContact: string | undefined;
  daysWithoutContact: number | undefined;
}

export interface CaseloadIndex {
  /** Sorted by nom d'usage then prénom (French collation). */
  entries: CaseloadEntry[];
  today: string;
}

export type CaseloadScope = 'all' | 'mine' | `site:${string}`;
export type ProgrammeFilter = 'any' | Programme | 'none';
export type QpvFilter = 'any' | 'qpv' | 'hors-qpv' | string;
export type RuralFilter = 'any' | 'rural' | 'non-rural';
export type StatusFilter = 'any' | 'actifs' | YouthStatus;
export type CaseloadSort = 'name' | 'age' | 'last-contact' | 'created';

export interface CaseloadCriteria {
  query: string;
  scope: CaseloadScope;
  /** The signed-in user, for the "mes dossiers" scope. */
  userId: string;
  programme: ProgrammeFilter;
  qpv: QpvFilter;
  rural: RuralFilter;
  /** An EPCI id, or '' for all. */
  epciId: string;
  status: StatusFilter;
  /** Only dossiers without contact for at least this many days (never contacted included). */
  withoutContactDays: number | undefined;
  sort: CaseloadSort;
}

/** The filters of the portefeuille; its scope is the user's preference (useDossierScope). */
export const DEFAULT_FILTERS: Omit<CaseloadCriteria, 'userId' | 'scope'> = {
  query: '',
  programme: 'any',
  qpv: 'any',
  rural: 'any',
  epciId: '',
  status: 'any',
  withoutContactDays: undefined,
  sort: 'name',
};

export const DEFAULT_CRITERIA: Omit<CaseloadCriteria, 'userId'> = {
  ...DEFAULT_FILTERS,
  scope: 'all',
};

export interface CaseloadCounts {
  /** Dossiers in the index. */
  total: number;
  /** Dossiers matching every criterion. */
  matching: number;
  cej: number;
  pacea: number;
  qpv: number;
  rural: number;
  neverContacted: number;
}

export interface CaseloadResult {
  entries: CaseloadEntry[];
  counts: CaseloadCounts;
}

export interface IndexInput {
  youths: readonly Youth[];
  /** Day of the last contact by youth id. */
  lastContacts?: ReadonlyMap<string, string>;
  /** The dispositif running today by youth id. */
  programmes?: ReadonlyMap<string, Programme>;
  /** `YYYY-MM-DD`: ages and days without contact are counted on this day. */
  today: string;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

export function buildCaseloadIndex(input: IndexInput): CaseloadIndex {
  const clock = fixedClock(parseDay(input.today) ?? new Date());
  const entries = input.youths.map((youth): CaseloadEntry => {
    const residence = describeResidence(youth.communeInsee, youth.qpvCode);
    const age = ageOf(youth.birthDate, clock);
    const lastContact = input.lastContacts?.get(youth.id);
    return {
      youth,
      haystack: ` ${foldText(`${youth.lastName} ${youth.birthName ?? ''} ${youth.firstName}`)}`,
      age: age?.years,
      ageApproximate: age?.approximate ?? false,
      communeName: residence.commune?.name,
      epciId: residence.epci?.id,
      qpvCode: residence.qpv?.code,
      ruralZoning: residence.ruralZoning,
      programme: input.programmes?.get(youth.id),
      lastContact,
      daysWithoutContact: daysWithoutContact(lastContact, input.today),
    };
  });
  entries.sort(
    (a, b) =>
      collator.compare(a.youth.lastName, b.youth.lastName) ||
      collator.compare(a.youth.firstName, b.youth.firstName) ||
      (a.youth.id < b.youth.id ? -1 : 1),
  );
  return { entries, today: input.today };
}

function inScope(entry: CaseloadEntry, criteria: CaseloadCriteria): boolean {
  if (criteria.scope === 'all') return true;
  if (criteria.scope === 'mine') {
    // A dossier a colleague handed over for a while is one's own meanwhile (rules/handover.ts).
    return (
      entry.youth.referentId === criteria.userId ||
      entry.youth.interimReferentId === criteria.userId
    );
  }
  return entry.youth.siteId === criteria.scope.slice('site:'.length);
}

function matchesFilters(entry: CaseloadEntry, criteria: CaseloadCriteria): boolean {
  const { programme, qpv, rural, epciId, status, withoutContactDays } = criteria;
  if (programme !== 'any') {
    if (programme === 'none' ? entry.programme !== undefined : entry.programme !== programme)
      return false;
  }
  if (qpv !== 'any') {
    if (qpv === 'qpv' && !entry.qpvCode) return false;
    if (qpv === 'hors-qpv' && entry.qpvCode) return false;
    if (qpv !== 'qpv' && qpv !== 'hors-qpv' && entry.qpvCode !== qpv) return false;
  }
  if (rural === 'rural' && entry.ruralZoning === 'aucun') return false;
  if (rural === 'non-rural' && entry.ruralZoning !== 'aucun') return false;
  if (epciId && entry.epciId !== epciId) return false;
  if (status === 'actifs' && entry.youth.status === 'sorti') return false;
  if (status !== 'any' && status !== 'actifs' && entry.youth.status !== status) return false;
  if (withoutContactDays !== undefined) {
    const days = entry.daysWithoutContact;
    if (days !== undefined && days < withoutContactDays) return false;
  }
  return true;
}

/** Days `YYYY-MM-DD` compare as plain strings (localeCompare is needlessly slow here). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const SORTS: Record<
  Exclude<CaseloadSort, 'name'>,
  (a: CaseloadEntry, b: CaseloadEntry) => number
> = {
  // Youngest first; unknown ages last.
  age: (a, b) => (a.age ?? 999) - (b.age ?? 999),
  // Longest without contact first; never contacted before everyone.
  'last-contact': (a, b) => compareText(a.lastContact ?? '', b.lastContact ?? ''),
  // Most recent premier accueil first.
  created: (a, b) => compareText(b.youth.createdOn ?? '', a.youth.createdOn ?? ''),
};

/** The dossiers matching the criteria, sorted, with the counts shown above the list. */
export function searchCaseload(index: CaseloadIndex, criteria: CaseloadCriteria): CaseloadResult {
  const tokens = foldText(criteria.query)
    .split(' ')
    .filter(Boolean)
    .map((token) => ` ${token}`);
  const counts: CaseloadCounts = {
    total: index.entries.length,
    matching: 0,
    cej: 0,
    pacea: 0,
    qpv: 0,
    rural: 0,
    neverContacted: 0,
  };
  const entries: CaseloadEntry[] = [];
  for (const entry of index.entries) {
    if (!inScope(entry, criteria)) continue;
    let found = true;
    for (const token of tokens) {
      // Tokens match the start of a word of the names: "mar" finds Martin, not Lamarre.
      if (!entry.haystack.includes(token)) {
        found = false;
        break;
      }
    }
    if (!found || !matchesFilters(entry, criteria)) continue;
    entries.push(entry);
    if (entry.programme === 'CEJ') counts.cej += 1;
    else if (entry.programme === 'PACEA') counts.pacea += 1;
    if (entry.qpvCode) counts.qpv += 1;
    if (entry.ruralZoning !== 'aucun') counts.rural += 1;
    if (entry.lastContact === undefined) counts.neverContacted += 1;
  }
  counts.matching = entries.length;
  if (criteria.sort !== 'name') entries.sort(SORTS[criteria.sort]);
  return { entries, counts };
}
