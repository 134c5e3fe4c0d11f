import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createRelaisDatabase, type RelaisDatabase } from '../../db/database';
import { insertDocument } from '../../db/writes';
import { newId } from '../../domain/ids';
import { documentsById } from './documentsById';

let db: RelaisDatabase | undefined;

afterEach(async () => {
  await db?.remove();
  db = undefined;
});

describe('documents by id for the siège', () => {
  it('gives live documents and those deleted meanwhile, marked deleted', async () => {
    db = await createRelaisDatabase({ name: `byid-${newId().slice(-12)}`, actorId: () => 'u1' });
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
