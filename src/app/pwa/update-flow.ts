/**
 * When a new version may replace the running one. Reloading onto a new version must never cost
 * anything typed: not a form in progress (its input lives only in this page), and not a change
 * waiting to be sent (the new version may bring a new schema, and the server answers 426 to
 * the old one). So the update waits for saved forms, and pushes what is waiting first; when the
 * server cannot be reached it says so and waits for the network.
 */
import { countPending } from '../../sync/pending';
import type { SyncEngine } from '../../sync/replication';

/** How long the update waits for the pending changes to reach the server. */
export const PUSH_BEFORE_UPDATE_TIMEOUT_MS = 30_000;

export type UpdateBlock =
  | { kind: 'unsaved-forms'; forms: string[] }
  | { kind: 'pending-offline'; pending: number }
  | { kind: 'push-failed'; pending: number };

export type UpdateStep = 'checking' | 'sending' | 'applying';

export function updateBlocker(input: {
  unsavedForms: string[];
  pending: number;
  online: boolean;
}): UpdateBlock | null {
  if (input.unsavedForms.length > 0) return { kind: 'unsaved-forms', forms: input.unsavedForms };
  if (input.pending > 0 && !input.online)
    return { kind: 'pending-offline', pending: input.pending };
  return null;
}

export interface SafeUpdateDeps {
  sync: Pick<SyncEngine, 'awaitInSync' | 'pending' | 'status$'>;
  unsavedForms(): string[];
  activate(): Promise<void>;
  onStep(step: UpdateStep): void;
  timeoutMs?: number;
}

function pendingNow(sync: SafeUpdateDeps['sync']): number {
  return countPending(sync.pending.state);
}

/** Pushes what is waiting, then activates the new version; or says what stands in the way. */
export async function applyUpdateSafely(deps: SafeUpdateDeps): Promise<UpdateBlock | null> {
  const { sync } = deps;
  deps.onStep('checking');
  await sync.pending.flush();
  const before = updateBlocker({
    unsavedForms: deps.unsavedForms(),
    pending: pendingNow(sync),
    online: sync.status$.value.online,
  });
  if (before) return before;

  if (pendingNow(sync) > 0) {
    deps.onStep('sending');
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      sync.awaitInSync(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, deps.timeoutMs ?? PUSH_BEFORE_UPDATE_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    await sync.pending.flush();
    if (pendingNow(sync) > 0) return { kind: 'push-failed', pending: pendingNow(sync) };
    // A form may have been opened while sending.
    const forms = deps.unsavedForms();
    if (forms.length > 0) return { kind: 'unsaved-forms', forms };
  }

  deps.onStep('applying');
  await deps.activate();
  return null;
}
