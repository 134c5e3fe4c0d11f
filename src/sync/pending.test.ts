import { afterEach, describe, expect, it } from 'vitest';
import { buildYouth } from '../../tests/support/builders';
import { testDataKey } from '../../tests/support/database';
import { createRelaisDatabase, type RelaisDatabase } from '../db/database';
import { countPending, countRefused, MAX_UNANSWERED_REVS, PendingTracker } from './pending';

const opened: { db: RelaisDatabase; tracker: PendingTracker }[] = [];

afterEach(async () => {
  for (const { db, tracker } of opened.splice(0)) {
    await tracker.flush();
    tracker.detach();
    await db.remove();
  }
});

/** One key for the whole file: a test reopens the same database. */
const dataKey = testDataKey();

async function open(name = `test-${crypto.randomUUID().replace(/-/g, '')}`) {
  const db = await createRelaisDatabase({
    name,
    dataKey: await dataKey,
    actorId: () => 'staff-1',
    devMode: true,
  });
  const tracker = await PendingTracker.attach(db);
  opened.push({ db, tracker });
  return { db, tracker, name };
}

describe('what is waiting to be sent', () => {
  it('counts local writes per collection until the server acknowledges their revision', async () => {
    const { db, tracker } = await open();
    const first = await db.youths.insert(buildYouth());
    const second = await db.youths.insert(buildYouth());
    await tracker.flush();
    expect(countPending(tracker.state, 'youths')).toBe(2);
    expect(countPending(tracker.state, 'events')).toBe(0);

    const edited = await first.incrementalPatch({ phone: '06 39 98 12 34' });
    await tracker.flush();
    // The push that carried the first revision does not clear the newer edit.
    tracker.acknowledge('youths', [{ id: first.id, rev: first.rev }]);
    await tracker.flush();
    expect(countPending(tracker.state)).toBe(2);

    tracker.acknowledge('youths', [
      { id: edited.id, rev: edited.rev },
      { id: second.id, rev: second.rev },
    ]);
    await tracker.flush();
    expect(countPending(tracker.state)).toBe(0);
  });

  it('keeps refused writes apart, with the reason', async () => {
    const { db, tracker } = await open();
    const youth = await db.youths.insert(buildYouth());
    await tracker.flush();
    tracker.refuse('youths', [{ id: youth.id, code: 'OUT_OF_SCOPE' }]);
    await tracker.flush();
    expect(countPending(tracker.state)).toBe(0);
    expect(countRefused(tracker.state, 'youths')).toBe(1);
    expect(tracker.state.youths[youth.id]?.refused).toBe('OUT_OF_SCOPE');
  });

  it('clears a mark that arrives after the acknowledgement of its write', async () => {
    const { tracker } = await open();
    tracker.acknowledge('youths', [{ id: 'youth-1', rev: 'rev-1' }]);
    await tracker.flush();
    // Another tab's mark of the same write lands late.
    tracker.markChanged('youths', 'youth-1', 'rev-1');
    await tracker.flush();
    await tracker.flush();
    expect(countPending(tracker.state)).toBe(0);
  });

  it('survives closing and reopening the database', async () => {
    const { db, tracker, name } = await open();
    await db.youths.insert(buildYouth());
    await tracker.flush();
    tracker.detach();
    await db.close();
    opened.splice(0);

    const reopened = await open(name);
    expect(countPending(reopened.tracker.state, 'youths')).toBe(1);
  });

  it('remembers the revs pushed without an answer, across a restart, until one is answered', async () => {
    const { db, tracker, name } = await open();
    const v1 = await db.youths.insert(buildYouth());
    await tracker.flush();
    await tracker.recordSent('youths', [{ id: v1.id, rev: v1.rev }]);
    // The answer is lost and the app closes; the adviser edits again after the restart.
    tracker.detach();
    await db.close();
    opened.splice(0);
    const again = await open(name);
    const v2 = await again.db.youths
      .findOne(v1.id)
      .exec(true)
      .then((doc) => doc.incrementalPatch({ phone: '06 39 98 12 34' }));
    await again.tracker.flush();
    expect(again.tracker.lineageOf('youths', v1.id, v2.rev)).toEqual([v1.rev]);

    await again.tracker.recordSent('youths', [{ id: v1.id, rev: v2.rev }]);
    expect(again.tracker.lineageOf('youths', v1.id, v2.rev)).toEqual([v1.rev]);
    // The server answered for v1 (a retry): v1 is the base now, only v2 stays unanswered.
    const v3 = await v2.incrementalPatch({ phone: '06 39 98 56 78' });
    await again.tracker.flush();
    again.tracker.acknowledge('youths', [{ id: v1.id, rev: v1.rev }]);
    await again.tracker.flush();
    expect(again.tracker.lineageOf('youths', v1.id, v3.rev)).toEqual([v2.rev]);
    again.tracker.acknowledge('youths', [{ id: v1.id, rev: v3.rev }]);
    await again.tracker.flush();
    expect(again.tracker.state.youths[v1.id]).toBeUndefined();
  });

  it('remembers a bounded number of unanswered pushes per record', async () => {
    const { db, tracker } = await open();
    let doc = await db.youths.insert(buildYouth());
    const revs: string[] = [];
    for (let i = 0; i < MAX_UNANSWERED_REVS + 5; i += 1) {
      await tracker.flush();
      await tracker.recordSent('youths', [{ id: doc.id, rev: doc.rev }]);
      revs.push(doc.rev);
      doc = await doc.incrementalPatch({ phone: `06 39 98 00 ${String(i).padStart(2, '0')}` });
    }
    await tracker.flush();
    expect(tracker.lineageOf('youths', doc.id, doc.rev)).toEqual(revs.slice(-MAX_UNANSWERED_REVS));
  });
});
