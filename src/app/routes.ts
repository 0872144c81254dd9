/*
 * The screens of the app and their paths. Each screen is its own lazily loaded chunk so the first paint
 * only pays for the shell.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export type RouteId = 'sale' | 'receipts' | 'settings' | 'enrol' | 'sync' | 'audit';

export interface Route {
  id: RouteId;
  path: string;
  /** Screens that read the device database render only once it is open. */
  needsDatabase: boolean;
  /** Shown in the main navigation; others are reached from a link (sync status, "not set up" message). */
  inNav: boolean;
  screen: LazyExoticComponent<ComponentType>;
}

export const routes: readonly Route[] = [
  {
    id: 'sale',
    path: '/',
    needsDatabase: true,
    inNav: true,
    screen: lazy(() => import('../features/sale/counter-screen.tsx').then((m) => ({ default: m.CounterScreen }))),
  },
  {
    id: 'receipts',
    path: '/receipts',
    needsDatabase: true,
    inNav: true,
    screen: lazy(() => import('../features/sale/receipts-screen.tsx').then((m) => ({ default: m.ReceiptsScreen }))),
  },
  {
    id: 'settings',
    path: '/settings',
    needsDatabase: false,
    inNav: true,
    screen: lazy(() => import('../features/settings/settings-screen.tsx').then((m) => ({ default: m.SettingsScreen }))),
  },
  {
    id: 'enrol',
    path: '/enrol',
    needsDatabase: false,
    inNav: false,
    screen: lazy(() => import('../features/enrolment/enrolment-screen.tsx').then((m) => ({ default: m.EnrolmentScreen }))),
  },
  {
    id: 'sync',
    path: '/sync',
    needsDatabase: false,
    inNav: false,
    screen: lazy(() => import('../features/sync-status/sync-screen.tsx').then((m) => ({ default: m.SyncScreen }))),
  },
  {
    // Manager-only (the screen checks the signed-in role); opened from the header's staff corner.
    id: 'audit',
    path: '/audit',
    needsDatabase: true,
    inNav: false,
    screen: lazy(() => import('../features/audit/audit-viewer-screen.tsx').then((m) => ({ default: m.AuditViewerScreen }))),
  },
];

/** Unknown paths show the counter: a cashier who follows a stale link should land where they can sell. */
export function matchRoute(path: string): Route {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return routes.find((route) => route.path === normalised) ?? (routes[0] as Route);
}
