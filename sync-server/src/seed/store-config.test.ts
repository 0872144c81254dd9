import { describe, expect, it } from 'vitest';
import { buildStoreConfig, withDefaultPermissions } from './store-config.ts';

describe('the store config permissions', () => {
  it("gives the manager sale.void and carries the lock-out and idle settings the tablet reads", () => {
    const permissions = buildStoreConfig('q1', [], '2026-01-01T00:00:00.000Z').permissions as Record<string, unknown>;
    expect(permissions['manager']).toContain('sale.void');
    expect(permissions['supervisor']).not.toContain('sale.void');
    expect(permissions['manager']).toContain('catalog.manage');
    expect(permissions['supervisor']).not.toContain('catalog.manage');
    expect(permissions).toMatchObject({ pinMaxFailures: 5, pinLockoutMinutes: 15, idleSignOutMinutes: 10 });
    expect(withDefaultPermissions(permissions)).toBeUndefined();
  });

  it("an older config gains what is missing, and keeps the store's own additions and settings", () => {
    const older = { cashier: ['sale.ring_up', 'custom.thing'], manager: ['day.close'], pinLockoutMinutes: 30 };
    const upgraded = withDefaultPermissions(older)!;
    expect(upgraded['cashier']).toEqual(expect.arrayContaining(['custom.thing', 'sale.tender']));
    expect(upgraded['manager']).toEqual(expect.arrayContaining(['day.close', 'sale.void']));
    expect(upgraded).toMatchObject({ pinLockoutMinutes: 30, pinMaxFailures: 5, idleSignOutMinutes: 10 });
  });
});
