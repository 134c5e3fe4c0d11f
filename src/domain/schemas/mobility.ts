import type { FromSchema } from 'json-schema-to-ts';
import {
  baseProperties,
  baseRequired,
  dateField,
  dateTimeField,
  refField,
  shortText,
} from './common';

/**
 * Atelier Mob: the fleet of vehicles lent to young people, their loans, and one calendar per
 * vehicle (issue 16). One collection, told apart by `kind` (RxDB's limit of 13 collections):
 * - `vehicle`: kept by the direction and the Atelier Mob (rules/mobility.ts says who);
 * - `loan`: a booking for one young person, from the dossier, then its check-out, its
 *   extensions and its return. Since v1 a loan's id is a UUID like any record: two bookings of
 *   one vehicle conflict when their periods overlap, whatever their start days (v0 ids, the
 *   slot `vehicleId:startDate`, stay valid);
 * - `calendar`: the busy days of one vehicle (id `calendar:<vehicleId>`), written by the server
 *   alone from every loan of the vehicle, without the young person: a permanence sees when a
 *   vehicle is taken even by a loan of a dossier it may not see, and can say who is free offline.
 */
export const VEHICLE_KINDS = [
  'scooter',
  'velo-electrique',
  'voiture-sans-permis',
  // v0 kinds, still offered: a car needing the permis B, a plain bicycle.
  'voiture',
  'velo',
  'autre',
] as const;

/** A licence a vehicle needs, or one a young person showed (AM is the former BSR). */
export const LICENCES = ['aucun', 'am', 'b'] as const;

export const VEHICLE_CONDITIONS = ['bon', 'usage', 'a-reviser'] as const;

export const UNAVAILABILITY_REASONS = ['entretien', 'reparation', 'controle', 'autre'] as const;

export const LOAN_PURPOSES = ['emploi', 'formation', 'pmsmp', 'entretien', 'autre'] as const;

/** The caution: asked or not, received, given back, or kept (damage, no return). */
export const DEPOSIT_STATES = [
  'non-demandee',
  'a-recevoir',
  'recue',
  'restituee',
  'retenue',
] as const;

/** What a calendar says of a period (rules/mobility.ts, `calendarState`). */
export const CALENDAR_STATES = ['reserve', 'en-cours', 'rendu', 'en-conflit'] as const;

const kilometres = { type: 'integer', minimum: 0, maximum: 1_000_000 } as const;

const unavailability = {
  type: 'object',
  additionalProperties: false,
  properties: {
    startDate: dateField,
    endDate: dateField,
    reason: { type: 'string', enum: UNAVAILABILITY_REASONS },
    note: shortText,
  },
  required: ['startDate', 'endDate', 'reason'],
} as const;

const extension = {
  type: 'object',
  additionalProperties: false,
  properties: {
    /** The end before this extension, and the new one. */
    from: dateField,
    to: dateField,
    /** The day it was agreed. */
    on: dateField,
    reason: shortText,
  },
  required: ['from', 'to', 'on'],
} as const;

/** A booking held by the server because it overlaps loans that reached it first. */
const hold = {
  type: 'object',
  additionalProperties: false,
  properties: {
    /** When the server held it (server clock). */
    since: dateTimeField,
    /** The loans it overlaps, which stand. */
    withLoanIds: { type: 'array', items: refField, maxItems: 10 },
    /** For a change of a loan that stood (an extension): its booking before the change. */
    previous: {
      type: 'object',
      additionalProperties: false,
      properties: {
        vehicleId: refField,
        startDate: dateField,
        endDate: dateField,
        extensionCount: { type: 'integer', minimum: 0, maximum: 10 },
      },
      required: ['vehicleId', 'startDate', 'endDate'],
    },
  },
  required: ['since', 'withLoanIds'],
} as const;

const calendarPeriod = {
  type: 'object',
  additionalProperties: false,
  properties: {
    loanId: refField,
    startDate: dateField,
    endDate: dateField,
    state: { type: 'string', enum: CALENDAR_STATES },
  },
  required: ['loanId', 'startDate', 'endDate', 'state'],
} as const;

/** Periods a calendar keeps, at most (the newest): years of loans of one vehicle. */
export const MAX_CALENDAR_PERIODS = 400;

export const mobilitySchema = {
  title: 'mobility',
  /**
   * v1 (issue 16): the vehicle's identification, condition, licence and unavailability
   * periods; the loan's purpose, checks, conditions, caution, check-out, return, extensions,
   * cancellation and the server's hold; the `calendar` kind. Only additions: a v0 document is
   * a valid v1 document (the v0 vehicle types are kept).
   */
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    kind: { type: 'string', enum: ['vehicle', 'loan', 'calendar'] },
    /** Vehicle: where it is kept. Loan: where it is handed over. Calendar: the vehicle's. */
    siteId: refField,
    // vehicle
    label: shortText,
    vehicleType: { type: 'string', enum: VEHICLE_KINDS },
    /** In service (false: out of the fleet, or out of order until further notice). */
    available: { type: 'boolean' },
    /** Plate (immatriculation) or frame number. */
    identification: { type: 'string', maxLength: 60 },
    condition: { type: 'string', enum: VEHICLE_CONDITIONS },
    conditionNote: shortText,
    /** The licence it needs; by default the one its kind needs (rules/mobility.ts). */
    licence: { type: 'string', enum: LICENCES },
    unavailability: { type: 'array', items: unavailability, maxItems: 50 },
    // loan
    vehicleId: refField,
    youthId: refField,
    /** First and last day of the loan, both included (rules/mobility.ts). */
    startDate: dateField,
    endDate: dateField,
    purpose: { type: 'string', enum: LOAN_PURPOSES },
    /** The situation or proposition of the parcours the loan serves. */
    relatedId: refField,
    purposeNote: shortText,
    /** The licence the young person showed when booking. */
    licenceHeld: { type: 'string', enum: LICENCES },
    /** A minor's legal guardian agreed (autorisation parentale). */
    guardianAgreement: { type: 'boolean' },
    /** The day the young person accepted the conditions of the contract. */
    conditionsAcceptedOn: dateField,
    depositAmount: { type: 'number', minimum: 0, maximum: 5000 },
    depositState: { type: 'string', enum: DEPOSIT_STATES },
    checkedOutOn: dateField,
    checkoutKm: kilometres,
    checkoutState: shortText,
    /** The day the vehicle came back. */
    returnedOn: dateField,
    returnKm: kilometres,
    returnState: shortText,
    damageNotes: { type: 'string', maxLength: 2000 },
    extensions: { type: 'array', items: extension, maxItems: 10 },
    cancelledOn: dateField,
    cancelReason: shortText,
    /** Who booked it (set by the server from the session). */
    authorId: refField,
    /** Written by the server alone (write-rules/mobility.ts). */
    hold,
    // calendar
    periods: { type: 'array', items: calendarPeriod, maxItems: MAX_CALENDAR_PERIODS },
  },
  required: [...baseRequired, 'kind', 'siteId'],
} as const;

export type MobilityRecord = FromSchema<typeof mobilitySchema>;
export type VehicleKind = (typeof VEHICLE_KINDS)[number];
export type Licence = (typeof LICENCES)[number];
export type LoanPurpose = (typeof LOAN_PURPOSES)[number];
export type DepositState = (typeof DEPOSIT_STATES)[number];
export type CalendarState = (typeof CALENDAR_STATES)[number];
export type UnavailabilityReason = (typeof UNAVAILABILITY_REASONS)[number];
export type LoanHold = NonNullable<MobilityRecord['hold']>;
export type CalendarPeriod = NonNullable<MobilityRecord['periods']>[number];
export type Unavailability = NonNullable<MobilityRecord['unavailability']>[number];
export type LoanExtension = NonNullable<MobilityRecord['extensions']>[number];

/** The v0 id of a loan, its slot (still accepted; new loans get a UUID). */
export function loanSlotId(vehicleId: string, startDate: string): string {
  return `${vehicleId}:${startDate}`;
}

/** The id of a vehicle's calendar. */
export function calendarId(vehicleId: string): string {
  return `calendar:${vehicleId}`;
}
