import type { FromSchema } from 'json-schema-to-ts';
import { baseProperties, baseRequired, dateTimeField, refField, shortText } from './common';

/**
 * The statuses of an inscription to a session, in i-milo's words (src/domain/imilo.ts gives
 * their labels): prescrit (signed up), réalisé (came), absent, excusé (warned of the absence,
 * or cancelled the sign-up), refus jeune, refus tiers (the sign-up refused by the young person,
 * or by the organiser: no place left when the session was closed).
 */
export const ATTENDANCE_STATUSES = [
  'prescrit',
  'realise',
  'absent',
  'excuse',
  'refus-jeune',
  'refus-tiers',
] as const;

/** Bounds of a signature drawn with a finger: a few kilobytes usually, under 40 KB always. */
export const SIGNATURE_MAX_STROKES = 20;
/** Coordinates of one stroke, x and y alternating: 200 points. */
export const SIGNATURE_MAX_STROKE_VALUES = 400;
/** The signature's drawing box; coordinates are integers inside it. */
export const SIGNATURE_BOX = { width: 600, height: 200 } as const;

const coordinate = { type: 'integer', minimum: 0, maximum: 600 } as const;

/**
 * Inscription and émargement of one young person at one session; id `workshopId:youthId`.
 *
 * v1 (issue 15): `status` in i-milo's words replaces the v0 flags; `present` stays, kept equal
 * to « status is réalisé » (true), « absent, excusé or refused » (false) or unknown (absent), so
 * the merge « present if either device says so » still holds; `cancelled` is gone (a v0
 * cancellation is « excusé »: src/domain/vocabulary.ts). `walkIn` marks someone added at the
 * session; `signature` is the émargement signed with a finger, as strokes of points (personal
 * data: sealed on the device like every field but the ids); `queuedAt` is written by the
 * server alone: when it first stored the sign-up, the order of the waiting list; `authorId`,
 * who signed the young person up (the prescripteur, from the session). `corrections` are the
 * changes made once the session was closed, each with its author, reason and new status.
 */
export const attendanceSchema = {
  title: 'attendances',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    workshopId: refField,
    youthId: refField,
    registeredAt: dateTimeField,
    status: { type: 'string', enum: ATTENDANCE_STATUSES },
    /** Émargement: true réalisé, false absent (or excusé, refused), no field not yet known. */
    present: { type: 'boolean' },
    walkIn: { type: 'boolean' },
    /** The server's time when it first stored this sign-up (or a sign-up made again). */
    queuedAt: dateTimeField,
    authorId: refField,
    signature: {
      type: 'object',
      additionalProperties: false,
      properties: {
        /** When it was drawn (device clock: shown, never compared). */
        at: dateTimeField,
        strokes: {
          type: 'array',
          maxItems: SIGNATURE_MAX_STROKES,
          items: {
            type: 'array',
            minItems: 2,
            maxItems: SIGNATURE_MAX_STROKE_VALUES,
            items: coordinate,
          },
        },
      },
      required: ['at', 'strokes'],
    },
    corrections: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: refField,
          at: dateTimeField,
          /** Who corrected: set by the server from the session. */
          by: refField,
          reason: shortText,
          status: { type: 'string', enum: ATTENDANCE_STATUSES },
        },
        required: ['id', 'at', 'reason', 'status'],
      },
    },
  },
  required: [...baseRequired, 'workshopId', 'youthId'],
  // A session's sign-ups (the émargement, the waiting list) are read by workshopId.
  indexes: ['youthId', 'workshopId'],
} as const;

export type Attendance = FromSchema<typeof attendanceSchema>;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export type Signature = NonNullable<Attendance['signature']>;
export type AttendanceCorrection = NonNullable<Attendance['corrections']>[number];

/** The deterministic id that makes two offline sign-ups of the same person one record. */
export function attendanceId(workshopId: string, youthId: string): string {
  return `${workshopId}:${youthId}`;
}
