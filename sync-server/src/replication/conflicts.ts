/**
 * The conflict records of a push: every field typed differently on two sides becomes (or joins)
 * an open `reviews` document of kind 'conflict' for the siège, holding each value with who typed
 * it, when (device clock, for display) and from which device and revision. Nothing is dropped:
 * a third value for a field already in conflict joins the open review of that field.
 *
 * Who typed the stored value is read from the revision history: the writer of the oldest
 * revision of the latest run that holds the value (the last writer of the document may only
 * have merged another field).
 */
import type { CollectionName } from '../../../src/domain/collections';
import { newId, newRev } from '../../../src/domain/ids';
import { jsonEqual, type FieldConflict, type PlainDocument } from '../../../src/domain/merge';
import { LOAN_BOOKING } from '../../../src/domain/merge-policies';
import {
  conflictFieldValue,
  CREATION_FIELD,
  loanAsBooked,
  OVERLAP_FIELD,
} from '../../../src/domain/reconciliation';
import type {
  DocumentWrite,
  RevisionRecord,
  Scope,
  StoredDocument,
  WriteTransaction,
} from '../storage/storage';
import { documentWrite } from './document-write';
import type { Caller } from './scope';

export const SERVER_ACTOR = 'server';
/** The schema's limit on the values of one review; a further value opens another review. */
const MAX_VALUES = 10;

export interface ConflictValue {
  value?: unknown;
  by: string;
  at?: string;
  deviceId?: string;
  rev?: string;
}

function entry(
  value: unknown,
  by: string,
  at: unknown,
  deviceId: string | null,
  rev: string,
): ConflictValue {
  return {
    ...(value === undefined ? {} : { value }),
    by,
    ...(typeof at === 'string' ? { at } : {}),
    ...(deviceId ? { deviceId } : {}),
    rev,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The young people a conflict concerns: the dossier, or both of a double booking. */
function youthIdsOf(collection: CollectionName, stored: PlainDocument, incoming: PlainDocument) {
  const ids =
    collection === 'youths' ? [text(stored.id)] : [text(stored.youthId), text(incoming.youthId)];
  return [...new Set(ids.filter((id): id is string => id !== undefined))].slice(0, 2);
}

export class ConflictRecorder {
  /** Open reviews by `collection|documentId|field`, loaded once per document. */
  private readonly open = new Map<string, { data: PlainDocument; previous?: StoredDocument }>();
  private readonly loadedDocuments = new Set<string>();
  private readonly histories = new Map<string, RevisionRecord[]>();
  private readonly changed = new Set<string>();

  constructor(
    private readonly tx: WriteTransaction,
    private readonly caller: Caller,
    private readonly now: string,
  ) {}

  /** Records the conflicts of one merged row: `stored` is the master it met. */
  async record(
    collection: CollectionName,
    stored: StoredDocument,
    incoming: PlainDocument,
    conflicts: FieldConflict[],
  ): Promise<void> {
    if (conflicts.length === 0) return;
    await this.loadOpenReviews(stored.id);
    for (const conflict of conflicts) {
      const storedSide = await this.storedSide(collection, stored, conflict.field, conflict.theirs);
      const incomingSide = entry(
        conflict.ours,
        this.caller.userId,
        incoming.updatedAt,
        this.caller.deviceId,
        String(incoming.rev),
      );
      this.add(collection, stored, incoming, conflict.field, [storedSide, incomingSide]);
    }
  }

  /**
   * A booking of a slot that already holds a booking the caller may not see (another site's
   * young person): both bookings are kept in a review, and the push of this row is refused.
   */
  async recordForeignBooking(stored: StoredDocument, incoming: PlainDocument): Promise<void> {
    await this.loadOpenReviews(stored.id);
    const field = LOAN_BOOKING.name;
    const theirs = conflictFieldValue('mobility', stored.data, field);
    const ours = conflictFieldValue('mobility', incoming, field);
    if (jsonEqual(theirs, ours)) return;
    const storedSide = await this.storedSide('mobility', stored, field, theirs);
    const incomingSide = entry(
      ours,
      this.caller.userId,
      incoming.updatedAt,
      this.caller.deviceId,
      String(incoming.rev),
    );
    this.add('mobility', stored, incoming, field, [storedSide, incomingSide]);
  }

  /**
   * A document created offline for a dossier that left the caller's scope before the push: the
   * whole document is kept in a review for the siège (keeping it creates it in the dossier), and
   * the push of this row is refused.
   */
  async recordCreation(
    collection: CollectionName,
    incoming: PlainDocument,
    dossier: Scope,
  ): Promise<void> {
    const id = String(incoming.id);
    await this.loadOpenReviews(id);
    const { _deleted: _ignored, ...content } = incoming;
    const side = entry(
      content,
      this.caller.userId,
      incoming.updatedAt,
      this.caller.deviceId,
      String(incoming.rev),
    );
    const youthId = collection === 'youths' ? incoming.id : incoming.youthId;
    const youthIds = [text(youthId)].filter((y): y is string => y !== undefined);
    this.addFor(collection, id, text(dossier.siteId), youthIds, CREATION_FIELD, [side]);
  }

  /**
   * A loan held because it overlaps loans that reached the server first (mobility/
   * double-booking.ts): one review about the held loan keeps each loan whole — the young
   * people, the advisers who booked, the periods, everything typed — those that stand first.
   */
  async recordDoubleBooking(
    held: PlainDocument,
    incomingRev: string,
    standing: readonly StoredDocument[],
  ): Promise<void> {
    const id = String(held.id);
    await this.loadOpenReviews(id);
    const sides = standing.map((loan) =>
      entry(
        loanAsBooked(loan.data),
        String(loan.data.authorId ?? loan.data.updatedBy ?? SERVER_ACTOR),
        loan.data.updatedAt,
        null,
        loan.rev,
      ),
    );
    sides.push(
      entry(
        loanAsBooked(held),
        this.caller.userId,
        held.updatedAt,
        this.caller.deviceId,
        incomingRev,
      ),
    );
    const youthIds = [held.youthId, ...standing.map((loan) => loan.data.youthId)]
      .map(text)
      .filter((y): y is string => y !== undefined);
    this.addFor(
      'mobility',
      id,
      text(held.siteId),
      [...new Set(youthIds)].slice(0, 2),
      OVERLAP_FIELD,
      sides,
    );
  }

  /**
   * The held loan no longer overlaps a loan that stands (its dates, its vehicle or the other
   * loan changed): its review is settled by the server, saying why.
   */
  async releaseDoubleBooking(loanId: string, comment: string): Promise<void> {
    await this.loadOpenReviews(loanId);
    const key = `mobility|${loanId}|${OVERLAP_FIELD}`;
    const open = this.open.get(key);
    if (!open || open.data.status !== 'open') return;
    open.data = {
      ...open.data,
      rev: newRev(),
      updatedAt: this.now,
      updatedBy: SERVER_ACTOR,
      status: 'resolved',
      resolvedBy: SERVER_ACTOR,
      resolvedAt: this.now,
      resolution: { released: true },
      comment,
    };
    this.changed.add(key);
  }

  /** The reviews opened or extended by this push, to store with its documents. */
  writes(): DocumentWrite[] {
    return [...this.changed].map((key) => {
      const review = this.open.get(key)!;
      const siteId = text(review.data.siteId) ?? null;
      return documentWrite(
        'reviews',
        { ...review.data, _deleted: false },
        { siteId, ownerId: null },
        review.previous,
        { writtenBy: SERVER_ACTOR, deviceId: this.caller.deviceId },
      );
    });
  }

  private async loadOpenReviews(documentId: string): Promise<void> {
    if (this.loadedDocuments.has(documentId)) return;
    this.loadedDocuments.add(documentId);
    for (const review of await this.tx.getOpenReviews([documentId])) {
      const key = `${String(review.data.targetCollection)}|${documentId}|${String(review.data.field)}`;
      const values = review.data.values as unknown[] | undefined;
      // A full review stays as it is; the next value opens another.
      if ((values?.length ?? 0) < MAX_VALUES) {
        this.open.set(key, { data: review.data, previous: review });
      }
    }
  }

  private add(
    collection: CollectionName,
    stored: StoredDocument,
    incoming: PlainDocument,
    field: string,
    sides: ConflictValue[],
  ): void {
    const siteId = text(stored.scope.siteId) ?? text(stored.data.siteId);
    const youthIds = youthIdsOf(collection, stored.data, incoming);
    this.addFor(collection, stored.id, siteId, youthIds, field, sides);
  }

  private addFor(
    collection: CollectionName,
    documentId: string,
    siteId: string | undefined,
    youthIds: string[],
    field: string,
    sides: ConflictValue[],
  ): void {
    const key = `${collection}|${documentId}|${field}`;
    const existing = this.open.get(key);
    if (existing && existing.data.status === 'open') {
      const values = [...((existing.data.values as ConflictValue[] | undefined) ?? [])];
      let added = false;
      for (const side of sides) {
        const known = values.some(
          (value) =>
            value.rev === side.rev || (value.by === side.by && jsonEqual(value.value, side.value)),
        );
        if (!known && values.length < MAX_VALUES) {
          values.push(side);
          added = true;
        }
      }
      if (!added) return;
      existing.data = {
        ...existing.data,
        rev: newRev(),
        updatedAt: this.now,
        updatedBy: SERVER_ACTOR,
        values,
      };
      this.changed.add(key);
      return;
    }
    if (existing) {
      // Settled earlier in this push: it keeps its own write, the new review another key.
      const moved = `${key}|${String(existing.data.id)}`;
      this.open.set(moved, existing);
      if (this.changed.has(key)) this.changed.add(moved);
    }
    this.open.set(key, {
      data: {
        id: newId(),
        rev: newRev(),
        updatedAt: this.now,
        updatedBy: SERVER_ACTOR,
        kind: 'conflict',
        status: 'open',
        targetCollection: collection,
        documentId,
        field,
        values: sides,
        openedAt: this.now,
        ...(siteId ? { siteId } : {}),
        ...(youthIds.length > 0 ? { youthIds } : {}),
      },
    });
    this.changed.add(key);
  }

  /** The stored value with the writer of the revision that introduced it. */
  private async storedSide(
    collection: CollectionName,
    stored: StoredDocument,
    field: string,
    value: unknown,
  ): Promise<ConflictValue> {
    const state = { ...stored.data, _deleted: stored.deleted };
    const current = conflictFieldValue(collection, state, field);
    let history = this.histories.get(stored.id);
    if (!history) {
      history = (await this.tx.getHistory(collection, stored.id)).filter((r) => !r.absorbed);
      this.histories.set(stored.id, history);
    }
    let origin: RevisionRecord | undefined;
    for (const revision of history) {
      const held = conflictFieldValue(
        collection,
        { ...revision.data, _deleted: revision.deleted },
        field,
      );
      if (!jsonEqual(held, current)) break;
      origin = revision;
    }
    if (!origin) {
      return entry(
        value,
        String(stored.data.updatedBy ?? SERVER_ACTOR),
        stored.data.updatedAt,
        null,
        stored.rev,
      );
    }
    const by = origin.writtenBy === SERVER_ACTOR ? origin.data.updatedBy : origin.writtenBy;
    return entry(
      value,
      String(by ?? SERVER_ACTOR),
      origin.data.updatedAt,
      origin.deviceId,
      origin.rev,
    );
  }
}
