/**
 * What the portefeuille reads from the device's database, live: the dossiers, then the day of
 * each young person's last contact and the dispositif running today. The two last queries start
 * once the dossiers are shown, so a large caseload appears without waiting for every event.
 */
import { useCallback } from 'react';
import { map } from 'rxjs';
import { useDatabase } from '../../app/database-context';
import { useLiveQuery } from '../../db/useLiveQuery';
import { lastContactByYouth } from '../../domain/rules/contact';
import { dispositifOn } from '../../domain/rules/dispositif';
import type { PathwayRecord } from '../../domain/schemas/pathway';
import type { Youth } from '../../domain/schemas/youth';
import type { Programme } from './search';

export function useCaseload() {
  const db = useDatabase();
  return useLiveQuery<Youth[]>(
    useCallback(
      () =>
        db.youths
          .find({ selector: { mergedInto: { $exists: false } } })
          .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as Youth))),
      [db],
    ),
  );
}

/** Day of the last contact of each young person on this device. */
export function useLastContacts(enabled: boolean) {
  const db = useDatabase();
  return useLiveQuery<Map<string, string>>(
    useCallback(
      () =>
        enabled ? db.events.find().$.pipe(map((docs) => lastContactByYouth(docs))) : undefined,
      [db, enabled],
    ),
  );
}

/** The dispositif (CEJ or PACEA) each young person is in on `day`. */
export function useCurrentProgrammes(enabled: boolean, day: string) {
  const db = useDatabase();
  return useLiveQuery<Map<string, Programme>>(
    useCallback(
      () =>
        enabled
          ? db.pathway.find({ selector: { kind: 'dispositif' } }).$.pipe(
              map((docs) => {
                const byYouth = new Map<string, PathwayRecord[]>();
                for (const doc of docs) {
                  const list = byYouth.get(doc.youthId) ?? [];
                  list.push(doc.toJSON() as PathwayRecord);
                  byYouth.set(doc.youthId, list);
                }
                const programmes = new Map<string, Programme>();
                for (const [youthId, list] of byYouth) {
                  const running = dispositifOn(list, day)?.programme;
                  if (running) programmes.set(youthId, running);
                }
                return programmes;
              }),
            )
          : undefined,
      [db, enabled, day],
    ),
  );
}
