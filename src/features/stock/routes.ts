// The back office's stock (issue 14), for holders of stock.manage, opened from the staff corner; online only.
import { lazy } from 'react';
import type { ScreenRoute } from '../../ui/screen-route.ts';

export const routes: readonly ScreenRoute[] = [
  {
    id: 'stock',
    path: '/back-office/stock',
    titleKey: 'stock.title',
    needsDatabase: true,
    // The literal keeps domain/permissions.ts out of the shell's chunk; the type still checks the name.
    restrictedTo: { permission: 'stock.manage', openKey: 'stock.open' },
    screen: lazy(() => import('./stock-screen.tsx').then((m) => ({ default: m.StockScreen }))),
  },
];
