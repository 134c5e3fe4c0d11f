/**
 * The screens of the app: one entry per route, with its label in the navigation and the roles
 * that see it. Each feature adds its own entries here. Screens other than the portefeuille are
 * loaded on first use (the service worker precaches them all, so this works offline too) to keep
 * the initial JavaScript small.
 */
import { lazy, type ComponentType } from 'react';
import type { Role } from '../domain/schemas/staff';
import { CaseloadScreen } from '../features/caseload/CaseloadScreen';

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

/** A screen loaded on first use from its module's named export. */
function screen<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): ComponentType {
  return lazy<ComponentType>(async () => ({ default: (await load())[name] }));
}

const PermanenceScreen = screen(
  () => import('../features/permanence/PermanenceScreen'),
  'PermanenceScreen',
);
const AgendaScreen = screen(() => import('../features/agenda/AgendaScreen'), 'AgendaScreen');
const RelancesScreen = screen(
  () => import('../features/relances/RelancesScreen'),
  'RelancesScreen',
);
const AllerVersScreen = screen(
  () => import('../features/aller-vers/AllerVersScreen'),
  'AllerVersScreen',
);
const SitesScreen = screen(() => import('../features/sites/SitesScreen'), 'SitesScreen');
const SiteFormScreen = screen(() => import('../features/sites/SiteFormScreen'), 'SiteFormScreen');
const ReconciliationScreen = screen(
  () => import('../features/reconciliation/ReconciliationScreen'),
  'ReconciliationScreen',
);
const DuplicatesScreen = screen(
  () => import('../features/doublons/DuplicatesScreen'),
  'DuplicatesScreen',
);
const DevicesScreen = screen(() => import('../features/appareils/DevicesScreen'), 'DevicesScreen');

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
