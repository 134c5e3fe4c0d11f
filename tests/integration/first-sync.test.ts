/**
 * The fast first sync (src/sync/bootstrap.ts): a fresh device imports what the server holds, and
 * afterwards behaves exactly as if it had replicated document by document.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newRev } from '../../src/domain/ids';
import { BOOTSTRAP_FIRST_PAGE_SIZE } from '../../src/sync/bootstrap';
import { ADVISER_SEES, ADVISER_SEES_2, PASSWORD, createTestAccounts } from '../support/accounts';
import { buildEvent, buildYouth, SITE_SEES, wire } from '../support/builders';
import { spawnDevice, type Device } from '../support/device';
import { eventually, loggedInClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let device: Device | undefined;

beforeEach(async () => {
  server = await startTestServer();
  await createTestAccounts(server.storage);
});

afterEach(async () => {
  await device?.close();
  await server.close();
});

describe('first sync of a fresh device', () => {
  it('imports everything without pushing it back, then merges, receives and pushes like any device', async () => {
    const api = await loggedInClient(server.url, ADVISER_SEES_2.login);
    const youths = Array.from({ length: 30 }, () => buildYouth({ siteId: SITE_SEES }));
    await api.push(
      'youths',
      youths.map((y) => ({ newDocumentState: wire(y) })),
    );
    await api.push(
      'events',
      youths.map((y) => ({ newDocumentState: wire(buildEvent({ youthId: y.id })) })),
    );
    const seqBefore = await server.storage.lastSeq();

    device = spawnDevice({ serverUrl: server.url, login: ADVISER_SEES.login, password: PASSWORD });
    await device.sync();
    expect(await device.find('youths')).toHaveLength(30);
    expect(await device.find('events')).toHaveLength(30);
    expect(await server.storage.lastSeq()).toBe(seqBefore);

    // A change made elsewhere reaches the imported document.
    const target = youths[0]!;
    const changed = { ...target, rev: newRev(), status: 'accompagne' as const };
    await api.push('youths', [
      { newDocumentState: wire(changed), assumedMasterState: wire(target) },
    ]);
    await eventually(async () =>
      expect(await device!.get('youths', target.id)).toMatchObject({ status: 'accompagne' }),
    );

    // An edit of another imported document, concurrent with a server-side edit of another field:
    // the server knows which revision the device started from, so both merge silently.
    const other = youths[1]!;
    await device.setOnline(false);
    await device.patch('youths', other.id, { phone: '06 39 98 44 44' });
    await api.push('youths', [
      {
        newDocumentState: wire({ ...other, rev: newRev(), email: 'ines@example.fr' }),
        assumedMasterState: wire(other),
      },
    ]);
    await device.setOnline(true);
    await device.sync();
    expect((await server.storage.getDocument('youths', other.id))?.data).toMatchObject({
      phone: '06 39 98 44 44',
      email: 'ines@example.fr',
    });
    await eventually(async () =>
      expect(await device!.get('youths', other.id)).toMatchObject({
        phone: '06 39 98 44 44',
        email: 'ines@example.fr',
      }),
    );
    const direction = await loggedInClient(server.url, 'direction');
    // No conflict to review (the 30 identical dossiers of the builder are, rightly, probable
    // duplicates: those reviews are not the subject here).
    const reviews = (await direction.pull('reviews', 0, 1000)).documents;
    expect(reviews.filter((review) => (review as { kind?: string }).kind === 'conflict')).toEqual(
      [],
    );
  });

  it('imports a collection spread over several pages, the small first one included', async () => {
    const api = await loggedInClient(server.url, ADVISER_SEES_2.login);
    const youth = buildYouth({ siteId: SITE_SEES });
    await api.push('youths', [{ newDocumentState: wire(youth) }]);
    const count = BOOTSTRAP_FIRST_PAGE_SIZE + 700;
    const events = Array.from({ length: count }, () => buildEvent({ youthId: youth.id }));
    for (let i = 0; i < events.length; i += 600) {
      await api.push(
        'events',
        events.slice(i, i + 600).map((event) => ({ newDocumentState: wire(event) })),
      );
    }
    const seqBefore = await server.storage.lastSeq();

    device = spawnDevice({ serverUrl: server.url, login: ADVISER_SEES.login, password: PASSWORD });
    await device.sync();
    const imported = await device.find('events');
    expect(new Set(imported.map((event) => event.id))).toEqual(
      new Set(events.map((event) => event.id)),
    );
    expect(await server.storage.lastSeq()).toBe(seqBefore);
  });

  it('resumes a first sync interrupted after its first page, without duplicates or gaps', async () => {
    const api = await loggedInClient(server.url, ADVISER_SEES_2.login);
    const youth = buildYouth({ siteId: SITE_SEES });
    await api.push('youths', [{ newDocumentState: wire(youth) }]);
    const events = Array.from({ length: BOOTSTRAP_FIRST_PAGE_SIZE + 700 }, () =>
      buildEvent({ youthId: youth.id }),
    );
    for (let i = 0; i < events.length; i += 600) {
      await api.push(
        'events',
        events.slice(i, i + 600).map((event) => ({ newDocumentState: wire(event) })),
      );
    }
    const seqBefore = await server.storage.lastSeq();

    device = spawnDevice({
      serverUrl: server.url,
      login: ADVISER_SEES.login,
      password: PASSWORD,
      offlineAfterFirstPullOf: 'events',
    });
    // The first page is written, then the network is gone: a device holding part of its events.
    await eventually(async () =>
      expect(await device!.find('events')).toHaveLength(BOOTSTRAP_FIRST_PAGE_SIZE),
    );
    // Closed and opened again (the next morning), then back online.
    await device.restart();
    await device.setOnline(true);
    await device.sync();
    const held = (await device.find('events')).map((event) => event.id);
    expect(held).toHaveLength(events.length);
    expect(new Set(held)).toEqual(new Set(events.map((event) => event.id)));
    // Nothing imported was pushed back as a change, nothing waits to be sent.
    expect(await server.storage.lastSeq()).toBe(seqBefore);
    expect((await device.status()).pending).toBe(0);
  });
});
