/**
 * The calendar of each vehicle (`mobility` documents of kind `calendar`, id
 * `calendar:<vehicleId>`): the days its loans take, without the young people, written by the
 * server whenever a loan of the vehicle changes — a push, a decision of the siège, an erasure.
 * Every device holds every calendar (scope.ts), so a permanence knows when a vehicle is taken
 * by a loan of a dossier it may not see, and says who is free with the network cut.
 *
 * A calendar is computed again from all the loans of its vehicle each time (never patched), so
 * a path that forgot it is put right by the next loan written.
 */
import { jsonEqual, type PlainDocument } from '../../../src/domain/merge';
import { newRev } from '../../../src/domain/ids';
import { calendarPeriods } from '../../../src/domain/rules/mobility';
import { calendarId, type MobilityRecord } from '../../../src/domain/schemas/mobility';
import type { DocumentWrite, StoredDocument, WriteTransaction } from '../storage/storage';
import { SERVER_ACTOR } from '../replication/conflicts';
import { documentWrite, type Provenance } from '../replication/document-write';
import { EVERYONE } from '../replication/scope';

type Loan = MobilityRecord & { _deleted?: boolean };

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The vehicles that mobility writes touch: those their loans name now and named before. */
export async function touchedVehicles(
  tx: WriteTransaction,
  writes: readonly DocumentWrite[],
): Promise<string[]> {
  const loans = writes.filter((w) => w.collection === 'mobility' && w.data.kind === 'loan');
  const ids = new Set<string>();
  for (const write of loans) {
    const vehicleId = text(write.data.vehicleId);
    if (vehicleId) ids.add(vehicleId);
  }
  const before = await tx.getDocuments(
    'mobility',
    loans.map((write) => write.id),
  );
  for (const stored of before.values()) {
    const vehicleId = text(stored.data.vehicleId);
    if (vehicleId) ids.add(vehicleId);
  }
  return [...ids].sort();
}

/** The latest state of every loan of these vehicles: stored, then what `batch` writes. */
export async function loansOfVehicles(
  tx: WriteTransaction,
  vehicleIds: readonly string[],
  batch: readonly DocumentWrite[],
): Promise<Map<string, { data: PlainDocument; deleted: boolean }>> {
  const latest = new Map<string, { data: PlainDocument; deleted: boolean }>();
  for (const stored of await tx.getLoansOfVehicles([...vehicleIds])) {
    if (stored.data.kind === 'loan') latest.set(stored.id, stored);
  }
  for (const write of batch) {
    if (write.collection === 'mobility' && write.data.kind === 'loan') latest.set(write.id, write);
  }
  return latest;
}

/** The calendar writes that `batch` makes necessary (none when a calendar is unchanged). */
export async function calendarWrites(
  tx: WriteTransaction,
  vehicleIds: readonly string[],
  batch: readonly DocumentWrite[],
  provenance: Pick<Provenance, 'deviceId'>,
  now: string,
): Promise<DocumentWrite[]> {
  if (vehicleIds.length === 0) return [];
  const loans = await loansOfVehicles(tx, vehicleIds, batch);
  const vehicles = await tx.getDocuments('mobility', [...vehicleIds]);
  const calendars = await tx.getDocuments('mobility', vehicleIds.map(calendarId));
  const writes: DocumentWrite[] = [];
  for (const vehicleId of vehicleIds) {
    const ofVehicle = [...loans.values()]
      .filter(({ data }) => data.vehicleId === vehicleId)
      .map(({ data, deleted }) => ({ ...data, _deleted: deleted }) as Loan);
    const periods = calendarPeriods(ofVehicle);
    const id = calendarId(vehicleId);
    const stored: StoredDocument | undefined = calendars.get(id);
    if (stored && !stored.deleted && jsonEqual(stored.data.periods, periods)) continue;
    if (!stored && periods.length === 0) continue;
    const siteId =
      text(vehicles.get(vehicleId)?.data.siteId) ??
      text(stored?.data.siteId) ??
      text(ofVehicle[0]?.siteId) ??
      'inconnu';
    const state: PlainDocument = {
      id,
      rev: newRev(),
      updatedAt: now,
      updatedBy: SERVER_ACTOR,
      kind: 'calendar',
      siteId,
      vehicleId,
      periods,
      _deleted: false,
    };
    writes.push(
      documentWrite('mobility', state, EVERYONE, stored, {
        writtenBy: SERVER_ACTOR,
        deviceId: provenance.deviceId,
      }),
    );
  }
  return writes;
}
