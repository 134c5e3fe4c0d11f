/**
 * The rendez-vous of a period (a day or a week), for one site and/or one adviser, with the young
 * people they concern, live. Read from the device, so the agenda works with the network cut.
 */
import { useCallback } from 'react';
import { map, switchMap } from 'rxjs';
import { useDatabase } from '../../app/DatabaseProvider';
import { useLiveQuery } from '../../db/useLiveQuery';
import { byStart } from '../../domain/rules/appointments';
import type { Appointment } from '../../domain/schemas/appointment';
import type { Youth } from '../../domain/schemas/youth';
import { addDays } from '../../domain/time';
import { fullName } from '../../domain/rules/names';

export interface AgendaFilter {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Number of days (1 for a day, 7 for a week). */
  days: number;
  siteId?: string;
  staffId?: string;
}

export interface AgendaData {
  appointments: Appointment[];
  youths: ReadonlyMap<string, Youth>;
}

export function useAgendaAppointments(filter: AgendaFilter) {
  const db = useDatabase();
  const { from, days, siteId, staffId } = filter;
  return useLiveQuery<AgendaData>(
    useCallback(
      () =>
        db.appointments
          .find({
            selector: {
              start: { $gte: from, $lt: addDays(from, days) },
              ...(siteId ? { siteId } : {}),
              ...(staffId ? { staffId } : {}),
            },
          })
          .$.pipe(
            map((docs) => docs.map((doc) => doc.toJSON() as Appointment).sort(byStart)),
            switchMap((appointments) =>
              db.youths.findByIds([...new Set(appointments.map((a) => a.youthId))]).$.pipe(
                map((found) => ({
                  appointments,
                  youths: new Map(
                    [...found.values()].map((doc) => [doc.id, doc.toJSON() as Youth] as const),
                  ),
                })),
              ),
            ),
          ),
      [db, from, days, siteId, staffId],
    ),
  );
}

/** "Inès Lefèvre", or a placeholder while the dossier has not reached this device. */
export function youthName(youths: ReadonlyMap<string, Youth>, youthId: string): string {
  const youth = youths.get(youthId);
  return youth ? fullName(youth) : 'Dossier non synchronisé';
}
