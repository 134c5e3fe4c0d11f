/**
 * This device's id, kept by the browser between visits (bound to sessions, for the audit log and
 * revocation). Not a secret, nothing personal. Who signed in on the device is in the keyring
 * (src/db/encryption/keyring.ts).
 */

const DEVICE_KEY = 'relais.deviceId';

export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

export function deviceLabel(): string {
  const touch = navigator.maxTouchPoints > 0 ? 'tablette' : 'ordinateur';
  return `Navigateur (${touch})`;
}
