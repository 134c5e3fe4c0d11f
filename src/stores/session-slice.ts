/** Session state: who is using the app and whether the server confirmed it or we are offline. */
import type { StateCreator } from 'zustand';
import type { SessionUser } from '../sync/api';

export type SessionPhase = 'checking' | 'anonymous' | 'signed-in';

export interface SessionSlice {
  phase: SessionPhase;
  user: SessionUser | null;
  /** Signed in from the device's memory because the server could not be reached. */
  offlineSession: boolean;
  signIn(user: SessionUser, offline: boolean): void;
  signOut(): void;
}

export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  phase: 'checking',
  user: null,
  offlineSession: false,
  signIn: (user, offline) => set({ phase: 'signed-in', user, offlineSession: offline }),
  signOut: () => set({ phase: 'anonymous', user: null, offlineSession: false }),
});
