import type { RxCollection } from 'rxdb/plugins/core';
import { describe, expect, it } from 'vitest';
import { buildEvent, buildYouth, SITE_SEES } from '../../tests/support/builders';
import { testDatabases } from '../../tests/support/database';
import { FRESH_IMPORT_CONTEXT } from './fresh-import';

const openDatabase = testDatabases();

/** Rows as the bootstrap gives them: stored form, with RxDB's metadata. */
function rows(documents: object[], lwtStart: number) {
  return documents.map((doc, i) => ({
    document: {
      ...doc,
      _deleted: false,
      _attachments: {},
      _rev: '1-test',
      _meta: { lwt: lwtStart + i / 100 },
    } as never,
  }));
}

describe('fresh import', () => {
  it('writes straight into an empty collection, sealed, and tells live queries', async () => {
    const db = await openDatabase();
    const youth = buildYouth({ siteId: SITE_SEES });
    const events = Array.from({ length: 20 }, () => buildEvent({ youthId: youth.id }));
    const collection = db.events as unknown as RxCollection;
    const seen: number[] = [];
    const subscription = collection.find().$.subscribe((docs) => seen.push(docs.length));
    const result = await collection.storageInstance.originalStorageInstance.bulkWrite(
      rows(events, Date.now() - 1000),
      FRESH_IMPORT_CONTEXT,
    );
    expect(result.error).toEqual([]);
    expect(await db.events.count().exec()).toBe(20);
    expect((await db.events.findOne(events[3]!.id).exec())?.toJSON()).toMatchObject(events[3]!);
    // By the youthId index (a clear field), as the dossier screen reads them.
    expect(await db.events.find({ selector: { youthId: youth.id } }).exec()).toHaveLength(20);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.at(-1)).toBe(20);
    subscription.unsubscribe();
  });

  it('never overwrites: a row already stored sends the batch through the checks', async () => {
    const db = await openDatabase();
    const youth = buildYouth({ siteId: SITE_SEES });
    const [first, second] = [buildEvent({ youthId: youth.id }), buildEvent({ youthId: youth.id })];
    await db.events.insert(first);
    const changed = { ...first, durationMinutes: 90 };
    const result = await (
      db.events as unknown as RxCollection
    ).storageInstance.originalStorageInstance.bulkWrite(
      rows([changed, second], Date.now() - 1000),
      FRESH_IMPORT_CONTEXT,
    );
    // RxDB's own checks: the stored one is a conflict, the new one is written.
    expect(result.error.map((e) => e.documentId)).toEqual([first.id]);
    expect((await db.events.findOne(first.id).exec())?.durationMinutes).toBe(45);
    expect(await db.events.findOne(second.id).exec()).not.toBeNull();
  });
});
