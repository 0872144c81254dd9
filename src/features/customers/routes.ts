// The customers screen: find, create and edit this store's customers, and see their points, tier and purchases.
import { lazy } from 'react';
import type { ScreenRoute } from '../../ui/screen-route.ts';

export const routes: readonly ScreenRoute[] = [
  {
    id: 'customers',
    path: '/customers',
    titleKey: 'customers.title',
    navOrder: 35,
    needsDatabase: true,
    screen: lazy(() => import('./customers-screen.tsx').then((m) => ({ default: m.CustomersScreen }))),
  },
];
