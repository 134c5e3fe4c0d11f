/**
 * How the siège reads a conflict: the French name of each field and each coded value, and the
 * text of a value (names for ids, dates in French, "(vide)" for a value that was removed).
 */
import type { CollectionName } from '../../domain/collections';
import {
  DISPOSITIF_EXIT_REASON_LABELS,
  DRIVING_LICENCE_LABELS,
  EDUCATION_LEVEL_LABELS,
  EXIT_REASON_LABELS,
  FAMILY_SITUATION_LABELS,
  GENDER_LABELS,
  EVENT_KIND_LABELS,
  ORIENTATION_LABELS,
  PROPOSITION_RESULT_LABELS,
  STATUS_LABELS,
} from '../../domain/labels';
import { CREATION_FIELD, OVERLAP_FIELD } from '../../domain/reconciliation';
import { DELETION_FIELD } from '../../domain/merge';
import { LOAN_BOOKING } from '../../domain/merge-policies';
import { fullName } from '../../domain/rules/names';
import { PURPOSE_LABELS } from '../mobilite/labels';
import { formatDayShort } from '../../domain/time';

export const COLLECTION_LABELS: Record<CollectionName, string> = {
  youths: 'Dossier jeune',
  events: 'Événement',
  pathway: 'Parcours',
  appointments: 'Rendez-vous',
  workshops: 'Atelier',
  attendances: 'Émargement',
  mobility: 'Prêt de véhicule',
  sites: 'Site',
  staff: 'Annuaire',
  reviews: 'Revue',
  accesses: 'Consultation du dossier',
};

const FIELD_LABELS: Record<string, string> = {
  [DELETION_FIELD]: 'Suppression',
  [CREATION_FIELD]: 'Saisie arrivée après le transfert du dossier',
  [LOAN_BOOKING.name]: 'Réservation du véhicule',
  [OVERLAP_FIELD]: 'Double réservation du véhicule (dates qui se chevauchent)',
  lastName: "Nom d'usage",
  birthName: 'Nom de naissance',
  firstName: 'Prénom',
  birthDate: 'Date de naissance',
  gender: 'Genre',
  phone: 'Téléphone',
  email: 'Courriel',
  address: 'Adresse',
  communeInsee: 'Commune',
  qpvCode: 'QPV',
  educationLevel: 'Niveau de formation',
  diplomaObtained: 'Diplôme de ce niveau obtenu',
  orientation: 'Venu·e à la Mission Locale par',
  familySituation: 'Situation familiale',
  dependentChildren: 'Enfants à charge',
  childcare: 'Mode de garde',
  drivingLicence: 'Permis de conduire',
  hasVehicle: 'Véhicule personnel',
  barriers: 'Freins',
  rqth: 'RQTH',
  ase: 'ASE',
  justice: 'Justice',
  notes: 'Notes',
  referentId: 'Référent',
  siteId: 'Site de rattachement',
  consent: 'Consentement',
  status: 'Statut',
  exitReason: 'Motif de sortie',
  exitDate: 'Date de sortie',
  outreach: 'Contact aller-vers',
  createdOn: 'Premier accueil le',
  result: 'Résultat de la proposition',
  label: 'Libellé',
  partner: 'Partenaire',
  comment: 'Commentaire',
  present: 'Présence',
  cancelled: 'Inscription annulée',
  registeredAt: 'Inscrit le',
  endDate: 'Fin',
  endedOn: 'Fin réelle du dispositif',
  startDate: 'Début',
  returnedOn: 'Retour du véhicule',
  start: 'Date et heure',
  subject: 'Objet',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** The labels of the coded fields, the same words as the dossier's form. */
const CODED: Record<string, Record<string, string>> = {
  status: STATUS_LABELS,
  result: PROPOSITION_RESULT_LABELS,
  educationLevel: EDUCATION_LEVEL_LABELS,
  familySituation: FAMILY_SITUATION_LABELS,
  drivingLicence: DRIVING_LICENCE_LABELS,
  gender: GENDER_LABELS,
  // A dossier's exit and a dispositif's share the field name; their lists share most values.
  exitReason: { ...DISPOSITIF_EXIT_REASON_LABELS, ...EXIT_REASON_LABELS },
  orientation: ORIENTATION_LABELS,
};

/** Names of the people, places and young people a value may point to. */
export interface Names {
  staff(id: string): string | undefined;
  site(id: string): string | undefined;
  youth(id: string): string | undefined;
}

/** The names from the device's directory and the young people of the reviews on screen. */
export function namesFrom(
  directory:
    | { staff: ReadonlyMap<string, { name: string }>; sites: ReadonlyMap<string, { name: string }> }
    | undefined,
  youths: readonly { id: string; firstName: string; lastName: string }[],
): Names {
  const youthNames = new Map(youths.map((youth) => [youth.id, fullName(youth)]));
  return {
    staff: (id) => directory?.staff.get(id)?.name,
    site: (id) => directory?.sites.get(id)?.name,
    youth: (id) => youthNames.get(id),
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The texts that say what a document kept whole is about, in reading order. */
const SUMMARY_TEXTS = ['label', 'subject', 'report', 'comment', 'notes'];

/** A document kept whole (typed for a dossier transferred meanwhile), in one line. */
function documentSummary(document: Record<string, unknown>): string {
  const kind = typeof document.kind === 'string' ? document.kind : undefined;
  const when = [document.at, document.date, document.startDate].find(
    (day): day is string => typeof day === 'string' && DAY.test(day.slice(0, 10)),
  );
  const parts = [
    kind ? (EVENT_KIND_LABELS[kind as keyof typeof EVENT_KIND_LABELS] ?? kind) : undefined,
    when ? `du ${formatDayShort(when.slice(0, 10))}` : undefined,
    ...SUMMARY_TEXTS.map((field) => document[field])
      .filter((text): text is string => typeof text === 'string' && text.length > 0)
      .map((text) => `« ${text} »`),
  ];
  return parts.filter(Boolean).join(' ') || 'Document sans texte';
}

/** The text of one value of a field, for the siège. */
export function formatValue(field: string, value: unknown, names: Names): string {
  if (value === undefined || value === null || value === '') return '(vide)';
  if (field === DELETION_FIELD) {
    return value === true ? 'Supprimé' : 'Conservé, avec la modification';
  }
  if (field === CREATION_FIELD && typeof value === 'object') {
    return documentSummary(value as Record<string, unknown>);
  }
  if (field === OVERLAP_FIELD && typeof value === 'object') {
    // A whole loan: who, when, why — the siège keeps one of the loans that overlap.
    const loan = value as {
      youthId?: string;
      authorId?: string;
      startDate?: string;
      endDate?: string;
      purpose?: string;
      purposeNote?: string;
      siteId?: string;
    };
    const who = loan.youthId ? (names.youth(loan.youthId) ?? 'Jeune inconnu') : '(personne)';
    const by = loan.authorId ? names.staff(loan.authorId) : undefined;
    const where = loan.siteId ? names.site(loan.siteId) : undefined;
    return [
      `${who}, du ${formatDayShort(loan.startDate ?? '')} au ${formatDayShort(loan.endDate ?? '')}`,
      loan.purpose
        ? `motif : ${(PURPOSE_LABELS as Record<string, string>)[loan.purpose] ?? loan.purpose}${loan.purposeNote ? ` (${loan.purposeNote})` : ''}`
        : '',
      by ? `réservé par ${by}` : '',
      where ? `remise à ${where}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
  }
  if (field === LOAN_BOOKING.name && typeof value === 'object') {
    const booking = value as { youthId?: string; endDate?: string; returnedOn?: string };
    const who = booking.youthId ? (names.youth(booking.youthId) ?? 'Jeune inconnu') : '(personne)';
    const until = booking.endDate ? ` jusqu'au ${formatDayShort(booking.endDate)}` : '';
    const back = booking.returnedOn ? `, rendu le ${formatDayShort(booking.returnedOn)}` : '';
    return `${who}${until}${back}`;
  }
  if (field === 'consent' && typeof value === 'object') {
    const consent = value as {
      freeAdherence?: boolean;
      rgpdInformedOn?: string;
      recontactAgreed?: boolean;
    };
    return [
      `libre adhésion : ${consent.freeAdherence ? 'oui' : 'non'}`,
      consent.rgpdInformedOn ? `informé·e RGPD le ${formatDayShort(consent.rgpdInformedOn)}` : '',
      `recontact : ${consent.recontactAgreed ? 'oui' : 'non'}`,
    ]
      .filter(Boolean)
      .join(' · ');
  }
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'string') {
    if (field === 'referentId') return names.staff(value) ?? value;
    if (field === 'siteId') return names.site(value) ?? value;
    if (field === 'youthId') return names.youth(value) ?? value;
    const coded = CODED[field]?.[value];
    if (coded) return coded;
    if (DAY.test(value)) return formatDayShort(value);
    return value;
  }
  if (Array.isArray(value)) return value.map(String).join(', ');
  return JSON.stringify(value);
}

/** Fields whose merged value the siège may type freely (text without a fixed list). */
const FREE_TEXT = new Set([
  'lastName',
  'birthName',
  'firstName',
  'phone',
  'email',
  'address',
  'childcare',
  'notes',
  'label',
  'partner',
  'comment',
  'subject',
]);

export function isFreeText(field: string): boolean {
  return FREE_TEXT.has(field);
}

/** Long texts are edited in a text area. */
export function isLongText(field: string): boolean {
  return field === 'notes' || field === 'comment';
}
