import { describe, expect, it } from 'vitest';
import { notReturnable, returnApprovalsNeeded, returnPolicyOf, withinReturnWindow } from './return-policy.ts';

describe("a store's return rules from its config", () => {
  const demo = returnPolicyOf({ windowDays: 7, requireReceipt: true, refundMethods: ['original_tender', 'cash', 'store_credit', 'bitcoin'], managerApprovalAbove: 500_000, nonReturnableCategories: ['Rau củ, trái cây'], nonReturnableProductIds: ['p-lottery'] });

  it('reads the window, the methods it knows, the limit and what never comes back', () => {
    expect(demo.windowDays).toBe(7);
    expect([...demo.refundMethods]).toEqual(['original_tender', 'cash', 'store_credit']);
    expect(demo.approvalAbove).toBe(500_000);
    expect(notReturnable({ productId: 'p-carrot' }, 'Rau củ, trái cây', demo)).toMatch(/cannot be returned/);
    expect(notReturnable({ productId: 'p-lottery' }, undefined, demo)).toMatch(/p-lottery/);
    expect(notReturnable({ productId: 'p-card', giftCardId: '7123' }, undefined, demo)).toMatch(/gift card/);
    expect(notReturnable({ productId: 'p-shirt' }, 'Quần áo', demo)).toBeUndefined();
  });

  it('without a policy nothing is limited, every refund method is open, and a refund without receipt still needs its approval', () => {
    const none = returnPolicyOf(undefined);
    expect(none.windowDays).toBeUndefined();
    expect([...none.refundMethods].sort()).toEqual(['cash', 'gift_card', 'original_tender', 'store_credit']);
    expect(withinReturnWindow('2020-01-01T00:00:00Z', '2025-01-01T00:00:00Z', none)).toBe(true);
    expect(returnApprovalsNeeded(false, 1, none)).toEqual(['return.without_receipt']);
    expect(returnApprovalsNeeded(true, 10_000_000, none)).toEqual([]);
  });

  it('the window counts from the purchase to the day: 7 days to the minute', () => {
    expect(withinReturnWindow('2025-11-20T03:00:00.000Z', '2025-11-27T03:00:00.000Z', demo)).toBe(true);
    expect(withinReturnWindow('2025-11-20T03:00:00.000Z', '2025-11-27T03:01:00.000Z', demo)).toBe(false);
    expect(withinReturnWindow('not a date', '2025-11-27T03:01:00.000Z', demo)).toBe(false);
  });

  it('above the limit a refund needs refund.above_limit; at the limit it does not', () => {
    expect(returnApprovalsNeeded(true, 500_000, demo)).toEqual([]);
    expect(returnApprovalsNeeded(true, 500_001, demo)).toEqual(['refund.above_limit']);
  });
});
