/**
 * Opening the session at start: the server says who is logged in; when it cannot be reached the
 * last user of this device opens offline (the data stays on the device until a login is possible).
 * A device that remembers nobody goes straight to the login page.
 */
import { RelaisError } from '../domain/errors';
import { useAppStore } from '../stores/store';
import { deviceId, deviceLabel, forgetUser, rememberUser, rememberedUser } from '../sync/device';
import { api } from './api';

export async function restoreSession(): Promise<void> {
  const { signIn, signOut } = useAppStore.getState();
  // Nobody signed in on this device (or its memory was cleared, device id included): the login
  // page at once, without asking the server about a session that would belong to no device.
  if (!rememberedUser()) {
    signOut();
    return;
  }
  try {
    const user = await api.currentUser();
    rememberUser(user);
    signIn(user, false);
  } catch (error) {
    const offlineUser = rememberedUser();
    if (error instanceof RelaisError && error.code === 'NETWORK' && offlineUser)
      signIn(offlineUser, true);
    else signOut();
  }
}

export async function logIn(login: string, password: string): Promise<void> {
  const user = await api.login(login, password, { id: deviceId(), label: deviceLabel() });
  rememberUser(user);
  useAppStore.getState().signIn(user, false);
}

export async function logOut(): Promise<void> {
  await api.logout().catch(() => undefined);
  forgetUser();
  useAppStore.getState().signOut();
}
