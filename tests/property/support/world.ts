/**
 * The world of the property test: the real server code (`applyPush`, `pullDocuments`, the siège's
 * `resolveConflict`) on a real SQLite storage in memory, seeded with one workshop and one
 * vehicle of the first site (a second site receives the dossiers the siège transfers), and the
 * logs the invariants need: every value anybody typed, the values someone replaced having seen
 * them, the deletions and the explicit restores.
 */
import type { CollectionName } from '../../../src/domain/collections';
import { RelaisError } from '../../../src/domain/errors';
import { DELETION_FIELD, jsonEqual, type PlainDocument } from '../../../src/domain/merge';
import { fixedClock } from '../../../src/domain/time';
import { mergeDuplicate } from '../../../sync-server/src/replication/dossier-merge';
import { applyPush } from '../../../sync-server/src/replication/push';
import { resolveConflict } from '../../../sync-server/src/replication/resolution';
import type { Caller } from '../../../sync-server/src/replication/scope';
import { openSqliteStorage } from '../../../sync-server/src/storage/sqlite';
import type { Storage, StoredDocument } from '../../../sync-server/src/storage/storage';

export const SITE = '0190a000-0000-7000-a000-000000000002';
/** The other site a dossier can be transferred to. */
export const SITE_B = '0190a000-0000-7000-a000-000000000008';
export const WORKSHOP_ID = '0190c000-0000-7000-a000-000000000001';
export const VEHICLE_ID = '0190c000-0000-7000-a000-000000000002';
/** Dossiers (each with a proposition and a sign-up) on every device at the start. */
export const SHARED_YOUTHS = 3;

export function sharedYouthId(n: number): string {
  return `0190c000-0000-7000-a000-00000000010${n}`;
}
export const CLOCK = fixedClock('2026-11-20T10:00:00.000Z');

export const SIEGE: Caller = {
  userId: '0190b000-0000-7000-a000-00000000d001',
  role: 'direction',
  siteIds: [],
  deviceId: null,
};

/** One value typed by someone for one field of one document. */
export interface Typed {
  collection: CollectionName;
  id: string;
  field: string;
  value: unknown;
}

export class World {
  readonly storage: Storage = openSqliteStorage(':memory:');
  readonly typed: Typed[] = [];
  /** `collection|id|field` → values someone replaced after seeing them. */
  private readonly replaced = new Map<string, unknown[]>();
  readonly deleted = new Set<string>();
  readonly restored = new Set<string>();
  private nextId = 1;

  /** Deterministic UUID-shaped ids, so a failing run replays with the same ids. */
  newId(): string {
    return `0190d000-0000-7000-a000-${String(this.nextId++).padStart(12, '0')}`;
  }

  async seed(): Promise<void> {
    const stamp = { rev: 'seed', updatedAt: '2026-11-01T09:00:00.000Z', updatedBy: SIEGE.userId };
    const scope = { siteId: SITE, ownerId: null };
    const documents: [CollectionName, PlainDocument][] = [
      [
        'workshops',
        {
          id: WORKSHOP_ID,
          ...stamp,
          kind: 'atelier',
          title: 'Atelier CV',
          siteId: SITE,
          // Held two days before the world's clock: its émargement may be written (attendance.ts).
          start: '2026-11-18T14:00',
        },
      ],
      [
        'mobility',
        {
          id: VEHICLE_ID,
          ...stamp,
          kind: 'vehicle',
          siteId: SITE,
          label: 'Scooter n°1',
          vehicleType: 'scooter',
          available: true,
        },
      ],
    ];
    // Dossiers every device holds before going offline, so offline edits meet.
    for (let i = 1; i <= SHARED_YOUTHS; i += 1) {
      const youthId = sharedYouthId(i);
      documents.push(
        [
          'youths',
          {
            id: youthId,
            ...stamp,
            lastName: 'Partagé',
            firstName: `Jeune ${i}`,
            siteId: SITE,
            referentId: '',
            status: 'premier-accueil',
            phone: '06 39 98 00 00',
          },
        ],
        [
          'pathway',
          {
            id: `0190c000-0000-7000-a000-00000000020${i}`,
            ...stamp,
            youthId,
            kind: 'proposition',
            theme: 'emploi',
            propositionType: 'offre-emploi',
            startDate: '2026-11-02',
            result: 'en-attente',
          },
        ],
        [
          'attendances',
          {
            id: `${WORKSHOP_ID}:${youthId}`,
            ...stamp,
            workshopId: WORKSHOP_ID,
            youthId,
            registeredAt: '2026-11-02T10:00',
          },
        ],
      );
    }
    await this.storage.write((tx) =>
      tx.putDocuments(
        documents.map(([collection, data]) => ({
          collection,
          id: String(data.id),
          rev: 'seed',
          deleted: false,
          data,
          youthId: typeof data.youthId === 'string' ? data.youthId : null,
          scope,
          previousScope: null,
          previousData: null,
          writtenBy: SIEGE.userId,
          deviceId: null,
        })),
      ),
    );
  }

  /** A local write: every field it changes is a typed value, and the old value was seen. */
  recordWrite(
    collection: CollectionName,
    before: PlainDocument | undefined,
    after: PlainDocument,
  ): void {
    const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
    for (const field of fields) {
      if (['rev', 'updatedAt', 'updatedBy', DELETION_FIELD].includes(field)) continue;
      if (jsonEqual(before?.[field], after[field])) continue;
      const id = String(after.id);
      if (after[field] !== undefined)
        this.typed.push({ collection, id, field, value: after[field] });
      if (before && before[field] !== undefined)
        this.markReplaced(collection, id, field, before[field]);
    }
    if (after._deleted === true && before?._deleted !== true) this.deleted.add(String(after.id));
  }

  private markReplaced(collection: string, id: string, field: string, value: unknown): void {
    const key = `${collection}|${id}|${field}`;
    this.replaced.set(key, [...(this.replaced.get(key) ?? []), value]);
  }

  wasReplaced(typed: Typed): boolean {
    const values = this.replaced.get(`${typed.collection}|${typed.id}|${typed.field}`) ?? [];
    return values.some((value) => jsonEqual(value, typed.value));
  }

  async openConflicts(): Promise<StoredDocument[]> {
    const rows = await this.storage.pull('reviews', 0, 10_000, { all: true });
    return rows
      .map((row) => row.document)
      .filter((review) => review.data.kind === 'conflict' && review.data.status === 'open');
  }

  async allReviews(): Promise<PlainDocument[]> {
    const rows = await this.storage.pull('reviews', 0, 10_000, { all: true });
    return rows.map((row) => row.document.data);
  }

  /**
   * The siège merges the second shared dossier into the first (once), as it would after the
   * duplicate detector paired them: the pair's review is written as the detector writes it.
   */
  async mergeSharedDossiers(): Promise<void> {
    const [keptId, otherId] = [sharedYouthId(1), sharedYouthId(2)];
    const reviewId = '0190c000-0000-7000-a000-000000000301';
    if (await this.storage.getDocument('reviews', reviewId)) return;
    const review = {
      id: reviewId,
      rev: 'detector',
      updatedAt: '2026-11-20T10:00:00.000Z',
      updatedBy: 'server',
      kind: 'duplicate',
      status: 'open',
      youthIds: [keptId, otherId],
      score: 0.9,
      siteId: SITE,
      openedAt: '2026-11-20T10:00:00.000Z',
    };
    await this.storage.write((tx) =>
      tx.putDocuments([
        {
          collection: 'reviews',
          id: reviewId,
          rev: review.rev,
          deleted: false,
          data: review,
          youthId: null,
          scope: { siteId: SITE, ownerId: null },
          previousScope: null,
          previousData: null,
          writtenBy: 'server',
          deviceId: null,
        },
      ]),
    );
    const before = await this.storage.pull('youths', 0, 10_000, { all: true });
    const attached = await this.storage.write((tx) => tx.getAttachedDocuments([otherId]));
    try {
      await mergeDuplicate(
        this.storage,
        SIEGE,
        reviewId,
        { keepId: keptId, takeFromOther: ['phone'] },
        CLOCK,
      );
    } catch (error) {
      // A dossier deleted meanwhile is not merged.
      if (error instanceof RelaisError && error.code === 'NOT_FOUND') return;
      throw error;
    }
    // What the siège replaced, having seen it: the kept dossier's phone, the moved documents'
    // young person (and the old attendance ids, whose records stay deleted with their data).
    const kept = before.find((row) => row.document.id === keptId)?.document;
    if (kept?.data.phone !== undefined)
      this.markReplaced('youths', keptId, 'phone', kept.data.phone);
    for (const document of attached) {
      this.markReplaced(document.collection, document.id, 'youthId', otherId);
    }
  }

  /**
   * The siège transfers a shared dossier to the other site (and back the next time): the
   * devices of the site it leaves receive a removal, those of the other site receive it.
   */
  async transfer(n: number): Promise<void> {
    const id = sharedYouthId(1 + (n % SHARED_YOUTHS));
    const stored = await this.storage.getDocument('youths', id);
    if (!stored || stored.deleted || stored.data.mergedInto !== undefined) return;
    const before = { ...stored.data, _deleted: false };
    const after = {
      ...before,
      siteId: stored.data.siteId === SITE ? SITE_B : SITE,
      rev: `transfer-${this.nextId++}`,
      updatedBy: SIEGE.userId,
    };
    const outcome = await applyPush(
      this.storage,
      SIEGE,
      'youths',
      [{ newDocumentState: after, assumedMasterState: before }],
      CLOCK,
    );
    if (outcome.rejected.length > 0) throw new Error(JSON.stringify(outcome.rejected));
    this.recordWrite('youths', before, after);
  }

  /** The siège keeps one of the values of an open conflict (the k-th, both modulo). */
  async resolve(reviewIndex: number, choiceIndex: number): Promise<void> {
    const open = await this.openConflicts();
    if (open.length === 0) return;
    const review = open[reviewIndex % open.length]!;
    const values = review.data.values as { value?: unknown }[];
    const choice = choiceIndex % values.length;
    const collection = review.data.targetCollection as CollectionName;
    const documentId = String(review.data.documentId);
    const field = String(review.data.field);
    const before = await this.storage.getDocument(collection, documentId);
    try {
      await resolveConflict(this.storage, SIEGE, review.id, { choice }, CLOCK);
    } catch (error) {
      // A value that would break the schema (a required field left empty) is refused: fine.
      if (error instanceof RelaisError && error.code === 'VALIDATION_FAILED') return;
      throw error;
    }
    // The siège saw the value it replaced; choosing "not deleted" is an explicit restore.
    if (field === DELETION_FIELD) {
      if (values[choice]!.value === false) this.restored.add(documentId);
    } else if (before && before.data[field] !== undefined) {
      this.markReplaced(collection, documentId, field, before.data[field]);
    }
    if (before && field !== DELETION_FIELD) {
      // A group conflict (a double booking) replaces every field of the group.
      const after = await this.storage.getDocument(collection, documentId);
      for (const [name, value] of Object.entries(before.data)) {
        if (!jsonEqual(after?.data[name], value))
          this.markReplaced(collection, documentId, name, value);
      }
    }
  }
}
