import type { RxJsonSchema } from 'rxdb/plugins/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildAppointment,
  buildEvent,
  buildYouth,
  SITE_SEES,
} from '../../../tests/support/builders';
import { testDataKey } from '../../../tests/support/database';
import { rawIndexedDbText } from '../../../tests/support/raw-indexeddb';
import { COLLECTION_NAMES, COLLECTIONS } from '../../domain/collections';
import { PendingTracker } from '../../sync/pending';
import { createRelaisDatabase, type RelaisDatabase } from '../database';
import { insertDocument, patchDocument } from '../writes';
import { keyAndIndexFields } from './clear-fields';
import { SEALED_FIELD } from './sealed-storage';
import { SealError } from './sealing';

const CANARIES = {
  lastName: 'Zephyrinou',
  firstName: 'Aurelianne',
  phone: '07 98 76 54 32',
  email: 'aurelianne.zephyrinou@exemple.fr',
  address: '7 impasse des Canaris, 61000 Alençon',
  notes: 'Canari: suivi CMP le mardi',
};

const opened: RelaisDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.remove().catch(() => undefined);
});

function newName(): string {
  return `sealed-${crypto.randomUUID().replace(/-/g, '')}`;
}

async function open(name: string, dataKey: CryptoKey): Promise<RelaisDatabase> {
  const db = await createRelaisDatabase({ name, dataKey, actorId: () => 'staff-1', devMode: true });
  opened.push(db);
  return db;
}

describe('records sealed at rest on the device', () => {
  it('stores no personal value in IndexedDB, and gives screens the plain record', async () => {
    const name = newName();
    const db = await open(name, await testDataKey());
    const tracker = await PendingTracker.attach(db);
    const youth = buildYouth({ ...CANARIES, rqth: true, ase: true, justice: true });
    await db.youths.insert(youth);
    await db.events.insert(buildEvent({ youthId: youth.id, report: 'Canari: compte-rendu' }));
    await db.appointments.insert(buildAppointment({ youthId: youth.id, subject: 'Canari RDV' }));
    await patchDocument(db, 'youths', youth.id, { notes: `${CANARIES.notes} (modifié)` });
    await tracker.flush();

    const { databases, text } = await rawIndexedDbText(name);
    expect(databases).toBeGreaterThan(3);
    for (const canary of [...Object.values(CANARIES), 'Canari']) expect(text).not.toContain(canary);
    expect(text).not.toMatch(/"(rqth|ase|justice)":true/);
    // What queries need stays clear: the proof that the dump reads the records at all.
    expect(text).toContain(youth.id);
    expect(text).toContain(SITE_SEES);
    expect(text).toContain(SEALED_FIELD);

    const read = (await db.youths.findOne(youth.id).exec(true)).toJSON();
    expect(read).toMatchObject({ ...CANARIES, notes: `${CANARIES.notes} (modifié)`, rqth: true });
    tracker.detach();
  });

  it('keeps queries, indexes and sorts working on the clear fields', async () => {
    const db = await open(newName(), await testDataKey());
    const mine = buildYouth({ siteId: SITE_SEES, referentId: 'staff-1', status: 'accompagne' });
    await insertDocument(db, 'youths', mine);
    await insertDocument(db, 'youths', buildYouth({ referentId: 'staff-2', status: 'sorti' }));
    const found = await db.youths
      .find({ selector: { referentId: 'staff-1', status: { $ne: 'sorti' } } })
      .exec();
    expect(found.map((doc) => doc.lastName)).toEqual([mine.lastName]);
  });

  it('throws on a query that reads a sealed field instead of matching nothing', async () => {
    const db = await open(newName(), await testDataKey());
    await db.youths.insert(buildYouth({ lastName: 'Martin' }));
    await expect(db.youths.find({ selector: { lastName: 'Martin' } }).exec()).rejects.toThrow(
      /reads sealed field\(s\) lastName/,
    );
    await expect(db.youths.find({ sort: [{ firstName: 'asc' }] }).exec()).rejects.toThrow(
      /sealed field\(s\) firstName/,
    );
  });

  it('cannot be read with another key', async () => {
    const name = newName();
    const first = await open(name, await testDataKey());
    const youth = buildYouth();
    await first.youths.insert(youth);
    await first.close();

    const other = await open(name, await testDataKey());
    const error = await other.youths
      .findOne(youth.id)
      .exec()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SealError);
  });
});

describe('what stays clear on the device', () => {
  it('is what the indexes need, and never a sensitive field', () => {
    for (const name of COLLECTION_NAMES) {
      const { schema, deviceClearFields, sensitiveFields } = COLLECTIONS[name];
      const clear = new Set<string>(deviceClearFields);
      for (const field of keyAndIndexFields(schema as unknown as RxJsonSchema<unknown>))
        expect(clear, `${name}.${field} is indexed`).toContain(field);
      for (const field of sensitiveFields) expect(clear.has(field), `${name}.${field}`).toBe(false);
      for (const field of ['lastName', 'firstName', 'birthDate', 'phone', 'email', 'address'])
        expect(clear.has(field), `${name}.${field}`).toBe(false);
    }
  });
});
