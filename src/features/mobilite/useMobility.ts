/**
 * Atelier Mob on the device (issue 16), live from its database so that everything works with
 * the network cut: the fleet, the loans this device holds (its dossiers' loans; every loan for
 * the direction and the Atelier Mob), every vehicle's calendar (other sites' loans, without the
 * young people), and the writes: book, hand over, take back, extend, cancel, keep the fleet.
 */
import { useCallback, useMemo } from 'react';
import { map } from 'rxjs';
import { useDatabase } from '../../app/database-context';
import { useLiveQuery } from '../../db/useLiveQuery';
import { insertDocument, patchDocument, type NewDocument } from '../../db/writes';
import { knownSpans, spansOfCalendar, type Span } from '../../domain/rules/mobility';
import type { MobilityRecord } from '../../domain/schemas/mobility';

function byLabel(a: MobilityRecord, b: MobilityRecord): number {
  return (a.label ?? '').localeCompare(b.label ?? '', 'fr');
}

function byStartDesc(a: MobilityRecord, b: MobilityRecord): number {
  return (b.startDate ?? '').localeCompare(a.startDate ?? '') || a.id.localeCompare(b.id);
}

function useKind(kind: 'vehicle' | 'loan' | 'calendar', sort: typeof byLabel) {
  const db = useDatabase();
  return useLiveQuery<MobilityRecord[]>(
    useCallback(
      () =>
        db.mobility
          .find({ selector: { kind } })
          .$.pipe(map((docs) => docs.map((d) => d.toJSON() as MobilityRecord).sort(sort))),
      [db, kind, sort],
    ),
  );
}

export function useVehicles() {
  return useKind('vehicle', byLabel);
}

/** Every loan on the device, the latest start first. */
export function useLoans() {
  return useKind('loan', byStartDesc);
}

export function useCalendars() {
  return useKind('calendar', byLabel);
}

/** The loans of one young person, the latest first. */
export function useYouthLoans(youthId: string) {
  const db = useDatabase();
  return useLiveQuery<MobilityRecord[]>(
    useCallback(
      () =>
        db.mobility.find({ selector: { youthId } }).$.pipe(
          map((docs) =>
            docs
              .map((d) => d.toJSON() as MobilityRecord)
              .filter((d) => d.kind === 'loan')
              .sort(byStartDesc),
          ),
        ),
      [db, youthId],
    ),
  );
}

/** Every span the device knows: its loans, and the calendars of the others. */
export function useKnownSpans(): { spans: Span[]; loading: boolean } {
  const loans = useLoans();
  const calendars = useCalendars();
  return useMemo(() => {
    const fromCalendars = (calendars.data ?? []).flatMap((c) =>
      c.vehicleId ? spansOfCalendar(c.vehicleId, c.periods ?? []) : [],
    );
    return {
      spans: knownSpans(loans.data ?? [], fromCalendars),
      loading: loans.data === undefined || calendars.data === undefined,
    };
  }, [loans.data, calendars.data]);
}

export type LoanPatch = Partial<Omit<MobilityRecord, 'id' | 'rev' | 'updatedAt' | 'updatedBy'>>;

export function useMobilityActions() {
  const db = useDatabase();
  return useMemo(
    () => ({
      async book(loan: NewDocument<'mobility'>) {
        return insertDocument(db, 'mobility', loan);
      },
      async update(id: string, patch: LoanPatch) {
        return patchDocument(db, 'mobility', id, patch);
      },
      async saveVehicle(vehicle: NewDocument<'mobility'>, id?: string) {
        if (id) return patchDocument(db, 'mobility', id, vehicle);
        return insertDocument(db, 'mobility', vehicle);
      },
    }),
    [db],
  );
}
