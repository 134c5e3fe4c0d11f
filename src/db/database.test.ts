import { describe, expect, it } from 'vitest';
import { buildYouth } from '../../tests/support/builders';
import { testDatabases } from '../../tests/support/database';
import { fixedClock } from '../domain/time';

const openDatabase = testDatabases();

function open(actor = 'staff-1') {
  return openDatabase(actor, fixedClock('2026-11-26T09:00:00.000Z'));
}

describe('device database', () => {
  it('opens every collection of the domain', async () => {
    const database = await open();
    expect(Object.keys(database.collections).sort()).toEqual([
      'accesses',
      'appointments',
      'attendances',
      'events',
      'mobility',
      'pathway',
      'reviews',
      'sites',
      'staff',
      'workshops',
      'youths',
    ]);
  });

  it('stamps a new rev, the time and the author on every local write', async () => {
    const database = await open('conseiller-7');
    const youth = buildYouth({ rev: 'given-by-caller' });
    const doc = await database.youths.insert(youth);
    expect(doc.rev).not.toBe('given-by-caller');
    expect(doc.updatedBy).toBe('conseiller-7');
    expect(doc.updatedAt).toBe('2026-11-26T09:00:00.000Z');

    const patched = await doc.incrementalPatch({ phone: '06 39 98 12 34' });
    expect(patched.rev).not.toBe(doc.rev);

    const removed = await patched.incrementalRemove();
    expect(removed.rev).not.toBe(patched.rev);
  });

  it('refuses a document that breaks the schema', async () => {
    const database = await open();
    await expect(
      database.youths.insert({ ...buildYouth(), status: 'inconnu' as never }),
    ).rejects.toThrow();
    expect(await database.youths.count().exec()).toBe(0);
  });
});
