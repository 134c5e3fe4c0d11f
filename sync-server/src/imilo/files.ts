/**
 * The files of the i-milo export, one per category in i-milo's terms, and how each record
 * becomes rows: their columns (README, « Export i-milo », documents them one by one) and the
 * reason a record cannot be written in i-milo's words. Labels come from src/domain/imilo.ts.
 */
import type { CollectionName } from '../../../src/domain/collections';
import {
  IMILO_EVENT_KINDS,
  IMILO_NON_SNP,
  IMILO_OTHER_EVENT_KIND,
  IMILO_PACEA_STEPS,
  IMILO_PHASE_EVALUATIONS,
  IMILO_PROPOSITION_RESULTS,
  IMILO_PROPOSITION_TYPES,
  IMILO_SITUATION_SUBTYPES,
  IMILO_SITUATION_TYPES,
  IMILO_THEMES,
  IMILO_WORKING_TIMES,
  imiloAttendanceStatus,
} from '../../../src/domain/imilo';
import {
  APPOINTMENT_STATUS_LABELS,
  EVENT_THEME_LABELS,
  SITUATION_PHASE_LABELS,
} from '../../../src/domain/labels';
import type { PlainDocument } from '../../../src/domain/merge';
import {
  ACTION_KIND_LABELS,
  isActionTheme,
  THEME_LABELS,
} from '../../../src/domain/rules/workshops';

export type Cell = string | number | undefined;

/** Lookups an export needs besides the record itself. */
export interface ExportLookups {
  siteName(id: unknown): string | undefined;
  staffName(id: unknown): string | undefined;
  workshop(id: unknown): PlainDocument | undefined;
}

/** One row of a file; `key` tells rows of one document apart (the export marks each). */
export interface FileRow {
  key: string;
  cells: Cell[];
}

export type RowsOf = { rows: FileRow[] } | { unmapped: string };

export interface ExportFile {
  name: string;
  collection: CollectionName;
  /** Whether the rows carry the young person's identity columns first. */
  perYouth: boolean;
  columns: readonly string[];
  /** The record's rows in the period (none when it is outside), or why it cannot be mapped. */
  rows(doc: PlainDocument, period: Period, lookups: ExportLookups): RowsOf;
}

export interface Period {
  from: string;
  to: string;
}

/** The young person's identity as i-milo matches a dossier. */
export const IDENTITY_COLUMNS = ['Nom', 'Prénom', 'Date de naissance', 'N° dossier i-milo'];

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** `YYYY-MM-DD` (or the day of a date-time) as i-milo shows dates: `JJ/MM/AAAA`. */
export function frenchDate(value: unknown): string | undefined {
  const day = str(value)?.slice(0, 10);
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

const timeOf = (value: unknown) => str(value)?.slice(11, 16);
const dayIn = (value: unknown, period: Period) => {
  const day = str(value)?.slice(0, 10);
  return day !== undefined && day >= period.from && day <= period.to;
};
const overlaps = (doc: PlainDocument, period: Period) => {
  const start = str(doc.startDate);
  const end = str(doc.endDate);
  return start !== undefined && start <= period.to && (end === undefined || end >= period.from);
};
const one = (id: unknown, cells: Cell[]): RowsOf => ({ rows: [{ key: String(id), cells }] });
const none: RowsOf = { rows: [] };

function label<K extends string>(
  table: Record<K, { label: string; imilo: string | null }>,
  value: unknown,
) {
  return typeof value === 'string' && value in table ? table[value as K] : undefined;
}

const evenements: ExportFile = {
  name: 'evenements.csv',
  collection: 'events',
  perYouth: true,
  columns: [
    'Date',
    'Heure',
    "Type d'événement",
    'Précision',
    'Durée (minutes)',
    'Thèmes',
    'Lieu',
    'Identifiant Relais',
  ],
  rows(doc, period, lookups) {
    if (!dayIn(doc.at, period)) return none;
    const kind = label(IMILO_EVENT_KINDS, doc.kind);
    if (!kind) return { unmapped: `type d'événement inconnu : ${String(doc.kind)}` };
    const themes = Array.isArray(doc.themes)
      ? doc.themes
          .map((t) => EVENT_THEME_LABELS[t as keyof typeof EVENT_THEME_LABELS] ?? String(t))
          .join(', ')
      : undefined;
    return one(doc.id, [
      frenchDate(doc.at),
      timeOf(doc.at),
      kind.imilo ?? IMILO_OTHER_EVENT_KIND,
      kind.imilo ? undefined : kind.label,
      typeof doc.durationMinutes === 'number' ? doc.durationMinutes : undefined,
      themes,
      doc.placeSiteId ? lookups.siteName(doc.placeSiteId) : 'Extérieur',
      String(doc.id),
    ]);
  },
};

const rendezVous: ExportFile = {
  name: 'rendez-vous.csv',
  collection: 'appointments',
  perYouth: true,
  columns: [
    'Date',
    'Heure',
    'Durée (minutes)',
    'Objet',
    'Statut',
    'Lieu',
    'Conseiller',
    'Identifiant Relais',
  ],
  rows(doc, period, lookups) {
    if (!dayIn(doc.start, period)) return none;
    const status = APPOINTMENT_STATUS_LABELS[doc.status as keyof typeof APPOINTMENT_STATUS_LABELS];
    return one(doc.id, [
      frenchDate(doc.start),
      timeOf(doc.start),
      typeof doc.durationMinutes === 'number' ? doc.durationMinutes : undefined,
      str(doc.subject),
      status,
      lookups.siteName(doc.siteId),
      lookups.staffName(doc.staffId),
      String(doc.id),
    ]);
  },
};

const propositions: ExportFile = {
  name: 'propositions.csv',
  collection: 'pathway',
  perYouth: true,
  columns: [
    'Date',
    'Thème SNP',
    'Précision du thème',
    'Proposition',
    'Partenaire',
    'Résultat',
    'Date de fin',
    'Identifiant Relais',
  ],
  rows(doc, period) {
    if (doc.kind !== 'proposition' || !dayIn(doc.startDate, period)) return none;
    const theme = label(IMILO_THEMES, doc.theme);
    if (!theme) return { unmapped: 'proposition sans thème (SNP ou action non SNP)' };
    const result = label(IMILO_PROPOSITION_RESULTS, doc.result);
    return one(doc.id, [
      frenchDate(doc.startDate),
      theme.imilo ?? IMILO_NON_SNP,
      theme.imilo ? undefined : theme.label,
      label(IMILO_PROPOSITION_TYPES, doc.propositionType)?.imilo ?? undefined,
      str(doc.partner),
      result?.imilo ?? undefined,
      frenchDate(doc.endDate),
      String(doc.id),
    ]);
  },
};

/** i-milo's words for a situation, or why there are none. */
function situationWords(doc: PlainDocument): { situation: string; detail?: string } | string {
  const type = label(IMILO_SITUATION_TYPES, doc.situationType);
  if (!type?.imilo) return `situation sans catégorie i-milo : ${type?.label ?? 'non renseignée'}`;
  const subtype = label(IMILO_SITUATION_SUBTYPES, doc.situationSubtype);
  if (doc.situationSubtype !== undefined && !subtype?.imilo) {
    return `${subtype?.label ?? String(doc.situationSubtype)} : à préciser pour i-milo`;
  }
  if (doc.situationType === 'emploi' && !subtype) return "type de contrat d'emploi non renseigné";
  if (doc.situationSubtype === 'cdd' || doc.situationSubtype === 'cdi') {
    const time = label(IMILO_WORKING_TIMES, doc.workingTime);
    if (!time) return `${subtype!.label} : temps plein ou partiel non renseigné`;
    return { situation: type.imilo, detail: `${subtype!.imilo} ${time.label.toLowerCase()}` };
  }
  return { situation: type.imilo, detail: subtype?.imilo ?? undefined };
}

const situations: ExportFile = {
  name: 'situations.csv',
  collection: 'pathway',
  perYouth: true,
  columns: [
    'Situation',
    'Détail',
    'Date de début',
    'Date de fin',
    'État',
    'Employeur ou précision',
    'Identifiant Relais',
  ],
  rows(doc, period) {
    if (doc.kind !== 'situation' || !overlaps(doc, period)) return none;
    const words = situationWords(doc);
    if (typeof words === 'string') return { unmapped: words };
    return one(doc.id, [
      words.situation,
      words.detail,
      frenchDate(doc.startDate),
      frenchDate(doc.endDate),
      SITUATION_PHASE_LABELS[doc.phase as keyof typeof SITUATION_PHASE_LABELS],
      str(doc.label),
      String(doc.id),
    ]);
  },
};

const isDispositif = (doc: PlainDocument, period: Period) =>
  doc.kind === 'dispositif' && overlaps(doc, period);

const dispositifs: ExportFile = {
  name: 'dispositifs.csv',
  collection: 'pathway',
  perYouth: true,
  columns: [
    'Dispositif',
    'Date de début',
    'Date de fin',
    'Engagement hebdomadaire (heures)',
    'Identifiant Relais',
  ],
  rows(doc, period) {
    if (!isDispositif(doc, period)) return none;
    return one(doc.id, [
      String(doc.programme),
      frenchDate(doc.startDate),
      frenchDate(doc.endDate),
      typeof doc.weeklyHoursCommitment === 'number' ? doc.weeklyHoursCommitment : undefined,
      String(doc.id),
    ]);
  },
};

interface Phase {
  label?: string;
  step?: string;
  objectives?: string;
  startDate?: string;
  endDate?: string;
  evaluation?: string;
}

const phasesPacea: ExportFile = {
  name: 'phases-pacea.csv',
  collection: 'pathway',
  perYouth: true,
  columns: [
    'Phase',
    'Intitulé',
    'Objectifs',
    'Date de début',
    'Date de fin',
    'Évaluation de fin de phase',
    'Identifiant Relais du PACEA',
  ],
  rows(doc, period) {
    if (!isDispositif(doc, period) || doc.programme !== 'PACEA') return none;
    const phases = (Array.isArray(doc.phases) ? doc.phases : []) as Phase[];
    const unplaced = phases.find((phase) => !label(IMILO_PACEA_STEPS, phase.step));
    if (unplaced) {
      return { unmapped: `phase « ${unplaced.label ?? ''} » sans étape du PACEA national` };
    }
    return {
      rows: phases.map((phase, index) => ({
        key: `${String(doc.id)}#phase-${index}`,
        cells: [
          label(IMILO_PACEA_STEPS, phase.step)!.imilo ?? undefined,
          phase.label,
          phase.objectives,
          frenchDate(phase.startDate),
          frenchDate(phase.endDate),
          label(IMILO_PHASE_EVALUATIONS, phase.evaluation)?.imilo ?? undefined,
          String(doc.id),
        ],
      })),
    };
  },
};

const heuresCej: ExportFile = {
  name: 'heures-cej.csv',
  collection: 'pathway',
  perYouth: true,
  columns: ['Semaine du', 'Heures déclarées', 'Heures validées', 'Identifiant Relais du CEJ'],
  rows(doc, period) {
    if (doc.kind !== 'dispositif' || doc.programme !== 'CEJ') return none;
    const weeks = (Array.isArray(doc.cejWeeks) ? doc.cejWeeks : []) as PlainDocument[];
    return {
      rows: weeks
        .filter((week) => dayIn(week.weekStart, period))
        .map((week) => ({
          key: `${String(doc.id)}#week-${String(week.weekStart)}`,
          cells: [
            frenchDate(week.weekStart),
            typeof week.declaredHours === 'number' ? week.declaredHours : undefined,
            typeof week.validatedHours === 'number' ? week.validatedHours : undefined,
            String(doc.id),
          ],
        })),
    };
  },
};

// The kinds and themes of the catalogue of actions (issue 15), in the screens' words.
const WORKSHOP_KINDS: Record<string, string> = ACTION_KIND_LABELS;
const workshopTheme = (theme: unknown) => (isActionTheme(theme) ? THEME_LABELS[theme] : str(theme));

const sessions: ExportFile = {
  name: 'sessions.csv',
  collection: 'workshops',
  perYouth: false,
  columns: [
    'Action',
    'Type',
    'Thème',
    'Date',
    'Heure',
    'Durée (minutes)',
    'Lieu',
    'Animateur',
    'Capacité',
    'Annulée',
    'Identifiant Relais',
  ],
  rows(doc, period, lookups) {
    if (!dayIn(doc.start, period)) return none;
    return one(doc.id, [
      str(doc.title),
      WORKSHOP_KINDS[String(doc.kind)],
      workshopTheme(doc.theme),
      frenchDate(doc.start),
      timeOf(doc.start),
      typeof doc.durationMinutes === 'number' ? doc.durationMinutes : undefined,
      lookups.siteName(doc.siteId),
      lookups.staffName(doc.facilitatorId),
      typeof doc.capacity === 'number' ? doc.capacity : undefined,
      doc.cancelled === true ? 'Oui' : 'Non',
      String(doc.id),
    ]);
  },
};

const inscriptions: ExportFile = {
  name: 'inscriptions.csv',
  collection: 'attendances',
  perYouth: true,
  columns: ['Action', 'Date de la session', 'Statut', 'Identifiant Relais de la session'],
  rows(doc, period, lookups) {
    const session = lookups.workshop(doc.workshopId);
    if (!session || !dayIn(session.start, period)) return none;
    return one(doc.id, [
      str(session.title),
      frenchDate(session.start),
      imiloAttendanceStatus(doc as { present?: boolean; cancelled?: boolean }),
      String(doc.workshopId),
    ]);
  },
};

/** The files, in the order of the report. */
export const EXPORT_FILES: readonly ExportFile[] = [
  evenements,
  rendezVous,
  propositions,
  situations,
  dispositifs,
  phasesPacea,
  heuresCej,
  sessions,
  inscriptions,
];
