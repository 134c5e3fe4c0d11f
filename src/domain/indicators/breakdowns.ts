/**
 * The breakdowns of the young people accompanied in a period: each puts every one of them in
 * exactly one row (« Non renseigné » when the dossier does not say), so each sums to the total.
 */
import { EDUCATION_LEVEL_LABELS, GENDER_LABELS, ORIENTATION_LABELS } from '../labels';
import type { Youth } from '../schemas/youth';
import {
  describeResidence,
  findCommune,
  findEpci,
  findQpv,
  RURAL_ZONING_LABELS,
  type RuralZoning,
} from '../territory/territory';
import { formatMonth, yearsBetween } from '../time';
import type { StatisticsNames } from './data';
import type { Period } from './period';

export const UNKNOWN = 'non-renseigne';
const UNKNOWN_LABEL = 'Non renseigné';

export interface BreakdownRow {
  key: string;
  label: string;
  count: number;
}

interface BreakdownContext {
  period: Period;
  names: StatisticsNames;
  /** Days of the young person's accompanying activity in the period, in order. */
  days: readonly string[];
}

export interface Breakdown {
  id: string;
  label: string;
  /** Rows in the order of their keys (months, age bands) rather than by count. */
  ordered?: boolean;
  keyOf(youth: Youth, context: BreakdownContext): string | undefined;
  labelOf(key: string, context: Omit<BreakdownContext, 'days'>): string | undefined;
}

/**
 * Age bands at the period's last day. An anonymised dossier keeps its year of birth only
 * (src/domain/retention.ts): its age is the one reached in the year of that day — exact for a
 * year or a period ending on 31 December, at most one year more otherwise.
 */
export function ageBand(birthDate: string | undefined, onDay: string): string | undefined {
  if (!birthDate) return undefined;
  let age: number;
  if (/^\d{4}$/.test(birthDate)) age = Number(onDay.slice(0, 4)) - Number(birthDate);
  else if (birthDate.length === 10) age = yearsBetween(birthDate, onDay);
  else return undefined;
  if (age < 16) return '0-15';
  if (age <= 17) return '16-17';
  if (age <= 21) return '18-21';
  if (age <= 25) return '22-25';
  return '26-plus';
}

const AGE_LABELS: Record<string, string> = {
  '0-15': 'Moins de 16 ans',
  '16-17': '16–17 ans',
  '18-21': '18–21 ans',
  '22-25': '22–25 ans',
  '26-plus': '26 ans et plus',
};

type EducationLevel = keyof typeof EDUCATION_LEVEL_LABELS;

/**
 * The level of education with its diploma: `niveau-4:obtenu`, `niveau-4:non-obtenu`, or
 * `niveau-4` alone when the dossier does not say whether it was obtained; « sans diplôme » has
 * nothing to obtain.
 */
export function levelWithDiploma(youth: Youth): string | undefined {
  const level = youth.educationLevel;
  if (!level) return undefined;
  if (level === 'sans-diplome' || youth.diplomaObtained === undefined) return level;
  return `${level}:${youth.diplomaObtained ? 'obtenu' : 'non-obtenu'}`;
}

function levelWithDiplomaLabel(key: string): string | undefined {
  const [level, diploma] = key.split(':') as [EducationLevel, string | undefined];
  const name = EDUCATION_LEVEL_LABELS[level];
  if (!name) return undefined;
  if (level === 'sans-diplome') return name;
  if (!diploma) return `${name} — diplôme non renseigné`;
  return `${name} — ${diploma === 'obtenu' ? 'diplôme obtenu' : 'diplôme non obtenu'}`;
}

/**
 * The ZRR gave way to France Ruralités Revitalisation in July 2024. The territory data holds the
 * zoning since then (FRR, FRR+, the former ZRR kept in transition), not the ZRR list before it:
 * a report of an earlier period counts the same communes and says so in its label.
 */
export function ruralLabel(period: Period): string {
  return period.to < '2025-01-01'
    ? 'Zone rurale (zonage FRR de 2024, ex-ZRR)'
    : 'Zone rurale (FRR)';
}

export const BREAKDOWNS: readonly Breakdown[] = [
  {
    id: 'site',
    label: 'Site de rattachement',
    keyOf: (y) => y.siteId,
    labelOf: (key, { names }) => names.sites?.get(key),
  },
  {
    id: 'epci',
    label: 'EPCI de résidence',
    keyOf: (y) => findCommune(y.communeInsee)?.epciId,
    labelOf: (key) => findEpci(key)?.shortName,
  },
  {
    id: 'commune',
    label: 'Commune de résidence',
    keyOf: (y) => findCommune(y.communeInsee)?.insee,
    labelOf: (key) => findCommune(key)?.name,
  },
  {
    id: 'qpv',
    label: 'Quartier prioritaire (QPV)',
    keyOf: (y) => describeResidence(y.communeInsee, y.qpvCode).qpv?.code ?? 'hors-qpv',
    labelOf: (key) => (key === 'hors-qpv' ? 'Hors QPV' : findQpv(key)?.name),
  },
  {
    id: 'qpv-rural',
    label: 'QPV et zone rurale',
    keyOf: (y) => {
      const residence = describeResidence(y.communeInsee, y.qpvCode);
      if (!residence.commune) return undefined;
      return residence.qpv ? 'qpv' : residence.rural ? 'rural' : 'autre';
    },
    labelOf: (key, { period }) =>
      ({ qpv: 'QPV', rural: ruralLabel(period), autre: 'Ni QPV ni zone rurale' })[key],
  },
  {
    id: 'zonage-rural',
    label: 'Zonage rural de la commune',
    keyOf: (y) => findCommune(y.communeInsee)?.ruralZoning,
    labelOf: (key) => RURAL_ZONING_LABELS[key as RuralZoning],
  },
  {
    id: 'age',
    label: 'Âge à la fin de la période',
    ordered: true,
    keyOf: (y, { period }) => ageBand(y.birthDate, period.to),
    labelOf: (key) => AGE_LABELS[key],
  },
  {
    id: 'sexe',
    label: 'Sexe',
    keyOf: (y) => y.gender,
    labelOf: (key) => GENDER_LABELS[key as keyof typeof GENDER_LABELS],
  },
  {
    id: 'niveau',
    label: 'Niveau de formation',
    ordered: true,
    keyOf: (y) => y.educationLevel,
    labelOf: (key) => EDUCATION_LEVEL_LABELS[key as keyof typeof EDUCATION_LEVEL_LABELS],
  },
  {
    id: 'niveau-diplome',
    label: 'Niveau de formation et diplôme',
    ordered: true,
    keyOf: levelWithDiploma,
    labelOf: levelWithDiplomaLabel,
  },
  {
    id: 'orientation',
    label: 'Venu·e à la Mission Locale par',
    keyOf: (y) => y.orientation,
    labelOf: (key) => ORIENTATION_LABELS[key as keyof typeof ORIENTATION_LABELS],
  },
  {
    id: 'referent',
    label: 'Conseiller·ère référent·e',
    keyOf: (y) => y.referentId || undefined,
    labelOf: (key, { names }) => names.staff?.get(key),
  },
  {
    id: 'mois',
    label: 'Mois de la première venue dans la période',
    ordered: true,
    keyOf: (_y, { days }) => days[0]?.slice(0, 7),
    labelOf: (key) => formatMonth(key),
  },
];

/** The rows of one breakdown over the young people accompanied. */
export function breakdownRows(
  breakdown: Breakdown,
  accompanied: readonly { youth: Youth; days: readonly string[] }[],
  context: Omit<BreakdownContext, 'days'>,
): BreakdownRow[] {
  const counts = new Map<string, number>();
  for (const { youth, days } of accompanied) {
    const key = breakdown.keyOf(youth, { ...context, days }) ?? UNKNOWN;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = [...counts].map(([key, count]) => ({
    key,
    count,
    label: key === UNKNOWN ? UNKNOWN_LABEL : (breakdown.labelOf(key, context) ?? key),
  }));
  const last = (row: BreakdownRow) => (row.key === UNKNOWN ? 1 : 0);
  return rows.sort(
    (a, b) =>
      last(a) - last(b) ||
      (breakdown.ordered ? a.key.localeCompare(b.key) : b.count - a.count) ||
      a.label.localeCompare(b.label, 'fr'),
  );
}
