/** The sites on this device (synced down from the siège), live: siège first, then by name. */
import { useCallback } from 'react';
import { map } from 'rxjs';
import { useDatabase } from '../../app/DatabaseProvider';
import { useLiveQuery } from '../../db/useLiveQuery';
import { SITE_KINDS, type Site } from '../../domain/schemas/site';

export function bySiteOrder(a: Site, b: Site): number {
  return (
    SITE_KINDS.indexOf(a.kind) - SITE_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name, 'fr')
  );
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
