/**
 * Handing dossiers over to a colleague (issue 18; the rules in src/domain/rules/handover.ts).
 * A handover is a server operation, made online: the server rewrites each dossier (référent, or
 * the colleague standing in, and the handover record) and its upcoming rendez-vous (adviser) as
 * its own writes with new revisions, in one transaction. Devices receive them through the usual
 * pull and stream: the scope of a dossier follows its référent and interim référent
 * (replication/scope.ts), so the colleague's devices receive the dossier with its documents and
 * the former référent's devices receive removals. What a former référent typed offline
 * meanwhile is refused on push and kept in a review (replication/left-scope.ts).
 */
import { newId, newRev } from '../../../src/domain/ids';
import type { PlainDocument } from '../../../src/domain/merge';
import { RelaisError } from '../../../src/domain/errors';
import {
  appointmentFollows,
  applyHandover,
  handoverCalendarChange,
  handoverProblem,
  MAX_HANDOVER_DOSSIERS,
  type HandoverDraft,
  type HandoverTarget,
} from '../../../src/domain/rules/handover';
import type { Appointment } from '../../../src/domain/schemas/appointment';
import type { HandoverRecord, Youth } from '../../../src/domain/schemas/youth';
import { nowLocal, today as todayOf, type Clock } from '../../../src/domain/time';
import { validateDocument } from '../../../src/domain/validation';
import { auditBy, SERVER_ADDRESS } from '../audit/entries';
import type { DailyJob } from '../jobs/daily';
import { SERVER_ACTOR } from '../replication/conflicts';
import { documentWrite, type Provenance } from '../replication/document-write';
import { sameScope, youthScope, type Caller } from '../replication/scope';
import type {
  Account,
  DocumentWrite,
  Storage,
  StoredDocument,
  WriteTransaction,
} from '../storage/storage';

export interface HandoverRequest extends HandoverDraft {
  youthIds: string[];
}

export interface HandoverOutcome {
  written: StoredDocument[];
  summary: {
    handoverId: string;
    dossiers: number;
    /** Upcoming rendez-vous that now go to the colleague. */
    appointments: number;
  };
}

function targetOf(account: Account | null): HandoverTarget | undefined {
  return account
    ? { id: account.id, role: account.role, active: !account.disabled, siteIds: account.siteIds }
    : undefined;
}

function plain(document: StoredDocument): PlainDocument {
  return { ...document.data, _deleted: document.deleted };
}

/** A state the server writes: new rev, its author and time. */
function stamped(data: PlainDocument, by: string, at: string): PlainDocument {
  return { ...data, rev: newRev(), updatedAt: at, updatedBy: by, _deleted: false };
}

function assertValid(collection: 'youths' | 'appointments', data: PlainDocument): void {
  const { _deleted: _d, ...fields } = data;
  const result = validateDocument(collection, fields);
  if (!result.valid) throw new RelaisError('VALIDATION_FAILED', undefined, result.issues);
}

/**
 * The writes that move one dossier to its new state: the dossier, its documents restamped with
 * its new scope, and the rendez-vous that follow the handover given to the colleague.
 */
async function dossierWrites(
  tx: WriteTransaction,
  stored: StoredDocument,
  next: Youth,
  follows: ((appointment: Appointment) => boolean) | undefined,
  toId: string,
  provenance: Provenance,
  at: string,
): Promise<{ writes: DocumentWrite[]; appointments: number }> {
  const state = stamped(next as unknown as PlainDocument, provenance.writtenBy, at);
  assertValid('youths', state);
  const scope = youthScope(state);
  const writes = [documentWrite('youths', state, scope, stored, provenance)];
  let appointments = 0;
  for (const attached of await tx.getAttachedDocuments([stored.id])) {
    const moves =
      follows !== undefined &&
      attached.collection === 'appointments' &&
      !attached.deleted &&
      attached.data.staffId !== toId &&
      follows(attached.data as unknown as Appointment);
    if (moves) {
      const moved = stamped({ ...attached.data, staffId: toId }, provenance.writtenBy, at);
      assertValid('appointments', moved);
      writes.push(documentWrite('appointments', moved, scope, attached, provenance));
      appointments += 1;
    } else if (!sameScope(attached.scope, scope)) {
      writes.push(documentWrite(attached.collection, plain(attached), scope, attached, provenance));
    }
  }
  return { writes, appointments };
}

/** Hands the dossiers over as the caller asks, or throws the rule's refusal (a 4xx). */
export async function handOver(
  storage: Storage,
  caller: Caller,
  request: HandoverRequest,
  clock: Clock,
): Promise<HandoverOutcome> {
  const now = clock.now();
  const at = now.toISOString();
  const today = todayOf(clock);
  const youthIds = [...new Set(request.youthIds)];
  if (youthIds.length > MAX_HANDOVER_DOSSIERS) throw new RelaisError('TOO_MANY_ROWS');
  const target = targetOf(await storage.getAccount(request.toId));
  return storage.write(async (tx) => {
    const found = await tx.getDocuments('youths', youthIds);
    const dossiers: StoredDocument[] = [];
    for (const id of youthIds) {
      const stored = found.get(id);
      if (!stored || stored.deleted || stored.data.mergedInto) {
        throw new RelaisError('HANDOVER_DOSSIER_UNKNOWN');
      }
      dossiers.push(stored);
    }
    const youths = dossiers.map((stored) => stored.data as unknown as Youth);
    const problem = handoverProblem({
      actor: { id: caller.userId, role: caller.role },
      dossiers: youths,
      target,
      draft: request,
      today,
    });
    if (problem) throw new RelaisError(problem);

    const handoverId = newId();
    const provenance = { writtenBy: caller.userId, deviceId: caller.deviceId };
    const local = nowLocal(clock);
    const writes: DocumentWrite[] = [];
    let appointments = 0;
    for (const [i, stored] of dossiers.entries()) {
      const youth = youths[i]!;
      const record: HandoverRecord = {
        id: handoverId,
        kind: request.kind,
        fromId: youth.referentId,
        toId: target!.id,
        byId: caller.userId,
        at,
        startDate: request.kind === 'temporaire' ? request.startDate! : today,
        ...(request.kind === 'temporaire' ? { endDate: request.endDate! } : {}),
        reason: request.reason.trim(),
      };
      const next = applyHandover(youth, record, target!, today);
      const dossier = await dossierWrites(
        tx,
        stored,
        next,
        (appointment) => appointmentFollows(appointment, record, local),
        target!.id,
        provenance,
        at,
      );
      writes.push(...dossier.writes);
      appointments += dossier.appointments;
    }
    const written = await tx.putDocuments(writes);
    // Ids, codes and counts only: the motif stays in the dossiers (audit/entries.ts).
    await tx.appendAudit([
      auditBy(caller, at, 'handover', {
        collection: 'youths',
        documentId: handoverId,
        youthIds,
        details: {
          kind: request.kind,
          toId: target!.id,
          fromIds: [...new Set(youths.map((youth) => youth.referentId))],
          ...(request.kind === 'temporaire'
            ? { startDate: request.startDate, endDate: request.endDate }
            : {}),
          dossiers: youthIds.length,
          appointments,
        },
      }),
    ]);
    return { written, summary: { handoverId, dossiers: youthIds.length, appointments } };
  });
}

const PAGE = 1000;

/**
 * The daily job's part (jobs/daily.ts): ends the temporary handovers whose last day has passed
 * (the référent alone has the dossier again; the colleague's devices receive removals) and
 * starts those whose first day has come. Returns what it wrote, for the streams.
 */
export async function applyHandoverCalendar(
  storage: Storage,
  clock: Clock,
): Promise<{ ended: number; started: number; written: StoredDocument[] }> {
  const today = todayOf(clock);
  const at = clock.now().toISOString();
  const due: StoredDocument[] = [];
  for (let seq = 0; ;) {
    const rows = await storage.pull('youths', seq, PAGE, { all: true });
    if (rows.length === 0) break;
    for (const { document } of rows) {
      if (!document.deleted && handoverCalendarChange(document.data as unknown as Youth, today)) {
        due.push(document);
      }
    }
    seq = rows.at(-1)!.document.seq;
  }
  if (due.length === 0) return { ended: 0, started: 0, written: [] };
  const provenance = { writtenBy: SERVER_ACTOR, deviceId: null };
  return storage.write(async (tx) => {
    const current = await tx.getDocuments(
      'youths',
      due.map((document) => document.id),
    );
    const writes: DocumentWrite[] = [];
    let ended = 0;
    let started = 0;
    for (const stored of current.values()) {
      if (stored.deleted) continue;
      const youth = stored.data as unknown as Youth;
      const next = handoverCalendarChange(youth, today);
      if (!next) continue;
      if (next.interimReferentId) started += 1;
      else ended += 1;
      const dossier = await dossierWrites(tx, stored, next, undefined, '', provenance, at);
      writes.push(...dossier.writes);
    }
    const written = await tx.putDocuments(writes);
    await tx.appendAudit([
      {
        at,
        userId: null,
        deviceId: null,
        address: SERVER_ADDRESS,
        action: 'handover-calendar',
        collection: 'youths',
        documentId: null,
        youthIds: [...current.keys()],
        details: { ended, started },
      },
    ]);
    return { ended, started, written };
  });
}

/** The daily job: the temporary handovers' calendar, published to the open streams. */
export function handoverJob(
  storage: Storage,
  clock: Clock,
  publish: (written: StoredDocument[]) => void = () => undefined,
): DailyJob {
  return {
    name: 'passations',
    run: async () => {
      const outcome = await applyHandoverCalendar(storage, clock);
      publish(outcome.written);
      return outcome;
    },
  };
}
