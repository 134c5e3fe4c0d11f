/**
 * Opening Relais on this device with a password (README, Security):
 * - online, the server checks the password; the device then opens its keyring entry with it —
 *   or, when the password was changed at the siège, with the recovery key the server returned,
 *   and wraps the data key again for the new password — or makes a new entry on a first login;
 * - when the server cannot be reached, the password opens the entry locally, within the offline
 *   grace period and the failure limits; a wrong password never destroys anything.
 */
import {
  openProfile,
  newEntry,
  rewrapForPassword,
  rewrapForRecovery,
  sealProfile,
} from '../../db/encryption/keyring';
import {
  graceExpired,
  MAX_UNLOCK_FAILURES,
  unlockWaitMs,
  unwrapWithPassword,
  unwrapWithRecovery,
  type Keyring,
  type KeyringEntry,
} from '../../db/encryption/keyring';
import { importAesKey } from '../../db/encryption/keys';
import { SealError } from '../../db/encryption/sealing';
import { RelaisError } from '../../domain/errors';
import type { ApiClient, LoginAnswer, SessionUser } from '../../sync/api';
import type { Unlocked } from './unlocked';

export interface AccessDeps {
  api: Pick<ApiClient, 'login' | 'registerRecoveryKey'>;
  keyring: Keyring;
  device: { id: string; label: string };
}

/** The key material as a non-extractable key; the raw bytes are wiped from memory. */
async function dataKeyOf(material: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const dataKey = await importAesKey(material);
  material.fill(0);
  return dataKey;
}

async function unlockedFrom(
  dataKey: CryptoKey,
  entry: KeyringEntry,
  offline: boolean,
): Promise<Unlocked> {
  const profile = await openProfile<SessionUser>(dataKey, entry);
  return {
    user: profile.user,
    policy: entry.policy,
    dataKey,
    keyId: entry.keyId,
    renewToken: profile.renewToken,
    offline,
  };
}

/** The key of a known entry after a password login: by the password, else by recovery. */
async function reopenEntry(
  entry: KeyringEntry,
  password: string,
  recoveryKey: string | null,
): Promise<{ entry: KeyringEntry; material: Uint8Array<ArrayBuffer> }> {
  try {
    return { entry, material: await unwrapWithPassword(entry, password) };
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
  }
  // The server accepted this password, the entry did not: it was changed at the siège.
  if (!recoveryKey) throw new RelaisError('KEY_UNRECOVERABLE');
  const material = await unwrapWithRecovery(entry, recoveryKey).catch(() => {
    throw new RelaisError('KEY_UNRECOVERABLE');
  });
  return { entry: await rewrapForPassword(entry, material, password), material };
}

/** After the server accepted the password: the entry opened (or made) and refreshed. */
export async function openAfterLogin(
  answer: LoginAnswer,
  password: string,
  deps: AccessDeps,
): Promise<Unlocked> {
  const { user, policy } = answer;
  const now = deps.keyring.now();
  const known = deps.keyring.entry(user.id);
  const recoveryKey = answer.deviceKey?.recoveryKey ?? null;
  const opened = known
    ? await reopenEntry(known, password, recoveryKey)
    : await newEntry(user, password, now, policy);
  const { material } = opened;
  let { entry } = opened;
  if (!known || !recoveryKey) {
    const rewrapped = await rewrapForRecovery(entry, material);
    await deps.api.registerRecoveryKey(rewrapped.recoveryKey);
    entry = rewrapped.entry;
  }
  const dataKey = await dataKeyOf(material);
  const renewToken = answer.deviceKey?.renewToken ?? null;
  entry = {
    ...entry,
    login: user.login.toLowerCase(),
    policy,
    lastOnlineAt: now.toISOString(),
    failedUnlocks: 0,
    nextUnlockAt: null,
    onlineRequired: false,
    sealedProfile: await sealProfile(dataKey, user.id, { user, renewToken }),
  };
  deps.keyring.save(entry, { last: true });
  return unlockedFrom(dataKey, entry, false);
}

/**
 * The password checked against the device's keyring (offline unlock, lock screen), with its
 * rules: no offline unlock past the grace period, waits after repeated failures, then only an
 * online login. Returns the key material.
 */
export async function checkPasswordLocally(
  entry: KeyringEntry,
  password: string,
  keyring: Keyring,
): Promise<Uint8Array<ArrayBuffer>> {
  const now = keyring.now();
  if (entry.onlineRequired) throw new RelaisError('UNLOCK_BLOCKED');
  if (graceExpired(entry, now)) throw new RelaisError('OFFLINE_GRACE_EXPIRED');
  const waitUntil = entry.nextUnlockAt ? new Date(entry.nextUnlockAt).getTime() : 0;
  if (waitUntil > now.getTime()) {
    const seconds = Math.ceil((waitUntil - now.getTime()) / 1000);
    throw new RelaisError('UNLOCK_WAIT', `Trop d’essais : réessayez dans ${seconds} s.`);
  }
  try {
    const material = await unwrapWithPassword(entry, password);
    keyring.update(entry.userId, { failedUnlocks: 0, nextUnlockAt: null });
    return material;
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
  }
  const failures = entry.failedUnlocks + 1;
  const wait = unlockWaitMs(failures);
  const blocked = failures >= MAX_UNLOCK_FAILURES;
  keyring.update(entry.userId, {
    failedUnlocks: failures,
    nextUnlockAt: wait > 0 ? new Date(now.getTime() + wait).toISOString() : null,
    onlineRequired: blocked,
  });
  throw new RelaisError(blocked ? 'UNLOCK_BLOCKED' : 'WRONG_PASSWORD');
}

export async function unlockOffline(
  login: string,
  password: string,
  keyring: Keyring,
): Promise<Unlocked> {
  const entry = keyring.entryByLogin(login);
  if (!entry) throw new RelaisError('NO_OFFLINE_DATA');
  const material = await checkPasswordLocally(entry, password, keyring);
  keyring.save(keyring.entry(entry.userId)!, { last: true });
  return unlockedFrom(await dataKeyOf(material), entry, true);
}

/** Login with the password: online when the server answers, offline otherwise. */
export async function signInWithPassword(
  login: string,
  password: string,
  deps: AccessDeps,
): Promise<Unlocked> {
  let answer: LoginAnswer;
  try {
    answer = await deps.api.login(login, password, deps.device);
  } catch (error) {
    if (error instanceof RelaisError && error.code === 'NETWORK') {
      return unlockOffline(login, password, deps.keyring);
    }
    throw error;
  }
  return openAfterLogin(answer, password, deps);
}

/**
 * The data of a user whose device was revoked (or account disabled), opened with the password
 * only to hand over what it holds and erase it: no grace period applies, the workspace never
 * opens (the session is marked as having lost its access).
 */
export async function unlockForHandOver(entry: KeyringEntry, password: string): Promise<Unlocked> {
  const material = await unwrapWithPassword(entry, password).catch((error: unknown) => {
    throw error instanceof SealError ? new RelaisError('WRONG_PASSWORD') : error;
  });
  return unlockedFrom(await dataKeyOf(material), entry, true);
}
