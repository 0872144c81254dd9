// Enrolment is reached from links (the counter's "not set up" message, Settings, the sync screen), not from the navigation.
import { lazy } from 'react';
import type { ScreenRoute } from '../../ui/screen-route.ts';

export const routes: readonly ScreenRoute[] = [
  {
    id: 'enrol',
    path: '/enrol',
    titleKey: 'enrolment.open',
    needsDatabase: false,
    screen: lazy(() => import('./enrolment-screen.tsx').then((m) => ({ default: m.EnrolmentScreen }))),
  },
];
