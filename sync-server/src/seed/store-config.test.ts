import { describe, expect, it } from 'vitest';
import { buildStoreConfig, withDefaultPermissions } from './store-config.ts';
import { counterGoodIds, FIRST_COUNTER_GOOD, generateProduct } from './catalog.ts';
import { COUNTER_GOODS } from './catalog-data.ts';
import { loyaltyRules, promotionMultiplier } from '../../../src/domain/loyalty.ts';

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

describe("the demo store's loyalty programme", () => {
  it('has three tiers by a year of spend and a member day, all read by the rules the counter and the server earn by', () => {
    const rules = loyaltyRules(buildStoreConfig('q1', [], '2026-01-01T00:00:00.000Z'));
    expect(rules?.tierPeriodDays).toBe(365);
    expect(rules?.tiers.map((tier) => [tier.id, tier.minSpend, tier.multiplierBasisPoints])).toEqual([
      ['bac', 2_000_000, 12_500],
      ['vang', 10_000_000, 15_000],
      ['kim-cuong', 30_000_000, 20_000],
    ]);
    if (rules === undefined) throw new Error('the demo store runs no loyalty programme');
    // 12.12 in Ho Chi Minh City starts at 17:00 UTC the day before.
    expect(promotionMultiplier('2026-12-11T17:00:00.000Z', rules)).toBe(20_000);
    expect(promotionMultiplier('2026-12-11T16:59:59.000Z', rules)).toBe(10_000);
  });
});
