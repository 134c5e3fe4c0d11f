/**
 * What a device still held unsent when it learnt it was revoked (or its account disabled),
 * handed over before it wipes itself (design.md, Security). The device is no longer trusted, so
 * nothing is written to the documents; nothing is dropped either: every change is kept in a
 * review for the siège, as for a write whose document left its author's scope (left-scope.ts),
 * and keeping it there writes it. A row about a record its author never had is refused, so a
 * revoked device cannot fill the siège's queue with other people's dossiers.
 */
import { isCollectionName, type CollectionName } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import type { Clock } from '../../../src/domain/time';
import { unstorableTextIssues, validateDocument } from '../../../src/domain/validation';
import type { Storage, StoredDocument, WriteTransaction } from '../storage/storage';
import { youthOfDocument } from '../audit/entries';
import { ConflictRecorder } from './conflicts';
import { changedFields, hadDossier } from './left-scope';
import { withSessionAuthorship } from './push-authorship';
import { canSee, canSeeIn, canWriteCollection, youthIdOf, youthScope, type Caller } from './scope';
import { splitDeleted } from './wire';

export interface SurrenderedRow {
  collection: string;
  document: unknown;
}

export interface SurrenderOutcome {
  /** Rows kept in a review. */
  kept: number;
  /** Rows the server already holds as they are. */
  unchanged: number;
  /** Rows refused: invalid, or about what their author never had. */
  refused: number;
  written: StoredDocument[];
  /** The dossiers of the rows kept, for the audit log. */
  youthIds: string[];
}

type Verdict = 'kept' | 'unchanged' | 'refused';

async function authorHad(
  tx: WriteTransaction,
  caller: Caller,
  collection: CollectionName,
  incoming: PlainDocument,
  stored: StoredDocument | undefined,
): Promise<boolean> {
  if (stored && canSeeIn(caller, collection, stored.scope)) return true;
  const youthId = youthIdOf(collection, incoming);
  if (!youthId) return !stored;
  const youth = (await tx.getDocuments('youths', [youthId])).get(youthId);
  if (!youth) return collection === 'youths' && canSee(caller, youthScope(incoming));
  return canSeeIn(caller, collection, youth.scope) || (await hadDossier(tx, caller, youthId));
}

async function keepRow(
  tx: WriteTransaction,
  caller: Caller,
  recorder: ConflictRecorder,
  row: SurrenderedRow,
): Promise<Verdict> {
  const { collection } = row;
  if (!isCollectionName(collection) || !canWriteCollection(caller, collection)) return 'refused';
  if (typeof row.document !== 'object' || row.document === null) return 'refused';
  if (unstorableTextIssues(row.document).length > 0) return 'refused';
  const { data, deleted } = splitDeleted(row.document as PlainDocument);
  if (!validateDocument(collection, data).valid) return 'refused';
  const id = String(data.id);
  const stored = (await tx.getDocuments(collection, [id])).get(id);
  // Who wrote it comes from the device's account, as in a push (push-authorship.ts).
  const incoming = withSessionAuthorship(
    caller,
    collection,
    { ...data, _deleted: deleted },
    stored,
  );
  if (!(await authorHad(tx, caller, collection, incoming, stored))) return 'refused';
  if (stored) {
    const current = { ...stored.data, _deleted: stored.deleted };
    const changed = changedFields(collection, current, incoming, stored);
    if (changed.length === 0) return 'unchanged';
    await recorder.record(collection, stored, incoming, changed);
    return 'kept';
  }
  const youthId = youthIdOf(collection, incoming);
  const youth = youthId ? (await tx.getDocuments('youths', [youthId])).get(youthId) : undefined;
  const scope = youth?.scope ?? youthScope(collection === 'youths' ? incoming : {});
  await recorder.recordCreation(collection, incoming, scope);
  return 'kept';
}

export async function keepSurrenderedRows(
  storage: Storage,
  caller: Caller,
  rows: SurrenderedRow[],
  clock: Clock,
): Promise<SurrenderOutcome> {
  return storage.write(async (tx) => {
    const recorder = new ConflictRecorder(tx, caller, clock.now().toISOString());
    const counts = { kept: 0, unchanged: 0, refused: 0 };
    const youthIds = new Set<string>();
    for (const row of rows) {
      const verdict = await keepRow(tx, caller, recorder, row);
      counts[verdict] += 1;
      const document = row.document as PlainDocument | null;
      const youthId = verdict === 'kept' && document && youthOfDocument(row.collection, document);
      if (youthId) youthIds.add(youthId);
    }
    const written = await tx.putDocuments(recorder.writes());
    return { ...counts, written, youthIds: [...youthIds] };
  });
}
