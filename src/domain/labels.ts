/**
 * French labels of the coded values of the documents, in the vocabulary of the field (i-milo's
 * words). One home for the screens, exports and the server's messages.
 */
import type { AppointmentStatus } from './schemas/appointment';
import type { EventKind } from './schemas/event';
import type { EVENT_THEMES, RELANCE_CHANNELS } from './schemas/event';
import type {
  PROPOSITION_TYPES,
  SITUATION_PHASES,
  SITUATION_SUBTYPES,
  SITUATION_TYPES,
  THEMES,
} from './schemas/pathway';
import { type PropositionResult } from './schemas/pathway';
import type { BARRIERS, EDUCATION_LEVELS, EXIT_REASONS } from './schemas/youth';
import { type YouthStatus } from './schemas/youth';

type Labels<T extends readonly string[]> = Record<T[number], string>;

export const STATUS_LABELS: Record<YouthStatus, string> = {
  'contact-aller-vers': 'Contact aller-vers',
  'premier-accueil': 'Premier accueil',
  accompagne: 'Accompagné·e',
  'en-veille': 'En veille',
  sorti: 'Sorti·e',
};

export const EXIT_REASON_LABELS: Labels<typeof EXIT_REASONS> = {
  'emploi-durable': 'Emploi durable',
  'emploi-court': 'Emploi court',
  'fin-de-contrat': "Fin de contrat d'accompagnement",
  'limite-age': "Limite d'âge",
  'demande-du-jeune': 'Demande du jeune',
  abandon: 'Abandon',
  demenagement: 'Déménagement',
  'changement-accompagnement': "Changement d'accompagnement",
  autre: 'Autre',
};

export const EDUCATION_LEVEL_LABELS: Labels<typeof EDUCATION_LEVELS> = {
  'sans-diplome': 'Sans diplôme',
  'niveau-3': 'Niveau 3 (CAP, BEP)',
  'niveau-4': 'Niveau 4 (baccalauréat)',
  'niveau-5': 'Niveau 5 (bac + 2)',
  'niveau-6-plus': 'Niveau 6 et plus (licence et au-delà)',
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

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  'entretien-individuel': 'Entretien individuel',
  'contact-telephonique': 'Contact téléphonique',
  visite: 'Visite',
  atelier: 'Atelier',
  'information-collective': 'Information collective',
  mediation: 'Médiation',
  relance: 'Relance',
  autre: 'Autre',
};

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

export const SITUATION_TYPE_LABELS: Labels<typeof SITUATION_TYPES> = {
  emploi: 'Emploi',
  alternance: 'Alternance',
  formation: 'Formation',
  immersion: 'Immersion / PMSMP',
  'service-civique': 'Service civique',
  scolarite: 'Scolarité',
  'demandeur-emploi': "Demandeur d'emploi",
  'non-professionnelle': 'Situation non professionnelle',
  inconnue: 'Inconnue',
};

export const SITUATION_SUBTYPE_LABELS: Labels<typeof SITUATION_SUBTYPES> = {
  cdd: 'CDD',
  cdi: 'CDI',
  interim: 'Intérim',
  saisonnier: 'Saisonnier',
  'contrat-aide': 'Contrat aidé',
  iae: 'IAE (insertion par l’activité économique)',
  apprentissage: 'Apprentissage',
  professionnalisation: 'Professionnalisation',
};

export const SITUATION_PHASE_LABELS: Labels<typeof SITUATION_PHASES> = {
  prevu: 'Prévu',
  'en-cours': 'En cours',
  termine: 'Terminé',
};

export const THEME_LABELS: Labels<typeof THEMES> = {
  emploi: 'Emploi',
  formation: 'Formation',
  'projet-professionnel': 'Projet professionnel',
  sante: 'Santé',
  logement: 'Logement',
  citoyennete: 'Citoyenneté',
  'loisirs-sport-culture': 'Loisirs, sport, culture',
};

export const PROPOSITION_TYPE_LABELS: Labels<typeof PROPOSITION_TYPES> = {
  'offre-emploi': "Offre d'emploi",
  alternance: 'Alternance',
  formation: 'Formation',
  pmsmp: 'PMSMP (immersion)',
  'contrat-aide': 'Contrat aidé',
  parrainage: 'Parrainage',
  atelier: 'Atelier',
  'orientation-partenaire': 'Orientation vers un partenaire',
  'aide-financiere': 'Aide financière',
  autre: 'Autre',
};

export const PROPOSITION_RESULT_LABELS: Record<PropositionResult, string> = {
  'en-attente': 'En attente',
  acceptee: 'Acceptée',
  'refusee-jeune': 'Refusée par le jeune',
  'refusee-tiers': 'Refusée par le tiers',
  realisee: 'Réalisée',
  abandonnee: 'Abandonnée',
};

/** Options of a select from a label map, in the map's order. */
export function optionsOf<K extends string>(
  labels: Record<K, string>,
): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
