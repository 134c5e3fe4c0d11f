/**
 * Erasing Relais from the device: every database, key and cache it keeps, or one user's. The
 * data is already sealed; erasing also removes the sealed copies, the keyring and the app's
 * caches, so nothing of Relais is left in the browser profile.
 */
import { databaseNameFor } from '../../db/database';
import type { Keyring } from '../../db/encryption/keyring';

/** RxDB's Dexie storage names its IndexedDB databases `rxdb-dexie-<database>--…`. */
const DEXIE_PREFIX = 'rxdb-dexie-';

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases())
    .map((info) => info.name ?? '')
    .filter((name) => name.startsWith(`${DEXIE_PREFIX}relais-`) || name.startsWith('relais-'));
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`deleteDatabase ${name}`));
    // Another tab still holds it open: it closes on the `wiped` message, then this completes.
    request.onblocked = () => undefined;
  });
}

/** One user's databases on this device and their keyring entry. */
export async function wipeUser(keyring: Keyring, userId: string): Promise<void> {
  const entry = keyring.entry(userId);
  if (entry) {
    const prefix = `${DEXIE_PREFIX}${databaseNameFor(userId, entry.keyId)}--`;
    const names = (await databaseNames()).filter((name) => name.startsWith(prefix));
    await Promise.all(names.map(deleteDatabase));
  }
  keyring.remove(userId);
}

/** Everything of Relais on this device: every user's data, the keyring, the caches. */
export async function wipeDevice(keyring: Keyring): Promise<void> {
  await Promise.all((await databaseNames()).map(deleteDatabase));
  keyring.clear();
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('relais')) localStorage.removeItem(key);
  }
  sessionStorage.clear();
  if (typeof caches !== 'undefined') {
    await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
  }
}
