// The dashboard (issue 17): a store's and a chain's sales, returns, cash and online-to-offline figures, for
// holders of report.view; online only (the server's running sums, GET /api/v1/reports/dashboard).
import { lazy } from 'react';
import type { ScreenRoute } from '../../ui/screen-route.ts';

export const routes: readonly ScreenRoute[] = [
  {
    id: 'dashboard',
    path: '/dashboard',
    titleKey: 'dashboard.title',
    needsDatabase: true,
    restrictedTo: { permission: 'report.view', openKey: 'dashboard.open' },
    screen: lazy(() => import('./dashboard-screen.tsx').then((m) => ({ default: m.DashboardScreen }))),
  },
];
