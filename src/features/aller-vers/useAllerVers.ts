/**
 * Reads and writes of the aller-vers screens, all on the device's database so that everything
 * works in the street without network: the dossiers to match against, the sites, the day's
 * contacts and their rendez-vous; recording a contact, booking a rendez-vous and opening the
 * premier accueil.
 */
import { useCallback, useMemo } from 'react';
import { map } from 'rxjs';
import { useDatabase } from '../../app/DatabaseProvider';
import { useLiveQuery } from '../../db/useLiveQuery';
import { insertDocument, patchDocument } from '../../db/writes';
import type { Appointment } from '../../domain/schemas/appointment';
import type { Site } from '../../domain/schemas/site';
import type { Youth } from '../../domain/schemas/youth';
import { createPeopleIndex } from '../../domain/rules/matching';
import { createNameSearch } from '../../domain/rules/name-search';
import { useAppStore } from '../../stores/store';
import {
  contactToYouth,
  meetingEvent,
  placeOf,
  type ContactFormValues,
  type OutreachNeed,
} from './contact-form';
import { FIRST_APPOINTMENT_MINUTES } from './slots';
import { useClock } from '../../app/clock-context';

/** Every live dossier on the device, prepared once per change for matching and searching. */
export function useDeviceDossiers() {
  const db = useDatabase();
  const result = useLiveQuery<Youth[]>(
    useCallback(
      () =>
        db.youths
          .find({ selector: { mergedInto: { $exists: false } } })
          .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as Youth))),
      [db],
    ),
  );
  const dossiers = result.data;
  const people = useMemo(() => createPeopleIndex(dossiers ?? []), [dossiers]);
  const search = useMemo(() => createNameSearch(dossiers ?? []), [dossiers]);
  return { ...result, people, search };
}

/** The rendez-vous of some young people, live (for the day's contacts). */
export function useAppointmentsOf(youthIds: readonly string[]) {
  const db = useDatabase();
  const key = youthIds.join(',');
  return useLiveQuery<Appointment[]>(
    useCallback(
      () =>
        db.appointments
          .find({ selector: { youthId: { $in: key ? key.split(',') : [] } } })
          .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as Appointment))),
      [db, key],
    ),
  );
}

/** The rendez-vous times already planned at a site (on this device), to propose free ones. */
export function useBookedTimes(siteId: string | undefined) {
  const db = useDatabase();
  return useLiveQuery<Set<string>>(
    useCallback(
      () =>
        siteId
          ? db.appointments
              .find({ selector: { siteId, status: 'planifie' } })
              .$.pipe(map((docs) => new Set(docs.map((doc) => doc.start))))
          : undefined,
      [db, siteId],
    ),
  );
}

/** True for a contact made today (its dossier was created from the street today). */
export function isContactOfDay(youth: Youth, day: string): boolean {
  return youth.outreach !== undefined && youth.createdOn === day;
}

export function useOutreachActions() {
  const db = useDatabase();
  const user = useAppStore((s) => s.user);
  const clock = useClock();
  return useMemo(
    () => ({
      /** A new contact: their dossier, and the meeting as their first contact. */
      async recordContact(values: ContactFormValues, siteId: string) {
        const youth = await insertDocument(db, 'youths', contactToYouth(values, { siteId, clock }));
        await insertDocument(
          db,
          'events',
          meetingEvent(
            { youthId: youth.id, place: placeOf(values), need: values.need },
            { authorId: user?.id ?? '', clock },
          ),
        );
        return youth;
      },

      /** A young person already known, met again in the street: the meeting is a contact. */
      recordMeeting: (youth: Youth, place: string, need?: OutreachNeed | '') =>
        insertDocument(
          db,
          'events',
          meetingEvent({ youthId: youth.id, place, need }, { authorId: user?.id ?? '', clock }),
        ),

      bookAppointment: (youth: Youth, site: Site, start: string, staffId: string) =>
        insertDocument(db, 'appointments', {
          youthId: youth.id,
          siteId: site.id,
          staffId,
          start,
          durationMinutes: FIRST_APPOINTMENT_MINUTES,
          status: 'planifie',
          subject: youth.outreach?.need
            ? `Premier accueil — suite aller-vers (besoin : ${youth.outreach.need})`
            : 'Premier accueil — suite aller-vers',
        }),

      /** The contact becomes a dossier at premier accueil; the adviser becomes its référent. */
      startPremierAccueil: (youth: Youth) =>
        patchDocument(db, 'youths', youth.id, {
          status: 'premier-accueil',
          ...(youth.referentId ? {} : { referentId: user?.id ?? '' }),
        }),
    }),
    [db, user, clock],
  );
}
