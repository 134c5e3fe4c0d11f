import type { FromSchema } from 'json-schema-to-ts';
import {
  baseProperties,
  baseRequired,
  dateField,
  dateTimeField,
  minutesField,
  refField,
  shortText,
} from './common';

/** What a collective action is (i-milo's formats, and the Mission Locale's). */
export const ACTION_KINDS = [
  'atelier',
  'information-collective',
  'session-cej',
  'visite-entreprise',
  'forum',
  'autre',
] as const;

/** The themes of the catalogue: the SNP themes plus the Mission Locale's own. */
export const ACTION_THEMES = [
  'emploi',
  'formation',
  'projet-professionnel',
  'sante',
  'logement',
  'citoyennete',
  'loisirs-sport-culture',
  'mobilite',
  'numerique',
] as const;

/**
 * The catalogue of collective actions and their sessions, told apart by `kind` (design.md, Data):
 * - `kind: 'action'` is a catalogue entry: title, theme, `actionKind`, partner, default duration
 *   and capacity. It has no site (every device sees the catalogue: its scope is everyone's).
 * - any other kind is a session of an action of that kind, at a site (its scope), with `start`,
 *   `durationMinutes`, capacity, animateurs and a sign-up deadline. A session copies its
 *   action's title and theme, so a dossier, an export or the CEJ hours read it alone, and an
 *   action renamed later does not rewrite the sessions already held.
 * v1: the catalogue (`action`, `actionKind`, `actionId`, `partner`, default duration and
 * capacity), the kinds of sessions beyond atelier and information collective, the planning
 * fields (`place`, `coFacilitatorIds`, `signUpDeadline`, `seriesId`) and `cancellationReason`.
 * `siteId` and `start` are no longer required (a catalogue entry has neither); the write rules
 * (src/domain/rules/workshops.ts) require them of a session.
 * v2: the émargement (issue 15, items 3–5): `requiresSignature`, and the session's closing
 * (`closedAt`, device clock for display; `closedBy`, set by the server from the session). Once
 * closed, its attendance changes only through a correction (src/domain/rules/attendance.ts).
 */
export const workshopSchema = {
  title: 'workshops',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    kind: { type: 'string', enum: ['action', ...ACTION_KINDS] },
    title: shortText,
    /** One of ACTION_THEMES for what v1 writes; free text in v0 documents. */
    theme: shortText,
    /** A catalogue entry's kind of action (its sessions carry it as their `kind`). */
    actionKind: { type: 'string', enum: ACTION_KINDS },
    /** The partner organisation that co-runs the action, when there is one. */
    partner: shortText,
    defaultDurationMinutes: minutesField,
    defaultCapacity: { type: 'integer', minimum: 1, maximum: 500 },
    /** A catalogue entry no longer offered: kept for the sessions that name it. */
    archived: { type: 'boolean' },
    /** The catalogue entry a session is of. */
    actionId: refField,
    /** The site that runs the session (its scope), even when held outside. */
    siteId: refField,
    /** An outside place (a company, a town hall…) where the session is held, if not at the site. */
    place: shortText,
    /** Local date-time `YYYY-MM-DDTHH:mm` at the site. */
    start: dateTimeField,
    durationMinutes: minutesField,
    capacity: { type: 'integer', minimum: 1, maximum: 500 },
    facilitatorId: refField,
    /** Co-animateur·rices, beside `facilitatorId`. */
    coFacilitatorIds: { type: 'array', items: refField, maxItems: 10 },
    /** Last day to sign up, `YYYY-MM-DD`. */
    signUpDeadline: dateField,
    /** The sessions planned together as a series share it. */
    seriesId: refField,
    cancelled: { type: 'boolean' },
    cancellationReason: shortText,
    /** The young people sign the émargement (drawn on the tablet). */
    requiresSignature: { type: 'boolean' },
    /** « Clôturer la session »: attendance locked from then on. */
    closedAt: dateTimeField,
    closedBy: refField,
  },
  required: [...baseRequired, 'kind', 'title'],
} as const;

export type Workshop = FromSchema<typeof workshopSchema>;
export type ActionKind = (typeof ACTION_KINDS)[number];
export type ActionTheme = (typeof ACTION_THEMES)[number];
