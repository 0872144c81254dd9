// The audit trail: for whoever holds report.view (the screen checks the signed-in role), opened from the staff corner.
import { lazy } from 'react';
import type { ScreenRoute } from '../../ui/screen-route.ts';

export const routes: readonly ScreenRoute[] = [
  {
    id: 'audit',
    path: '/audit',
    titleKey: 'audit.title',
    needsDatabase: true,
    // The literal keeps domain/permissions.ts out of the shell's chunk; the type still checks the name.
    restrictedTo: { permission: 'report.view', openKey: 'audit.open' },
    screen: lazy(() => import('./audit-viewer-screen.tsx').then((m) => ({ default: m.AuditViewerScreen }))),
  },
];
