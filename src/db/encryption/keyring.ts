/**
 * The keyring of a device: for each user who signed in on it, the data key wrapped twice (by the
 * password, by the recovery key the server holds), and what offline unlock needs to decide. It
 * holds no secret in clear, so it lives in localStorage; the user's profile and the token that
 * renews their session are sealed with the data key.
 *
 * What is in clear here can be edited by whoever holds the device (the failure counter, the date
 * of the last online login): those rules slow down and stop the app, not an attacker who copies
 * the profile — against that, the cost of PBKDF2 and the password itself protect the key
 * (README, Security).
 */
import type { DevicePolicy } from '../../domain/device-policy';
import type { Clock } from '../../domain/time';
import {
  derivePasswordKey,
  importAesKey,
  newKeyMaterial,
  newSalt,
  PBKDF2_ITERATIONS,
  unwrapKeyMaterial,
  wrapKeyMaterial,
  decodeKeyMaterial,
  encodeKeyMaterial,
} from './keys';
import { openSeal, seal } from './sealing';

export interface KeyringEntry {
  userId: string;
  login: string;
  /** Names the user's database: a new key never meets an older key's records. */
  keyId: string;
  salt: string;
  iterations: number;
  passwordWrapped: string;
  recoveryWrapped: string;
  /** `SealedProfile` sealed with the data key. */
  sealedProfile: string;
  /** Last time the server confirmed the account (password login or session renewal). */
  lastOnlineAt: string;
  failedUnlocks: number;
  /** After failures, no offline unlock before this time. */
  nextUnlockAt: string | null;
  /** Too many failures: only an online login unlocks. */
  onlineRequired: boolean;
  /** The Mission Locale's settings as last received, for when the device is offline. */
  policy: DevicePolicy;
  /** Changes not yet sent, to warn before a wipe: a count, nothing personal. */
  pending: number;
}

/** What is sealed in an entry: who the user is, and how to renew their session. */
export interface SealedProfile<User> {
  user: User;
  renewToken: string | null;
}

interface KeyringFile {
  version: 1;
  lastUserId: string | null;
  entries: Record<string, KeyringEntry>;
  /** The siège revoked this device: each user's data opens only to be handed over, then erased. */
  deviceRevoked?: boolean;
}

const STORAGE_KEY = 'relais.keyring';
/** Failures before waiting, the waits after them (ms), and when online login becomes required. */
export const FREE_UNLOCK_FAILURES = 2;
const UNLOCK_WAITS_MS = [5_000, 15_000, 30_000];
export const MAX_UNLOCK_FAILURES = FREE_UNLOCK_FAILURES + UNLOCK_WAITS_MS.length + 1;

/** The wrap of a key is bound to its user: an entry cannot borrow another user's wrap. */
function wrapContext(userId: string): string {
  return `relais-data-key/${userId}`;
}

function profileContext(userId: string): string {
  return `relais-profile/${userId}`;
}

export class Keyring {
  constructor(
    private readonly store: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
    private readonly clock: Clock,
  ) {}

  private read(): KeyringFile {
    try {
      const parsed = JSON.parse(this.store.getItem(STORAGE_KEY) ?? 'null') as KeyringFile | null;
      if (parsed?.version === 1) return parsed;
    } catch {
      // An unreadable keyring opens nothing: the next online login starts a new one.
    }
    return { version: 1, lastUserId: null, entries: {} };
  }

  private write(file: KeyringFile): void {
    this.store.setItem(STORAGE_KEY, JSON.stringify(file));
  }

  entries(): KeyringEntry[] {
    return Object.values(this.read().entries);
  }

  entry(userId: string): KeyringEntry | undefined {
    return this.read().entries[userId];
  }

  entryByLogin(login: string): KeyringEntry | undefined {
    const wanted = login.trim().toLowerCase();
    return this.entries().find((entry) => entry.login === wanted);
  }

  /** The user who last signed in, to fill the login form. */
  lastEntry(): KeyringEntry | undefined {
    const file = this.read();
    return file.lastUserId ? file.entries[file.lastUserId] : undefined;
  }

  save(entry: KeyringEntry, options: { last?: boolean } = {}): void {
    const file = this.read();
    file.entries[entry.userId] = entry;
    if (options.last) file.lastUserId = entry.userId;
    this.write(file);
  }

  update(userId: string, patch: Partial<KeyringEntry>): void {
    const current = this.entry(userId);
    if (current) this.save({ ...current, ...patch });
  }

  remove(userId: string): void {
    const file = this.read();
    delete file.entries[userId];
    if (file.lastUserId === userId) file.lastUserId = null;
    this.write(file);
  }

  clear(): void {
    this.store.removeItem(STORAGE_KEY);
  }

  markDeviceRevoked(): void {
    this.write({ ...this.read(), deviceRevoked: true });
  }

  deviceRevoked(): boolean {
    return this.read().deviceRevoked === true;
  }

  now(): Date {
    return this.clock.now();
  }
}

/** A new entry and its key material, for a user's first login on this device. */
export async function newEntry(
  user: { id: string; login: string },
  password: string,
  now: Date,
  policy: DevicePolicy,
): Promise<{ entry: KeyringEntry; material: Uint8Array<ArrayBuffer> }> {
  const material = newKeyMaterial();
  const salt = newSalt();
  const passwordKey = await derivePasswordKey(password, salt);
  const entry: KeyringEntry = {
    userId: user.id,
    login: user.login.toLowerCase(),
    keyId: encodeKeyMaterial(newKeyMaterial().subarray(0, 6)).replace(/[^a-zA-Z0-9]/g, ''),
    salt,
    iterations: PBKDF2_ITERATIONS,
    passwordWrapped: await wrapKeyMaterial(material, passwordKey, wrapContext(user.id)),
    recoveryWrapped: '',
    sealedProfile: '',
    lastOnlineAt: now.toISOString(),
    failedUnlocks: 0,
    nextUnlockAt: null,
    onlineRequired: false,
    policy,
    pending: 0,
  };
  return { entry, material };
}

/** The key material behind an entry, with the password; a SealError when it is wrong. */
export async function unwrapWithPassword(
  entry: KeyringEntry,
  password: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const passwordKey = await derivePasswordKey(password, entry.salt, entry.iterations);
  return unwrapKeyMaterial(entry.passwordWrapped, passwordKey, wrapContext(entry.userId));
}

/** The key material behind an entry, with the recovery key the server returned. */
export async function unwrapWithRecovery(
  entry: KeyringEntry,
  recoveryKey: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = await importAesKey(decodeKeyMaterial(recoveryKey));
  return unwrapKeyMaterial(entry.recoveryWrapped, key, wrapContext(entry.userId));
}

/** The entry's key wrapped again by a (new) password: after a password change at the siège. */
export async function rewrapForPassword(
  entry: KeyringEntry,
  material: Uint8Array<ArrayBuffer>,
  password: string,
): Promise<KeyringEntry> {
  const salt = newSalt();
  const passwordKey = await derivePasswordKey(password, salt);
  return {
    ...entry,
    salt,
    iterations: PBKDF2_ITERATIONS,
    passwordWrapped: await wrapKeyMaterial(material, passwordKey, wrapContext(entry.userId)),
  };
}

/** The entry's key wrapped by a new recovery key (to hand to the server), and that key. */
export async function rewrapForRecovery(
  entry: KeyringEntry,
  material: Uint8Array<ArrayBuffer>,
): Promise<{ entry: KeyringEntry; recoveryKey: string }> {
  const recovery = newKeyMaterial();
  const wrapped = await wrapKeyMaterial(
    material,
    await importAesKey(recovery),
    wrapContext(entry.userId),
  );
  return {
    entry: { ...entry, recoveryWrapped: wrapped },
    recoveryKey: encodeKeyMaterial(recovery),
  };
}

export function sealProfile<User>(
  dataKey: CryptoKey,
  userId: string,
  profile: SealedProfile<User>,
): Promise<string> {
  return seal(dataKey, profile, profileContext(userId));
}

export function openProfile<User>(
  dataKey: CryptoKey,
  entry: KeyringEntry,
): Promise<SealedProfile<User>> {
  return openSeal<SealedProfile<User>>(dataKey, entry.sealedProfile, profileContext(entry.userId));
}

/** The wait imposed after `failures` wrong passwords (0 while still free). */
export function unlockWaitMs(failures: number): number {
  if (failures <= FREE_UNLOCK_FAILURES) return 0;
  return UNLOCK_WAITS_MS[Math.min(failures - FREE_UNLOCK_FAILURES, UNLOCK_WAITS_MS.length) - 1]!;
}

/** Whether the offline grace period since the last online login is over. */
export function graceExpired(entry: KeyringEntry, now: Date): boolean {
  const graceMs = entry.policy.offlineGraceDays * 24 * 60 * 60 * 1000;
  return now.getTime() - new Date(entry.lastOnlineAt).getTime() > graceMs;
}
