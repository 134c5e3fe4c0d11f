/**
 * The session of this device (README, Security): opening it with a password — online, or
 * offline from the keyring — taking the key from another unlocked tab, locking and unlocking,
 * renewing the server session of an unlocked device, and logging out. The data key stays in
 * memory (security/unlocked.ts); the store only says where the session stands.
 */
import { Keyring, type KeyringEntry } from '../db/encryption/keyring';
import { RelaisError } from '../domain/errors';
import { systemClock } from '../domain/time';
import { useAppStore } from '../stores/store';
import { deviceId, deviceLabel } from '../sync/device';
import { api } from './api';
import { checkPasswordLocally, signInWithPassword, unlockForHandOver } from './security/access';
import { sessionChannel } from './security/session-channel';
import { setUnlockedSession, unlockedSession, type Unlocked } from './security/unlocked';

let keyring: Keyring | undefined;

/** The device's keyring (localStorage holds only wrapped keys and sealed profiles). */
export function deviceKeyring(): Keyring {
  keyring ??= new Keyring(localStorage, systemClock);
  return keyring;
}

function enter(unlocked: Unlocked): void {
  setUnlockedSession(unlocked);
  useAppStore.getState().signIn(unlocked.user, unlocked.policy, unlocked.offline);
}

/** Leaves the session in this tab: the key is dropped from memory. */
function leave(farewell?: string): void {
  setUnlockedSession(null);
  useAppStore.getState().signOut(farewell);
}

/**
 * At start: the login page at once, and the key of a tab already unlocked if one answers (only
 * asked when someone signed in on this device).
 */
export async function restoreSession(): Promise<void> {
  leave();
  if (deviceKeyring().entries().length === 0) return;
  const shared = await sessionChannel.askKey();
  if (shared && useAppStore.getState().phase === 'anonymous') enter(shared);
}

export async function logIn(login: string, password: string): Promise<void> {
  const ring = deviceKeyring();
  try {
    const unlocked = await signInWithPassword(login, password, {
      api,
      keyring: ring,
      device: { id: deviceId(), label: deviceLabel() },
    });
    enter(unlocked);
    // Opened offline on a device known to be revoked: only to hand over and erase.
    if (unlocked.offline && ring.deviceRevoked())
      useAppStore.getState().loseAccess('DEVICE_REVOKED');
  } catch (error) {
    const entry = error instanceof RelaisError ? ring.entryByLogin(login) : undefined;
    if (!entry) throw error;
    const code = (error as RelaisError).code;
    if (code === 'DEVICE_REVOKED' || code === 'ACCOUNT_DISABLED') {
      // Open this user's data with the password just typed, only to hand it over and erase it.
      enter(await unlockForHandOver(entry, password));
      useAppStore.getState().loseAccess(code);
      return;
    }
    const lost =
      code === 'INVALID_CREDENTIALS' ? await disabledSinceLastLogin(entry, password) : null;
    if (!lost) throw error;
    enter(lost.unlocked);
    useAppStore.getState().loseAccess(lost.code);
  }
}

/**
 * The server answers a disabled account like a wrong password (so a right password tells a
 * stranger nothing). A device that holds this user's data may ask more: when the password opens
 * the data here, the token kept sealed with it asks the server for a session, which says
 * whether the account was disabled (or the device revoked) — then the data is handed over and
 * erased. Null otherwise; a session the token opened (the password was changed at the siège,
 * this is the old one) is ended at once: the old password opens nothing online.
 */
async function disabledSinceLastLogin(
  entry: KeyringEntry,
  password: string,
): Promise<{ unlocked: Unlocked; code: 'DEVICE_REVOKED' | 'ACCOUNT_DISABLED' } | null> {
  const unlocked = await unlockForHandOver(entry, password).catch(() => null);
  if (!unlocked?.renewToken) return null;
  try {
    await api.renewSession({
      deviceId: deviceId(),
      userId: unlocked.user.id,
      token: unlocked.renewToken,
    });
    await api.logout().catch(() => undefined);
    return null;
  } catch (error) {
    const code = error instanceof RelaisError ? error.code : undefined;
    return code === 'DEVICE_REVOKED' || code === 'ACCOUNT_DISABLED' ? { unlocked, code } : null;
  }
}

/** The lock screen: the password checked on the device (the key is still in memory). */
export async function unlock(password: string): Promise<void> {
  const unlocked = unlockedSession();
  const entry = unlocked && deviceKeyring().entry(unlocked.user.id);
  if (!unlocked || !entry) throw new RelaisError('NO_OFFLINE_DATA');
  const material = await checkPasswordLocally(entry, password, deviceKeyring());
  material.fill(0);
  useAppStore.getState().setLocked(false);
  sessionChannel.post({ type: 'unlock' });
}

export function lock(): void {
  if (useAppStore.getState().phase !== 'signed-in') return;
  useAppStore.getState().setLocked(true);
  sessionChannel.post({ type: 'lock' });
}

/**
 * A new server session for an unlocked device whose session is missing or expired (offline
 * unlock, network back, 12 h passed), with the token kept sealed: no password asked.
 */
export async function renewSession(): Promise<boolean> {
  const unlocked = unlockedSession();
  if (!unlocked?.renewToken) return false;
  const answer = await api.renewSession({
    deviceId: deviceId(),
    userId: unlocked.user.id,
    token: unlocked.renewToken,
  });
  deviceKeyring().update(unlocked.user.id, {
    lastOnlineAt: deviceKeyring().now().toISOString(),
    policy: answer.policy,
  });
  setUnlockedSession({ ...unlocked, user: answer.user, policy: answer.policy, offline: false });
  useAppStore.getState().confirmOnline(answer.user, answer.policy);
  return true;
}

/** Ends the session on the server and in every tab; the sealed data stays for a fast return. */
export async function logOut(farewell?: string): Promise<void> {
  await api.logout().catch(() => undefined);
  sessionChannel.post({ type: 'signed-out' });
  leave(farewell);
}

/** What other tabs say: hand the key to a new tab, lock, unlock, sign out with them. */
export function followOtherTabs(): () => void {
  return sessionChannel.listen((message) => {
    const store = useAppStore.getState();
    const unlocked = unlockedSession();
    switch (message.type) {
      case 'ask-key':
        if (unlocked && store.phase === 'signed-in' && !store.locked && !store.accessLost)
          sessionChannel.post({ type: 'key', unlocked });
        break;
      case 'lock':
        if (store.phase === 'signed-in') store.setLocked(true);
        break;
      case 'unlock':
        if (store.phase === 'signed-in') store.setLocked(false);
        break;
      case 'signed-out':
      case 'wiped':
        if (store.phase === 'signed-in') leave();
        break;
    }
  });
}
