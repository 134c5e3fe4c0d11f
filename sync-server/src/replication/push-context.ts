/**
 * What the stages of one push share (push.ts): the transaction, the caller, the states read and
 * written so far, the reviews it opens, and what it answers.
 */
import type { CollectionName, WireDocument } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import type {
  AuditEntry,
  DocumentWrite,
  Scope,
  StoredDocument,
  WriteTransaction,
} from '../storage/storage';
import { auditBy, youthOfDocument } from '../audit/entries';
import type { ConflictRecorder } from './conflicts';
import { SERVER_ACTOR } from './conflicts';
import { documentWrite, restampAttached } from './document-write';
import type { RejectedRow } from './push-shape';
import { youthScope, type Caller } from './scope';

export interface PushContext {
  tx: WriteTransaction;
  caller: Caller;
  collection: CollectionName;
  now: Date;
  /** Stored states of the pushed ids, updated as rows are written. */
  stored: Map<string, StoredDocument>;
  /** Scopes of the dossiers the pushed documents belong to. */
  youthScopes: Map<string, Scope>;
  /** Those of these dossiers that were erased (push-erased.ts). */
  erasedYouths: Set<string>;
  writes: DocumentWrite[];
  recorder: ConflictRecorder;
  audit: AuditEntry[];
  /** Master states the device must adopt. */
  conflicts: WireDocument[];
  rejected: RejectedRow[];
}

export function writeState(
  ctx: PushContext,
  state: PlainDocument,
  scope: Scope,
  previous: StoredDocument | undefined,
): DocumentWrite {
  const written = documentWrite(ctx.collection, state, scope, previous, {
    writtenBy: ctx.caller.userId,
    deviceId: ctx.caller.deviceId,
  });
  ctx.writes.push(written);
  return written;
}

/** When a dossier changes scope (or arrives after its documents), its documents follow it. */
export async function restampYouth(ctx: PushContext, youthId: string, scope: Scope): Promise<void> {
  ctx.writes.push(
    ...(await restampAttached(ctx.tx, youthId, scope, {
      writtenBy: SERVER_ACTOR,
      deviceId: ctx.caller.deviceId,
    })),
  );
}

export async function youthScopeOf(
  ctx: PushContext,
  youthId: string | undefined,
): Promise<Scope | undefined> {
  if (!youthId) return undefined;
  if (!ctx.youthScopes.has(youthId)) {
    const youth = (await ctx.tx.getDocuments('youths', [youthId])).get(youthId);
    if (youth) ctx.youthScopes.set(youthId, youthScope(youth.data));
  }
  return ctx.youthScopes.get(youthId);
}

/** The audit row of one pushed document, naming its dossier. */
export function auditEntry(
  ctx: PushContext,
  action: string,
  documentId: string,
  document?: PlainDocument,
  details?: unknown,
): AuditEntry {
  const youthId = document ? youthOfDocument(ctx.collection, document) : undefined;
  return auditBy(ctx.caller, ctx.now.toISOString(), action, {
    collection: ctx.collection,
    documentId,
    ...(youthId ? { youthIds: [youthId] } : {}),
    details,
  });
}
