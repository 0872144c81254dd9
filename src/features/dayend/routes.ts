// The till's shift (open, cash in/out, blind close, hand-over) and the day end (X/Z reports, closing the day).
import { lazy } from 'react';
import type { ScreenRoute } from '../../ui/screen-route.ts';

export const routes: readonly ScreenRoute[] = [
  {
    id: 'shift',
    path: '/shift',
    titleKey: 'dayEnd.shift.title',
    navOrder: 40,
    needsDatabase: true,
    screen: lazy(() => import('./shift-screen.tsx').then((m) => ({ default: m.ShiftScreen }))),
  },
  {
    id: 'day-end',
    path: '/day-end',
    titleKey: 'dayEnd.title',
    needsDatabase: true,
    // Holders of report.view (or day.close: the screen checks both against the store's table itself).
    restrictedTo: { permission: 'report.view', openKey: 'dayEnd.open' },
    screen: lazy(() => import('./day-end-screen.tsx').then((m) => ({ default: m.DayEndScreen }))),
  },
];
