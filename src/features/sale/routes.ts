// The counter's screens: selling (the app's home, where unknown paths land) and today's receipts.
import { lazy } from 'react';
import type { ScreenRoute } from '../../ui/screen-route.ts';

export const routes: readonly ScreenRoute[] = [
  {
    id: 'sale',
    path: '/',
    titleKey: 'nav.sale',
    navOrder: 10,
    needsDatabase: true,
    layout: 'full-screen',
    screen: lazy(() => import('./counter-screen.tsx').then((m) => ({ default: m.CounterScreen }))),
  },
  {
    id: 'receipts',
    path: '/receipts',
    titleKey: 'sale.receipts.title',
    navOrder: 20,
    needsDatabase: true,
    screen: lazy(() => import('./receipts-screen.tsx').then((m) => ({ default: m.ReceiptsScreen }))),
  },
];
