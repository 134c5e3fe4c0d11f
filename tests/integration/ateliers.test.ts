/**
 * Collective actions across devices (issue 15, items 1 and 2), on the real server and SQLite:
 * a catalogue entry and a session planned offline at a permanence reach the other adviser of
 * the site; a session that breaks the shared rules (src/domain/rules/workshops.ts) is refused
 * alone with its code, and a push that cancels a session already held gets the error envelope.
 */
import { describe, expect, it } from 'vitest';
import { createAccount } from '../../sync-server/src/auth/accounts';
import { schemaVersionOf } from '../../src/domain/collections';
import { fixedClock, systemClock } from '../../src/domain/time';
import { createApiClient } from '../../src/sync/api';
import { ADVISER_SEES, ADVISER_SEES_2, PASSWORD, testPasswordHash } from '../support/accounts';
import { buildAction, buildWorkshop, SITE_SEES, wire } from '../support/builders';
import { createDeviceFetch } from '../support/cookie-fetch';
import { eventually } from '../support/http';
import { syncWorld } from '../support/sync-world';

// The server's clock: Thursday 26 November 2026, 10:00.
const world = syncWorld({ app: { clock: fixedClock('2026-11-26T10:00:00') } });

describe('ateliers between two devices of a site', () => {
  it('brings a session planned offline to the other device, and refuses a broken one', async () => {
    const planner = world.device(ADVISER_SEES.login);
    const colleague = world.device(ADVISER_SEES_2.login);
    await planner.sync();
    await planner.setOnline(false);

    const action = buildAction({ title: 'Atelier simulation d’entretien', partner: 'FACE Orne' });
    const session = buildWorkshop({
      actionId: action.id,
      title: action.title,
      theme: action.theme,
      siteId: SITE_SEES,
      place: 'Salle du conseil, mairie de Sées',
      start: '2026-12-01T14:00',
      durationMinutes: 120,
      capacity: 10,
      signUpDeadline: '2026-11-30',
      facilitatorId: ADVISER_SEES.id,
      coFacilitatorIds: [ADVISER_SEES_2.id],
    });
    // Ends before it starts: the device's form would not let it through, an old device might.
    const broken = buildWorkshop({ actionId: action.id, siteId: SITE_SEES, durationMinutes: 0 });
    await planner.insert('workshops', action);
    await planner.insert('workshops', session);
    await planner.insert('workshops', broken);

    await planner.setOnline(true);
    await planner.sync();
    expect((await planner.status()).pendingState.workshops?.[broken.id]?.refused).toBe(
      'SESSION_END_BEFORE_START',
    );
    expect(await world.server.storage.getDocument('workshops', broken.id)).toBeNull();

    await eventually(async () => {
      await colleague.sync();
      expect(await colleague.get('workshops', session.id)).toMatchObject({
        actionId: action.id,
        start: '2026-12-01T14:00',
        place: 'Salle du conseil, mairie de Sées',
        coFacilitatorIds: [ADVISER_SEES_2.id],
      });
      expect(await colleague.get('workshops', action.id)).toMatchObject({
        kind: 'action',
        partner: 'FACE Orne',
      });
    });
    expect(await colleague.get('workshops', broken.id)).toBeNull();
  });

  it('keeps the catalogue to the direction and the advisers', async () => {
    await createAccount(
      world.server.storage,
      {
        id: '0190b000-0000-7000-a000-00000000a010',
        login: 'accueil.siege',
        name: 'Sophie Accueil',
        role: 'accueil',
        siteIds: [SITE_SEES],
        password: PASSWORD,
      },
      systemClock,
      { passwordHash: await testPasswordHash() },
    );
    const api = createApiClient({ baseUrl: world.server.url, fetch: createDeviceFetch().fetch });
    await api.login('accueil.siege', PASSWORD);
    const action = buildAction();
    expect((await api.push('workshops', [{ newDocumentState: wire(action) }])).refused).toEqual([
      expect.objectContaining({ id: action.id, code: 'FORBIDDEN' }),
    ]);
    // Sessions are the accueil's to plan too.
    const session = buildWorkshop({ siteId: SITE_SEES, start: '2026-12-03T09:30' });
    expect((await api.push('workshops', [{ newDocumentState: wire(session) }])).refused).toEqual(
      [],
    );
  });

  it('answers a cancellation of a session already held with the error envelope', async () => {
    const deviceFetch = createDeviceFetch();
    const api = createApiClient({ baseUrl: world.server.url, fetch: deviceFetch.fetch });
    await api.login(ADVISER_SEES.login, PASSWORD);
    const action = buildAction();
    const held = buildWorkshop({
      actionId: action.id,
      siteId: SITE_SEES,
      start: '2026-11-24T14:00',
    });
    expect((await api.push('workshops', [{ newDocumentState: wire(action) }])).refused).toEqual([]);
    expect((await api.push('workshops', [{ newDocumentState: wire(held) }])).refused).toEqual([]);

    const cancelled = {
      ...held,
      rev: 'r2',
      cancelled: true,
      cancellationReason: 'Salle indisponible',
    };
    const response = await deviceFetch.fetch(
      `${world.server.url}/api/v1/sync/workshops/${schemaVersionOf('workshops')}/push`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([
          { newDocumentState: wire(cancelled), assumedMasterState: wire(held) },
        ]),
      },
    );
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: {
        code: 'ROWS_REFUSED',
        details: { rejected: [{ id: held.id, code: 'SESSION_ALREADY_HELD' }] },
      },
    });
    expect((await world.server.storage.getDocument('workshops', held.id))?.data.cancelled).toBe(
      undefined,
    );
  });
});
