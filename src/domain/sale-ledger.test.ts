import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachCustomer, emptyCart, ringUpLine } from './cart.ts';
import type { SaleDocument, SaleLedgerEntry } from './documents.ts';
import { cartOf, coffee, paidSaleArb, saleOf, testTaxClasses, saleContext } from './paid-sale.test-helper.ts';
import { buildSaleDocument } from './sale-document.ts';
import { compareEmbeddedLedger, isMoneyKind, loyaltyEarning, moneyMovementsOf, pointsEarned } from './sale-ledger.ts';
import type { MoneyMovement } from './sale-ledger.ts';
import { buildSaleReversal } from './sale-reversal.ts';
import type { Tender } from './tender.ts';

const context = saleContext;
const voidContext = { id: '0192f3a4-9999-7d8e-9f00-aabbccddeeff', deviceId: 'device-t03', number: 'Q1-T03-000124', createdAt: '2025-11-24T03:20:00.000Z', staffId: 'staff-lan', approverId: 'staff-hoa' };

const money = (ledger: readonly SaleLedgerEntry[] | undefined): SaleLedgerEntry[] => (ledger ?? []).filter((entry) => isMoneyKind(entry.kind));
const plain = (movements: readonly MoneyMovement[]): SaleLedgerEntry[] => movements.map(({ id, kind, refId, delta, reason }) => ({ id, kind, refId, delta, reason }));

function coffeeSale(tenders: Tender[], cups = 3): SaleDocument {
  const cart = attachCustomer(cartOf(ringUpLine(emptyCart(), coffee, { qty: 1000 * cups })), 'cust-7');
  return saleOf(buildSaleDocument(cart, tenders, context, { taxClasses: testTaxClasses, loyalty: { amountPerPoint: 10_000 } }));
}

describe('the money a sale moves, derived by the server the way the counter writes it', () => {
  it('any sale the counter completes derives exactly the money entries it embeds, and its cancellation the mirror', () => {
    fc.assert(
      fc.property(paidSaleArb, ({ cart, tenders, saleRules }) => {
        const sale = saleOf(buildSaleDocument(cart, tenders, context, saleRules));
        const rules = saleRules.loyalty === undefined ? {} : { amountPerPoint: saleRules.loyalty.amountPerPoint };
        const derived = moneyMovementsOf(sale, rules);
        expect(derived.problems).toEqual([]);
        expect(plain(derived.movements)).toEqual(money(sale.ledger));
        expect(compareEmbeddedLedger(sale.ledger, derived.movements).refused).toEqual([]);

        const built = buildSaleReversal(sale, voidContext);
        if (!built.ok) throw new Error(built.detail);
        const mirror = moneyMovementsOf(built.reversal, rules, { sale, applied: derived.movements });
        expect(mirror.problems).toEqual([]);
        expect(plain(mirror.movements)).toEqual(money(built.reversal.ledger));
        expect(mirror.movements.reduce((sum, m) => sum + m.delta, 0) + derived.movements.reduce((sum, m) => sum + m.delta, 0)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a gift card, store credit and points spent, and points earned on what was not paid in points', () => {
    const sale = coffeeSale([
      { method: 'points', amount: 10_000, points: 100 },
      { method: 'gift_card', amount: 20_000, giftCardId: 'GC-1' },
      { method: 'store_credit', amount: 20_000 },
      { method: 'cash', amount: 37_000 },
    ]);
    expect(plain(moneyMovementsOf(sale, { amountPerPoint: 10_000 }).movements)).toEqual([
      { id: `${context.id}-points-0`, kind: 'points', refId: 'cust-7', delta: -100, reason: 'redeem' },
      { id: `${context.id}-giftcard-1`, kind: 'giftcard', refId: 'GC-1', delta: -20_000, reason: 'redeem' },
      { id: `${context.id}-credit-2`, kind: 'credit', refId: 'cust-7', delta: -20_000, reason: 'redeem' },
      { id: `${context.id}-points-earn`, kind: 'points', refId: 'cust-7', delta: 7, reason: 'earn' },
    ]);
  });

  it('a top-up embedded in a sale follows from nothing and is refused, saying why', () => {
    const sale = coffeeSale([{ method: 'cash', amount: 87_000 }]);
    const topUp: SaleLedgerEntry = { id: 'x-1', kind: 'giftcard', refId: 'GC-9', delta: 9_999_999, reason: 'reload' };
    const derived = moneyMovementsOf(sale, { amountPerPoint: 10_000 });
    const compared = compareEmbeddedLedger([...(sale.ledger ?? []), topUp], derived.movements, derived.problems);
    expect(compared.refused).toEqual([{ index: (sale.ledger ?? []).length, entry: topUp, why: expect.stringMatching(/does not follow/) }]);
    expect(compared.derived.map((d) => d.embedded?.id)).toEqual([`${context.id}-points-earn`]);
  });

  it('an earning the tablet inflated is refused; the server’s own figure stands', () => {
    const sale = coffeeSale([{ method: 'cash', amount: 87_000 }]);
    const inflated = (sale.ledger ?? []).map((entry) => (entry.kind === 'points' ? { ...entry, delta: 1_000_000 } : entry));
    const derived = moneyMovementsOf(sale, { amountPerPoint: 10_000 });
    const compared = compareEmbeddedLedger(inflated, derived.movements);
    expect(compared.refused).toHaveLength(1);
    expect(compared.refused[0]?.why).toMatch(/derives points 8/);
    expect(compared.derived).toEqual([{ movement: expect.objectContaining({ delta: 8 }) }]);
  });

  it('a negative gift-card or credit tender on a sale (a load dressed as a payment) moves nothing and is reported', () => {
    const sale: SaleDocument = { ...coffeeSale([{ method: 'cash', amount: 87_000 }]), tenders: [{ method: 'gift_card', amount: -50_000, reference: 'GC-1' }, { method: 'store_credit', amount: -1 }, { method: 'cash', amount: 137_001 }] };
    const derived = moneyMovementsOf(sale, {});
    expect(derived.movements).toEqual([]);
    expect(derived.problems).toHaveLength(2);
  });

  it('earned points never exceed what the earning tenders brought in, whatever the totals say', () => {
    const sale = coffeeSale([{ method: 'cash', amount: 87_000 }]);
    expect(pointsEarned({ ...sale, totals: { ...sale.totals, total: 1_000_000_000 } }, { amountPerPoint: 10_000 })).toBe(8);
    expect(pointsEarned({ ...sale, tenders: [{ method: 'cash', amount: 1 }] }, { amountPerPoint: 10_000 })).toBe(0);
  });

  it('a reversal gives back nothing without its original, another store’s, or a refund tender the original did not have', () => {
    const sale = coffeeSale([{ method: 'gift_card', amount: 87_000, giftCardId: 'GC-1' }]);
    const built = buildSaleReversal(sale, voidContext);
    if (!built.ok) throw new Error(built.detail);
    const applied = moneyMovementsOf(sale, {}).movements;
    expect(moneyMovementsOf(built.reversal, {}).movements).toEqual([]);
    expect(moneyMovementsOf(built.reversal, {}, { sale: { ...sale, storeId: 'store-q3' }, applied }).movements).toEqual([]);
    const cashInstead: SaleDocument = { ...built.reversal, tenders: [{ method: 'cash', amount: -87_000 }] };
    const refund = moneyMovementsOf(cashInstead, {}, { sale, applied });
    expect(refund.movements).toEqual([]);
    expect(refund.problems[0]).toMatch(/no giftcard refund tender of 87000/);
  });

  it('reads the earning rule of the store config as the counter does', () => {
    expect(loyaltyEarning({ enabled: true, earnAmountPerPoint: 10_000 })).toEqual({ amountPerPoint: 10_000 });
    expect(loyaltyEarning({ enabled: false, earnAmountPerPoint: 10_000 })).toEqual({});
    expect(loyaltyEarning({ enabled: true, earnAmountPerPoint: 0 })).toEqual({});
    expect(loyaltyEarning(undefined)).toEqual({});
  });
});
