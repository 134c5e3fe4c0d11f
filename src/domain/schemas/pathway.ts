import type { FromSchema } from 'json-schema-to-ts';
import { baseProperties, baseRequired, dateField, longText, refField, shortText } from './common';

export const PATHWAY_KINDS = ['situation', 'demande', 'proposition', 'dispositif'] as const;

export const SITUATION_TYPES = [
  'emploi',
  'alternance',
  'formation',
  'immersion',
  'service-civique',
  'scolarite',
  'demandeur-emploi',
  'non-professionnelle',
  'inconnue',
] as const;

/** Contract or programme detail of a situation (emploi, alternance). */
export const SITUATION_SUBTYPES = [
  'cdd',
  'cdi',
  'interim',
  'saisonnier',
  'contrat-aide',
  'iae',
  'apprentissage',
  'professionnalisation',
] as const;

export const SITUATION_PHASES = ['prevu', 'en-cours', 'termine'] as const;

export const THEMES = [
  'emploi',
  'formation',
  'projet-professionnel',
  'sante',
  'logement',
  'citoyennete',
  'loisirs-sport-culture',
] as const;

export const PROPOSITION_TYPES = [
  'offre-emploi',
  'alternance',
  'formation',
  'pmsmp',
  'contrat-aide',
  'parrainage',
  'atelier',
  'orientation-partenaire',
  'aide-financiere',
  'autre',
] as const;

export const PROPOSITION_RESULTS = [
  'en-attente',
  'acceptee',
  'refusee-jeune',
  'refusee-tiers',
  'realisee',
  'abandonnee',
] as const;

export const PROGRAMMES = ['CEJ', 'PACEA'] as const;

/**
 * The parcours of a young person. One collection for four kinds that share a lifecycle
 * (RxDB's 13-collection limit): situation, demande, proposition, dispositif. Which fields a kind
 * needs is checked by `rules/pathway.ts`, not by the schema, to keep the schema flat for Dexie.
 */
export const pathwaySchema = {
  title: 'pathway',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    youthId: refField,
    kind: { type: 'string', enum: PATHWAY_KINDS, maxLength: 20 },
    label: shortText,
    startDate: dateField,
    endDate: dateField,
    // situation
    situationType: { type: 'string', enum: SITUATION_TYPES },
    situationSubtype: { type: 'string', enum: SITUATION_SUBTYPES },
    phase: { type: 'string', enum: SITUATION_PHASES },
    // demande, proposition
    theme: { type: 'string', enum: THEMES },
    propositionType: { type: 'string', enum: PROPOSITION_TYPES },
    partner: shortText,
    result: { type: 'string', enum: PROPOSITION_RESULTS },
    // dispositif
    programme: { type: 'string', enum: PROGRAMMES },
    weeklyHoursCommitment: { type: 'number', minimum: 0, maximum: 40 },
    phases: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          label: shortText,
          objectives: { type: 'string', maxLength: 2000 },
          startDate: dateField,
          endDate: dateField,
        },
        required: ['label', 'startDate'],
      },
    },
    authorId: refField,
    comment: longText,
  },
  required: [...baseRequired, 'youthId', 'kind'],
  indexes: ['youthId'],
} as const;

export type PathwayRecord = FromSchema<typeof pathwaySchema>;
export type PropositionResult = (typeof PROPOSITION_RESULTS)[number];
export const PATHWAY_SENSITIVE_FIELDS = ['comment'] as const;
