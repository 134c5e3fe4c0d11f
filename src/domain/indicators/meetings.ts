/**
 * Entretiens and présence, as the indicators count them: rendez-vous (appointments) and the
 * entretiens individuels recorded (events) are two views of the same meetings, linked by
 * `appointment.eventId` or `event.appointmentId`, so a meeting is never counted twice.
 */
import type { Appointment } from '../schemas/appointment';
import { isHeldSession, standingEvents, type StatisticsData } from './data';
import { inPeriod, type Period } from './period';

/** Rendez-vous of the period that stood (not cancelled, not moved to another slot). */
export function appointmentsInPeriod(data: StatisticsData, period: Period): Appointment[] {
  return data.appointments.filter(
    (a) => a.status !== 'annule' && a.status !== 'reporte' && inPeriod(a.start, period),
  );
}

function entretiens(data: StatisticsData, period: Period) {
  return standingEvents(data.events).filter(
    (e) => e.kind === 'entretien-individuel' && inPeriod(e.at, period),
  );
}

function linkedEventIds(data: StatisticsData): Set<string> {
  const linked = new Set<string>();
  for (const a of data.appointments) if (a.eventId) linked.add(a.eventId);
  for (const e of data.events) if (e.appointmentId) linked.add(e.id);
  return linked;
}

function appointmentsWithEvent(data: StatisticsData): Set<string> {
  const withEvent = new Set<string>();
  for (const a of data.appointments) if (a.eventId) withEvent.add(a.id);
  for (const e of data.events) if (e.appointmentId) withEvent.add(e.appointmentId);
  return withEvent;
}

/** Rendez-vous that stood, plus the entretiens held without one. */
export function entretiensProposes(data: StatisticsData, period: Period): number {
  const linked = linkedEventIds(data);
  return (
    appointmentsInPeriod(data, period).length +
    entretiens(data, period).filter((e) => !linked.has(e.id)).length
  );
}

/** Entretiens recorded, plus the rendez-vous marked « présent » with no entretien recorded. */
export function entretiensRealises(data: StatisticsData, period: Period): number {
  const withEvent = appointmentsWithEvent(data);
  return (
    entretiens(data, period).length +
    appointmentsInPeriod(data, period).filter((a) => a.status === 'present' && !withEvent.has(a.id))
      .length
  );
}

/** Émargements of the sessions held in the period: present, and marked at all. */
export function collectiveAttendance(
  data: StatisticsData,
  period: Period,
): { present: number; marked: number } {
  const sessions = new Set(
    data.workshops.filter((w) => isHeldSession(w) && inPeriod(w.start, period)).map((w) => w.id),
  );
  let present = 0;
  let marked = 0;
  for (const a of data.attendances) {
    if (!sessions.has(a.workshopId) || a.cancelled || a.present === undefined) continue;
    marked += 1;
    if (a.present) present += 1;
  }
  return { present, marked };
}
