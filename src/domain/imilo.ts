/**
 * The one table from Relais's coded values to i-milo's words (issue 18). `label` is what the
 * screens show (labels.ts takes it from here), `imilo` the category the i-milo export writes —
 * null when i-milo has no such category (the export then says how it writes the record, or
 * reports it). The wording follows the national nomenclature as the Mission Locale uses it;
 * README, « Export i-milo », lists it with the export's columns.
 */
import { attendanceStatus, type StatusFields } from './rules/attendance';
import type { ATTENDANCE_STATUSES } from './schemas/attendance';
import type { EventKind } from './schemas/event';
import type {
  PACEA_STEPS,
  PHASE_EVALUATIONS,
  PROPOSITION_TYPES,
  PropositionResult,
  SITUATION_SUBTYPES,
  SITUATION_TYPES,
  THEMES,
  WORKING_TIMES,
} from './schemas/pathway';
import type { EXIT_REASONS } from './schemas/youth';

export interface ImiloTerm {
  /** The French label of the screens. */
  label: string;
  /** i-milo's category, or null when i-milo has none (see the export). */
  imilo: string | null;
}

type Terms<T extends readonly string[]> = Record<T[number], ImiloTerm>;
const same = (label: string): ImiloTerm => ({ label, imilo: label });

/** Kinds of event. The Mission Locale's own three have no i-milo kind: exported as « Autre ». */
export const IMILO_EVENT_KINDS: Record<EventKind, ImiloTerm> = {
  'entretien-individuel': same('Entretien individuel conseiller'),
  'entretien-partenaire': same('Entretien par un partenaire'),
  atelier: same('Atelier'),
  'information-collective': same('Information collective'),
  visite: same('Visite'),
  'activites-exterieures': same('Activités extérieures'),
  prestation: same('Prestation'),
  autre: same('Autre'),
  'contact-telephonique': { label: 'Contact téléphonique', imilo: null },
  mediation: { label: 'Médiation', imilo: null },
  relance: { label: 'Relance', imilo: null },
};

/** i-milo's kind for the Mission Locale's own kinds of event (the label goes in « précision »). */
export const IMILO_OTHER_EVENT_KIND = 'Autre';

export const IMILO_SITUATION_TYPES: Terms<typeof SITUATION_TYPES> = {
  emploi: same('Emploi'),
  alternance: same('Contrat en alternance'),
  formation: same('Formation'),
  immersion: same('Immersion en entreprise (PMSMP)'),
  volontariat: same('Contrat de volontariat – bénévolat'),
  scolarite: same('Scolarité'),
  'demandeur-emploi': same("Demandeur d'emploi"),
  'non-professionnelle': same('Situation non professionnelle'),
  inconnue: { label: 'Inconnue', imilo: null },
};

export const IMILO_SITUATION_SUBTYPES: Terms<typeof SITUATION_SUBTYPES> = {
  cdd: same('CDD'),
  cdi: same('CDI'),
  interim: same('Intérim'),
  saisonnier: same('Saisonnier'),
  cie: same('Contrat aidé CIE'),
  cae: same('Contrat aidé CAE'),
  'contrat-aide': { label: 'Contrat aidé (CIE ou CAE à préciser)', imilo: null },
  iae: same('IAE (insertion par l’activité économique)'),
  apprentissage: same('Apprentissage'),
  professionnalisation: same('Professionnalisation'),
  'service-civique': same('Service civique'),
  'volontariat-autre': same('Autre volontariat'),
  benevolat: same('Bénévolat'),
};

export const IMILO_WORKING_TIMES: Terms<typeof WORKING_TIMES> = {
  'temps-plein': same('Temps plein'),
  'temps-partiel': same('Temps partiel'),
};

/** Exit reasons in MILO's terms (the codes are unchanged since v0: labels only). */
export const IMILO_EXIT_REASONS: Terms<typeof EXIT_REASONS> = {
  'emploi-durable': same('Emploi durable (plus de 6 mois)'),
  'emploi-court': same('Emploi court'),
  'fin-de-contrat': same('Contrat arrivé à échéance'),
  'limite-age': same("Limite d'âge atteinte"),
  'demande-du-jeune': same('Demande du jeune'),
  abandon: same('Non-respect des engagements ou abandon'),
  demenagement: same('Déménagement'),
  'changement-accompagnement': same("Changement d'accompagnement"),
  autre: same('Autre'),
};

/** Themes: the seven of the SNP, mobilité (the Mission Locale's) and « action non SNP ». */
export const IMILO_THEMES: Terms<typeof THEMES> = {
  emploi: same('Emploi'),
  formation: same('Formation'),
  'projet-professionnel': same('Projet professionnel'),
  sante: same('Santé'),
  logement: same('Logement'),
  citoyennete: same('Citoyenneté'),
  'loisirs-sport-culture': same('Loisirs, sport, culture'),
  mobilite: { label: 'Mobilité', imilo: null },
  'action-non-snp': same('Action non SNP'),
};

/** How the export writes a proposition whose theme is not an SNP theme (mobilité). */
export const IMILO_NON_SNP = 'Action non SNP';

export const IMILO_PROPOSITION_TYPES: Terms<typeof PROPOSITION_TYPES> = {
  'offre-emploi': same("Offre d'emploi"),
  alternance: same('Alternance'),
  formation: same('Formation'),
  pmsmp: same('PMSMP (immersion)'),
  'contrat-aide': same('Contrat aidé'),
  parrainage: same('Parrainage'),
  atelier: same('Atelier'),
  'orientation-partenaire': same('Orientation vers un partenaire'),
  'aide-financiere': same('Aide financière'),
  autre: same('Autre'),
};

export const IMILO_PROPOSITION_RESULTS: Record<PropositionResult, ImiloTerm> = {
  'en-attente': same('En attente'),
  acceptee: same('Acceptée'),
  'refusee-jeune': same('Refusée par le jeune'),
  'refusee-tiers': same('Refusée par le tiers'),
  realisee: same('Réalisée'),
  abandonnee: same('Abandonnée'),
};

/** The three phases of the PACEA's national framework. */
export const IMILO_PACEA_STEPS: Terms<typeof PACEA_STEPS> = {
  'definir-projet': same('Phase 1 – Définir et formaliser le projet'),
  'mettre-en-oeuvre': same('Phase 2 – Mettre en œuvre le projet'),
  'acceder-autonomie': same("Phase 3 – Accéder à l'autonomie, sécuriser le parcours"),
};

export const IMILO_PHASE_EVALUATIONS: Terms<typeof PHASE_EVALUATIONS> = {
  atteints: same('Objectifs atteints'),
  'partiellement-atteints': same('Objectifs partiellement atteints'),
  'non-atteints': same('Objectifs non atteints'),
};

/** The statuses of an inscription to a session (a prescription of an action collective). */
export const IMILO_ATTENDANCE_STATUSES: Terms<typeof ATTENDANCE_STATUSES> = {
  prescrit: same('Prescrit'),
  realise: same('Réalisé'),
  absent: same('Absent'),
  excuse: same('Excusé'),
  'refus-jeune': same('Refus jeune'),
  'refus-tiers': same('Refus tiers'),
};

/** i-milo's status of an inscription, from the attendance (a v0 record from its flags). */
export function imiloAttendanceStatus(attendance: StatusFields): string {
  return IMILO_ATTENDANCE_STATUSES[attendanceStatus(attendance)].label;
}

/** The labels of a table, for the screens (labels.ts). */
export function labelsOf<K extends string>(terms: Record<K, ImiloTerm>): Record<K, string> {
  return Object.fromEntries(
    (Object.keys(terms) as K[]).map((key) => [key, terms[key].label]),
  ) as Record<K, string>;
}
