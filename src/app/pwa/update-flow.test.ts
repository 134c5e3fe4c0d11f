import { BehaviorSubject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildYouth } from '../../../tests/support/builders';
import { openTestDatabase } from '../../../tests/support/database';
import type { RelaisDatabase } from '../../db/database';
import { PendingTracker } from '../../sync/pending';
import type { SyncStatus } from '../../sync/replication';
import { applyUpdateSafely, updateBlocker, type UpdateStep } from './update-flow';

describe('when an update may reload the page', () => {
  it('never over a form in progress', () => {
    expect(updateBlocker({ unsavedForms: ['dossier de Inès'], pending: 0, online: true })).toEqual({
      kind: 'unsaved-forms',
      forms: ['dossier de Inès'],
    });
  });

  it('never while changes wait and the server cannot be reached', () => {
    expect(updateBlocker({ unsavedForms: [], pending: 2, online: false })).toEqual({
      kind: 'pending-offline',
      pending: 2,
    });
  });

  it('otherwise yes (pending changes are pushed first when online)', () => {
    expect(updateBlocker({ unsavedForms: [], pending: 0, online: false })).toBeNull();
    expect(updateBlocker({ unsavedForms: [], pending: 3, online: true })).toBeNull();
  });
});

/**
 * The flow with the real pending tracker on a real (fake-indexeddb) database; the network part
 * of the sync engine is replaced by `acknowledgeAll`, which acknowledges like a server would.
 */
describe('applying an update safely', () => {
  let db: RelaisDatabase | undefined;
  let tracker: PendingTracker | undefined;

  afterEach(async () => {
    await tracker?.flush();
    tracker?.detach();
    await db?.remove();
  });

  async function setUp(online: boolean, serverAnswers: boolean) {
    db = await openTestDatabase('staff-1');
    tracker = await PendingTracker.attach(db);
    const youth = await db.youths.insert(buildYouth());
    const status$ = new BehaviorSubject({ online } as SyncStatus);
    const pending = tracker;
    const sync = {
      pending,
      status$,
      async awaitInSync() {
        if (!serverAnswers) return new Promise<void>(() => {});
        pending.acknowledge('youths', [{ id: youth.id, rev: youth.rev }]);
        await pending.flush();
      },
    };
    const steps: UpdateStep[] = [];
    let activated = 0;
    const deps = {
      sync,
      unsavedForms: () => [],
      activate: async () => {
        activated += 1;
      },
      onStep: (step: UpdateStep) => steps.push(step),
      timeoutMs: 50,
    };
    return { deps, steps, activated: () => activated };
  }

  it('sends the waiting change, then activates the new version', async () => {
    const { deps, steps, activated } = await setUp(true, true);
    expect(await applyUpdateSafely(deps)).toBeNull();
    expect(steps).toEqual(['checking', 'sending', 'applying']);
    expect(activated()).toBe(1);
  });

  it('does not activate while the waiting change cannot be sent', async () => {
    const offline = await setUp(false, false);
    expect(await applyUpdateSafely(offline.deps)).toEqual({ kind: 'pending-offline', pending: 1 });
    expect(offline.activated()).toBe(0);
  });

  it('does not activate when the server does not take the change in time', async () => {
    const { deps, activated } = await setUp(true, false);
    expect(await applyUpdateSafely(deps)).toEqual({ kind: 'push-failed', pending: 1 });
    expect(activated()).toBe(0);
  });
});
