// The back office (issue 14), opened from the staff corner; online only. The catalog import and the products
// for holders of catalog.manage, the staff for staff.edit, the store settings for settings.edit, the incidents
// for report.view.
import { lazy } from 'react';
import type { ScreenRoute } from '../../ui/screen-route.ts';

// The permission literals keep domain/permissions.ts out of the shell's chunk; the type still checks each name.
export const routes: readonly ScreenRoute[] = [
  {
    id: 'catalog-import',
    path: '/back-office/import',
    titleKey: 'backOffice.import.title',
    needsDatabase: true,
    restrictedTo: { permission: 'catalog.manage', openKey: 'backOffice.import.open' },
    screen: lazy(() => import('./catalog-import-screen.tsx').then((m) => ({ default: m.CatalogImportScreen }))),
  },
  {
    id: 'back-office-products',
    path: '/back-office/products',
    titleKey: 'backOffice.products.title',
    needsDatabase: true,
    restrictedTo: { permission: 'catalog.manage', openKey: 'backOffice.products.open' },
    screen: lazy(() => import('./products-screen.tsx').then((m) => ({ default: m.ProductsScreen }))),
  },
  {
    id: 'back-office-quick-keys',
    path: '/back-office/quick-keys',
    titleKey: 'quickKeys.title',
    needsDatabase: true,
    restrictedTo: { permission: 'catalog.manage', openKey: 'quickKeys.open' },
    screen: lazy(() => import('./quick-keys-screen.tsx').then((m) => ({ default: m.QuickKeysScreen }))),
  },
  {
    id: 'back-office-staff',
    path: '/back-office/staff',
    titleKey: 'backOffice.staff.title',
    needsDatabase: true,
    restrictedTo: { permission: 'staff.edit', openKey: 'backOffice.staff.open' },
    screen: lazy(() => import('./staff-screen.tsx').then((m) => ({ default: m.StaffScreen }))),
  },
  {
    id: 'back-office-settings',
    path: '/back-office/settings',
    titleKey: 'backOffice.settings.title',
    needsDatabase: true,
    restrictedTo: { permission: 'settings.edit', openKey: 'backOffice.settings.open' },
    screen: lazy(() => import('./settings-screen.tsx').then((m) => ({ default: m.SettingsScreen }))),
  },
  {
    id: 'back-office-incidents',
    path: '/back-office/incidents',
    titleKey: 'incidents.title',
    needsDatabase: true,
    restrictedTo: { permission: 'report.view', openKey: 'incidents.open' },
    screen: lazy(() => import('./incidents-screen.tsx').then((m) => ({ default: m.IncidentsScreen }))),
  },
];
