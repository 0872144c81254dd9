// The returns desk: take back what was bought here or online, refund it, print the return receipt.
import { lazy } from 'react';
import type { ScreenRoute } from '../../ui/screen-route.ts';

export const routes: readonly ScreenRoute[] = [
  {
    id: 'returns',
    path: '/returns',
    titleKey: 'returns.title',
    navOrder: 25,
    needsDatabase: true,
    screen: lazy(() => import('./returns-screen.tsx').then((m) => ({ default: m.ReturnsScreen }))),
  },
];
