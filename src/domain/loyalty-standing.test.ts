import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loyaltyStanding, purchaseSpend, tierPeriodStart } from './loyalty-standing.ts';
import { spendInPeriod, tierForSpend } from './loyalty.ts';
import type { LoyaltyTier } from './loyalty.ts';

const silver: LoyaltyTier = { id: 'silver', name: 'Bạc', minSpend: 2_000_000, multiplierBasisPoints: 12_500 };
const gold: LoyaltyTier = { id: 'gold', name: 'Vàng', minSpend: 5_000_000, multiplierBasisPoints: 15_000 };
const rules = { tiers: [silver, gold], tierPeriodDays: 365 };
const at = '2026-12-07T03:00:00.000Z';

function sale(createdAt: string, ...totals: number[]) {
  return { createdAt, lines: totals.map((total) => ({ total })) };
}

describe('where a customer stands, as the till knows it', () => {
  it('a new customer has spent nothing and is two million from Bạc', () => {
    expect(loyaltyStanding([], at, rules)).toEqual({ spend: 0, next: { tier: silver, missing: 2_000_000 } });
  });

  it('a first sale of 2.1 million reaches Bạc for the next one, and Vàng is what is left to reach', () => {
    const standing = loyaltyStanding([sale('2026-12-07T02:00:00.000Z', 1_600_000, 500_000)], at, rules);
    expect(standing).toEqual({ spend: 2_100_000, tier: silver, next: { tier: gold, missing: 2_900_000 } });
  });

  it('the sale being rung up (at the same moment) and sales older than the period do not count', () => {
    const standing = loyaltyStanding([sale(at, 3_000_000), sale('2025-12-01T00:00:00.000Z', 9_000_000), sale('2026-06-01T00:00:00.000Z', 2_000_000)], at, rules);
    expect(standing.spend).toBe(2_000_000);
    expect(standing.tier).toBe(silver);
  });

  it('a return counts against spend and can take the tier away; a gift card sold is no spend', () => {
    const bought = sale('2026-12-01T00:00:00.000Z', 2_500_000);
    const returned = sale('2026-12-02T00:00:00.000Z', -800_000);
    const card = { createdAt: '2026-12-03T00:00:00.000Z', lines: [{ total: 1_000_000, giftCardId: '9704000000000000' }] };
    expect(purchaseSpend(card)).toBe(0);
    expect(loyaltyStanding([bought, returned, card], at, rules)).toEqual({ spend: 1_700_000, next: { tier: silver, missing: 300_000 } });
  });

  it('at the top tier nothing is left to reach', () => {
    expect(loyaltyStanding([sale('2026-12-01T00:00:00.000Z', 6_000_000)], at, rules)).toEqual({ spend: 6_000_000, tier: gold });
  });

  it('agrees with the server’s own rule, and the missing spend reaches exactly the next tier (property)', () => {
    const day = fc.integer({ min: 0, max: 500 }).map((days) => new Date(Date.parse(at) - days * 86_400_000 - 1000).toISOString());
    const purchase = fc.record({ createdAt: day, lines: fc.array(fc.record({ total: fc.integer({ min: -2_000_000, max: 5_000_000 }) }), { minLength: 1, maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 12 }), (purchases) => {
        const standing = loyaltyStanding(purchases, at, rules);
        const serverSpend = spendInPeriod(purchases.map((p) => ({ at: p.createdAt, amount: purchaseSpend(p) })), at, rules);
        expect(standing.spend).toBe(serverSpend);
        expect(standing.tier).toBe(tierForSpend(serverSpend, rules));
        expect(standing.spend).toBeGreaterThanOrEqual(0);
        if (standing.next !== undefined) {
          expect(standing.next.missing).toBeGreaterThan(0);
          expect(tierForSpend(standing.spend + standing.next.missing, rules)).toBe(standing.next.tier);
          expect(tierForSpend(standing.spend + standing.next.missing - 1, rules)).toBe(standing.tier);
        } else {
          expect(standing.tier).toBe(gold);
        }
      }),
    );
  });

  it('the period starts tierPeriodDays before the moment asked', () => {
    expect(tierPeriodStart(at, rules)).toBe('2025-12-07T03:00:00.000Z');
  });
});
