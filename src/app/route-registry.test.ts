// The screens come from the features' own route files; the shell keeps its URLs and navigation order, and a
// new feature's screen joins by being declared, not by an edit to the shell.
import { lazy } from 'react';
import { describe, expect, it } from 'vitest';
import type { ScreenRoute } from '../ui/screen-route.ts';
import { buildRouteRegistry, routeRegistry } from './route-registry.ts';

const blank = lazy(async () => ({ default: () => null }));
const screenOf = (id: string, path: string, extra: Partial<ScreenRoute> = {}): ScreenRoute => ({ id, path, titleKey: `${id}.title`, needsDatabase: false, screen: blank, ...extra });

describe('the route registry', () => {
  it('gathers every feature screen at its address, with the counter, receipts and settings in the navigation in that order', () => {
    expect(Object.fromEntries(routeRegistry.all.map((route) => [route.id, route.path]))).toEqual({
      sale: '/',
      receipts: '/receipts',
      settings: '/settings',
      enrol: '/enrol',
      sync: '/sync',
      audit: '/audit',
      shift: '/shift',
      'day-end': '/day-end',
      'catalog-import': '/back-office/import',
      'back-office-products': '/back-office/products',
      'back-office-quick-keys': '/back-office/quick-keys',
      'back-office-staff': '/back-office/staff',
      'back-office-settings': '/back-office/settings',
      'back-office-incidents': '/back-office/incidents',
      pickup: '/pickup',
      customers: '/customers',
      returns: '/returns',
      dashboard: '/dashboard',
      'gift-cards': '/gift-cards',
      stock: '/back-office/stock',
    });
    expect(routeRegistry.nav.map((route) => route.id)).toEqual(['sale', 'receipts', 'returns', 'pickup', 'customers', 'shift', 'settings']);
    expect(routeRegistry.all.filter((route) => route.needsDatabase).map((route) => route.id).sort()).toEqual(['audit', 'back-office-incidents', 'back-office-products', 'back-office-quick-keys', 'back-office-settings', 'back-office-staff', 'catalog-import', 'customers', 'dashboard', 'day-end', 'gift-cards', 'pickup', 'receipts', 'returns', 'sale', 'shift', 'stock']);
  });

  it('offers the audit trail from the staff corner to whoever holds report.view', () => {
    expect(routeRegistry.restricted.map((route) => [route.id, route.restrictedTo])).toEqual([
      ['audit', { permission: 'report.view', openKey: 'audit.open' }],
      ['catalog-import', { permission: 'catalog.manage', openKey: 'backOffice.import.open' }],
      ['back-office-products', { permission: 'catalog.manage', openKey: 'backOffice.products.open' }],
      ['back-office-quick-keys', { permission: 'catalog.manage', openKey: 'quickKeys.open' }],
      ['back-office-staff', { permission: 'staff.edit', openKey: 'backOffice.staff.open' }],
      ['back-office-settings', { permission: 'settings.edit', openKey: 'backOffice.settings.open' }],
      ['back-office-incidents', { permission: 'report.view', openKey: 'incidents.open' }],
      ['dashboard', { permission: 'report.view', openKey: 'dashboard.open' }],
      ['day-end', { permission: 'report.view', openKey: 'dayEnd.open' }],
      ['stock', { permission: 'stock.manage', openKey: 'stock.open' }],
    ]);
  });

  it('sends a cashier who follows a stale link, or a trailing slash, to the right screen', () => {
    expect(routeRegistry.match('/no-such-screen').id).toBe('sale');
    expect(routeRegistry.match('/receipts/').id).toBe('receipts');
    expect(routeRegistry.match('/').id).toBe('sale');
  });

  it('puts a new feature screen in the navigation at its place', () => {
    const registry = buildRouteRegistry({
      '../features/sale/routes.ts': { routes: [screenOf('sale', '/', { navOrder: 10 })] },
      '../features/settings/routes.ts': { routes: [screenOf('settings', '/settings', { navOrder: 90 })] },
      '../features/pickup/routes.ts': { routes: [screenOf('pickup', '/pickup', { navOrder: 30 })] },
    });
    expect(registry.nav.map((route) => route.id)).toEqual(['sale', 'pickup', 'settings']);
    expect(registry.match('/pickup').id).toBe('pickup');
  });

  it('refuses two screens on one address or one id, and an app without a counter', () => {
    const sale = { routes: [screenOf('sale', '/')] };
    expect(() => buildRouteRegistry({ a: sale, b: { routes: [screenOf('other', '/')] } })).toThrow(/path \/: a and b/);
    expect(() => buildRouteRegistry({ a: sale, b: { routes: [screenOf('sale', '/sale')] } })).toThrow(/id sale: a and b/);
    expect(() => buildRouteRegistry({ b: { routes: [screenOf('settings', '/settings')] } })).toThrow(/counter/);
  });
});
