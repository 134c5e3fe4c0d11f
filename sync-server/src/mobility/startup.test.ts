import { afterEach, describe, expect, it } from 'vitest';
import { calendarId } from '../../../src/domain/schemas/mobility';
import { fixedClock } from '../../../src/domain/time';
import { buildLoan, buildVehicle, SITE_SEES } from '../../../tests/support/builders';
import { storageFixture, type StorageFixture } from '../../../tests/support/storages';
import type { Storage } from '../storage/storage';
import { migrateMobility } from './startup';

let fixture: StorageFixture;
let storage: Storage;

afterEach(async () => {
  await storage.close();
  await fixture.dispose();
});

describe('mobility v1 on a server holding v0 documents', () => {
  it('gives every device the fleet and each vehicle its calendar, once', async () => {
    fixture = await storageFixture('sqlite');
    storage = await fixture.open();
    const vehicle = buildVehicle({ siteId: SITE_SEES });
    const loan = buildLoan({ vehicleId: vehicle.id, youthId: 'y1', startDate: '2026-12-01' });
    // As a v0 server stored them: the vehicle in its site's scope, no calendar.
    await storage.write((tx) =>
      tx.putDocuments(
        [vehicle, loan].map((data) => ({
          collection: 'mobility',
          id: data.id,
          rev: data.rev,
          deleted: false,
          data,
          youthId: data.youthId ?? null,
          scope: { siteId: SITE_SEES, ownerId: null },
          previousScope: null,
          previousData: null,
          writtenBy: 'u',
          deviceId: null,
        })),
      ),
    );
    const clock = fixedClock('2026-11-26T10:00:00');
    expect(await migrateMobility(storage, clock)).toBe(2);
    const stored = await storage.getDocument('mobility', vehicle.id);
    expect(stored?.scope).toEqual({ siteId: null, ownerId: null });
    expect(stored?.rev).toBe(vehicle.rev);
    expect((await storage.getDocument('mobility', calendarId(vehicle.id)))?.data.periods).toEqual([
      { loanId: loan.id, startDate: '2026-12-01', endDate: '2026-12-15', state: 'reserve' },
    ]);
    expect(await migrateMobility(storage, clock)).toBe(0);
  });
});
