/**
 * The directories every screen shares, live from the device's database: the sites (synced down
 * from the siège) and the staff (names of advisers). One order everywhere: the siège first, then
 * the permanences by kind, then by name; staff by name.
 */
import { useCallback } from 'react';
import { combineLatest, map } from 'rxjs';
import { useDatabase } from '../../app/database-context';
import { useLiveQuery } from '../../db/useLiveQuery';
import { SITE_KINDS, type Site } from '../../domain/schemas/site';
import type { StaffMember } from '../../domain/schemas/staff';

function bySiteOrder(a: Site, b: Site): number {
  return (
    SITE_KINDS.indexOf(a.kind) - SITE_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name, 'fr')
  );
}

function byName(a: StaffMember, b: StaffMember): number {
  return a.name.localeCompare(b.name, 'fr');
}

export function useSites() {
  const db = useDatabase();
  return useLiveQuery<Site[]>(
    useCallback(
      () =>
        db.sites
          .find()
          .$.pipe(map((docs) => docs.map((d) => d.toJSON() as Site).sort(bySiteOrder))),
      [db],
    ),
  );
}

export function useSite(id: string | undefined) {
  const db = useDatabase();
  return useLiveQuery<Site | null>(
    useCallback(
      () =>
        id
          ? db.sites.findOne(id).$.pipe(map((doc) => (doc ? (doc.toJSON() as Site) : null)))
          : undefined,
      [db, id],
    ),
  );
}

export function useStaff() {
  const db = useDatabase();
  return useLiveQuery<StaffMember[]>(
    useCallback(
      () =>
        db.staff
          .find()
          .$.pipe(map((docs) => docs.map((d) => d.toJSON() as StaffMember).sort(byName))),
      [db],
    ),
  );
}

export interface Directory {
  staff: Map<string, StaffMember>;
  sites: Map<string, Site>;
}

/** Staff and sites by id, for names on the siège's screens. */
export function useDirectory() {
  const db = useDatabase();
  return useLiveQuery<Directory>(
    useCallback(
      () =>
        combineLatest([db.staff.find().$, db.sites.find().$]).pipe(
          map(([staff, sites]) => ({
            staff: new Map(staff.map((doc) => [doc.id, doc.toJSON() as StaffMember])),
            sites: new Map(sites.map((doc) => [doc.id, doc.toJSON() as Site])),
          })),
        ),
      [db],
    ),
  );
}

/** Names by id, for showing who wrote what ("Camille Martin") without one query per line. */
export function namesById(list: readonly { id: string; name: string }[] | undefined) {
  return new Map((list ?? []).map((item) => [item.id, item.name]));
}

/** Advisers who can receive at a site: active conseillers attached to it. */
export function advisersOf(staff: readonly StaffMember[], siteId: string | undefined) {
  return staff.filter(
    (s) => s.active && s.role === 'conseiller' && (!siteId || s.siteIds.includes(siteId)),
  );
}
