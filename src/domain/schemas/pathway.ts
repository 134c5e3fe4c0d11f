import type { FromSchema } from 'json-schema-to-ts';
import { baseProperties, baseRequired, dateField, longText, refField, shortText } from './common';

export const PATHWAY_KINDS = ['situation', 'demande', 'proposition', 'dispositif'] as const;

export const SITUATION_TYPES = [
  'emploi',
  'alternance',
  'formation',
  'immersion',
  /** « Contrat de volontariat – bénévolat » (v1; v0's `service-civique` is one of its subtypes). */
  'volontariat',
  'scolarite',
  'demandeur-emploi',
  'non-professionnelle',
  'inconnue',
] as const;

/** Contract or programme detail of a situation (emploi, alternance, volontariat). */
export const SITUATION_SUBTYPES = [
  'cdd',
  'cdi',
  'interim',
  'saisonnier',
  'cie',
  'cae',
  /**
   * v0's « contrat aidé » without saying CIE or CAE: kept (nothing typed is lost), no longer
   * offered, and reported by the i-milo export as to be specified.
   */
  'contrat-aide',
  'iae',
  'apprentissage',
  'professionnalisation',
  'service-civique',
  'volontariat-autre',
  'benevolat',
] as const;

/** Temps plein / partiel of a CDD or CDI (i-milo tells them apart). */
export const WORKING_TIMES = ['temps-plein', 'temps-partiel'] as const;

export const SITUATION_PHASES = ['prevu', 'en-cours', 'termine'] as const;

export const THEMES = [
  'emploi',
  'formation',
  'projet-professionnel',
  'sante',
  'logement',
  'citoyennete',
  'loisirs-sport-culture',
  /** Not one of the seven SNP themes: the Mission Locale's own use (v1). */
  'mobilite',
  /** « Action non SNP »: a proposition outside the SNP themes (v1). */
  'action-non-snp',
] as const;

/** The seven themes of the SNP (i-milo's offer of services). */
export const SNP_THEMES = [
  'emploi',
  'formation',
  'projet-professionnel',
  'sante',
  'logement',
  'citoyennete',
  'loisirs-sport-culture',
] as const satisfies readonly (typeof THEMES)[number][];

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
 * Why a CEJ or a PACEA ended (v2, issue 17): one short list for both, in the words of the
 * CEJ's exit report — a durable job (CDI or six months and more), another job, a training,
 * an alternance, the end of rights or the maximum length reached, the young person gave up or
 * resigned, moved away, or anything else. French labels in labels.ts.
 */
export const DISPOSITIF_EXIT_REASONS = [
  'emploi-durable',
  'emploi',
  'formation',
  'alternance',
  'fin-de-droits',
  'abandon',
  'demenagement',
  'autre',
] as const;

/** The three phases of the PACEA's national framework, in order (v1). */
export const PACEA_STEPS = ['definir-projet', 'mettre-en-oeuvre', 'acceder-autonomie'] as const;

/** How a PACEA phase ended (its end evaluation). */
export const PHASE_EVALUATIONS = ['atteints', 'partiellement-atteints', 'non-atteints'] as const;

/**
 * The parcours of a young person. One collection for four kinds that share a lifecycle
 * (RxDB's 13-collection limit): situation, demande, proposition, dispositif. Which fields a kind
 * needs is checked by `rules/pathway.ts`, not by the schema, to keep the schema flat for Dexie.
 */
export const pathwaySchema = {
  title: 'pathway',
  /**
   * v1: i-milo's vocabulary — situation `volontariat` (was `service-civique`), CIE / CAE,
   * temps plein / partiel, the SNP themes with mobilité and action non SNP, the three PACEA
   * phases with their evaluation, CEJ hours per week (src/domain/vocabulary.ts maps v0).
   * v2 (issue 17): a dispositif's actual end `endedOn` and `exitReason`, set when it is closed
   * (« Clôturer le dispositif »; rules/dispositif-exit.ts); absent on a dispositif not closed.
   */
  version: 2,
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
    workingTime: { type: 'string', enum: WORKING_TIMES },
    phase: { type: 'string', enum: SITUATION_PHASES },
    // demande, proposition
    theme: { type: 'string', enum: THEMES },
    propositionType: { type: 'string', enum: PROPOSITION_TYPES },
    partner: shortText,
    result: { type: 'string', enum: PROPOSITION_RESULTS },
    // dispositif
    programme: { type: 'string', enum: PROGRAMMES },
    weeklyHoursCommitment: { type: 'number', minimum: 0, maximum: 40 },
    /** The day the dispositif actually ended; `endDate` stays the planned end. */
    endedOn: dateField,
    exitReason: { type: 'string', enum: DISPOSITIF_EXIT_REASONS },
    phases: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          label: shortText,
          /** Which phase of the national framework (absent on v0 phases no rule could place). */
          step: { type: 'string', enum: PACEA_STEPS },
          objectives: { type: 'string', maxLength: 2000 },
          startDate: dateField,
          endDate: dateField,
          /** End evaluation: were the objectives reached, and the adviser's comment. */
          evaluation: { type: 'string', enum: PHASE_EVALUATIONS },
          evaluationComment: { type: 'string', maxLength: 2000 },
        },
        required: ['label', 'startDate'],
      },
    },
    /** CEJ: hours declared by the young person and validated by the adviser, per week. */
    cejWeeks: {
      type: 'array',
      maxItems: 120,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          /** Monday of the week. */
          weekStart: dateField,
          declaredHours: { type: 'number', minimum: 0, maximum: 80 },
          validatedHours: { type: 'number', minimum: 0, maximum: 80 },
        },
        required: ['weekStart'],
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
export type DispositifExitReason = (typeof DISPOSITIF_EXIT_REASONS)[number];
export type PaceaPhase = NonNullable<PathwayRecord['phases']>[number];
export type CejWeekHours = NonNullable<PathwayRecord['cejWeeks']>[number];
export const PATHWAY_SENSITIVE_FIELDS = ['comment'] as const;
