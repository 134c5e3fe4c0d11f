/**
 * What the browser remembers between visits, outside the database: this device's id (bound to
 * sessions, for the audit log and revocation) and the last signed-in user, so the app opens
 * offline. No secret is kept here.
 */
import type { SessionUser } from './api';

const DEVICE_KEY = 'relais.deviceId';
const LAST_USER_KEY = 'relais.lastUser';

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

export function rememberUser(user: SessionUser): void {
  localStorage.setItem(LAST_USER_KEY, JSON.stringify(user));
}

export function rememberedUser(): SessionUser | null {
  try {
    const raw = localStorage.getItem(LAST_USER_KEY);
    return raw ? (JSON.parse(raw) as SessionUser) : null;
  } catch {
    return null;
  }
}

export function forgetUser(): void {
  localStorage.removeItem(LAST_USER_KEY);
}
