/**
 * Session state: who is using the app, whether the server confirmed it or the device unlocked
 * offline, whether the screen is locked, and whether the device lost its access (revoked by the
 * siège, account disabled). The data key itself is never here (app/security/unlocked.ts).
 */
import type { StateCreator } from 'zustand';
import type { DevicePolicy } from '../domain/device-policy';
import type { SessionUser } from '../sync/api';

export type SessionPhase = 'checking' | 'anonymous' | 'signed-in';

/** Why the device must hand over what it holds and erase it. */
export type AccessLoss = 'DEVICE_REVOKED' | 'ACCOUNT_DISABLED';

export interface SessionSlice {
  phase: SessionPhase;
  user: SessionUser | null;
  policy: DevicePolicy | null;
  /** Unlocked on the device alone: the server has not confirmed this session yet. */
  offlineSession: boolean;
  /** Locked after inactivity or by the user: nothing personal shown until the password. */
  locked: boolean;
  accessLost: AccessLoss | null;
  /** Shown on the login page after a wipe or a lost access (a plain French sentence). */
  farewell: string | null;
  signIn(user: SessionUser, policy: DevicePolicy, offline: boolean): void;
  confirmOnline(user: SessionUser, policy: DevicePolicy): void;
  /** The server no longer knows this session (expired): the device goes on, unconfirmed. */
  confirmOffline(): void;
  setLocked(locked: boolean): void;
  loseAccess(reason: AccessLoss): void;
  signOut(farewell?: string): void;
}

export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  phase: 'checking',
  user: null,
  policy: null,
  offlineSession: false,
  locked: false,
  accessLost: null,
  farewell: null,
  signIn: (user, policy, offline) =>
    set({
      phase: 'signed-in',
      user,
      policy,
      offlineSession: offline,
      locked: false,
      accessLost: null,
      farewell: null,
    }),
  confirmOnline: (user, policy) => set({ user, policy, offlineSession: false }),
  confirmOffline: () => set({ offlineSession: true }),
  setLocked: (locked) => set({ locked }),
  loseAccess: (reason) => set((state) => (state.accessLost ? {} : { accessLost: reason })),
  signOut: (farewell) =>
    set({
      phase: 'anonymous',
      user: null,
      policy: null,
      offlineSession: false,
      locked: false,
      accessLost: null,
      farewell: farewell ?? null,
    }),
});
