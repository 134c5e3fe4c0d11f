/**
 * The screens of the app: one entry per route, with its label in the navigation and the roles
 * that see it. Each feature adds its own entries here.
 */
import type { ComponentType } from 'react';
import type { Role } from '../domain/schemas/staff';
import { AllerVersScreen } from '../features/aller-vers/AllerVersScreen';
import { DevicesScreen } from '../features/appareils/DevicesScreen';
import { CaseloadScreen } from '../features/caseload/CaseloadScreen';
import { DuplicatesScreen } from '../features/doublons/DuplicatesScreen';
import { ReconciliationScreen } from '../features/reconciliation/ReconciliationScreen';

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
  {
    path: '/aller-vers',
    component: AllerVersScreen,
    navLabel: 'Aller vers',
    roles: ['conseiller'],
  },
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
