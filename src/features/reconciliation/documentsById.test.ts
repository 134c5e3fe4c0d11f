import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../tests/support/database';
import { insertDocument } from '../../db/writes';
import { documentsById } from './documentsById';

const openDatabase = testDatabases();

describe('documents by id for the siège', () => {
  it('gives live documents and those deleted meanwhile, marked deleted', async () => {
    const db = await openDatabase();
    const fields = {
      lastName: 'Lefèvre',
      siteId: 's1',
      referentId: '',
      status: 'accompagne',
    } as const;
    const kept = await insertDocument(db, 'youths', { ...fields, firstName: 'Inès' });
    const gone = await insertDocument(db, 'youths', { ...fields, firstName: 'Kévin' });
    await (await db.youths.findOne(gone.id).exec(true)).remove();

    const found = await firstValueFrom(documentsById(db, 'youths', [kept.id, gone.id]));
    expect(found.get(kept.id)).toMatchObject({ firstName: 'Inès', _deleted: false });
    expect(found.get(gone.id)).toMatchObject({ firstName: 'Kévin', _deleted: true });
  });
});
