/** The shared directories on the device, live: the sites and the staff (names of advisers). */
import { useCallback } from 'react';
import { map } from 'rxjs';
import { useDatabase } from '../../app/database-context';
import { useLiveQuery } from '../../db/useLiveQuery';
import type { Site } from '../../domain/schemas/site';
import type { StaffMember } from '../../domain/schemas/staff';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');

export function useSites() {
  const db = useDatabase();
  return useLiveQuery<Site[]>(
    useCallback(
      () => db.sites.find().$.pipe(map((docs) => docs.map((d) => d.toJSON() as Site).sort(byName))),
      [db],
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

/** Names by id, for showing who wrote what ("Camille Martin") without one query per line. */
export function namesById(list: readonly { id: string; name: string }[] | undefined) {
  return new Map((list ?? []).map((item) => [item.id, item.name]));
}
