// The sync screen is opened from the header's sync status badge, not from the navigation.
import { lazy } from 'react';
import type { ScreenRoute } from '../../ui/screen-route.ts';

export const routes: readonly ScreenRoute[] = [
  {
    id: 'sync',
    path: '/sync',
    titleKey: 'sync.title',
    needsDatabase: false,
    screen: lazy(() => import('./sync-screen.tsx').then((m) => ({ default: m.SyncScreen }))),
  },
];
