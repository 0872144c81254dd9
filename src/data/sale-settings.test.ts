import { describe, expect, it } from 'vitest';
import type { StoreConfigDocument } from './schemas/types.ts';
import { can, PERMISSIONS } from '../domain/permissions.ts';
import { saleSettingsOf } from './sale-settings.ts';

function configWith(permissions: unknown): StoreConfigDocument {
  return {
    id: 'store-1',
    storeId: 'store-1',
    store: { name: 'Cửa hàng thử', currency: 'VND', locale: 'vi-VN' },
    taxClasses: [],
    staff: [],
    permissions: permissions as StoreConfigDocument['permissions'],
    updatedAt: '2026-11-24T00:00:00.000Z',
  };
}

describe('the counter reads who may do what through the one permission table', () => {
  it('lets a supervisor override a price alone when the store table says so, and not a cashier', () => {
    const { permissions } = saleSettingsOf(configWith({ cashier: ['sale.ring_up'], supervisor: ['sale.ring_up', 'price.override'], manager: ['price.override'] }));
    expect(can('supervisor', PERMISSIONS.priceOverride, permissions)).toBe(true);
    expect(can('cashier', PERMISSIONS.priceOverride, permissions)).toBe(false);
  });

  it('never lets a malformed table widen a role: strings, numbers, prototype keys and unknown roles hold nothing', () => {
    const malformed = [
      undefined,
      { cashier: 'price.override' },
      { cashier: { 0: 'price.override', length: 1 } },
      { cashier: [7, null, { name: 'price.override' }] },
      JSON.parse('{"__proto__": {"cashier": ["price.override"]}}') as unknown,
      { Cashier: ['price.override'], owner: ['price.override'] },
      { maxDiscountBasisPoints: 5000 },
    ];
    for (const raw of malformed) {
      const { permissions } = saleSettingsOf(configWith(raw));
      for (const role of ['cashier', 'supervisor', 'manager'] as const) expect(can(role, PERMISSIONS.priceOverride, permissions)).toBe(false);
      expect(can('toString' as 'cashier', 'valueOf', permissions)).toBe(false);
    }
  });

  it('keeps the limits that sit next to the roles in the same config object', () => {
    const settings = saleSettingsOf(configWith({ cashier: [], maxDiscountBasisPoints: 500, overrideNeedsApprovalAbove: 200 }));
    expect(settings.priceRules).toEqual({ maxDiscountBasisPoints: 500, overrideNeedsApprovalAbove: 200 });
  });
});
