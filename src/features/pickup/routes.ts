// The pickup counter: online orders to prepare, ready, handed over today and problems, offline.
import { lazy } from 'react';
import type { ScreenRoute } from '../../ui/screen-route.ts';

export const routes: readonly ScreenRoute[] = [
  {
    id: 'pickup',
    path: '/pickup',
    titleKey: 'pickup.title',
    navOrder: 30,
    needsDatabase: true,
    screen: lazy(() => import('./pickup-screen.tsx').then((m) => ({ default: m.PickupScreen }))),
  },
];
