/**
 * The server's side of a device's encrypted storage (README, Security), over real HTTP on a real
 * SQLite file: the key handout after a password login, session renewal with the sealed token,
 * the hand-over of a revoked device, and the device policy direction edits.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RelaisError } from '../../src/domain/errors';
import type { Review } from '../../src/domain/schemas/review';
import { systemClock } from '../../src/domain/time';
import { createApiClient, type ApiClient } from '../../src/sync/api';
import { setAccountDisabled } from '../../sync-server/src/auth/accounts';
import { MAX_FAILURES } from '../../sync-server/src/auth/throttle';
import {
  ADVISER_PERSEIGNE,
  ADVISER_SEES,
  createTestAccounts,
  DIRECTION,
  PASSWORD,
} from '../support/accounts';
import { buildEvent, buildYouth, SITE_PERSEIGNE, SITE_SEES, wire } from '../support/builders';
import { createDeviceFetch } from '../support/cookie-fetch';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
  await createTestAccounts(server.storage);
});

afterEach(async () => {
  await server.close();
});

function device() {
  return {
    id: randomUUID(),
    api: createApiClient({ baseUrl: server.url, fetch: createDeviceFetch().fetch }),
  };
}

async function refusal(promise: Promise<unknown>): Promise<RelaisError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RelaisError);
  return error as RelaisError;
}

const recoveryKey = () => randomBytes(32).toString('base64');

async function revoke(deviceId: string): Promise<void> {
  const siege = device();
  await siege.api.login(DIRECTION.login, PASSWORD, { id: siege.id, label: 'siège' });
  await siege.api.send('POST', `/api/v1/devices/${deviceId}/revoke`);
}

describe('the key handout after a password login', () => {
  it('hands the recovery key back to that user on that device only, after a password login', async () => {
    const laptop = device();
    const first = await laptop.api.login(ADVISER_SEES.login, PASSWORD, {
      id: laptop.id,
      label: 'portable',
    });
    expect(first.deviceKey).toEqual({ recoveryKey: null, renewToken: expect.any(String) });
    expect(first.policy).toEqual({ lockAfterMinutes: 15, offlineGraceDays: 7 });
    const key = recoveryKey();
    await laptop.api.registerRecoveryKey(key);

    const again = await laptop.api.login(ADVISER_SEES.login, PASSWORD, {
      id: laptop.id,
      label: 'portable',
    });
    expect(again.deviceKey?.recoveryKey).toBe(key);
    expect(again.deviceKey?.renewToken).not.toBe(first.deviceKey?.renewToken);

    // Another device of the same user, or another user on this device: not theirs.
    const tablet = device();
    const onTablet = await tablet.api.login(ADVISER_SEES.login, PASSWORD, {
      id: tablet.id,
      label: 'tablette',
    });
    expect(onTablet.deviceKey?.recoveryKey).toBeNull();
    const colleague = await device().api.login(ADVISER_PERSEIGNE.login, PASSWORD, {
      id: laptop.id,
      label: 'portable',
    });
    expect(colleague.deviceKey?.recoveryKey).toBeNull();
    // A wrong password gets nothing at all.
    expect((await refusal(device().api.login(ADVISER_SEES.login, 'Mauvais-2026!'))).code).toBe(
      'INVALID_CREDENTIALS',
    );
  });
});

describe('renewing the session of an unlocked device', () => {
  it('opens a session with the token, without the password', async () => {
    const laptop = device();
    const login = await laptop.api.login(ADVISER_SEES.login, PASSWORD, {
      id: laptop.id,
      label: 'portable',
    });
    // Later, offline unlock, network back: a fresh client without any cookie.
    const after = device();
    const renewed = await after.api.renewSession({
      deviceId: laptop.id,
      userId: ADVISER_SEES.id,
      token: login.deviceKey!.renewToken,
    });
    expect(renewed.user.login).toBe(ADVISER_SEES.login);
    expect((await after.api.currentSession()).user.id).toBe(ADVISER_SEES.id);
  });

  it('refuses a wrong token, throttled like a login', async () => {
    const laptop = device();
    await laptop.api.login(ADVISER_SEES.login, PASSWORD, { id: laptop.id, label: 'portable' });
    const guess = { deviceId: laptop.id, userId: ADVISER_SEES.id, token: 'x'.repeat(43) };
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect((await refusal(device().api.renewSession(guess))).code).toBe('UNAUTHENTICATED');
    }
    expect((await refusal(device().api.renewSession(guess))).code).toBe('RATE_LIMITED');
  });

  it('tells a revoked device and a disabled account why, also on a live session', async () => {
    const laptop = device();
    const login = await laptop.api.login(ADVISER_SEES.login, PASSWORD, {
      id: laptop.id,
      label: 'portable',
    });
    const token = {
      deviceId: laptop.id,
      userId: ADVISER_SEES.id,
      token: login.deviceKey!.renewToken,
    };

    await setAccountDisabled(server.storage, ADVISER_SEES.login, true, systemClock);
    expect((await refusal(laptop.api.pull('youths', 0, 10))).code).toBe('ACCOUNT_DISABLED');
    expect((await refusal(device().api.renewSession(token))).code).toBe('ACCOUNT_DISABLED');
    await setAccountDisabled(server.storage, ADVISER_SEES.login, false, systemClock);

    await revoke(laptop.id);
    expect((await refusal(laptop.api.pull('youths', 0, 10))).code).toBe('DEVICE_REVOKED');
    expect((await refusal(device().api.renewSession(token))).code).toBe('DEVICE_REVOKED');
  });
});

describe('a revoked device handing over what it had not sent', () => {
  async function setUp() {
    const siege = device();
    await siege.api.login(DIRECTION.login, PASSWORD, { id: siege.id, label: 'siège' });
    const youth = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES.id, notes: 'Avant' });
    const foreign = buildYouth({ siteId: SITE_PERSEIGNE, lastName: 'Étranger' });
    await siege.api.push('youths', [
      { newDocumentState: wire(youth) },
      { newDocumentState: wire(foreign) },
    ]);
    const laptop = device();
    const login = await laptop.api.login(ADVISER_SEES.login, PASSWORD, {
      id: laptop.id,
      label: 'portable',
    });
    const token = {
      deviceId: laptop.id,
      userId: ADVISER_SEES.id,
      token: login.deviceKey!.renewToken,
    };
    return { siege, laptop, token, youth, foreign };
  }

  it('keeps every unsent change in reviews for the siège, writes nothing, then forgets the device', async () => {
    const { siege, laptop, token, youth, foreign } = await setUp();
    await revoke(laptop.id);
    const edited = { ...youth, notes: 'Tapé hors ligne avant la révocation', rev: 'r-offline' };
    const event = buildEvent({ youthId: youth.id, report: 'Entretien non envoyé' });
    const answer = await device().api.surrender(token, [
      { collection: 'youths', document: wire(edited) },
      { collection: 'events', document: wire(event) },
      { collection: 'youths', document: wire({ ...foreign, notes: 'intrus' }) },
      { collection: 'youths', document: wire(youth) },
    ]);
    expect(answer).toEqual({ kept: 2, unchanged: 1, refused: 1 });

    // Nothing written to the documents: the device is no longer trusted.
    expect((await server.storage.getDocument('youths', youth.id))?.data.notes).toBe('Avant');
    expect(await server.storage.getDocument('events', event.id)).toBeNull();
    const reviews = (await siege.api.pull('reviews', 0, 100)).documents as unknown as Review[];
    const notes = reviews.find((r) => r.documentId === youth.id && r.field === 'notes');
    expect(notes?.values).toEqual([
      expect.objectContaining({ value: 'Avant' }),
      expect.objectContaining({
        value: 'Tapé hors ligne avant la révocation',
        by: ADVISER_SEES.id,
        deviceId: laptop.id,
      }),
    ]);
    expect(reviews.some((r) => r.documentId === event.id)).toBe(true);
    expect(reviews.some((r) => r.documentId === foreign.id)).toBe(false);

    // Handed over: the token opens nothing more.
    expect((await refusal(device().api.surrender(token, []))).code).toBe('UNAUTHENTICATED');
  });

  it('is refused to a device that was not revoked', async () => {
    const { token } = await setUp();
    expect((await refusal(device().api.surrender(token, []))).code).toBe('VALIDATION_FAILED');
  });
});

describe('the device policy', () => {
  it('is edited by direction, checked, and given to every device', async () => {
    const siege = device();
    await siege.api.login(DIRECTION.login, PASSWORD, { id: siege.id, label: 'siège' });
    const put = (api: ApiClient, body: unknown) =>
      api.send<{ policy: unknown }>('PUT', '/api/v1/settings/device-policy', body);

    const invalid = await refusal(put(siege.api, { lockAfterMinutes: 0, offlineGraceDays: 7 }));
    expect(invalid.code).toBe('VALIDATION_FAILED');
    expect(invalid.message).toMatch(/verrouillage après inactivité doit être un nombre entier/);
    const adviser = device();
    await adviser.api.login(ADVISER_SEES.login, PASSWORD, { id: adviser.id, label: 'portable' });
    expect(
      (await refusal(put(adviser.api, { lockAfterMinutes: 5, offlineGraceDays: 3 }))).code,
    ).toBe('FORBIDDEN');

    await put(siege.api, { lockAfterMinutes: 5, offlineGraceDays: 3 });
    const login = await device().api.login(ADVISER_SEES.login, PASSWORD);
    expect(login.policy).toEqual({ lockAfterMinutes: 5, offlineGraceDays: 3 });
  });
});
