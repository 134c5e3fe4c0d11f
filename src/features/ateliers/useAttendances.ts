/**
 * Sign-ups and émargement, live from the device's database and written to it (so the émargement
 * works with the network cut): a session's sign-ups with their young people, one session, and
 * the writes — sign up, cancel, mark, sign, add a walk-in, close the session, correct.
 */
import { useCallback, useMemo } from 'react';
import { map, of } from 'rxjs';
import { useDatabase } from '../../app/DatabaseProvider';
import { useClock } from '../../app/clock-context';
import { insertDocument, patchDocument, type NewDocument } from '../../db/writes';
import { useLiveQuery } from '../../db/useLiveQuery';
import { newId } from '../../domain/ids';
import { correctionOf, statusFields } from '../../domain/rules/attendance';
import { closingStatuses } from '../../domain/rules/waiting-list';
import {
  attendanceId,
  type Attendance,
  type AttendanceStatus,
} from '../../domain/schemas/attendance';
import type { Workshop } from '../../domain/schemas/workshop';
import type { Youth } from '../../domain/schemas/youth';
import { nowLocal } from '../../domain/time';
import type { Stroke } from '../../domain/signature';

/** One session (or catalogue entry), live; null when not on the device. */
export function useSession(id: string | undefined) {
  const db = useDatabase();
  return useLiveQuery<Workshop | null>(
    useCallback(
      () =>
        id
          ? db.workshops.findOne(id).$.pipe(map((doc) => (doc ? (doc.toJSON() as Workshop) : null)))
          : undefined,
      [db, id],
    ),
  );
}

/** The sign-ups of a session, live. */
export function useSessionAttendances(workshopId: string | undefined) {
  const db = useDatabase();
  return useLiveQuery<Attendance[]>(
    useCallback(
      () =>
        workshopId
          ? db.attendances
              .find({ selector: { workshopId } })
              .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as Attendance)))
          : undefined,
      [db, workshopId],
    ),
  );
}

/** Dossiers by id, live (the names of a session's sign-ups). */
export function useYouthsById(ids: readonly string[]) {
  const db = useDatabase();
  const key = [...new Set(ids)].sort().join(',');
  return useLiveQuery<Map<string, Youth>>(
    useCallback(
      () =>
        key
          ? db.youths
              .findByIds(key.split(','))
              .$.pipe(
                map(
                  (docs) =>
                    new Map([...docs.values()].map((doc) => [doc.id, doc.toJSON() as Youth])),
                ),
              )
          : of(new Map<string, Youth>()),
      [db, key],
    ),
  );
}

export function useAttendanceActions() {
  const db = useDatabase();
  const clock = useClock();
  return useMemo(() => {
    /** The status, and `present` following it (removed for « prescrit »). */
    async function setStatus(
      id: string,
      status: AttendanceStatus,
      extra: Partial<Attendance> = {},
    ) {
      const doc = await db.attendances.findOne(id).exec(true);
      await doc.incrementalModify((current) => {
        const next: Attendance = { ...current, ...extra, ...statusFields(status) };
        if (status === 'prescrit') delete next.present;
        return next;
      });
    }
    return {
      /**
       * Signs a young person up (or up again after a cancellation: the same record, its id is
       * `workshopId:youthId`). A walk-in is added at the session, present.
       */
      async signUp(
        workshopId: string,
        youthId: string,
        options: { walkIn?: boolean; status?: AttendanceStatus } = {},
      ) {
        const id = attendanceId(workshopId, youthId);
        const status = options.status ?? 'prescrit';
        const existing = await db.attendances.findOne(id).exec();
        if (existing) {
          await setStatus(id, status, options.walkIn ? { walkIn: true } : {});
          return id;
        }
        const attendance: NewDocument<'attendances'> = {
          id,
          workshopId,
          youthId,
          registeredAt: nowLocal(clock),
          ...statusFields(status),
          ...(options.walkIn ? { walkIn: true } : {}),
        };
        await insertDocument(db, 'attendances', attendance);
        return id;
      },
      setStatus,
      /** The sign-up is cancelled (« excusé »): the place goes to the first waiting. */
      cancel: (id: string) => setStatus(id, 'excuse'),
      async sign(id: string, strokes: Stroke[]) {
        await patchDocument(db, 'attendances', id, {
          signature: { at: nowLocal(clock), strokes },
        });
      },
      /**
       * « Clôturer la session »: the sign-ups nobody marked get their closing status, then the
       * session is closed (attendance locked). The émargement is written first: if the tablet
       * stopped in between, the session is simply not closed yet.
       */
      async close(session: Workshop, attendances: readonly Attendance[]) {
        for (const { attendance, status } of closingStatuses(session.capacity, attendances)) {
          await setStatus(attendance.id, status);
        }
        await patchDocument(db, 'workshops', session.id, { closedAt: nowLocal(clock) });
      },
      /** A change after the closing: a correction, with its reason. */
      async correct(attendance: Attendance, status: AttendanceStatus, reason: string) {
        const { corrections } = correctionOf(attendance, status, reason, {
          id: newId(),
          at: nowLocal(clock),
        });
        await setStatus(attendance.id, status, { corrections });
      },
      async setRequiresSignature(sessionId: string, required: boolean) {
        await patchDocument(db, 'workshops', sessionId, { requiresSignature: required });
      },
    };
  }, [db, clock]);
}
