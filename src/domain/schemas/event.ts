import type { FromSchema } from 'json-schema-to-ts';
import {
  baseProperties,
  baseRequired,
  dateField,
  dateTimeField,
  longText,
  minutesField,
  refField,
} from './common';

/**
 * i-milo's kinds of event (src/domain/imilo.ts gives their labels), plus the Mission Locale's own
 * contact téléphonique, médiation and relance. v1 added entretien-partenaire,
 * activites-exterieures and prestation; no v0 value changed.
 */
export const EVENT_KINDS = [
  'entretien-individuel',
  'entretien-partenaire',
  'atelier',
  'information-collective',
  'visite',
  'activites-exterieures',
  'prestation',
  'autre',
  'contact-telephonique',
  'mediation',
  'relance',
] as const;

export const RELANCE_CHANNELS = ['telephone', 'sms', 'courrier', 'email'] as const;

export const EVENT_THEMES = [
  'emploi',
  'formation',
  'projet-professionnel',
  'sante',
  'logement',
  'citoyennete',
  'loisirs-sport-culture',
  'mobilite',
  'droits',
  'numerique',
] as const;

/**
 * What happened with a young person. Append-only: a correction is a new event whose
 * `supersedes` names the event it replaces; the server refuses edits of an existing event.
 */
export const eventSchema = {
  title: 'events',
  /** v1: the kinds of i-milo (EVENT_KINDS); v0 documents keep their kind (vocabulary.ts). */
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    youthId: refField,
    kind: { type: 'string', enum: EVENT_KINDS, maxLength: 30 },
    /** When it happened (local date-time `YYYY-MM-DDTHH:mm`). */
    at: dateTimeField,
    /** A site id, or absent for "extérieur". */
    placeSiteId: refField,
    durationMinutes: minutesField,
    themes: { type: 'array', items: { type: 'string', enum: EVENT_THEMES }, maxItems: 10 },
    /** Compte-rendu: sensitive. */
    report: longText,
    authorId: refField,
    supersedes: refField,
    channel: { type: 'string', enum: RELANCE_CHANNELS },
    followUpOn: dateField,
    workshopId: refField,
    appointmentId: refField,
  },
  required: [...baseRequired, 'youthId', 'kind', 'at', 'authorId'],
  indexes: ['youthId'],
} as const;

export type YouthEvent = FromSchema<typeof eventSchema>;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_SENSITIVE_FIELDS = ['report'] as const;
