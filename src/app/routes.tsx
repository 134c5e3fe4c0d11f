/**
 * The screens of the app: one entry per route, with its label in the navigation and the roles
 * that see it. Each feature adds its own entries here. Every screen but the portefeuille loads
 * on first use (lazy-screen.tsx) to keep the initial JavaScript small; the service worker
 * precaches them all, so this works offline too (tests/e2e/lazy-screens.test.ts).
 */
import type { ComponentType } from 'react';
import type { Role } from '../domain/schemas/staff';
import { CaseloadScreen } from '../features/caseload/CaseloadScreen';
import { lazyScreen } from './lazy-screen';
import { NotFoundScreen } from './NotFoundScreen';

export interface AppRoute {
  path: string;
  component: ComponentType;
  /** Shown in the main navigation when set. */
  navLabel?: string;
  /** Roles that may open it; everyone when absent. */
  roles?: readonly Role[];
}

const NewDossierScreen = lazyScreen(
  () => import('../features/dossier/NewDossierScreen'),
  'NewDossierScreen',
);
const DossierScreen = lazyScreen(
  () => import('../features/dossier/DossierScreen'),
  'DossierScreen',
);
const PermanenceScreen = lazyScreen(
  () => import('../features/permanence/PermanenceScreen'),
  'PermanenceScreen',
);
const AgendaScreen = lazyScreen(() => import('../features/agenda/AgendaScreen'), 'AgendaScreen');
const RelancesScreen = lazyScreen(
  () => import('../features/relances/RelancesScreen'),
  'RelancesScreen',
);
const AllerVersScreen = lazyScreen(
  () => import('../features/aller-vers/AllerVersScreen'),
  'AllerVersScreen',
);
const SitesScreen = lazyScreen(() => import('../features/sites/SitesScreen'), 'SitesScreen');
const SiteFormScreen = lazyScreen(
  () => import('../features/sites/SiteFormScreen'),
  'SiteFormScreen',
);
const ReconciliationScreen = lazyScreen(
  () => import('../features/reconciliation/ReconciliationScreen'),
  'ReconciliationScreen',
);
const DuplicatesScreen = lazyScreen(
  () => import('../features/doublons/DuplicatesScreen'),
  'DuplicatesScreen',
);
const DevicesScreen = lazyScreen(
  () => import('../features/appareils/DevicesScreen'),
  'DevicesScreen',
);
const AteliersScreen = lazyScreen(
  () => import('../features/ateliers/AteliersScreen'),
  'AteliersScreen',
);

const EmargementScreen = lazyScreen(
  () => import('../features/ateliers/EmargementScreen'),
  'EmargementScreen',
);

const MobiliteScreen = lazyScreen(
  () => import('../features/mobilite/MobiliteScreen'),
  'MobiliteScreen',
);

const HandoverScreen = lazyScreen(
  () => import('../features/passation/HandoverScreen'),
  'HandoverScreen',
);

const ImiloExportScreen = lazyScreen(
  () => import('../features/export-imilo/ImiloExportScreen'),
  'ImiloExportScreen',
);

const StatisticsScreen = lazyScreen(
  () => import('../features/statistiques/StatisticsScreen'),
  'StatisticsScreen',
);

/** The siège's back office: reviews of conflicts and duplicates, devices. */
const SIEGE: readonly Role[] = ['direction', 'admin'];
/**
 * The Mission Locale's own staff. The Atelier Mob (a partner association, issue 16) opens only
 * its screen: no portefeuille, no dossier, no agenda.
 */
const MISSION_LOCALE: readonly Role[] = ['conseiller', 'accueil', 'direction', 'admin'];

export const ROUTES: AppRoute[] = [
  { path: '/', component: CaseloadScreen, navLabel: 'Portefeuille', roles: MISSION_LOCALE },
  { path: '/', component: MobiliteScreen, navLabel: 'Atelier Mob', roles: ['atelier-mob'] },
  {
    path: '/permanence',
    component: PermanenceScreen,
    navLabel: 'Ma permanence',
    roles: MISSION_LOCALE,
  },
  { path: '/agenda', component: AgendaScreen, navLabel: 'Agenda', roles: MISSION_LOCALE },
  { path: '/relances', component: RelancesScreen, navLabel: 'Relances', roles: MISSION_LOCALE },
  { path: '/ateliers', component: AteliersScreen, navLabel: 'Ateliers', roles: MISSION_LOCALE },
  { path: '/ateliers/:id/emargement', component: EmargementScreen, roles: MISSION_LOCALE },
  { path: '/mobilite', component: MobiliteScreen, navLabel: 'Atelier Mob', roles: MISSION_LOCALE },
  {
    path: '/aller-vers',
    component: AllerVersScreen,
    navLabel: 'Aller vers',
    roles: ['conseiller'],
  },
  { path: '/sites', component: SitesScreen, navLabel: 'Sites', roles: MISSION_LOCALE },
  { path: '/sites/nouveau', component: SiteFormScreen, roles: ['direction', 'admin'] },
  { path: '/sites/:id', component: SiteFormScreen, roles: ['direction', 'admin'] },
  // Contract for other features: `/dossiers/nouveau` (premier accueil) and `/dossiers/:id`
  // (optionally `/parcours`, `/dispositifs`, `/identite`). `nouveau` must come first.
  { path: '/dossiers/nouveau', component: NewDossierScreen, roles: MISSION_LOCALE },
  { path: '/dossiers/:id/:tab?', component: DossierScreen, roles: MISSION_LOCALE },
  {
    path: '/reconciliation',
    component: ReconciliationScreen,
    navLabel: 'Réconciliation',
    roles: SIEGE,
  },
  { path: '/doublons', component: DuplicatesScreen, navLabel: 'Doublons', roles: SIEGE },
  { path: '/appareils', component: DevicesScreen, navLabel: 'Appareils', roles: SIEGE },
  { path: '/export-imilo', component: ImiloExportScreen, navLabel: 'Export i-milo', roles: SIEGE },
  {
    path: '/statistiques',
    component: StatisticsScreen,
    navLabel: 'Statistiques',
    roles: ['conseiller', 'direction', 'admin'],
  },
  {
    path: '/passation',
    component: HandoverScreen,
    navLabel: 'Passation',
    roles: ['conseiller', 'direction', 'admin'],
  },
];

/** Last of every list: any other address (or a screen of another role) is « introuvable ». */
const NOT_FOUND: AppRoute = { path: '*', component: NotFoundScreen };

export function routesFor(role: Role): AppRoute[] {
  return [...ROUTES.filter((route) => !route.roles || route.roles.includes(role)), NOT_FOUND];
}
