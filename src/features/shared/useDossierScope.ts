/**
 * The signed-in user's scope of dossiers, shared by the Portefeuille and Relances: their last
 * choice on this device, or their role's default (an adviser's own dossiers first).
 */
import { useCallback } from 'react';
import {
  defaultDossierScope,
  savedDossierScope,
  type DossierScope,
} from '../../stores/dossier-scope-slice';
import { useAppStore } from '../../stores/store';

export function useDossierScope(): [DossierScope, (scope: DossierScope) => void] {
  const user = useAppStore((s) => s.user);
  const chosen = useAppStore((s) => (user ? s.dossierScopes[user.id] : undefined));
  const setDossierScope = useAppStore((s) => s.setDossierScope);
  const scope =
    chosen ?? (user ? (savedDossierScope(user.id) ?? defaultDossierScope(user.role)) : 'all');
  const setScope = useCallback(
    (next: DossierScope) => {
      if (user) setDossierScope(user.id, next);
    },
    [user, setDossierScope],
  );
  return [scope, setScope];
}
