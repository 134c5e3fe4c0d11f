/**
 * A push to a collection the caller's role may not write (the server's own collections, or the
 * sites for anyone but the siège): every row is refused, except a row that only replays the
 * stored revision, which changes nothing. A device re-sends such rows when its replication
 * restarts before it recorded what it had pulled (a tab closed mid-sync, another tab taking
 * over), and refusing them would show a false error.
 */
import type { CollectionName } from '../../../src/domain/collections';
import { unstorableTextIssues } from '../../../src/domain/validation';
import type { Storage } from '../storage/storage';
import { idOf, reject, type PushRow, type RejectedRow } from './push-shape';
import { canSee, type Caller } from './scope';

export async function refuseWritesKeepReplays(
  storage: Storage,
  caller: Caller,
  collection: CollectionName,
  rows: unknown[],
): Promise<RejectedRow[]> {
  const code = collection === 'sites' ? 'FORBIDDEN' : 'READ_ONLY_COLLECTION';
  const rejected: RejectedRow[] = [];
  for (const row of rows) {
    const id = idOf(row);
    const rev = (row as PushRow | null)?.newDocumentState?.rev;
    const lookable = id !== null && unstorableTextIssues(id).length === 0;
    const stored = lookable ? await storage.getDocument(collection, id) : null;
    const replay = stored !== null && canSee(caller, stored.scope) && stored.rev === rev;
    if (!replay) rejected.push(reject(id, code));
  }
  return rejected;
}
