/**
 * The invariants of the property test, checked once every device has synced to the end:
 * convergence on the server's state, every typed value kept (in the document or a conflict
 * record), deletions that stay deleted unless the siège restored them.
 */
import { expect } from 'vitest';
import { COLLECTION_NAMES, type CollectionName } from '../../../src/domain/collections';
import {
  DELETION_FIELD,
  jsonEqual,
  recordContent,
  type PlainDocument,
} from '../../../src/domain/merge';
import { conflictGroupOf } from '../../../src/domain/merge-policies';
import { CREATION_FIELD } from '../../../src/domain/reconciliation';
import { canReach } from '../../../src/domain/rules/proposition';
import type { PropositionResult } from '../../../src/domain/schemas/pathway';
import { canReadCollection } from '../../../sync-server/src/replication/scope';
import { pullDocuments } from '../../../sync-server/src/replication/pull';
import type { ModelDevice } from './model-device';
import type { Typed, World } from './world';

const content = (doc: PlainDocument | undefined) =>
  doc && { ...recordContent(doc), _deleted: doc._deleted === true };

export async function expectConverged(world: World, devices: ModelDevice[]): Promise<void> {
  for (const device of devices) {
    expect(device.pendingCount, `${device.name} still has changes to send`).toBe(0);
    for (const collection of COLLECTION_NAMES) {
      if (!canReadCollection(device.caller, collection)) continue;
      const all = await pullDocuments(world.storage, device.caller, collection, 0, 100_000);
      const onServer = new Map(all.documents.map((doc) => [String(doc.id), doc as PlainDocument]));
      for (const [id, master] of onServer) {
        expect(content(device.get(collection, id)), `${device.name} ${collection}/${id}`).toEqual(
          content(master),
        );
      }
      for (const doc of device.documents(collection)) {
        // A record typed for a dossier that left the device's scope stays on the device, marked
        // « transmis au siège » (its values are in a review), as on a real device.
        if (device.keptForSiege(collection, String(doc.id))) continue;
        expect(onServer.has(String(doc.id)), `${device.name} has ${collection}/${doc.id}`).toBe(
          true,
        );
      }
    }
  }
}

/** A value the collection's merge policy lets another value stand for (design.md). */
function subsumed(typed: Typed, final: unknown): boolean {
  if (typed.collection === 'attendances' && typed.field === 'present') {
    return typed.value === false && final === true; // present if either side says present
  }
  if (typed.collection === 'attendances' && typed.field === 'registeredAt') {
    // Two sign-ups of one young person are one: the time of the one the server stored first.
    return typeof final === 'string';
  }
  if (typed.collection === 'pathway' && typed.field === 'result' && typeof final === 'string') {
    return canReach(typed.value as PropositionResult, final as PropositionResult);
  }
  return false;
}

function heldByReview(review: PlainDocument, typed: Typed): boolean {
  if (review.targetCollection !== typed.collection || review.documentId !== typed.id) return false;
  const values = (review.values as { value?: unknown }[] | undefined) ?? [];
  if (review.field === typed.field) return values.some((v) => jsonEqual(v.value, typed.value));
  // A record created for a dossier that left its author's scope is kept whole.
  if (review.field === CREATION_FIELD) {
    return values.some((v) =>
      jsonEqual((v.value as PlainDocument | undefined)?.[typed.field], typed.value),
    );
  }
  const group = conflictGroupOf(typed.collection, String(review.field));
  if (!group?.fields.includes(typed.field)) return false;
  return values.some((v) =>
    jsonEqual((v.value as PlainDocument | undefined)?.[typed.field], typed.value),
  );
}

export async function expectNothingLost(world: World): Promise<void> {
  const reviews = await world.allReviews();
  for (const typed of world.typed) {
    const stored = await world.storage.getDocument(typed.collection, typed.id);
    const final = stored?.data[typed.field];
    const kept =
      jsonEqual(final, typed.value) ||
      reviews.some((review) => heldByReview(review, typed)) ||
      world.wasReplaced(typed) ||
      subsumed(typed, final);
    expect(kept, `lost ${JSON.stringify(typed)}; final ${JSON.stringify(final)}`).toBe(true);
  }
  // A record kept whole for the siège (CREATION_FIELD) is one value; a conflict holds two.
  for (const review of reviews.filter((r) => r.kind === 'conflict' && r.field !== CREATION_FIELD)) {
    const values = (review.values as { value?: unknown }[]).map((v) => v.value);
    expect(values.length, `review ${String(review.id)}`).toBeGreaterThanOrEqual(2);
    expect(
      values.some((value) => !jsonEqual(value, values[0])),
      'a conflict of one value',
    ).toBe(true);
  }
}

export async function expectDeletionsKept(world: World, collection: CollectionName): Promise<void> {
  const reviews = await world.allReviews();
  // A deletion made after the dossier left its author's scope waits in a review for the siège.
  const inReview = (id: string) =>
    reviews.some(
      (review) =>
        review.documentId === id &&
        review.field === DELETION_FIELD &&
        ((review.values as { value?: unknown }[] | undefined) ?? []).some((v) => v.value === true),
    );
  for (const id of world.deleted) {
    if (world.restored.has(id) || inReview(id)) continue;
    const stored = await world.storage.getDocument(collection, id);
    if (!stored) continue;
    expect(stored.deleted, `${collection}/${id} came back`).toBe(true);
  }
}
