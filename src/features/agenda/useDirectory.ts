/** The staff directory and the sites, live: names for the agenda's lists and selects. */
import { useCallback } from 'react';
import { map } from 'rxjs';
import { useDatabase } from '../../app/DatabaseProvider';
import { useLiveQuery } from '../../db/useLiveQuery';
import type { StaffMember } from '../../domain/schemas/staff';

function byName(a: StaffMember, b: StaffMember): number {
  return a.name.localeCompare(b.name, 'fr');
}

export function useStaffDirectory() {
  const db = useDatabase();
  return useLiveQuery<StaffMember[]>(
    useCallback(
      () =>
        db.staff
          .find()
          .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as StaffMember).sort(byName))),
      [db],
    ),
  );
}

/** Advisers who can receive at a site: active conseillers attached to it. */
export function advisersOf(staff: readonly StaffMember[], siteId: string | undefined) {
  return staff.filter(
    (s) => s.active && s.role === 'conseiller' && (!siteId || s.siteIds.includes(siteId)),
  );
}
