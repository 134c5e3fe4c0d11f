import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../tests/support/database';
import { findIncludingDeleted } from './deleted';
import { insertDocument } from './writes';

const openDatabase = testDatabases();

describe('reading documents including deleted ones', () => {
  it('finds a deleted dossier with its fields, and says it is deleted', async () => {
    const db = await openDatabase();
    const youth = await insertDocument(db, 'youths', {
      lastName: 'Lefèvre',
      firstName: 'Inès',
      siteId: 's1',
      referentId: '',
      status: 'accompagne',
    });
    const kept = await insertDocument(db, 'youths', {
      lastName: 'Martin',
      firstName: 'Kévin',
      siteId: 's1',
      referentId: '',
      status: 'accompagne',
    });
    await (await db.youths.findOne(youth.id).exec(true)).remove();

    const found = await findIncludingDeleted(db, 'youths', [youth.id, kept.id, 'inconnu']);
    expect(found.get(youth.id)).toMatchObject({ firstName: 'Inès', _deleted: true });
    expect(found.get(kept.id)).toMatchObject({ firstName: 'Kévin', _deleted: false });
    expect(found.has('inconnu')).toBe(false);
    expect(Object.keys(found.get(youth.id)!)).not.toContain('_meta');
  });
});
