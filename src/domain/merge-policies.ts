/**
 * The per-collection rules of the record merge (design.md, Sync protocol), kept apart from the
 * generic three-way merge in `merge.ts`:
 * - youths (the dossier) and the other collections: per field, nothing special;
 * - events: append-only, never merged (a correction is a new event that supersedes);
 * - attendances (id `workshopId:youthId`): present if either side says present, and the status
 *   follows it (réalisé first, then excusé, absent, the refusals, prescrit: the same whichever
 *   side is which); a walk-in on either side is one; the corrections of both are kept; the
 *   sign-up time (and the server's queue time) is that of the sign-up the server stored first
 *   (`theirs`: the stored state on the server, the server's master on a device), never the
 *   earlier of two device clocks; of two signatures, the one the server holds;
 * - workshops: of two closings of one session, the one the server stored first;
 * - pathway propositions: the result follows the state machine; two results on one path keep
 *   the further one, two results on different branches are a true conflict;
 * - mobility loans (id `vehicleId:startDate`): two bookings of one slot for different young
 *   people are one conflict on the whole booking, so both bookings are kept side by side.
 */
import type { CollectionName } from './collections';
import {
  attendanceStatus,
  mergedCorrections,
  mergedStatus,
  type StatusFields,
} from './rules/attendance';
import { furthestResult } from './rules/proposition';
import type { AttendanceCorrection } from './schemas/attendance';
import type { PropositionResult } from './schemas/pathway';

export type MergeSide = Record<string, unknown>;

/** How a field changed on both sides is settled; undefined means "a true conflict". */
export type FieldResolver = (
  field: string,
  ours: unknown,
  theirs: unknown,
  documents: { ours: MergeSide; theirs: MergeSide },
) => { value: unknown } | undefined;

/**
 * Fields that conflict as one record when their key field conflicts: the conflict's field is
 * `name` and each side's value is the object of the group's fields.
 */
export interface ConflictGroup {
  name: string;
  key: string;
  fields: readonly string[];
  appliesTo(document: MergeSide): boolean;
}

export interface MergePolicy {
  /** Never merged: the stored state stays whole and every difference is reported. */
  immutable?: boolean;
  resolve?: FieldResolver;
  group?: ConflictGroup;
}

/**
 * A double booking of one slot id (a v0 loan id, `vehicleId:startDate`): the whole booking of
 * each young person — what was typed for it on a device — is one value, so neither booking's
 * fields (a cancellation, a caution, a return) slip into the other. Overlapping loans under
 * different ids are held by the server instead (sync-server/src/mobility/double-booking.ts).
 */
export const LOAN_BOOKING: ConflictGroup = {
  name: 'reservation',
  key: 'youthId',
  fields: [
    'youthId',
    'endDate',
    'returnedOn',
    'purpose',
    'relatedId',
    'purposeNote',
    'licenceHeld',
    'guardianAgreement',
    'conditionsAcceptedOn',
    'depositAmount',
    'depositState',
    'checkedOutOn',
    'checkoutKm',
    'checkoutState',
    'returnKm',
    'returnState',
    'damageNotes',
    'extensions',
    'cancelledOn',
    'cancelReason',
  ],
  appliesTo: (document) => document.kind === 'loan',
};

export const MERGE_POLICIES: Partial<Record<CollectionName, MergePolicy>> = {
  events: { immutable: true },
  accesses: { immutable: true },
  attendances: {
    resolve(field, ours, theirs, documents) {
      // Émargement: a young person marked present on either device was present, and the
      // status follows — réalisé first, then a fixed order (attendance.ts), whichever write
      // reaches the server first.
      if (field === 'present') return { value: ours === true || theirs === true };
      if (field === 'status') {
        return {
          value: mergedStatus(
            attendanceStatus(documents.ours as StatusFields),
            attendanceStatus(documents.theirs as StatusFields),
          ),
        };
      }
      if (field === 'walkIn') return { value: ours === true || theirs === true ? true : undefined };
      if (field === 'corrections') {
        return {
          value: mergedCorrections(
            ours as AttendanceCorrection[] | undefined,
            theirs as AttendanceCorrection[] | undefined,
          ),
        };
      }
      // The order of two sign-ups is the server's: a tablet whose clock says year 1 must not
      // jump the queue. `theirs` is the state the server holds; `queuedAt` and `authorId` are
      // the server's own.
      if (field === 'registeredAt' || field === 'queuedAt' || field === 'authorId')
        return { value: theirs === undefined ? ours : theirs };
      // Two signatures for one émargement: the one the server holds stays (never none).
      if (field === 'signature') return { value: theirs === undefined ? ours : theirs };
      return undefined;
    },
  },
  workshops: {
    // A session closed offline on two devices: the closing the server stored first stays.
    resolve(field, ours, theirs) {
      if (field === 'closedAt' || field === 'closedBy')
        return { value: theirs === undefined ? ours : theirs };
      return undefined;
    },
  },
  pathway: {
    resolve(field, ours, theirs, documents) {
      if (field !== 'result') return undefined;
      if (documents.ours.kind !== 'proposition' || documents.theirs.kind !== 'proposition') {
        return undefined;
      }
      if (typeof ours !== 'string' || typeof theirs !== 'string') return undefined;
      const further = furthestResult(ours as PropositionResult, theirs as PropositionResult);
      return further === undefined ? undefined : { value: further };
    },
  },
  mobility: { group: LOAN_BOOKING },
};

/** The conflict group named `field` in a collection, if any. */
export function conflictGroupOf(
  collection: CollectionName,
  field: string,
): ConflictGroup | undefined {
  const group = MERGE_POLICIES[collection]?.group;
  return group?.name === field ? group : undefined;
}
