/**
 * Retention (issue 12, item 5), with the clock pinned: dossiers around their 26th birthday, one
 * whose CEJ was still in progress then, one idle for longer than the configured time. The dry
 * run says who is due and changes nothing; the run anonymises them — name, contact, notes and
 * history gone — and the statistics are the same before and after.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../src/domain/collections';
import { newId } from '../../src/domain/ids';
import { dossierStatistics } from '../../src/domain/statistics';
import { fixedClock } from '../../src/domain/time';
import type { Youth } from '../../src/domain/schemas/youth';
import { runRetention } from '../../sync-server/src/rights/retention';
import { verifyAuditLog } from '../../sync-server/src/audit/verify';
import { ADVISER_SEES, createTestAccounts } from '../support/accounts';
import { buildEvent, buildProposition, buildYouth, wire } from '../support/builders';
import { loggedInClient } from '../support/http';
import { storeDuplicateReview } from '../support/reviews';
import { BACKENDS } from '../support/storages';
import { startTestServer, type TestServer } from '../support/server';

const TODAY = fixedClock('2026-12-06T10:00:00.000Z');
const INACTIVITY_MONTHS = 36;
const COLLECTIONS: CollectionName[] = [
  'events',
  'pathway',
  'appointments',
  'attendances',
  'mobility',
];

function cej(youthId: string, startDate: string, endDate: string) {
  return {
    ...buildProposition({ youthId }),
    kind: 'dispositif',
    programme: 'CEJ',
    startDate,
    endDate,
    weeklyHoursCommitment: 15,
    propositionType: undefined,
    theme: undefined,
    result: undefined,
    partner: undefined,
  };
}

describe.each(BACKENDS)('retention of the dossiers: %s', (backend) => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startTestServer({ backend });
    await createTestAccounts(server.storage);
  });

  afterEach(async () => {
    await server.close();
  });

  async function statistics() {
    const youths = (await server.storage.pull('youths', 0, 10_000, { all: true })).map(
      (row) => row.document.data,
    );
    const records = [];
    for (const collection of COLLECTIONS) {
      for (const row of await server.storage.pull(collection, 0, 10_000, { all: true }))
        records.push({ collection, data: row.document.data });
    }
    return dossierStatistics(youths, records);
  }

  it('anonymises at the 26th birthday, after a CEJ in progress then, or after inactivity', async () => {
    const adviser = await loggedInClient(server.url, ADVISER_SEES.login);
    const person = (name: string, birthDate: string, more: Partial<Youth> = {}) =>
      buildYouth({
        id: newId(),
        firstName: name,
        lastName: `Nom${name}`,
        phone: `06 00 00 00 ${String(name.length).padStart(2, '0')}`,
        notes: `Note de ${name}`,
        rqth: true,
        birthDate,
        gender: 'F',
        educationLevel: 'niveau-4',
        referentId: ADVISER_SEES.id,
        createdOn: '2025-09-01',
        status: 'accompagne',
        ...more,
      });
    const turnedYesterday = person('Hier', '2000-12-05');
    const turnsTomorrow = person('Demain', '2000-12-07');
    const cejRunning = person('Encours', '2000-06-01');
    const cejEnded = person('Termine', '2000-01-15');
    const idle = person('Inactif', '2005-03-03', { createdOn: '2022-01-10' });
    const active = person('Actif', '2005-03-03');
    const all = [turnedYesterday, turnsTomorrow, cejRunning, cejEnded, idle, active];
    await adviser.push(
      'youths',
      all.map((y) => ({ newDocumentState: wire(y) })),
    );
    await adviser.push('pathway', [
      { newDocumentState: wire(cej(cejRunning.id, '2026-03-01', '2027-02-28')) },
      { newDocumentState: wire(cej(cejEnded.id, '2025-09-01', '2026-05-31')) },
    ]);
    const report = buildEvent({
      youthId: turnedYesterday.id,
      report: 'Entretien avec Hier',
      at: '2026-10-02T09:00',
    });
    await adviser.push('events', [
      { newDocumentState: wire(report) },
      { newDocumentState: wire(buildEvent({ youthId: idle.id, at: '2022-02-01T10:00' })) },
      { newDocumentState: wire(buildEvent({ youthId: active.id, at: '2026-11-02T10:00' })) },
    ]);
    const pair = await storeDuplicateReview(server.storage, [turnedYesterday.id, active.id]);
    const before = await statistics();
    const lastSeq = await server.storage.lastSeq();

    const dryRun = await runRetention(server.storage, TODAY, {
      inactivityMonths: INACTIVITY_MONTHS,
      dryRun: true,
    });
    const expected = [
      { youthId: turnedYesterday.id, reason: 'age-26' },
      { youthId: cejEnded.id, reason: 'fin-de-programme' },
      { youthId: idle.id, reason: 'inactivite' },
    ];
    expect(dryRun.dossiers).toEqual(expect.arrayContaining(expected));
    expect(dryRun.dossiers).toHaveLength(3);
    expect(await server.storage.lastSeq()).toBe(lastSeq);

    const run = await runRetention(server.storage, TODAY, { inactivityMonths: INACTIVITY_MONTHS });
    expect(run.dossiers).toEqual(dryRun.dossiers);

    const anonymised = (await server.storage.getDocument('youths', turnedYesterday.id))!.data;
    expect(anonymised).toMatchObject({
      firstName: 'Anonyme',
      lastName: '',
      birthDate: '2000',
      gender: 'F',
      communeInsee: turnedYesterday.communeInsee,
      educationLevel: 'niveau-4',
    });
    for (const field of ['phone', 'notes', 'rqth', 'email', 'address'])
      expect(anonymised[field], field).toBeUndefined();
    const event = (await server.storage.getDocument('events', report.id))!.data;
    expect(event.report).toBeUndefined();
    expect(event.at).toBe(report.at);
    const history = await server.storage.write((tx) => tx.getHistory('youths', turnedYesterday.id));
    expect(JSON.stringify(history)).not.toContain('Hier');
    expect((await server.storage.getDocument('reviews', pair.id))?.deleted).toBe(true);

    for (const kept of [turnsTomorrow, cejRunning, active]) {
      expect((await server.storage.getDocument('youths', kept.id))!.data.firstName).toBe(
        kept.firstName,
      );
    }
    expect(await statistics()).toEqual(before);

    const audit = await server.storage.readAudit(0, 1000);
    expect(
      audit
        .filter((r) => r.action === 'dossier-anonymise')
        .map((r) => r.documentId)
        .sort(),
    ).toEqual(expected.map((e) => e.youthId).sort());
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(['retention-dry-run', 'retention-run']),
    );
    expect((await verifyAuditLog(server.storage)).ok).toBe(true);

    // Two days later: only the one who turned 26 meanwhile.
    const again = await runRetention(server.storage, fixedClock('2026-12-08T10:00:00.000Z'), {
      inactivityMonths: INACTIVITY_MONTHS,
    });
    expect(again.dossiers).toEqual([{ youthId: turnsTomorrow.id, reason: 'age-26' }]);
  });
});
