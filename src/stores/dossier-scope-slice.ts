/**
 * Whose dossiers the Portefeuille and Relances show first — the user's own, every dossier of the
 * device, or one site's — one choice for both screens, remembered per user on this device. A UI
 * preference (no personal data), kept in localStorage so it survives a reload and a new session.
 */
import type { StateCreator } from 'zustand';
import type { Role } from '../domain/schemas/staff';

export type DossierScope = 'all' | 'mine' | `site:${string}`;

const KEY_PREFIX = 'relais.dossierScope.';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function isDossierScope(value: unknown): value is DossierScope {
  return (
    value === 'all' || value === 'mine' || (typeof value === 'string' && /^site:.+/.test(value))
  );
}

/** An adviser's own dossiers come first; the other roles follow no caseload of their own. */
export function defaultDossierScope(role: Role): DossierScope {
  return role === 'conseiller' ? 'mine' : 'all';
}

/** The scope this user chose last on this device, if any. */
export function savedDossierScope(userId: string): DossierScope | undefined {
  const saved = storage()?.getItem(KEY_PREFIX + userId);
  return isDossierScope(saved) ? saved : undefined;
}

export interface DossierScopeSlice {
  /** Scopes chosen in this session, by user id (the saved ones are read on first use). */
  dossierScopes: Record<string, DossierScope>;
  setDossierScope(userId: string, scope: DossierScope): void;
}

export const createDossierScopeSlice: StateCreator<DossierScopeSlice, [], [], DossierScopeSlice> = (
  set,
) => ({
  dossierScopes: {},
  setDossierScope: (userId, scope) => {
    storage()?.setItem(KEY_PREFIX + userId, scope);
    set((state) => ({ dossierScopes: { ...state.dossierScopes, [userId]: scope } }));
  },
});
