/*
 * Where a customer stands in the loyalty programme as a till knows it: what they spent over the tier period
 * (their sales and returns this device holds), the tier that spend reached, and how much more reaches the
 * next one. The counter names that tier on a sale (`loyaltyTier`, sale-document.ts) and earns at its
 * multiplier; the server applies the lower of the tier named and the one the customer really reached
 * chain-wide (sync-server/src/policies/loyalty-spend.ts, the same spendInPeriod and tierForSpend), so a till
 * that saw less spend only under-claims, never over-claims.
 * What counts as spend is the server's rule: the goods of a sale or return (line totals, returns negative),
 * never a gift card sold (money, not goods).
 */
import type { LoyaltyRules, LoyaltyTier } from './loyalty.ts';
import { spendInPeriod, tierForSpend } from './loyalty.ts';

/** What a sale or return counts towards its customer's spend: its goods' line totals, gift cards left out. */
export function purchaseSpend(purchase: { readonly lines: ReadonlyArray<{ readonly total: number; readonly giftCardId?: unknown }> }): number {
  let spend = 0;
  for (const line of purchase.lines) if (typeof line.giftCardId !== 'string') spend += line.total;
  return spend;
}

export interface LoyaltyStanding {
  /** Spend in the tier period ending at the moment asked (exclusive), never below zero. */
  readonly spend: number;
  /** The highest tier reached, undefined below the first. */
  readonly tier?: LoyaltyTier;
  /** The next tier up and the spend still missing to reach it; undefined at the top tier or without tiers. */
  readonly next?: { readonly tier: LoyaltyTier; readonly missing: number };
}

/** A purchase as standing reads it: when, and its lines. */
export interface DatedPurchase {
  readonly createdAt: string;
  readonly lines: ReadonlyArray<{ readonly total: number; readonly giftCardId?: unknown }>;
}

/** The customer's standing at `at` from the purchases known (any order; those outside the period are ignored). */
export function loyaltyStanding(purchases: readonly DatedPurchase[], at: string, rules: Pick<LoyaltyRules, 'tiers' | 'tierPeriodDays'>): LoyaltyStanding {
  const spend = spendInPeriod(
    purchases.map((purchase) => ({ at: purchase.createdAt, amount: purchaseSpend(purchase) })),
    at,
    rules,
  );
  const tier = tierForSpend(spend, rules);
  const above = rules.tiers.find((candidate) => candidate.minSpend > spend && (tier === undefined || candidate.minSpend > tier.minSpend));
  return {
    spend,
    ...(tier === undefined ? {} : { tier }),
    ...(above === undefined ? {} : { next: { tier: above, missing: above.minSpend - spend } }),
  };
}

/** The first moment of the tier period that ends at `at`: purchases before it do not count. */
export function tierPeriodStart(at: string, rules: Pick<LoyaltyRules, 'tierPeriodDays'>): string {
  return new Date(Date.parse(at) - rules.tierPeriodDays * 86_400_000).toISOString();
}
