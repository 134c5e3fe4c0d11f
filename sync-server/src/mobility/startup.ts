/**
 * Mobility v1 on a server that stored v0 documents (issue 16), run at startup before any device
 * is served, and changing nothing the second time: a v0 vehicle was stamped with its site's
 * scope, so only that site's devices had it; since v1 the fleet is the whole Mission Locale's
 * (scope.ts), so such a vehicle is stored again (same rev) with the scope everyone sees, and a
 * vehicle with loans but no calendar gets one (calendars.ts). The documents themselves need no
 * change: a v0 mobility document is a valid v1 one.
 */
import type { Clock } from '../../../src/domain/time';
import { calendarId } from '../../../src/domain/schemas/mobility';
import type { DocumentWrite, Storage } from '../storage/storage';
import { SERVER_ACTOR } from '../replication/conflicts';
import { documentWrite } from '../replication/document-write';
import { EVERYONE, sameScope } from '../replication/scope';
import { calendarWrites } from './calendars';

const PAGE = 1000;

export async function migrateMobility(storage: Storage, clock: Clock): Promise<number> {
  const vehicles = [];
  const calendars = new Set<string>();
  const withLoans = new Set<string>();
  for (let seq = 0; ;) {
    const rows = await storage.pull('mobility', seq, PAGE, { all: true });
    for (const { document } of rows) {
      if (document.data.kind === 'vehicle') vehicles.push(document);
      if (document.data.kind === 'calendar') calendars.add(document.id);
      if (document.data.kind === 'loan' && typeof document.data.vehicleId === 'string') {
        withLoans.add(document.data.vehicleId);
      }
    }
    if (rows.length < PAGE) break;
    seq = rows.at(-1)!.document.seq;
  }
  const restamp = vehicles.filter((v) => !sameScope(v.scope, EVERYONE));
  const missing = [...withLoans].filter((id) => !calendars.has(calendarId(id))).sort();
  if (restamp.length === 0 && missing.length === 0) return 0;
  const now = clock.now().toISOString();
  return storage.write(async (tx) => {
    const writes: DocumentWrite[] = restamp.map((vehicle) =>
      documentWrite('mobility', { ...vehicle.data, _deleted: vehicle.deleted }, EVERYONE, vehicle, {
        writtenBy: SERVER_ACTOR,
        deviceId: null,
      }),
    );
    writes.push(...(await calendarWrites(tx, missing, [], { deviceId: null }, now)));
    await tx.putDocuments(writes);
    return writes.length;
  });
}
