/**
 * Who sees and writes what. Scope always comes from the session, never from the request.
 * - direction and admin see everything;
 * - conseiller and accueil see the dossiers of their sites and those they are référent of, the
 *   documents attached to those dossiers, the workshops and vehicles of their sites, and the
 *   shared directories (sites, staff);
 * - reviews (conflicts, duplicates) are for direction and admin only;
 * - atelier-mob (the partner association that keeps the vehicles, issue 16) sees the fleet and
 *   every loan, the directories, and of the dossiers only those of young people who borrow, cut
 *   down to their identity and contact (src/domain/rules/visibility.ts) — whatever sites its
 *   account names; it writes vehicles and loans only.
 * Vehicles and their calendars are the whole Mission Locale's: any permanence may lend them.
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

/** The Atelier Mob's staff: a partner association, not the Mission Locale's (issue 16). */
export function isMobilityPartner(caller: Pick<Caller, 'role'>): boolean {
  return caller.role === 'atelier-mob';
}

/** What the Atelier Mob reads: the fleet and loans, the borrowers, the directories. */
const PARTNER_COLLECTIONS: readonly CollectionName[] = ['mobility', 'youths', 'sites', 'staff'];

/**
 * Whether the caller receives only the dossiers of young people who borrow a vehicle (pull.ts
 * and hub.ts filter them, redaction.ts cuts them down to identity and contact).
 */
export function seesBorrowersOnly(caller: Caller, collection: CollectionName): boolean {
  return isMobilityPartner(caller) && collection === 'youths';
}

export function visibilityOf(caller: Caller, collection?: CollectionName): Visibility {
  if (seesEverything(caller)) return { all: true };
  if (isMobilityPartner(caller)) {
    // Every loan and vehicle; every dossier, filtered down to the borrowers after reading.
    if (collection === 'mobility' || collection === 'youths') return { all: true };
    return { all: false, siteIds: [], userId: caller.userId };
  }
  return { all: false, siteIds: caller.siteIds, userId: caller.userId };
}

export function canSee(caller: Caller, scope: Scope): boolean {
  if (seesEverything(caller)) return true;
  if (scope.siteId === null && scope.ownerId === null) return true;
  // A partner's account sees no site's dossiers, whatever sites it names.
  if (isMobilityPartner(caller)) return false;
  return (
    (scope.siteId !== null && caller.siteIds.includes(scope.siteId)) ||
    scope.ownerId === caller.userId ||
    (Boolean(scope.interimId) && scope.interimId === caller.userId)
  );
}

/**
 * Whether the caller may see a document of this collection in this scope: its scope, except
 * that the Atelier Mob sees every loan whoever's dossier it belongs to.
 */
export function canSeeIn(caller: Caller, collection: CollectionName, scope: Scope): boolean {
  if (isMobilityPartner(caller) && collection === 'mobility') return true;
  return canSee(caller, scope);
}

export function canReadCollection(caller: Caller, collection: CollectionName): boolean {
  // A device log (the accesses to dossiers) goes to the server only: no device pulls it back.
  if (isDeviceLog(collection)) return false;
  if (isMobilityPartner(caller)) return PARTNER_COLLECTIONS.includes(collection);
  return collection !== 'reviews' || seesEverything(caller);
}

/** Whether the caller's role may write this collection at all (before any scope check). */
export function canWriteCollection(caller: Caller, collection: CollectionName): boolean {
  if (isMobilityPartner(caller)) return collection === 'mobility';
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
  // A vehicle and its calendar: any permanence may lend it (a loan has its dossier's scope).
  if (collection === 'mobility') return EVERYONE;
  if (collection === 'workshops' || collection === 'reviews') {
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
