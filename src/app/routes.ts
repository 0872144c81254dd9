/*
 * The screens of the app and their paths. Each screen is its own lazily loaded chunk so the first paint
 * only pays for the shell.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export type RouteId = 'sale' | 'settings';

export interface Route {
  id: RouteId;
  path: string;
  /** Screens that read the device database render only once it is open. */
  needsDatabase: boolean;
  screen: LazyExoticComponent<ComponentType>;
}

export const routes: readonly Route[] = [
  {
    id: 'sale',
    path: '/',
    needsDatabase: true,
    screen: lazy(() => import('../features/sale/sale-home-screen.tsx').then((m) => ({ default: m.SaleHomeScreen }))),
  },
  {
    id: 'settings',
    path: '/settings',
    needsDatabase: false,
    screen: lazy(() => import('../features/settings/settings-screen.tsx').then((m) => ({ default: m.SettingsScreen }))),
  },
];

/** Unknown paths show the counter: a cashier who follows a stale link should land where they can sell. */
export function matchRoute(path: string): Route {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return routes.find((route) => route.path === normalised) ?? (routes[0] as Route);
}
