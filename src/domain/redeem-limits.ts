/*
 * How much of a gift card, a customer's loyalty points or store credit a till may take as a tender.
 *
 * The till never knows the live balance: it has the balance the server last confirmed (a `balances` row
 * synced to the device) and its own ledger entries the server has not confirmed yet. So, per README
 * "Offline rules", it redeems at most min(confirmed + this device's pending deltas, the store's cap); the
 * server records any overdraft that still happens (another till spending the same card offline) and
 * flags it for a manager.
 *
 * Points (config.loyalty): `pointValue` minor units per point; at least `minRedeemPoints` per redemption;
 * points pay at most `maxRedeemBasisPoints` of the sale's total; at most `offlineRedeemCapPoints` per sale
 * (the till cannot tell online from a stale balance, so the cap always applies). Gift cards and store
 * credit: up to the balance, and `offlineRedeemCapAmount` per sale when the store sets one. Every tender
 * other than cash pays at most what is still due (tender.ts).
 */

export interface LoyaltyRedeemRules {
  /** Minor units one point is worth. */
  readonly pointValue: number;
  readonly minRedeemPoints: number;
  /** Share of the sale's total points may pay, in basis points (5000 = half). */
  readonly maxRedeemBasisPoints: number;
  readonly offlineRedeemCapPoints: number;
  /** Cap on gift card and store credit per sale, minor units; undefined = the balance is the only cap. */
  readonly offlineRedeemCapAmount?: number;
}

function whole(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** The redeem rules of config.loyalty, or undefined when the store does not redeem points (disabled, or no point value). */
export function loyaltyRedeemRules(loyalty: Readonly<Record<string, unknown>> | undefined): LoyaltyRedeemRules | undefined {
  if (loyalty === undefined || loyalty['enabled'] !== true) return undefined;
  const pointValue = whole(loyalty['pointValue']);
  if (pointValue === undefined || pointValue === 0) return undefined;
  const capAmount = whole(loyalty['offlineRedeemCapAmount']);
  return {
    pointValue,
    minRedeemPoints: Math.max(1, whole(loyalty['minRedeemPoints']) ?? 1),
    maxRedeemBasisPoints: Math.min(10_000, whole(loyalty['maxRedeemBasisPoints']) ?? 10_000),
    // Without a configured cap, nothing is redeemed on a balance the till cannot confirm beyond its own figure.
    offlineRedeemCapPoints: whole(loyalty['offlineRedeemCapPoints']) ?? 0,
    ...(capAmount === undefined ? {} : { offlineRedeemCapAmount: capAmount }),
  };
}

/** A balance as the till sees it: the server's confirmed value plus this device's unconfirmed deltas. */
export function availableBalance(confirmed: number, pendingDeltas: readonly number[]): number {
  return pendingDeltas.reduce((sum, delta) => sum + delta, confirmed);
}

export type PointsLimit =
  | { readonly ok: true; readonly minPoints: number; readonly maxPoints: number }
  | { readonly ok: false; readonly reason: 'no-points' | 'below-minimum'; readonly available: number; readonly minPoints: number };

export interface PointsSituation {
  /** Points the customer has as the till sees them (availableBalance). */
  readonly availablePoints: number;
  /** Points already taken as tenders on this sale. */
  readonly pointsInSale: number;
  /** The sale's total, and what is still due. */
  readonly total: number;
  readonly remaining: number;
}

/** The range of points the customer may redeem now, or why none. */
export function pointsRedeemLimit(situation: PointsSituation, rules: LoyaltyRedeemRules): PointsLimit {
  const { availablePoints, pointsInSale, total, remaining } = situation;
  // Exact integer division (the product can pass 2^53 on a large sale).
  const byShare = Number((BigInt(Math.max(0, total)) * BigInt(rules.maxRedeemBasisPoints)) / (10_000n * BigInt(rules.pointValue)));
  const byDue = Math.floor(Math.max(0, remaining) / rules.pointValue);
  const maxPoints = Math.max(0, Math.min(availablePoints - pointsInSale, rules.offlineRedeemCapPoints - pointsInSale, byShare - pointsInSale, byDue));
  const minPoints = rules.minRedeemPoints;
  if (maxPoints === 0) return { ok: false, reason: 'no-points', available: Math.max(0, availablePoints - pointsInSale), minPoints };
  if (maxPoints < minPoints) return { ok: false, reason: 'below-minimum', available: maxPoints, minPoints };
  return { ok: true, minPoints, maxPoints };
}

/** The most a gift card or store credit may pay now (0 when nothing). */
export function storedValueRedeemLimit(available: number, alreadyInSale: number, remaining: number, rules?: Pick<LoyaltyRedeemRules, 'offlineRedeemCapAmount'>): number {
  const cap = rules?.offlineRedeemCapAmount;
  const byCap = cap === undefined ? Number.MAX_SAFE_INTEGER : cap - alreadyInSale;
  return Math.max(0, Math.min(available - alreadyInSale, remaining, byCap));
}
