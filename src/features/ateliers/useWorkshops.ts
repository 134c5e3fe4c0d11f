/**
 * The catalogue and the sessions, live from the device's database (so the screens work with the
 * network cut), and the writes of the ateliers screens: plan sessions, cancel one, keep the
 * catalogue. Writes go to RxDB; replication pushes them as usual.
 */
import { useCallback, useMemo } from 'react';
import { map } from 'rxjs';
import { useDatabase } from '../../app/DatabaseProvider';
import { insertDocument, patchDocument, type NewDocument } from '../../db/writes';
import { useLiveQuery } from '../../db/useLiveQuery';
import type { Workshop } from '../../domain/schemas/workshop';
import { addDays } from '../../domain/time';

function byStart(a: Workshop, b: Workshop): number {
  return (a.start ?? '').localeCompare(b.start ?? '') || a.title.localeCompare(b.title, 'fr');
}

/** The catalogue of actions, by title. */
export function useActions() {
  const db = useDatabase();
  return useLiveQuery<Workshop[]>(
    useCallback(
      () =>
        db.workshops
          .find({ selector: { kind: 'action' } })
          .$.pipe(
            map((docs) =>
              docs
                .map((d) => d.toJSON() as Workshop)
                .sort((a, b) => a.title.localeCompare(b.title, 'fr')),
            ),
          ),
      [db],
    ),
  );
}

/** Sessions starting from `from` for `days` days, by start. */
export function useSessions(from: string, days: number) {
  const db = useDatabase();
  return useLiveQuery<Workshop[]>(
    useCallback(
      () =>
        db.workshops.find({ selector: { start: { $gte: from, $lt: addDays(from, days) } } }).$.pipe(
          map((docs) =>
            docs
              .map((d) => d.toJSON() as Workshop)
              .filter((w) => w.kind !== 'action')
              .sort(byStart),
          ),
        ),
      [db, from, days],
    ),
  );
}

export function useWorkshopActions() {
  const db = useDatabase();
  return useMemo(
    () => ({
      async planSessions(sessions: readonly NewDocument<'workshops'>[]) {
        for (const session of sessions) await insertDocument(db, 'workshops', session);
      },
      async cancelSession(id: string, reason: string) {
        await patchDocument(db, 'workshops', id, {
          cancelled: true,
          cancellationReason: reason.trim(),
        });
      },
      async saveAction(action: NewDocument<'workshops'>, id?: string) {
        if (id) await patchDocument(db, 'workshops', id, action);
        else await insertDocument(db, 'workshops', action);
      },
    }),
    [db],
  );
}
