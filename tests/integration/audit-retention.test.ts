/**
 * The audit log's retention (issue 12, item 2): the server's daily job deletes the rows older
 * than the configured months (12 by default), records the purge, and the chain still verifies.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/time';
import { auditPurgeJob } from '../../sync-server/src/audit/retention';
import { verifyAuditLog } from '../../sync-server/src/audit/verify';
import { startDailyJobs } from '../../sync-server/src/jobs/daily';
import type { Storage } from '../../sync-server/src/storage/storage';
import { BACKENDS, storageFixture, type StorageFixture } from '../support/storages';

describe.each(BACKENDS)('audit retention: %s', (backend) => {
  let fixture: StorageFixture;
  let storage: Storage;

  beforeEach(async () => {
    fixture = await storageFixture(backend);
    storage = await fixture.open();
  });

  afterEach(async () => {
    await storage.close();
    await fixture.dispose();
  });

  const row = (at: string, action: string) => ({
    at,
    userId: 'u1',
    deviceId: 'd1',
    address: '203.0.113.7',
    action,
    collection: null,
    documentId: null,
    details: null,
  });

  it('purges what is older than the retention, once a day, and the chain still holds', async () => {
    await storage.appendAudit([
      row('2025-10-01T08:00:00.000Z', 'login'),
      row('2025-12-05T08:00:00.000Z', 'pull'),
      row('2025-12-07T08:00:00.000Z', 'logout'),
    ]);
    const clock = fixedClock('2026-12-06T10:00:00.000Z');
    const jobs = startDailyJobs([auditPurgeJob(storage, clock, 12)], { log: () => undefined });
    await jobs.idle();
    jobs.stop();
    const rows = await storage.readAudit(0, 100);
    expect(rows.map((r) => r.action)).toEqual(['logout', 'audit-purge']);
    expect(rows[1]).toMatchObject({
      address: 'server',
      details: { before: '2025-12-06T00:00:00.000Z', purged: 2 },
    });
    expect((await verifyAuditLog(storage)).ok).toBe(true);
  });
});
