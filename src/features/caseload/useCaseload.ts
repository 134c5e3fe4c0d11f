/** The dossiers on this device, sorted by name, live. */
import { useCallback } from 'react';
import { map } from 'rxjs';
import { useDatabase } from '../../app/DatabaseProvider';
import { useLiveQuery } from '../../db/useLiveQuery';
import type { Youth } from '../../domain/schemas/youth';

function byName(a: Youth, b: Youth): number {
  return a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr');
}

export function useCaseload() {
  const db = useDatabase();
  return useLiveQuery<Youth[]>(
    useCallback(
      () =>
        db.youths
          .find({ selector: { mergedInto: { $exists: false } } })
          .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as Youth).sort(byName))),
      [db],
    ),
  );
}
