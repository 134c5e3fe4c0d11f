import { firstValueFrom, filter } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../tests/support/database';
import { insertDocument } from '../../db/writes';
import { conflictQueue$ } from './conflictQueue';

const openDatabase = testDatabases();

describe('the conflict queue', () => {
  it('gives each open conflict with the document in conflict and the young person, oldest first', async () => {
    const db = await openDatabase();
    const youth = await insertDocument(db, 'youths', {
      lastName: 'Lefèvre',
      firstName: 'Inès',
      siteId: 's1',
      referentId: '',
      status: 'accompagne',
      phone: '06 39 98 11 11',
    });
    const review = (openedAt: string, status: 'open' | 'resolved') => ({
      kind: 'conflict' as const,
      status,
      targetCollection: 'youths',
      documentId: youth.id,
      field: 'phone',
      youthIds: [youth.id],
      openedAt,
      values: [
        { value: '06 39 98 11 11', by: 'a' },
        { value: '06 39 98 22 22', by: 'b' },
      ],
    });
    const newer = await insertDocument(db, 'reviews', review('2026-11-25T10:00:00.000Z', 'open'));
    const older = await insertDocument(db, 'reviews', review('2026-11-20T10:00:00.000Z', 'open'));
    await insertDocument(db, 'reviews', review('2026-11-19T10:00:00.000Z', 'resolved'));

    const queue = await firstValueFrom(
      conflictQueue$(db).pipe(filter((items) => items.length > 0)),
    );
    expect(queue.map((item) => item.review.id)).toEqual([older.id, newer.id]);
    expect(queue[0]!.target).toMatchObject({ phone: '06 39 98 11 11', _deleted: false });
    expect(queue[0]!.youths.map((y) => y.firstName)).toEqual(['Inès']);
  });
});
