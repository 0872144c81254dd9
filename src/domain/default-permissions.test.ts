import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_PERMISSIONS, defaultPermissions } from './default-permissions.ts';
import { can, parsePermissionTable, PERMISSIONS } from './permissions.ts';

describe('the permission table a new store starts with', () => {
  it('each role holds everything the role below it holds; only managers import the catalog or cancel a sale', () => {
    const { cashier, supervisor, manager } = DEFAULT_ROLE_PERMISSIONS;
    expect(cashier.every((p) => supervisor.includes(p))).toBe(true);
    expect(supervisor.every((p) => manager.includes(p))).toBe(true);
    const table = parsePermissionTable(defaultPermissions());
    for (const permission of [PERMISSIONS.manageCatalog, PERMISSIONS.voidSale, PERMISSIONS.revokeDevice]) {
      expect(can('manager', permission, table)).toBe(true);
      expect(can('supervisor', permission, table)).toBe(false);
    }
    expect(can('supervisor', PERMISSIONS.priceOverride, table)).toBe(true);
    expect(can('cashier', PERMISSIONS.priceOverride, table)).toBe(false);
  });

  it('gives each store its own copy, with the lock-out and idle settings', () => {
    const first = defaultPermissions();
    (first['manager'] as string[]).push('custom.thing');
    expect(defaultPermissions()['manager']).not.toContain('custom.thing');
    expect(first).toMatchObject({ pinMaxFailures: 5, pinLockoutMinutes: 15, idleSignOutMinutes: 10 });
  });
});
