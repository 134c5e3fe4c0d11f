/** The staff directory and the sites, live, for names on the siège's screens. */
import { useCallback } from 'react';
import { combineLatest, map } from 'rxjs';
import { useDatabase } from '../../app/DatabaseProvider';
import { useLiveQuery } from '../../db/useLiveQuery';
import type { Site } from '../../domain/schemas/site';
import type { StaffMember } from '../../domain/schemas/staff';

export interface Directory {
  staff: Map<string, StaffMember>;
  sites: Map<string, Site>;
}

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
