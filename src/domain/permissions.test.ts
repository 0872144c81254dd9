import { describe, expect, it } from 'vitest';
import { approverRoles, can, isRole, parsePermissionTable, PERMISSIONS, requiredRole } from './permissions.ts';

// The shape the server's seed writes (sync-server/src/seed/store-config.ts), trimmed.
const seedTable = parsePermissionTable({
  cashier: ['sale.ring_up', 'sale.tender'],
  supervisor: ['sale.ring_up', 'sale.tender', 'price.override', 'drawer.open'],
  manager: ['sale.ring_up', 'sale.tender', 'price.override', 'drawer.open', 'refund.above_limit', 'day.close'],
  pinLockoutMinutes: 5,
});

describe('who may do what at the counter', () => {
  it('lets a cashier ring up but not open the drawer without a sale', () => {
    expect(can('cashier', 'sale.ring_up', seedTable)).toBe(true);
    expect(can('cashier', PERMISSIONS.noSaleDrawerOpen, seedTable)).toBe(false);
    expect(can('supervisor', PERMISSIONS.noSaleDrawerOpen, seedTable)).toBe(true);
  });

  it('names the least trusted role that may approve an action', () => {
    expect(requiredRole(PERMISSIONS.priceOverride, seedTable)).toBe('supervisor');
    expect(requiredRole(PERMISSIONS.refundAboveLimit, seedTable)).toBe('manager');
    expect(requiredRole('sale.ring_up', seedTable)).toBe('cashier');
    expect(approverRoles(PERMISSIONS.noSaleDrawerOpen, seedTable)).toEqual(['supervisor', 'manager']);
  });

  it('refuses what nobody holds, so a typo in a permission name never opens a door', () => {
    expect(requiredRole('drawer.opne', seedTable)).toBeUndefined();
    expect(approverRoles('drawer.opne', seedTable)).toEqual([]);
  });

  it('treats a missing or malformed table as "nobody may do anything"', () => {
    for (const raw of [undefined, null, 'manager', { manager: 'day.close' }, { manager: [1, null] }]) {
      const table = parsePermissionTable(raw);
      expect(can('manager', 'day.close', table)).toBe(false);
    }
  });

  it('ignores settings that sit next to the roles', () => {
    expect(Object.keys(seedTable)).toEqual(['cashier', 'supervisor', 'manager']);
    expect(isRole('pinLockoutMinutes')).toBe(false);
    expect(isRole('manager')).toBe(true);
  });
});

describe('a role the table does not know', () => {
  it('holds nothing, even for names that live on every object', () => {
    const table = parsePermissionTable({ owner: ['day.close'], manager: ['day.close'] });
    expect(can('owner' as 'manager', 'day.close', table)).toBe(false);
    expect(can('constructor' as 'manager', 'day.close', table)).toBe(false);
    expect(can('manager', 'hasOwnProperty', table)).toBe(false);
  });
});
