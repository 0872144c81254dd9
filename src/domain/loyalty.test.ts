import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachCustomer, emptyCart, ringUpLine } from './cart.ts';
import { buildSaleDocument } from './sale-document.ts';
import { VIETNAM_TAX_CLASSES } from './tax-presets.ts';
import { earningMultiplier, localDay, loyaltyRules, offlineSpendCap, plainEarning, pointsEarnedBy, pointsFor, promotionMultiplier, spendInPeriod, tierById, tierForSpend } from './loyalty.ts';
import type { EarningPurchase, LoyaltyRules } from './loyalty.ts';

const config = {
  store: { name: 'Quận 1', currency: 'VND', locale: 'vi-VN', timeZone: 'Asia/Ho_Chi_Minh' },
  loyalty: {
    enabled: true,
    earnAmountPerPoint: 10_000,
    pointValue: 100,
    minRedeemPoints: 100,
    maxRedeemBasisPoints: 5000,
    offlineRedeemCapPoints: 500,
    nonEarningCategories: ['Thuốc lá', 'Sữa công thức'],
    tierPeriodDays: 365,
    tiers: [
      { id: 'gold', name: 'Vàng', minSpend: 20_000_000, multiplierBasisPoints: 15_000 },
      { id: 'silver', name: 'Bạc', minSpend: 5_000_000, multiplierBasisPoints: 12_500 },
      { id: 'broken', minSpend: -1, multiplierBasisPoints: 20_000 },
    ],
    promotions: [
      { name: 'Thứ Tư vui vẻ', weekdays: [3], multiplierBasisPoints: 20_000 },
      { name: 'Giáng sinh', dates: ['2025-12-24'], multiplierBasisPoints: 30_000 },
      { name: 'no days', multiplierBasisPoints: 50_000 },
    ],
  },
};

function rulesOf(c: Parameters<typeof loyaltyRules>[0]): LoyaltyRules {
  const rules = loyaltyRules(c);
  if (rules === undefined) throw new Error('no loyalty rules');
  return rules;
}

const rules = rulesOf(config);
const categories = new Map([
  ['p-cigarettes', 'Thuốc lá'],
  ['p-coffee', 'Đồ uống'],
]);
const categoryOf = (productId: string): string | undefined => categories.get(productId);

/** A Monday (not a promotion day) at 10:00 in Hà Nội. */
const MONDAY = '2025-11-24T03:00:00.000Z';

function purchase(lines: Array<{ productId: string; total: number; giftCardId?: string }>, tenders: EarningPurchase['tenders'], createdAt = MONDAY): EarningPurchase {
  const total = lines.reduce((sum, line) => sum + line.total, 0);
  const paid = tenders.reduce((sum, tender) => sum + tender.amount, 0);
  return { createdAt, lines: lines.map((line) => ({ ...line, qty: 1000 })), tenders, totals: { total }, change: Math.max(0, paid - total) };
}

describe('loyalty rules from the store config', () => {
  it('reads tiers lowest first, leaves malformed ones out, and takes the redeem rules along', () => {
    expect(rules.amountPerPoint).toBe(10_000);
    expect(rules.tiers.map((tier) => tier.id)).toEqual(['silver', 'gold']);
    expect(rules.promotions.map((promotion) => promotion.name)).toEqual(['Thứ Tư vui vẻ', 'Giáng sinh']);
    expect(rules.redeem).toMatchObject({ pointValue: 100, offlineRedeemCapPoints: 500 });
    expect(rules.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(loyaltyRules({ loyalty: { ...config.loyalty, enabled: false } })).toBeUndefined();
    expect(loyaltyRules({ loyalty: { ...config.loyalty, earnAmountPerPoint: 0 } })).toBeUndefined();
    expect(loyaltyRules({ loyalty: config.loyalty, store: { timeZone: 'Mars/Olympus' } })?.timeZone).toBe('Asia/Ho_Chi_Minh');
  });
});

describe('earning points on a sale', () => {
  it('one point per 10,000 VND paid, with nothing else configured (the earning sales have always had)', () => {
    const earning = pointsEarnedBy(purchase([{ productId: 'p-coffee', total: 29_000 }], [{ method: 'cash', amount: 50_000 }]), rules);
    expect(earning).toEqual({ points: 2, basis: 29_000, multiplierBasisPoints: 10_000 });
  });

  it('cigarettes earn nothing, and neither does selling a gift card', () => {
    const earning = pointsEarnedBy(
      purchase(
        [
          { productId: 'p-coffee', total: 100_000 },
          { productId: 'p-cigarettes', total: 300_000 },
          { productId: 'p-gift', total: 500_000, giftCardId: '7000000000000000000' },
        ],
        [{ method: 'card', amount: 900_000 }],
      ),
      rules,
      { categoryOf },
    );
    expect(earning).toMatchObject({ points: 10, basis: 100_000 });
  });

  it('points paid in points earn nothing; the rest does', () => {
    const earning = pointsEarnedBy(purchase([{ productId: 'p-coffee', total: 100_000 }], [{ method: 'points', amount: 30_000 }, { method: 'cash', amount: 70_000 }]), rules);
    expect(earning.points).toBe(7);
  });

  it('a silver member earns x1.25, a gold one x1.5; Wednesdays double it, Christmas Eve triples (the best day rule, not both)', () => {
    const sale = purchase([{ productId: 'p-coffee', total: 1_000_000 }], [{ method: 'cash', amount: 1_000_000 }]);
    expect(pointsEarnedBy(sale, rules, { tier: tierById('silver', rules) }).points).toBe(125);
    expect(pointsEarnedBy(sale, rules, { tier: tierById('gold', rules) }).points).toBe(150);
    // Wednesday 2025-11-26, 23:30 in Hà Nội is still Wednesday there (16:30 UTC).
    const wednesdayNight = { ...sale, createdAt: '2025-11-26T16:30:00.000Z' };
    expect(pointsEarnedBy(wednesdayNight, rules).points).toBe(200);
    expect(pointsEarnedBy(wednesdayNight, rules, { tier: tierById('gold', rules) }).points).toBe(300);
    // 00:30 on Thursday in Hà Nội is 17:30 UTC on Wednesday: no longer a promotion day.
    expect(pointsEarnedBy({ ...sale, createdAt: '2025-11-26T17:30:00.000Z' }, rules).points).toBe(100);
    // Christmas Eve 2025 is a Wednesday too: the higher multiplier applies, once.
    expect(promotionMultiplier('2025-12-24T05:00:00.000Z', rules)).toBe(30_000);
  });

  it('tier thresholds: spend over the last 365 days, the highest tier reached', () => {
    expect(tierForSpend(4_999_999, rules)).toBeUndefined();
    expect(tierForSpend(5_000_000, rules)?.id).toBe('silver');
    expect(tierForSpend(19_999_999, rules)?.id).toBe('silver');
    expect(tierForSpend(20_000_000, rules)?.id).toBe('gold');
    const history = [
      { at: '2024-11-20T03:00:00.000Z', amount: 30_000_000 },
      { at: '2025-06-01T03:00:00.000Z', amount: 4_000_000 },
      { at: '2025-11-01T03:00:00.000Z', amount: 1_500_000 },
      { at: '2025-11-10T03:00:00.000Z', amount: -500_000 },
      { at: MONDAY, amount: 9_000_000 },
    ];
    // The 2024 purchase is out of the window, and the purchase being rung up does not count towards its own tier.
    expect(spendInPeriod(history, MONDAY, rules)).toBe(5_000_000);
    expect(tierForSpend(spendInPeriod(history, MONDAY, rules), rules)?.id).toBe('silver');
  });

  it('the local day is the store’s calendar day', () => {
    expect(localDay('2025-11-26T16:59:59.000Z', 'Asia/Ho_Chi_Minh')).toEqual({ date: '2025-11-26', weekday: 3 });
    expect(localDay('2025-11-26T17:00:00.000Z', 'Asia/Ho_Chi_Minh')).toEqual({ date: '2025-11-27', weekday: 4 });
  });

  it('PROPERTY: points never exceed one per amountPerPoint of what earning tenders paid, times the multiplier; more spend never earns fewer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom(undefined, 'silver', 'gold'),
        fc.integer({ min: 0, max: 6 }),
        (total, extra, pointsShare, amountPerPoint, tierId, day) => {
          const r: LoyaltyRules = { ...rules, amountPerPoint };
          const inPoints = Math.floor((total * pointsShare) / 100);
          const at = new Date(Date.UTC(2025, 10, 23 + day, 3)).toISOString();
          const tier = tierById(tierId, r);
          const sale = purchase([{ productId: 'p-coffee', total }], [{ method: 'points', amount: inPoints }, { method: 'cash', amount: total - inPoints + extra }], at);
          const earning = pointsEarnedBy(sale, r, { tier });
          const multiplierBp = earningMultiplier(at, r, tier);
          expect(earning.basis).toBe(Math.max(0, total - inPoints));
          expect(earning.points * amountPerPoint * 10_000).toBeLessThanOrEqual(earning.basis * multiplierBp);
          expect((earning.points + 1) * amountPerPoint * 10_000).toBeGreaterThan(earning.basis * multiplierBp);
          const bigger = purchase([{ productId: 'p-coffee', total: total + 10_000 }], [{ method: 'points', amount: inPoints }, { method: 'cash', amount: total + 10_000 - inPoints }], at);
          expect(pointsEarnedBy(bigger, r, { tier }).points).toBeGreaterThanOrEqual(earning.points);
        },
      ),
    );
  });

  it('PROPERTY: without tiers or promotions, earning is floor(paid / amountPerPoint), as before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (basis, amountPerPoint) => {
        expect(pointsFor(basis, 10_000, amountPerPoint)).toBe(Math.floor(basis / amountPerPoint));
        const sale = purchase([{ productId: 'p-coffee', total: basis }], [{ method: 'cash', amount: basis }]);
        expect(pointsEarnedBy(sale, plainEarning(amountPerPoint)).points).toBe(Math.floor(basis / amountPerPoint));
      }),
    );
  });
});

describe('how much a till lets a customer spend offline', () => {
  it('the balance at the last sync less this till’s unsynced spends, and never above the store’s cap', () => {
    expect(offlineSpendCap(1_200, [], 500)).toBe(500);
    expect(offlineSpendCap(300, [], 500)).toBe(300);
    expect(offlineSpendCap(1_200, [-900, +40], 500)).toBe(300);
    expect(offlineSpendCap(1_200, [-1_300], 500)).toBe(0);
  });

  it('PROPERTY: two tills each spending their offline cap can together overspend by at most the cap (which the server records and flags)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 10_000 }), fc.array(fc.integer({ min: -5_000, max: 5_000 }), { maxLength: 10 }), (balance, cap, pending) => {
        const allowed = offlineSpendCap(balance, pending, cap);
        const spentHere = pending.filter((d) => d < 0).reduce((sum, d) => sum - d, 0);
        expect(allowed).toBeGreaterThanOrEqual(0);
        expect(allowed).toBeLessThanOrEqual(cap);
        expect(allowed + spentHere).toBeLessThanOrEqual(Math.max(balance, spentHere));
        // The other till does not know this one's spend: together they spend at most balance + cap.
        const other = offlineSpendCap(balance, [], cap);
        expect(allowed + spentHere + other).toBeLessThanOrEqual(Math.max(balance, spentHere) + cap);
      }),
    );
  });
});

describe('the counter writes what the server derives', () => {
  it('a silver member buying coffee and cigarettes on a Wednesday: the sale earns on the coffee only, x1.25 x2, and names its tier', () => {
    const coffee = { id: 'p-coffee', sku: 'CF', name: 'Cà phê', price: 400_000, taxClassId: 'vat10', weighed: false };
    const cigarettes = { id: 'p-cigarettes', sku: 'TL', name: 'Thuốc lá', price: 300_000, taxClassId: 'vat10', weighed: false };
    let cart = emptyCart();
    for (const product of [coffee, cigarettes]) {
      const rung = ringUpLine(cart, product);
      if (!rung.ok) throw new Error(rung.detail);
      cart = rung.cart;
    }
    cart = attachCustomer(cart, 'cust-lan');
    const context = { id: '0192f3a4-5b6c-7d8e-9f00-000000000001', storeId: 'store-q1', deviceId: 'd1', number: 'Q1-1', createdAt: '2025-11-26T03:00:00.000Z', staffId: 's', currency: 'VND' };
    const built = buildSaleDocument(cart, [{ method: 'cash', amount: 700_000 }], context, {
      taxClasses: VIETNAM_TAX_CLASSES,
      loyalty: { amountPerPoint: 10_000, rules, tier: tierById('silver', rules), categoryOf },
    });
    if (!built.ok) throw new Error(built.detail);
    expect(built.sale['loyaltyTier']).toBe('silver');
    // 400,000 earns 40 points, x1.25 (silver) x2 (Wednesday) = 100.
    expect(built.sale.ledger.find((entry) => entry.kind === 'points')).toEqual({ id: `${context.id}-points-earn`, kind: 'points', refId: 'cust-lan', delta: 100, reason: 'earn' });
  });
});
