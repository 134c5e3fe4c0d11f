/**
 * The screens of the app: one entry per route, with its label in the navigation and the roles
 * that see it. Each feature adds its own entries here.
 * TODO(lazy screens): load screens on first use once the service worker precaches their chunks;
 * without it, a screen never opened before cannot load offline.
 */
import type { ComponentType } from 'react';
import type { Role } from '../domain/schemas/staff';
import { AgendaScreen } from '../features/agenda/AgendaScreen';
import { AllerVersScreen } from '../features/aller-vers/AllerVersScreen';
import { DevicesScreen } from '../features/appareils/DevicesScreen';
import { CaseloadScreen } from '../features/caseload/CaseloadScreen';
import { DossierScreen } from '../features/dossier/DossierScreen';
import { NewDossierScreen } from '../features/dossier/NewDossierScreen';
import { DuplicatesScreen } from '../features/doublons/DuplicatesScreen';
import { PermanenceScreen } from '../features/permanence/PermanenceScreen';
import { ReconciliationScreen } from '../features/reconciliation/ReconciliationScreen';
import { RelancesScreen } from '../features/relances/RelancesScreen';
import { SiteFormScreen } from '../features/sites/SiteFormScreen';
import { SitesScreen } from '../features/sites/SitesScreen';

export interface AppRoute {
  path: string;
  component: ComponentType;
  /** Shown in the main navigation when set. */
  navLabel?: string;
  /** Roles that may open it; everyone when absent. */
  roles?: readonly Role[];
}

/** The siège's back office: reviews of conflicts and duplicates, devices. */
const SIEGE: readonly Role[] = ['direction', 'admin'];

export const ROUTES: AppRoute[] = [
  { path: '/', component: CaseloadScreen, navLabel: 'Portefeuille' },
  { path: '/permanence', component: PermanenceScreen, navLabel: 'Ma permanence' },
  { path: '/agenda', component: AgendaScreen, navLabel: 'Agenda' },
  { path: '/relances', component: RelancesScreen, navLabel: 'Relances' },
  {
    path: '/aller-vers',
    component: AllerVersScreen,
    navLabel: 'Aller vers',
    roles: ['conseiller'],
  },
  { path: '/sites', component: SitesScreen, navLabel: 'Sites' },
  { path: '/sites/nouveau', component: SiteFormScreen, roles: ['direction', 'admin'] },
  { path: '/sites/:id', component: SiteFormScreen, roles: ['direction', 'admin'] },
  // Contract for other features: `/dossiers/nouveau` (premier accueil) and `/dossiers/:id`
  // (optionally `/parcours`, `/dispositifs`, `/identite`). `nouveau` must come first.
  { path: '/dossiers/nouveau', component: NewDossierScreen },
  { path: '/dossiers/:id/:tab?', component: DossierScreen },
  {
    path: '/reconciliation',
    component: ReconciliationScreen,
    navLabel: 'Réconciliation',
    roles: SIEGE,
  },
  { path: '/doublons', component: DuplicatesScreen, navLabel: 'Doublons', roles: SIEGE },
  { path: '/appareils', component: DevicesScreen, navLabel: 'Appareils', roles: SIEGE },
];

export function routesFor(role: Role): AppRoute[] {
  return ROUTES.filter((route) => !route.roles || route.roles.includes(role));
}
