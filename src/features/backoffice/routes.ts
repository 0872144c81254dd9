// The back office (issue 14): the catalog import, for holders of catalog.manage, opened from the staff corner; online only.
import { lazy } from 'react';
import type { ScreenRoute } from '../../ui/screen-route.ts';

export const routes: readonly ScreenRoute[] = [
  {
    id: 'catalog-import',
    path: '/back-office/import',
    titleKey: 'backOffice.import.title',
    needsDatabase: true,
    // The literal keeps domain/permissions.ts out of the shell's chunk; the type still checks the name.
    restrictedTo: { permission: 'catalog.manage', openKey: 'backOffice.import.open' },
    screen: lazy(() => import('./catalog-import-screen.tsx').then((m) => ({ default: m.CatalogImportScreen }))),
  },
];
