/**
 * French labels of the coded values of the documents, in the vocabulary of the field (i-milo's
 * words). One home for the screens, exports and the server's messages; the values that have an
 * i-milo counterpart take their label from the table of imilo.ts.
 */
import {
  IMILO_ATTENDANCE_STATUSES,
  IMILO_EVENT_KINDS,
  IMILO_EXIT_REASONS,
  IMILO_PACEA_STEPS,
  IMILO_PHASE_EVALUATIONS,
  IMILO_PROPOSITION_RESULTS,
  IMILO_PROPOSITION_TYPES,
  IMILO_SITUATION_SUBTYPES,
  IMILO_SITUATION_TYPES,
  IMILO_THEMES,
  IMILO_WORKING_TIMES,
  labelsOf,
} from './imilo';
import type { AppointmentStatus } from './schemas/appointment';
import type { EventKind } from './schemas/event';
import type { EVENT_THEMES, RELANCE_CHANNELS } from './schemas/event';
import type { DISPOSITIF_EXIT_REASONS, SITUATION_PHASES } from './schemas/pathway';
import { type PropositionResult } from './schemas/pathway';
import type { BARRIERS, EDUCATION_LEVELS, ORIENTATIONS } from './schemas/youth';
import { type YouthStatus } from './schemas/youth';

type Labels<T extends readonly string[]> = Record<T[number], string>;

export const STATUS_LABELS: Record<YouthStatus, string> = {
  'contact-aller-vers': 'Contact aller-vers',
  'premier-accueil': 'Premier accueil',
  accompagne: 'Accompagné·e',
  'en-veille': 'En veille',
  sorti: 'Sorti·e',
};

export const EXIT_REASON_LABELS = labelsOf(IMILO_EXIT_REASONS);

export const EDUCATION_LEVEL_LABELS: Labels<typeof EDUCATION_LEVELS> = {
  'sans-diplome': 'Sans diplôme',
  'niveau-3': 'Niveau 3 (CAP, BEP)',
  'niveau-4': 'Niveau 4 (baccalauréat)',
  'niveau-5': 'Niveau 5 (bac + 2)',
  'niveau-6-plus': 'Niveau 6 et plus (licence et au-delà)',
};

/**
 * The diploma of the stated level, three states: `diplomaObtained` true, false, or absent (the
 * forms' « Non renseigné »).
 */
export const DIPLOMA_OBTAINED_LABELS = {
  obtenu: 'Diplôme obtenu',
  'non-obtenu': 'Diplôme non obtenu',
} as const;

/** How the young person came to the Mission Locale. */
export const ORIENTATION_LABELS: Labels<typeof ORIENTATIONS> = {
  'france-travail': 'France Travail',
  'etablissement-scolaire': 'Établissement scolaire',
  'partenaire-social': 'Partenaire social',
  'famille-bouche-a-oreille': 'Famille, bouche-à-oreille',
  'aller-vers': 'Aller vers',
  autre: 'Autre',
};

export const FAMILY_SITUATION_LABELS = {
  seul: 'Seul·e',
  'en-couple': 'En couple',
  'parent-isole': 'Parent isolé·e',
  autre: 'Autre',
} as const;

export const DRIVING_LICENCE_LABELS = {
  aucun: 'Pas de permis',
  'en-cours': 'Permis en cours',
  b: 'Permis B',
  autre: 'Autre permis',
} as const;

export const GENDER_LABELS = { F: 'Femme', M: 'Homme', X: 'Non précisé' } as const;

export const BARRIER_LABELS: Labels<typeof BARRIERS> = {
  logement: 'Logement',
  sante: 'Santé',
  garde: "Garde d'enfants",
  mobilite: 'Mobilité',
  numerique: 'Numérique',
  'savoirs-de-base': 'Savoirs de base',
};

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  planifie: 'Planifié',
  present: 'Présent',
  absent: 'Absent',
  annule: 'Annulé',
  reporte: 'Reporté',
  'non-precise': 'Non précisé',
};

/** Statuses of an inscription to a session, in i-milo's words. */
export const ATTENDANCE_STATUS_LABELS = labelsOf(IMILO_ATTENDANCE_STATUSES);

export const EVENT_KIND_LABELS: Record<EventKind, string> = labelsOf(IMILO_EVENT_KINDS);

export const EVENT_THEME_LABELS: Labels<typeof EVENT_THEMES> = {
  emploi: 'Emploi',
  formation: 'Formation',
  'projet-professionnel': 'Projet professionnel',
  sante: 'Santé',
  logement: 'Logement',
  citoyennete: 'Citoyenneté',
  'loisirs-sport-culture': 'Loisirs, sport, culture',
  mobilite: 'Mobilité',
  droits: 'Accès aux droits',
  numerique: 'Numérique',
};

export const RELANCE_CHANNEL_LABELS: Labels<typeof RELANCE_CHANNELS> = {
  telephone: 'Téléphone',
  sms: 'SMS',
  courrier: 'Courrier',
  email: 'E-mail',
};

export const SITUATION_TYPE_LABELS = labelsOf(IMILO_SITUATION_TYPES);

export const SITUATION_SUBTYPE_LABELS = labelsOf(IMILO_SITUATION_SUBTYPES);

export const WORKING_TIME_LABELS = labelsOf(IMILO_WORKING_TIMES);

export const SITUATION_PHASE_LABELS: Labels<typeof SITUATION_PHASES> = {
  prevu: 'Prévu',
  'en-cours': 'En cours',
  termine: 'Terminé',
};

export const THEME_LABELS = labelsOf(IMILO_THEMES);

/** Why a CEJ or a PACEA ended (schemas/pathway.ts). */
export const DISPOSITIF_EXIT_REASON_LABELS: Labels<typeof DISPOSITIF_EXIT_REASONS> = {
  'emploi-durable': 'Emploi durable (CDI, CDD de 6 mois et plus)',
  emploi: 'Emploi (moins de 6 mois)',
  formation: 'Formation',
  alternance: 'Alternance',
  'fin-de-droits': 'Fin de droits, durée maximale atteinte',
  abandon: 'Abandon, démission',
  demenagement: 'Déménagement',
  autre: 'Autre',
};

export const PACEA_STEP_LABELS = labelsOf(IMILO_PACEA_STEPS);

export const PHASE_EVALUATION_LABELS = labelsOf(IMILO_PHASE_EVALUATIONS);

export const PROPOSITION_TYPE_LABELS = labelsOf(IMILO_PROPOSITION_TYPES);

export const PROPOSITION_RESULT_LABELS: Record<PropositionResult, string> =
  labelsOf(IMILO_PROPOSITION_RESULTS);

/** Options of a select from a label map, in the map's order. */
export function optionsOf<K extends string>(
  labels: Record<K, string>,
): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
