import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableBalance, loyaltyRedeemRules, pointsRedeemLimit, storedValueRedeemLimit } from './redeem-limits.ts';
import type { LoyaltyRedeemRules } from './redeem-limits.ts';

// The demo store: a point is worth 100 dong, 100 points at least, points pay half the bill at most, 500 points per sale offline.
const demo = loyaltyRedeemRules({ enabled: true, earnAmountPerPoint: 10_000, pointValue: 100, minRedeemPoints: 100, maxRedeemBasisPoints: 5000, offlineRedeemCapPoints: 500 })!;

describe('redeeming points, gift cards and store credit at the till', () => {
  it('reads the store’s loyalty rules, and none when loyalty is off or points are worth nothing', () => {
    expect(demo).toEqual({ pointValue: 100, minRedeemPoints: 100, maxRedeemBasisPoints: 5000, offlineRedeemCapPoints: 500 });
    expect(loyaltyRedeemRules({ enabled: false, pointValue: 100 })).toBeUndefined();
    expect(loyaltyRedeemRules({ enabled: true })).toBeUndefined();
    expect(loyaltyRedeemRules(undefined)).toBeUndefined();
    expect(loyaltyRedeemRules({ enabled: true, pointValue: 100, offlineRedeemCapAmount: 1_000_000 })).toMatchObject({ offlineRedeemCapPoints: 0, offlineRedeemCapAmount: 1_000_000, minRedeemPoints: 1 });
  });

  it('a member with 8,000 points confirmed and 300 spent on this till since: at most 500 points on a 300,000 dong sale', () => {
    const available = availableBalance(8_000, [-300]);
    expect(available).toBe(7_700);
    expect(pointsRedeemLimit({ availablePoints: available, pointsInSale: 0, total: 300_000, remaining: 300_000 }, demo)).toEqual({ ok: true, minPoints: 100, maxPoints: 500 });
  });

  it('points pay at most half the bill, never more than is due, and not below the minimum', () => {
    expect(pointsRedeemLimit({ availablePoints: 5_000, pointsInSale: 0, total: 60_000, remaining: 60_000 }, demo)).toEqual({ ok: true, minPoints: 100, maxPoints: 300 });
    expect(pointsRedeemLimit({ availablePoints: 5_000, pointsInSale: 0, total: 300_000, remaining: 20_000 }, demo)).toEqual({ ok: true, minPoints: 100, maxPoints: 200 });
    expect(pointsRedeemLimit({ availablePoints: 80, pointsInSale: 0, total: 300_000, remaining: 300_000 }, demo)).toEqual({ ok: false, reason: 'below-minimum', available: 80, minPoints: 100 });
    expect(pointsRedeemLimit({ availablePoints: 0, pointsInSale: 0, total: 300_000, remaining: 300_000 }, demo)).toMatchObject({ ok: false, reason: 'no-points' });
    // Points already on this sale count against every limit.
    expect(pointsRedeemLimit({ availablePoints: 5_000, pointsInSale: 450, total: 300_000, remaining: 255_000 }, demo)).toMatchObject({ ok: false, reason: 'below-minimum', available: 50 });
  });

  it('a gift card or store credit pays up to its balance, what is due and the store’s cap', () => {
    expect(storedValueRedeemLimit(200_000, 0, 150_000)).toBe(150_000);
    expect(storedValueRedeemLimit(200_000, 120_000, 150_000)).toBe(80_000);
    expect(storedValueRedeemLimit(200_000, 0, 150_000, { offlineRedeemCapAmount: 100_000 })).toBe(100_000);
    expect(storedValueRedeemLimit(-5_000, 0, 150_000)).toBe(0);
  });

  const rulesArb: fc.Arbitrary<LoyaltyRedeemRules> = fc.record({
    pointValue: fc.integer({ min: 1, max: 10_000 }),
    minRedeemPoints: fc.integer({ min: 1, max: 1_000 }),
    maxRedeemBasisPoints: fc.integer({ min: 0, max: 10_000 }),
    offlineRedeemCapPoints: fc.integer({ min: 0, max: 100_000 }),
  });

  it('whatever the rules and balances, the points redeemed never exceed the balance, the cap, the share of the bill or what is due (property)', () => {
    fc.assert(
      fc.property(
        rulesArb,
        fc.integer({ min: -10_000, max: 1_000_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 1000 }),
        (rules, availablePoints, pointsInSale, total, remainingPermille) => {
          const remaining = Math.floor((total * remainingPermille) / 1000);
          const limit = pointsRedeemLimit({ availablePoints, pointsInSale, total, remaining }, rules);
          if (!limit.ok) return;
          const { maxPoints } = limit;
          expect(maxPoints).toBeGreaterThanOrEqual(rules.minRedeemPoints);
          expect(pointsInSale + maxPoints).toBeLessThanOrEqual(availablePoints);
          expect(pointsInSale + maxPoints).toBeLessThanOrEqual(rules.offlineRedeemCapPoints);
          expect(maxPoints * rules.pointValue).toBeLessThanOrEqual(remaining);
          expect(BigInt(pointsInSale + maxPoints) * BigInt(rules.pointValue) * 10_000n).toBeLessThanOrEqual(BigInt(total) * BigInt(rules.maxRedeemBasisPoints));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a gift card or store credit limit is never negative and never beyond balance, due or cap (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined }), (available, inSale, remaining, cap) => {
        const limit = storedValueRedeemLimit(available, inSale, remaining, cap === undefined ? undefined : { offlineRedeemCapAmount: cap });
        expect(limit).toBeGreaterThanOrEqual(0);
        if (limit > 0) {
          expect(inSale + limit).toBeLessThanOrEqual(available);
          expect(limit).toBeLessThanOrEqual(remaining);
          if (cap !== undefined) expect(inSale + limit).toBeLessThanOrEqual(cap);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
