/**
 * Real HTTP between real RxDB devices (each in its own worker thread) and the real server on a
 * temporary SQLite file.
 */
import { describe, expect, it } from 'vitest';
import { ADVISER_PERSEIGNE, ADVISER_SEES, ADVISER_SEES_2, DIRECTION } from '../support/accounts';
import { buildEvent, buildYouth, SITE_SEES } from '../support/builders';
import { eventually, loggedInClient } from '../support/http';
import { syncWorld } from '../support/sync-world';

const world = syncWorld();
const { device } = world;

async function onServer(id: string) {
  return (await world.server.storage.getDocument('youths', id))?.data;
}

describe('replication between two devices and the server', () => {
  it('brings a dossier created on one device to another, live', async () => {
    const a = device(ADVISER_SEES.login);
    const b = device(ADVISER_SEES_2.login);
    await Promise.all([a.sync(), b.sync()]);
    const youth = buildYouth({ siteId: SITE_SEES, firstName: 'Maëlys' });
    await a.insert('youths', youth);
    await a.sync();
    expect(await onServer(youth.id)).toMatchObject({ firstName: 'Maëlys' });
    // B learns it through the SSE stream, without asking.
    await eventually(async () =>
      expect(await b.get('youths', youth.id)).toMatchObject({ firstName: 'Maëlys' }),
    );
  });

  it('merges edits of different fields made while both devices were offline', async () => {
    const a = device(ADVISER_SEES.login);
    const b = device(ADVISER_SEES_2.login);
    const youth = buildYouth({ siteId: SITE_SEES });
    await a.insert('youths', youth);
    await a.sync();
    await eventually(async () => expect(await b.get('youths', youth.id)).not.toBeNull());

    await Promise.all([a.setOnline(false), b.setOnline(false)]);
    await a.patch('youths', youth.id, { phone: '06 39 98 11 11' });
    await b.patch('youths', youth.id, { status: 'accompagne' });
    await a.insert(
      'events',
      buildEvent({ youthId: youth.id, report: 'Entretien fait hors ligne' }),
    );
    expect((await a.status()).pending).toBe(2);

    await b.setOnline(true);
    await b.sync();
    await a.setOnline(true);
    await a.sync();
    await b.sync();

    const expected = { phone: '06 39 98 11 11', status: 'accompagne' };
    expect(await onServer(youth.id)).toMatchObject(expected);
    expect(await a.get('youths', youth.id)).toMatchObject(expected);
    expect(await b.get('youths', youth.id)).toMatchObject(expected);
    expect(await b.find('events')).toHaveLength(1);
    expect((await a.status()).pending).toBe(0);
  });

  it('keeps both values of a field typed differently on two devices, in a review for the siège', async () => {
    const a = device(ADVISER_SEES.login);
    const b = device(ADVISER_SEES_2.login);
    const youth = buildYouth({ siteId: SITE_SEES });
    await a.insert('youths', youth);
    await a.sync();
    await eventually(async () => expect(await b.get('youths', youth.id)).not.toBeNull());

    await Promise.all([a.setOnline(false), b.setOnline(false)]);
    await a.patch('youths', youth.id, { phone: '06 39 98 11 11' });
    await b.patch('youths', youth.id, { phone: '06 39 98 22 22' });
    await a.setOnline(true);
    await a.sync();
    await b.setOnline(true);
    await b.sync();
    await a.sync();

    // The siège's stored value (first to arrive) stays; the other is kept in the review.
    expect(await onServer(youth.id)).toMatchObject({ phone: '06 39 98 11 11' });
    expect(await b.get('youths', youth.id)).toMatchObject({ phone: '06 39 98 11 11' });
    const direction = await loggedInClient(world.server.url, DIRECTION.login);
    const reviews = (await direction.pull('reviews', 0, 100)).documents;
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      kind: 'conflict',
      status: 'open',
      documentId: youth.id,
      field: 'phone',
    });
    const values = (reviews[0] as unknown as { values: { value: string; by: string }[] }).values;
    expect(values.map((v) => v.value).sort()).toEqual(['06 39 98 11 11', '06 39 98 22 22']);
    expect(values.find((v) => v.value === '06 39 98 22 22')?.by).toBe(ADVISER_SEES_2.id);
  });

  it('orders by the server, not by a device clock a year ahead', async () => {
    const ahead = device(ADVISER_SEES.login, 365 * 24 * 3600 * 1000);
    const onTime = device(ADVISER_SEES_2.login);
    const youth = buildYouth({ siteId: SITE_SEES });
    await ahead.insert('youths', youth);
    await ahead.patch('youths', youth.id, { firstName: 'Inès (écrit en premier)' });
    await ahead.sync();
    await eventually(async () =>
      expect(await onTime.get('youths', youth.id)).toMatchObject({
        firstName: 'Inès (écrit en premier)',
      }),
    );
    await onTime.patch('youths', youth.id, { firstName: 'Inès' });
    await onTime.sync();
    await ahead.sync();
    expect(await onServer(youth.id)).toMatchObject({ firstName: 'Inès' });
    await eventually(async () =>
      expect(await ahead.get('youths', youth.id)).toMatchObject({ firstName: 'Inès' }),
    );
  });

  it('never gives an adviser of another site a dossier of Sées, and refuses their push to it', async () => {
    const sees = device(ADVISER_SEES.login);
    const perseigne = device(ADVISER_PERSEIGNE.login);
    const youth = buildYouth({ siteId: SITE_SEES });
    await sees.insert('youths', youth);
    await sees.insert('events', buildEvent({ youthId: youth.id }));
    await sees.sync();
    await perseigne.sync();
    expect(await perseigne.find('youths')).toEqual([]);
    expect(await perseigne.find('events')).toEqual([]);

    // Through the API, a write to that dossier is refused for that row, with the reason.
    const api = await loggedInClient(world.server.url, ADVISER_PERSEIGNE.login);
    const answer = await api.push('youths', [
      { newDocumentState: { ...youth, firstName: 'Piraté', rev: 'x', _deleted: false } },
    ]);
    expect(answer.refused).toEqual([
      expect.objectContaining({ id: youth.id, code: 'OUT_OF_SCOPE' }),
    ]);
    expect(answer.conflicts).toEqual([]);
    expect(await onServer(youth.id)).toMatchObject({ firstName: youth.firstName });

    // A device's refused write stays on the device, marked refused with the reason.
    const event = await perseigne.insert('events', buildEvent({ youthId: youth.id }));
    await perseigne.sync();
    const status = await perseigne.status();
    expect(status.refused).toBe(1);
    expect(status.pendingState.events?.[String(event.id)]?.refused).toBe('OUT_OF_SCOPE');
    expect(await perseigne.get('events', String(event.id))).not.toBeNull();
    expect(await world.server.storage.getDocument('events', String(event.id))).toBeNull();
  });
});
