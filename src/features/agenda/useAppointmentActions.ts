/**
 * Writing the agenda: book, check, move, report, cancel and record what happened. Marking a
 * young person present can record the entretien individuel in the same step: the event is
 * written first (events are append-only and carry `appointmentId`), then the rendez-vous
 * points to it (`eventId`).
 */
import { useMemo } from 'react';
import { useDatabase } from '../../app/DatabaseProvider';
import type { RelaisDatabase } from '../../db/database';
import { insertDocument, patchDocument } from '../../db/writes';
import {
  checkAppointment,
  movePatch,
  reportedAppointment,
  type AppointmentSlot,
  type AppointmentWarning,
} from '../../domain/rules/appointments';
import type { Appointment } from '../../domain/schemas/appointment';
import type { YouthEvent } from '../../domain/schemas/event';
import type { Site } from '../../domain/schemas/site';
import { addDays, dayOf } from '../../domain/time';
import { useAppStore } from '../../stores/store';
import { useClock } from '../../app/clock-context';
import { OUTCOME_IN_FUTURE_TEXT, outcomeDateProblem } from '../../domain/rules/happened';

export type NewAppointment = Omit<Appointment, 'id' | 'rev' | 'updatedAt' | 'updatedBy'>;

export interface EntretienInput {
  durationMinutes: number;
  themes: NonNullable<YouthEvent['themes']>;
  report?: string;
}

export type Outcome =
  | { status: 'present'; entretien?: EntretienInput }
  | { status: 'absent' | 'non-precise' | 'planifie' }
  | { status: 'annule'; cancellationReason?: string }
  | {
      status: 'reporte';
      next: Pick<Appointment, 'start'> & Partial<Pick<Appointment, 'durationMinutes'>>;
    };

/** Everything worth a warning before saving `candidate`, read from the device. */
export async function warningsFor(
  db: RelaisDatabase,
  candidate: AppointmentSlot,
): Promise<AppointmentWarning<Appointment>[]> {
  const day = dayOf(candidate.start);
  // A rendez-vous may start the evening before and run past midnight: look one day back too.
  const [sameDays, site] = await Promise.all([
    db.appointments
      .find({ selector: { start: { $gte: addDays(day, -1), $lt: addDays(day, 1) } } })
      .exec(),
    db.sites.findOne(candidate.siteId).exec(),
  ]);
  return checkAppointment(candidate, {
    site: site ? (site.toJSON() as Site) : undefined,
    existing: sameDays.map((doc) => doc.toJSON() as Appointment),
  });
}

export function useAppointmentActions() {
  const db = useDatabase();
  const userId = useAppStore((s) => s.user?.id ?? 'unknown');
  const clock = useClock();
  return useMemo(
    () => ({
      check: (candidate: AppointmentSlot) => warningsFor(db, candidate),

      book: (appointment: NewAppointment) => insertDocument(db, 'appointments', appointment),

      async move(
        current: Appointment,
        next: Partial<
          Pick<Appointment, 'start' | 'durationMinutes' | 'siteId' | 'staffId' | 'subject'>
        >,
      ) {
        return patchDocument(db, 'appointments', current.id, movePatch(current, next));
      },

      async recordOutcome(appointment: Appointment, outcome: Outcome) {
        // Every path (the outcome form, the permanence's one-click Absent) meets the same rule.
        if (outcomeDateProblem({ status: outcome.status, start: appointment.start }, clock))
          throw new Error(OUTCOME_IN_FUTURE_TEXT);
        if (outcome.status === 'present' && outcome.entretien && !appointment.eventId) {
          const event = await insertDocument(db, 'events', {
            youthId: appointment.youthId,
            kind: 'entretien-individuel',
            at: appointment.start,
            placeSiteId: appointment.siteId,
            durationMinutes: outcome.entretien.durationMinutes,
            themes: outcome.entretien.themes,
            ...(outcome.entretien.report?.trim()
              ? { report: outcome.entretien.report.trim() }
              : {}),
            authorId: userId,
            appointmentId: appointment.id,
          });
          return {
            appointment: await patchDocument(db, 'appointments', appointment.id, {
              status: 'present',
              eventId: event.id,
            }),
            event,
          };
        }
        if (outcome.status === 'reporte') {
          const next = await insertDocument(
            db,
            'appointments',
            reportedAppointment(appointment, outcome.next),
          );
          return {
            appointment: await patchDocument(db, 'appointments', appointment.id, {
              status: 'reporte',
            }),
            next,
          };
        }
        return {
          appointment: await patchDocument(db, 'appointments', appointment.id, {
            status: outcome.status,
            ...(outcome.status === 'annule' && outcome.cancellationReason?.trim()
              ? { cancellationReason: outcome.cancellationReason.trim() }
              : {}),
          }),
        };
      },
    }),
    [db, userId, clock],
  );
}

export type AppointmentActions = ReturnType<typeof useAppointmentActions>;
