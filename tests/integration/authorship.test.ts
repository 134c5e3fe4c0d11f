/**
 * Who wrote a record comes from the session, whatever the device sends (issue 12, item 1).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src/sync/api';
import {
  ADVISER_PERSEIGNE,
  ADVISER_SEES,
  ADVISER_SEES_2,
  DIRECTION,
  createTestAccounts,
} from '../support/accounts';
import {
  buildAppointment,
  buildAttendance,
  buildEvent,
  buildLoan,
  buildProposition,
  buildVehicle,
  buildWorkshop,
  buildYouth,
  wire,
} from '../support/builders';
import { loggedInClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let camille: ApiClient;

beforeEach(async () => {
  server = await startTestServer();
  await createTestAccounts(server.storage);
  camille = await loggedInClient(server.url, ADVISER_SEES.login);
});

afterEach(async () => {
  await server.close();
});

describe('authorship from the session', () => {
  it('never stores an authorId or updatedBy the session did not give, in any collection', async () => {
    const forged = { updatedBy: ADVISER_PERSEIGNE.id };
    const youth = buildYouth({ ...forged, referentId: ADVISER_SEES.id });
    expect((await camille.push('youths', [{ newDocumentState: wire(youth) }])).refused).toEqual([]);
    const event = buildEvent({ youthId: youth.id, ...forged, authorId: ADVISER_PERSEIGNE.id });
    const proposition = buildProposition({ youthId: youth.id, ...forged, authorId: DIRECTION.id });
    const workshop = buildWorkshop(forged);
    // The fleet is the direction's and the Atelier Mob's (src/domain/rules/mobility.ts).
    const direction = await loggedInClient(server.url, DIRECTION.login);
    const vehicle = buildVehicle({ ...forged, siteId: youth.siteId });
    expect(
      (await direction.push('mobility', [{ newDocumentState: wire(vehicle) }])).refused,
    ).toEqual([]);
    expect((await server.storage.getDocument('mobility', vehicle.id))?.data.updatedBy).toBe(
      DIRECTION.id,
    );
    const pushes = [
      camille.push('events', [{ newDocumentState: wire(event) }]),
      camille.push('pathway', [{ newDocumentState: wire(proposition) }]),
      camille.push('appointments', [
        { newDocumentState: wire(buildAppointment({ youthId: youth.id, ...forged })) },
      ]),
      camille.push('workshops', [{ newDocumentState: wire(workshop) }]),
    ];
    for (const answer of await Promise.all(pushes)) expect(answer.refused).toEqual([]);
    const attendance = buildAttendance({ workshopId: workshop.id, youthId: youth.id, ...forged });
    const loan = buildLoan({
      vehicleId: vehicle.id,
      youthId: youth.id,
      startDate: '2026-12-01',
      siteId: youth.siteId,
      ...forged,
    });
    expect(
      (await camille.push('attendances', [{ newDocumentState: wire(attendance) }])).refused,
    ).toEqual([]);
    expect((await camille.push('mobility', [{ newDocumentState: wire(loan) }])).refused).toEqual(
      [],
    );

    for (const collection of [
      'youths',
      'events',
      'pathway',
      'appointments',
      'workshops',
      'attendances',
      'mobility',
    ] as const) {
      const pulled = await camille.pull(collection, 0, 100);
      expect(pulled.documents.length).toBeGreaterThan(0);
      for (const document of pulled.documents) {
        // The vehicle is the direction's; its calendar the server's.
        if (collection === 'mobility' && (document as { kind?: string }).kind !== 'loan') continue;
        expect(document.updatedBy, collection).toBe(ADVISER_SEES.id);
        if ('authorId' in document) expect(document.authorId, collection).toBe(ADVISER_SEES.id);
      }
    }
    const stored = await server.storage.getDocument('events', event.id);
    expect(stored?.data).toMatchObject({ authorId: ADVISER_SEES.id, updatedBy: ADVISER_SEES.id });
  });

  it('keeps the author of a record another adviser edits, and names the editor', async () => {
    const youth = buildYouth({ referentId: ADVISER_SEES.id });
    await camille.push('youths', [{ newDocumentState: wire(youth) }]);
    const proposition = buildProposition({ youthId: youth.id, authorId: ADVISER_SEES.id });
    await camille.push('pathway', [{ newDocumentState: wire(proposition) }]);
    const lucas = await loggedInClient(server.url, ADVISER_SEES_2.login);
    const edited = { ...proposition, rev: 'r2', result: 'acceptee', authorId: ADVISER_SEES_2.id };
    const answer = await lucas.push('pathway', [
      { newDocumentState: wire(edited), assumedMasterState: wire(proposition) },
    ]);
    expect(answer.refused).toEqual([]);
    const stored = await server.storage.getDocument('pathway', proposition.id);
    expect(stored?.data).toMatchObject({
      result: 'acceptee',
      authorId: ADVISER_SEES.id,
      updatedBy: ADVISER_SEES_2.id,
    });
  });
});
