/**
 * The server refuses on push what the device's forms refuse (issue 14, items 1 and 2), through
 * the push pipeline's write rules, whatever the device: a Présent or an entretien dated in the
 * future, a dossier under 15 or over 30 at its date of entry. Each refused row is refused alone,
 * with its code, and nothing of it is stored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/time';
import { createApiClient, type ApiClient } from '../../src/sync/api';
import { ADVISER_SEES, PASSWORD, createTestAccounts } from '../support/accounts';
import { buildAppointment, buildEvent, buildYouth, SITE_SEES, wire } from '../support/builders';
import { createDeviceFetch } from '../support/cookie-fetch';
import { startTestServer, type TestServer } from '../support/server';

// The server's clock: Thursday 26 November 2026, 10:00.
const clock = fixedClock('2026-11-26T10:00:00');
let server: TestServer;
let api: ApiClient;

beforeEach(async () => {
  server = await startTestServer({ clock });
  await createTestAccounts(server.storage);
  api = createApiClient({ baseUrl: server.url, fetch: createDeviceFetch().fetch });
  await api.login(ADVISER_SEES.login, PASSWORD);
});

afterEach(async () => {
  await server.close();
});

const youth = buildYouth({
  siteId: SITE_SEES,
  referentId: ADVISER_SEES.id,
  createdOn: '2026-02-02',
});

async function stored(collection: 'youths' | 'events' | 'appointments', id: string) {
  return server.storage.getDocument(collection, id);
}

describe('write rules of the push', () => {
  it('refuses an entretien, a Présent or an Absent dated on a day to come, and takes today’s', async () => {
    await api.push('youths', [{ newDocumentState: wire(youth) }]);
    const future = buildEvent({ youthId: youth.id, at: '2026-11-28T10:00' });
    const todays = buildEvent({ youthId: youth.id, at: '2026-11-26T09:00' });
    const events = await api.push('events', [
      { newDocumentState: wire(future) },
      { newDocumentState: wire(todays) },
    ]);
    expect(events.refused).toEqual([
      expect.objectContaining({ id: future.id, code: 'NOT_HAPPENED_YET' }),
    ]);
    expect(await stored('events', future.id)).toBeNull();
    expect(await stored('events', todays.id)).not.toBeNull();

    const present = buildAppointment({
      youthId: youth.id,
      siteId: SITE_SEES,
      start: '2026-11-28T10:00',
      status: 'present',
    });
    const absent = buildAppointment({
      youthId: youth.id,
      siteId: SITE_SEES,
      start: '2026-11-30T10:00',
      status: 'absent',
    });
    const planned = buildAppointment({
      youthId: youth.id,
      siteId: SITE_SEES,
      start: '2026-11-30T10:00',
      status: 'planifie',
    });
    const answer = await api.push('appointments', [
      { newDocumentState: wire(present) },
      { newDocumentState: wire(absent) },
      { newDocumentState: wire(planned) },
    ]);
    expect(answer.refused.map((row) => [row.id, row.code])).toEqual([
      [present.id, 'NOT_HAPPENED_YET'],
      [absent.id, 'NOT_HAPPENED_YET'],
    ]);
    expect(await stored('appointments', planned.id)).not.toBeNull();
    // Marked present once stored as planned: refused too.
    const marked = await api.push('appointments', [
      {
        newDocumentState: wire({ ...planned, status: 'present', rev: 'r2' }),
        assumedMasterState: wire(planned),
      },
    ]);
    expect(marked.refused).toEqual([
      expect.objectContaining({ id: planned.id, code: 'NOT_HAPPENED_YET' }),
    ]);
  });

  it('refuses a dossier under 15 or over 30 at its date of entry, keeps 26–29', async () => {
    const child = buildYouth({
      siteId: SITE_SEES,
      birthDate: '2016-05-02',
      createdOn: '2026-11-26',
    });
    const old = buildYouth({ siteId: SITE_SEES, birthDate: '1900-01-01', createdOn: '2026-11-26' });
    const contact = buildYouth({ siteId: SITE_SEES, birthDate: '2016', createdOn: '2026-11-26' });
    const older = buildYouth({
      siteId: SITE_SEES,
      birthDate: '1998-01-01',
      createdOn: '2026-11-26',
    });
    const answer = await api.push('youths', [
      { newDocumentState: wire(child) },
      { newDocumentState: wire(old) },
      { newDocumentState: wire(contact) },
      { newDocumentState: wire(older) },
    ]);
    expect(answer.refused.map((row) => [row.id, row.code])).toEqual([
      [child.id, 'AGE_OUT_OF_RANGE'],
      [old.id, 'AGE_OUT_OF_RANGE'],
      [contact.id, 'AGE_OUT_OF_RANGE'],
    ]);
    expect(answer.refused[0]!.message).toMatch(/15 ans.*30 ans/);
    expect(await stored('youths', child.id)).toBeNull();
    expect(await stored('youths', older.id)).not.toBeNull();
  });
});
