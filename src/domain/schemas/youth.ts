import type { FromSchema } from 'json-schema-to-ts';
import {
  baseProperties,
  baseRequired,
  dateField,
  dateTimeField,
  refField,
  shortText,
  longText,
} from './common';

export const YOUTH_STATUSES = [
  'contact-aller-vers',
  'premier-accueil',
  'accompagne',
  'en-veille',
  'sorti',
] as const;

export const EXIT_REASONS = [
  'emploi-durable',
  'emploi-court',
  'fin-de-contrat',
  'limite-age',
  'demande-du-jeune',
  'abandon',
  'demenagement',
  'changement-accompagnement',
  'autre',
] as const;

export const EDUCATION_LEVELS = [
  'sans-diplome',
  'niveau-3',
  'niveau-4',
  'niveau-5',
  'niveau-6-plus',
] as const;

/**
 * How the young person came to the Mission Locale (v4, issue 17): who sent them, or the
 * Mission Locale went to them. French labels in labels.ts.
 */
export const ORIENTATIONS = [
  'france-travail',
  'etablissement-scolaire',
  'partenaire-social',
  'famille-bouche-a-oreille',
  'aller-vers',
  'autre',
] as const;

export const BARRIERS = [
  'logement',
  'sante',
  'garde',
  'mobilite',
  'numerique',
  'savoirs-de-base',
] as const;

export const OUTREACH_NEEDS = [
  'emploi',
  'formation',
  'logement',
  'sante',
  'droits',
  'mobilite',
  'autre',
] as const;

export const HANDOVER_KINDS = ['temporaire', 'definitive'] as const;

/**
 * One handover of the dossier to a colleague (issue 18; src/domain/rules/handover.ts), as the
 * server recorded it: who handed it (`byId`), from whom to whom, when, why, and for a temporary
 * one its period and, once over, the day the référent got it back (`endedOn`).
 */
export const handoverRecord = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: refField,
    kind: { type: 'string', enum: HANDOVER_KINDS },
    fromId: { type: 'string', maxLength: 80 },
    toId: refField,
    byId: refField,
    at: dateTimeField,
    startDate: dateField,
    endDate: dateField,
    reason: shortText,
    endedOn: dateField,
  },
  required: ['id', 'kind', 'fromId', 'toId', 'byId', 'at', 'startDate', 'reason'],
} as const;

/** Handovers a dossier keeps (the newest); the audit log keeps them all. */
export const MAX_HANDOVERS_KEPT = 20;

/** The dossier jeune. */
export const youthSchema = {
  title: 'youths',
  /**
   * v1: `createdOn` (day of premier accueil), filled from `updatedAt` for older dossiers.
   * v2: the handovers (issue 18): `interimReferentId` and `interimUntil` while a colleague
   * stands in for the référent, and `handovers`; written by the server only, absent before.
   * v3: `imiloNumber` (optional: nothing to fill).
   * v4 (issue 17, statistics): `orientation` and `diplomaObtained`, optional (absent: not
   * known); a dossier opened from an aller-vers contact gets the orientation « aller vers »
   * (src/domain/vocabulary.ts, the same mapping on the device and the server).
   */
  version: 4,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    /** Nom d'usage. Empty is allowed for an aller-vers first contact (prénom only). */
    lastName: { type: 'string', maxLength: 100 },
    /** Nom de naissance, when it differs from the nom d'usage. */
    birthName: { type: 'string', maxLength: 100 },
    firstName: { type: 'string', minLength: 1, maxLength: 100 },
    /** `YYYY-MM-DD`, or `YYYY` alone when only the year is known (aller vers). */
    birthDate: { type: 'string', pattern: '^\\d{4}(-\\d{2}-\\d{2})?$', maxLength: 10 },
    gender: { type: 'string', enum: ['F', 'M', 'X'] },
    phone: { type: 'string', maxLength: 30 },
    email: { type: 'string', maxLength: 200 },
    address: shortText,
    /** INSEE code of the commune of residence; EPCI and rural zoning derive from it. */
    communeInsee: { type: 'string', pattern: '^\\d[0-9AB]\\d{3}$', maxLength: 5 },
    /** QPV of residence (a part of Alençon): cannot be derived from the commune alone. */
    qpvCode: { type: 'string', enum: ['QN06106M', 'QN06107M'] },
    educationLevel: { type: 'string', enum: EDUCATION_LEVELS },
    /**
     * Was the diploma of `educationLevel` obtained (« niveau 4 obtenu » is the bac, « niveau 4
     * non obtenu » a terminale without it)? Three states: true, false, absent = not known.
     */
    diplomaObtained: { type: 'boolean' },
    /** How the young person came to the Mission Locale (absent: not known). */
    orientation: { type: 'string', enum: ORIENTATIONS },
    familySituation: { type: 'string', enum: ['seul', 'en-couple', 'parent-isole', 'autre'] },
    dependentChildren: { type: 'integer', minimum: 0, maximum: 20 },
    childcare: { type: 'string', maxLength: 100 },
    drivingLicence: { type: 'string', enum: ['aucun', 'en-cours', 'b', 'autre'] },
    hasVehicle: { type: 'boolean' },
    barriers: { type: 'array', items: { type: 'string', enum: BARRIERS }, maxItems: 10 },
    /** Sensitive: shown only to the roles allowed (see rules/visibility). */
    rqth: { type: 'boolean' },
    ase: { type: 'boolean' },
    justice: { type: 'boolean' },
    notes: longText,
    /** Staff id of the référent; empty until one is named. */
    referentId: { type: 'string', maxLength: 80 },
    /** Site de rattachement. */
    siteId: refField,
    consent: {
      type: 'object',
      additionalProperties: false,
      properties: {
        freeAdherence: { type: 'boolean' },
        rgpdInformedOn: dateField,
        recontactAgreed: { type: 'boolean' },
      },
      required: ['freeAdherence'],
    },
    status: { type: 'string', enum: YOUTH_STATUSES, maxLength: 30 },
    exitReason: { type: 'string', enum: EXIT_REASONS },
    exitDate: dateField,
    /** First-contact details of an aller-vers contact. */
    outreach: {
      type: 'object',
      additionalProperties: false,
      properties: {
        place: shortText,
        need: { type: 'string', enum: OUTREACH_NEEDS },
      },
    },
    /** Set when this dossier was merged into another one (it stays as a redirect). */
    mergedInto: { type: 'string', maxLength: 80 },
    createdOn: dateField,
    /** The colleague who follows the dossier too, during a temporary handover (server-written). */
    interimReferentId: { type: 'string', maxLength: 80 },
    /** Last day of that temporary handover. */
    interimUntil: dateField,
    /** The dossier's handovers, oldest first (server-written). */
    handovers: { type: 'array', items: handoverRecord, maxItems: MAX_HANDOVERS_KEPT },
    /** Numéro de dossier i-milo, when known: the i-milo export matches the dossier with it. */
    imiloNumber: { type: 'string', maxLength: 30 },
  },
  required: [...baseRequired, 'lastName', 'firstName', 'siteId', 'referentId', 'status'],
  indexes: ['siteId', 'referentId', 'status'],
} as const;

export type Youth = FromSchema<typeof youthSchema>;
export type HandoverRecord = FromSchema<typeof handoverRecord>;
export type HandoverKind = (typeof HANDOVER_KINDS)[number];

/** The fields of a dossier only the server writes (a handover); a device push keeps them. */
export const HANDOVER_FIELDS = ['interimReferentId', 'interimUntil', 'handovers'] as const;

/**
 * Sensitive personal data: never indexed, hidden from the roles that may not see it (sealed at
 * rest on the device like every field outside `deviceClearFields`).
 */
export const YOUTH_SENSITIVE_FIELDS = [
  'phone',
  'email',
  'address',
  'rqth',
  'ase',
  'justice',
  'notes',
  'childcare',
] as const;
export type YouthStatus = (typeof YOUTH_STATUSES)[number];
export type Orientation = (typeof ORIENTATIONS)[number];
