// Settings opens before the device database (a device that is not enrolled still reaches its printer and storage).
import { lazy } from 'react';
import type { ScreenRoute } from '../../ui/screen-route.ts';

export const routes: readonly ScreenRoute[] = [
  {
    id: 'settings',
    path: '/settings',
    titleKey: 'nav.settings',
    navOrder: 90,
    needsDatabase: false,
    screen: lazy(() => import('./settings-screen.tsx').then((m) => ({ default: m.SettingsScreen }))),
  },
];
