/**
 * The server refuses a dispositif whose dates meet another of the same young person (CEJ and
 * PACEA at once), from another push or from the same batch, and accepts consecutive ones.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import type { PathwayRecord } from '../../src/domain/schemas/pathway';
import type { ApiClient } from '../../src/sync/api';
import { ADVISER_SEES, createTestAccounts } from '../support/accounts';
import { buildYouth, wire } from '../support/builders';
import { loggedInClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let adviser: ApiClient;
const youth = buildYouth({ referentId: ADVISER_SEES.id });

beforeEach(async () => {
  server = await startTestServer();
  await createTestAccounts(server.storage);
  adviser = await loggedInClient(server.url, ADVISER_SEES.login);
  await adviser.push('youths', [{ newDocumentState: wire(youth) }]);
});

afterEach(async () => {
  await server.close();
});

function dispositif(programme: 'CEJ' | 'PACEA', startDate: string, endDate: string): PathwayRecord {
  return {
    id: newId(),
    rev: newId(),
    updatedAt: '2026-11-20T10:00:00.000Z',
    updatedBy: ADVISER_SEES.id,
    youthId: youth.id,
    kind: 'dispositif',
    programme,
    startDate,
    endDate,
    ...(programme === 'CEJ' ? { weeklyHoursCommitment: 15 } : {}),
  };
}

describe('one dispositif at a time', () => {
  it('refuses a CEJ that starts before the PACEA ends, and accepts one that starts after', async () => {
    const pacea = dispositif('PACEA', '2026-01-05', '2026-10-31');
    expect((await adviser.push('pathway', [{ newDocumentState: wire(pacea) }])).refused).toEqual(
      [],
    );

    const overlapping = dispositif('CEJ', '2026-10-01', '2027-03-31');
    const answer = await adviser.push('pathway', [{ newDocumentState: wire(overlapping) }]);
    expect(answer.refused).toEqual([
      expect.objectContaining({ id: overlapping.id, code: 'DISPOSITIF_OVERLAP' }),
    ]);
    expect(await server.storage.getDocument('pathway', overlapping.id)).toBeNull();

    const after = dispositif('CEJ', '2026-11-01', '2027-04-30');
    expect((await adviser.push('pathway', [{ newDocumentState: wire(after) }])).refused).toEqual(
      [],
    );
  });

  it('refuses the second of two overlapping dispositifs pushed in one batch', async () => {
    const cej = dispositif('CEJ', '2026-01-05', '2026-12-31');
    const pacea = dispositif('PACEA', '2026-06-01', '2027-05-31');
    const answer = await adviser.push('pathway', [
      { newDocumentState: wire(cej) },
      { newDocumentState: wire(pacea) },
    ]);
    expect(answer.refused.map((row) => [row.id, row.code])).toEqual([
      [pacea.id, 'DISPOSITIF_OVERLAP'],
    ]);
    expect(await server.storage.getDocument('pathway', cej.id)).not.toBeNull();
  });

  it('lets a PACEA be ended the day before a CEJ that was refused, then accepts the CEJ', async () => {
    const pacea = dispositif('PACEA', '2026-01-05', '2027-06-30');
    await adviser.push('pathway', [{ newDocumentState: wire(pacea) }]);
    const cej = dispositif('CEJ', '2026-12-01', '2027-05-31');
    expect((await adviser.push('pathway', [{ newDocumentState: wire(cej) }])).refused).toHaveLength(
      1,
    );

    const ended = { ...pacea, endDate: '2026-11-30', rev: newId() };
    await adviser.push('pathway', [
      { newDocumentState: wire(ended), assumedMasterState: wire(pacea) },
    ]);
    expect((await adviser.push('pathway', [{ newDocumentState: wire(cej) }])).refused).toEqual([]);
  });

  it('counts both end days: a CEJ may not start the day the PACEA ends, but the day after', async () => {
    const pacea = dispositif('PACEA', '2026-01-05', '2026-10-31');
    await adviser.push('pathway', [{ newDocumentState: wire(pacea) }]);
    const sameDay = dispositif('CEJ', '2026-10-31', '2027-04-30');
    const before = dispositif('CEJ', '2025-07-06', '2026-01-05');
    const answer = await adviser.push('pathway', [
      { newDocumentState: wire(sameDay) },
      { newDocumentState: wire(before) },
    ]);
    expect(answer.refused.map((row) => [row.id, row.code])).toEqual([
      [sameDay.id, 'DISPOSITIF_OVERLAP'],
      [before.id, 'DISPOSITIF_OVERLAP'],
    ]);
    const nextDay = dispositif('CEJ', '2026-11-01', '2027-04-30');
    const dayBefore = dispositif('CEJ', '2025-07-04', '2026-01-04');
    expect((await adviser.push('pathway', [{ newDocumentState: wire(nextDay) }])).refused).toEqual(
      [],
    );
    expect(
      (await adviser.push('pathway', [{ newDocumentState: wire(dayBefore) }])).refused,
    ).toEqual([]);
  });

  it('no longer counts a deleted dispositif', async () => {
    const pacea = dispositif('PACEA', '2026-01-05', '2027-06-30');
    await adviser.push('pathway', [{ newDocumentState: wire(pacea) }]);
    const removed = { ...pacea, rev: newId() };
    const deletion = await adviser.push('pathway', [
      { newDocumentState: wire(removed, true), assumedMasterState: wire(pacea) },
    ]);
    expect(deletion.refused).toEqual([]);
    const cej = dispositif('CEJ', '2026-12-01', '2027-05-31');
    expect((await adviser.push('pathway', [{ newDocumentState: wire(cej) }])).refused).toEqual([]);
    expect(await server.storage.getDocument('pathway', cej.id)).not.toBeNull();
  });
});
