import { describe, expect, it } from 'vitest';
import { buildStoreConfig, withDefaultPermissions } from './store-config.ts';
import { counterGoodIds, FIRST_COUNTER_GOOD, generateProduct } from './catalog.ts';
import { COUNTER_GOODS } from './catalog-data.ts';

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

describe("the demo store's quick keys", () => {
  it('are the goods made at the counter, each in the demo catalog of 2,000 without a barcode, in a category', () => {
    const config = buildStoreConfig('q1', [], '2026-01-01T00:00:00.000Z');
    expect(config.quickKeys).toEqual(counterGoodIds());
    expect(config.quickKeys).toHaveLength(COUNTER_GOODS.length);
    const goods = COUNTER_GOODS.map((_, offset) => generateProduct(FIRST_COUNTER_GOOD + offset, '2026-01-01T00:00:00.000Z'));
    expect(goods.map((product) => product.id)).toEqual(config.quickKeys);
    expect(goods.map((product) => product.name)).toContain('Cà phê sữa đá');
    for (const product of goods) {
      expect(product).toMatchObject({ barcodes: [], weighed: false, unit: 'pcs', active: true });
      expect(product.category).toBeTruthy();
    }
    expect(FIRST_COUNTER_GOOD + COUNTER_GOODS.length).toBeLessThanOrEqual(2000);
  });
});
