/**
 * Who sees and writes what. Scope always comes from the session, never from the request.
 * - direction and admin see everything;
 * - conseiller and accueil see the dossiers of their sites and those they are référent of, the
 *   documents attached to those dossiers, the workshops and vehicles of their sites, and the
 *   shared directories (sites, staff);
 * - reviews (conflicts, duplicates) are for direction and admin only.
 */
import { COLLECTIONS, isDeviceLog, type CollectionName } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import type { Role } from '../../../src/domain/schemas/staff';
import type { Scope, Visibility } from '../storage/storage';

export interface Caller {
  userId: string;
  role: Role;
  siteIds: string[];
  deviceId: string | null;
  /** The client's address, for the audit log (absent for the server's own work). */
  address?: string | null;
}

export const EVERYONE: Scope = { siteId: null, ownerId: null };

export function seesEverything(caller: Caller): boolean {
  return caller.role === 'direction' || caller.role === 'admin';
}

export function visibilityOf(caller: Caller): Visibility {
  return seesEverything(caller)
    ? { all: true }
    : { all: false, siteIds: caller.siteIds, userId: caller.userId };
}

export function canSee(caller: Caller, scope: Scope): boolean {
  if (seesEverything(caller)) return true;
  if (scope.siteId === null && scope.ownerId === null) return true;
  return (
    (scope.siteId !== null && caller.siteIds.includes(scope.siteId)) ||
    scope.ownerId === caller.userId ||
    (Boolean(scope.interimId) && scope.interimId === caller.userId)
  );
}

export function canReadCollection(caller: Caller, collection: CollectionName): boolean {
  // A device log (the accesses to dossiers) goes to the server only: no device pulls it back.
  if (isDeviceLog(collection)) return false;
  return collection !== 'reviews' || seesEverything(caller);
}

/** Whether the caller's role may write this collection at all (before any scope check). */
export function canWriteCollection(caller: Caller, collection: CollectionName): boolean {
  const policy = COLLECTIONS[collection].writePolicy;
  if (policy === 'server') return false;
  if (policy === 'siege') return seesEverything(caller);
  return true;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The young person a document belongs to, if its collection is attached to one. */
export function youthIdOf(collection: CollectionName, data: PlainDocument): string | null {
  if (collection === 'youths') return text(data.id);
  const field = 'youthField' in COLLECTIONS[collection] ? 'youthId' : undefined;
  return field ? text(data[field]) : null;
}

/**
 * The scope of a dossier: its site de rattachement and its référent, and the colleague who
 * stands in for the référent during a temporary handover (src/domain/rules/handover.ts).
 */
export function youthScope(youth: PlainDocument): Scope {
  const interimId = text(youth.interimReferentId);
  const scope: Scope = { siteId: text(youth.siteId), ownerId: text(youth.referentId) };
  return interimId ? { ...scope, interimId } : scope;
}

/**
 * The scope of a document. Attached documents take the scope of their young person; one pushed
 * before its dossier reached the server is held in its author's scope until the dossier arrives.
 */
export function scopeOf(
  collection: CollectionName,
  data: PlainDocument,
  youth: Scope | undefined,
  authorId: string,
): Scope {
  if (collection === 'youths') return youthScope(data);
  if (youthIdOf(collection, data)) return youth ?? { siteId: null, ownerId: authorId };
  if (collection === 'workshops' || collection === 'mobility' || collection === 'reviews') {
    return { siteId: text(data.siteId), ownerId: null };
  }
  return EVERYONE;
}

export function sameScope(a: Scope, b: Scope): boolean {
  return (
    a.siteId === b.siteId &&
    a.ownerId === b.ownerId &&
    (a.interimId ?? null) === (b.interimId ?? null)
  );
}
