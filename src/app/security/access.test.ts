import { describe, expect, it } from 'vitest';
import { Keyring, MAX_UNLOCK_FAILURES } from '../../db/encryption/keyring';
import { openSeal, seal } from '../../db/encryption/sealing';
import { DEFAULT_DEVICE_POLICY } from '../../domain/device-policy';
import { RelaisError } from '../../domain/errors';
import type { LoginAnswer, SessionUser } from '../../sync/api';
import { checkPasswordLocally, signInWithPassword, unlockOffline, type AccessDeps } from './access';

const camille: SessionUser = {
  id: 'u-camille',
  login: 'camille.martin',
  name: 'Camille Martin',
  role: 'conseiller',
  siteIds: ['site-sees'],
};

function memoryStore(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** A server stand-in at the network boundary: which password it accepts, its recovery key. */
function world() {
  let now = new Date('2026-11-26T10:00:00Z');
  const server = {
    password: 'Relais-Demo-2026',
    recoveryKey: null as string | null,
    reachable: true,
    registered: 0,
  };
  const keyring = new Keyring(memoryStore(), { now: () => now });
  const deps: AccessDeps = {
    keyring,
    device: { id: '11111111-1111-4111-8111-111111111111', label: 'test' },
    api: {
      async login(login: string, password: string): Promise<LoginAnswer> {
        if (!server.reachable) throw new RelaisError('NETWORK');
        if (login !== camille.login || password !== server.password)
          throw new RelaisError('INVALID_CREDENTIALS');
        return {
          user: camille,
          policy: DEFAULT_DEVICE_POLICY,
          deviceKey: { recoveryKey: server.recoveryKey, renewToken: 'renew-token-1234567890' },
        };
      },
      async registerRecoveryKey(key: string) {
        server.recoveryKey = key;
        server.registered += 1;
      },
    },
  };
  return {
    server,
    keyring,
    deps,
    later(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RelaisError);
  return (error as RelaisError).code;
}

const DAY = 24 * 60 * 60 * 1000;

describe('opening Relais with a password', () => {
  it('makes a key on the first online login, then opens the same key offline', async () => {
    const { server, deps, keyring } = world();
    const online = await signInWithPassword('camille.martin', server.password, deps);
    expect(online.offline).toBe(false);
    expect(online.user).toEqual(camille);
    expect(server.registered).toBe(1);
    const sealed = await seal(online.dataKey, { note: 'secret' }, 'youths/y1');

    server.reachable = false;
    const offline = await signInWithPassword('Camille.Martin', server.password, deps);
    expect(offline.offline).toBe(true);
    expect(offline.user).toEqual(camille);
    expect(offline.renewToken).toBe('renew-token-1234567890');
    expect(await openSeal(offline.dataKey, sealed, 'youths/y1')).toEqual({ note: 'secret' });
    // Nothing readable in the keyring: no name, no token.
    const stored = JSON.stringify(keyring.entries());
    expect(stored).not.toContain('Camille Martin');
    expect(stored).not.toContain('renew-token');
  });

  it('refuses a wrong password offline, slows down, then requires an online login', async () => {
    const { server, deps, keyring, later } = world();
    await signInWithPassword('camille.martin', server.password, deps);
    server.reachable = false;
    expect(await failure(unlockOffline('camille.martin', 'mauvais', keyring))).toBe(
      'WRONG_PASSWORD',
    );
    expect(await failure(unlockOffline('camille.martin', 'mauvais', keyring))).toBe(
      'WRONG_PASSWORD',
    );
    expect(await failure(unlockOffline('camille.martin', 'mauvais', keyring))).toBe(
      'WRONG_PASSWORD',
    );
    // A wait now applies, even to the right password.
    expect(await failure(unlockOffline('camille.martin', server.password, keyring))).toBe(
      'UNLOCK_WAIT',
    );
    for (let i = 4; i <= MAX_UNLOCK_FAILURES; i++) {
      later(60_000);
      await unlockOffline('camille.martin', 'mauvais', keyring).catch(() => undefined);
    }
    later(60_000);
    expect(await failure(unlockOffline('camille.martin', server.password, keyring))).toBe(
      'UNLOCK_BLOCKED',
    );
    // The key and the entry are still there: an online login opens them again.
    server.reachable = true;
    const back = await signInWithPassword('camille.martin', server.password, deps);
    expect(back.offline).toBe(false);
    server.reachable = false;
    expect((await unlockOffline('camille.martin', server.password, keyring)).offline).toBe(true);
  });

  it('refuses offline unlock 7 days after the last online login', async () => {
    const { server, deps, keyring, later } = world();
    await signInWithPassword('camille.martin', server.password, deps);
    server.reachable = false;
    later(6 * DAY);
    await unlockOffline('camille.martin', server.password, keyring);
    later(1.5 * DAY);
    expect(await failure(unlockOffline('camille.martin', server.password, keyring))).toBe(
      'OFFLINE_GRACE_EXPIRED',
    );
    const entry = keyring.entryByLogin('camille.martin')!;
    expect(await failure(checkPasswordLocally(entry, server.password, keyring))).toBe(
      'OFFLINE_GRACE_EXPIRED',
    );
  });

  it('keeps the data after a password reset at the siège: the recovery key re-wraps it', async () => {
    const { server, deps, keyring } = world();
    const before = await signInWithPassword('camille.martin', server.password, deps);
    const sealed = await seal(before.dataKey, { unsent: 'entretien' }, 'events/e1');

    server.password = 'Nouveau-Mot-2027!';
    const after = await signInWithPassword('camille.martin', server.password, deps);
    expect(await openSeal(after.dataKey, sealed, 'events/e1')).toEqual({ unsent: 'entretien' });
    expect(server.registered).toBe(1);

    server.reachable = false;
    expect(await failure(unlockOffline('camille.martin', 'Relais-Demo-2026', keyring))).toBe(
      'WRONG_PASSWORD',
    );
    const offline = await unlockOffline('camille.martin', server.password, keyring);
    expect(await openSeal(offline.dataKey, sealed, 'events/e1')).toEqual({ unsent: 'entretien' });
  });

  it('says so when neither the new password nor the server can reopen the data', async () => {
    const { server, deps } = world();
    await signInWithPassword('camille.martin', server.password, deps);
    server.password = 'Nouveau-Mot-2027!';
    server.recoveryKey = null;
    expect(await failure(signInWithPassword('camille.martin', server.password, deps))).toBe(
      'KEY_UNRECOVERABLE',
    );
  });

  it('opens nothing offline for a user who never signed in on this device', async () => {
    const { server, keyring } = world();
    server.reachable = false;
    expect(await failure(unlockOffline('yacine.haddad', 'x', keyring))).toBe('NO_OFFLINE_DATA');
  });
});
