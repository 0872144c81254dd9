import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachCustomer, emptyCart, lineDiscount, overridePrice, ringUpLine } from './cart.ts';
import type { PriceRules } from './cart.ts';
import { multiplyByQuantity } from './money.ts';
import { cartOf, coffee, pork, saleOf, paidSaleArb, saleContext } from './paid-sale.test-helper.ts';
import { checkSale } from './sale-check.ts';
import { buildSaleDocument } from './sale-document.ts';
import type { CompletedSale } from './sale-document.ts';
import { computeTaxes } from './tax.ts';
import { VIETNAM_TAX_CLASSES } from './tax-presets.ts';
import type { TaxClass } from './tax-presets.ts';
import type { Tender } from './tender.ts';

const taxClasses: readonly TaxClass[] = [...VIETNAM_TAX_CLASSES, { id: 'net10', name: 'VAT 10% net', rateBasisPoints: 1000, pricesIncludeTax: false }];
const rules: PriceRules = { maxDiscountBasisPoints: 1000, overrideNeedsApprovalAbove: 2000 };
const context = saleContext;

/** What the server's check requires, restated independently, plus the cash rounding it does not know yet. */
function expectArithmeticHolds(sale: CompletedSale): void {
  for (const line of sale.lines) {
    expect(line.total).toBe(multiplyByQuantity(line.unitPrice, line.qty) - line.discount);
    expect(line.discount).toBeGreaterThanOrEqual(0);
  }
  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  expect(sale.totals.subtotal).toBe(sum(sale.lines.map((line) => line.total + line.discount)));
  expect(sale.totals.discount).toBe(sum(sale.lines.map((line) => line.discount)));
  const taxes = computeTaxes(sale.lines.map((line) => ({ amount: line.total, rateBasisPoints: line.taxRate, pricesIncludeTax: line.priceIncludesTax })));
  expect(sale.totals.tax).toBe(taxes.totals.tax);
  expect(sale.totals.total).toBe(taxes.totals.gross);
  const paid = sum(sale.tenders.map((tender) => tender.amount));
  const cash = sum(sale.tenders.filter((tender) => tender.method === 'cash').map((tender) => tender.amount));
  expect(paid - sale.change).toBe(sale.totals.total + (sale.totals.cashRounding ?? 0));
  expect(sale.change).toBeGreaterThanOrEqual(0);
  expect(sale.change).toBeLessThanOrEqual(cash);
  expect(paid - cash).toBeLessThanOrEqual(sale.totals.total);
}

describe('a cashier completes a sale', () => {
  it('2 coffees and 0.375 kg of pork for a member, paid 200,000 in cash: the document as it is written and pushed', () => {
    let cart = cartOf(ringUpLine(emptyCart(), coffee, { qty: 2000 }));
    cart = cartOf(ringUpLine(cart, pork, { qty: 375 }));
    cart = cartOf(lineDiscount(cart, 'L2', { kind: 'amount', amount: 5_000 }, rules));
    cart = attachCustomer(cart, 'cust-7');
    const sale = saleOf(buildSaleDocument(cart, [{ method: 'cash', amount: 200_000 }], context, { taxClasses, loyalty: { amountPerPoint: 10_000 } }));
    expect(sale).toEqual({
      ...context,
      kind: 'sale',
      customerId: 'cust-7',
      lines: [
        { productId: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', qty: 2000, unitPrice: 29_000, discount: 0, taxRate: 1000, total: 58_000, priceIncludesTax: true, unit: 'pcs' },
        { productId: 'p-pork', sku: 'TH01', name: 'Thịt heo', qty: 375, unitPrice: 160_000, discount: 5_000, taxRate: 500, total: 55_000, priceIncludesTax: true, unit: 'kg' },
      ],
      tenders: [{ method: 'cash', amount: 200_000 }],
      totals: { subtotal: 118_000, discount: 5_000, tax: 7_892, total: 113_000 },
      change: 87_000,
      ledger: [
        { id: `${context.id}-stock-0`, kind: 'stock', refId: 'p-coffee', delta: -2000, reason: 'sale' },
        { id: `${context.id}-stock-1`, kind: 'stock', refId: 'p-pork', delta: -375, reason: 'sale' },
        { id: `${context.id}-points-earn`, kind: 'points', refId: 'cust-7', delta: 11, reason: 'earn' },
      ],
    });
    expect(checkSale(sale)).toEqual({ ok: true });
  });

  it('a member pays with points, a gift card and store credit: each leaves its ledger entry, and points are not earned on points', () => {
    let cart = cartOf(ringUpLine(emptyCart(), { ...coffee, price: 300_000 }));
    cart = attachCustomer(cart, 'cust-7');
    const tenders: Tender[] = [
      { method: 'points', amount: 50_000, points: 500 },
      { method: 'gift_card', amount: 100_000, giftCardId: 'gc-9' },
      { method: 'store_credit', amount: 20_000 },
      { method: 'card', amount: 130_000, reference: 'APPR 7781' },
    ];
    const sale = saleOf(buildSaleDocument(cart, tenders, context, { taxClasses, loyalty: { amountPerPoint: 10_000 } }));
    expect(sale.tenders).toEqual([
      { method: 'points', amount: 50_000, points: 500 },
      { method: 'gift_card', amount: 100_000, reference: 'gc-9' },
      { method: 'store_credit', amount: 20_000 },
      { method: 'card', amount: 130_000, reference: 'APPR 7781' },
    ]);
    expect(sale.ledger.slice(1)).toEqual([
      { id: `${context.id}-points-0`, kind: 'points', refId: 'cust-7', delta: -500, reason: 'redeem' },
      { id: `${context.id}-giftcard-1`, kind: 'giftcard', refId: 'gc-9', delta: -100_000, reason: 'redeem' },
      { id: `${context.id}-credit-2`, kind: 'credit', refId: 'cust-7', delta: -20_000, reason: 'redeem' },
      { id: `${context.id}-points-earn`, kind: 'points', refId: 'cust-7', delta: 25, reason: 'earn' },
    ]);
    expect(sale.change).toBe(0);
    expect(checkSale(sale)).toEqual({ ok: true });
  });

  it('a manager-approved override is kept on the line with the list price', () => {
    let cart = cartOf(ringUpLine(emptyCart(), coffee));
    cart = cartOf(overridePrice(cart, 'L1', 15_000, rules, 'staff-manager'));
    const sale = saleOf(buildSaleDocument(cart, [{ method: 'cash', amount: 15_000 }], context, { taxClasses }));
    expect(sale.lines[0]).toMatchObject({ unitPrice: 15_000, listPrice: 29_000, approvedBy: 'staff-manager', total: 15_000 });
    expect(sale).not.toHaveProperty('customerId');
  });

  it('a store rounding cash to 500 dong records the rounding and the change it really handed back', () => {
    const cart = cartOf(ringUpLine(emptyCart(), { ...coffee, price: 137_300 }));
    const sale = saleOf(buildSaleDocument(cart, [{ method: 'cash', amount: 150_000 }], context, { taxClasses, cashRounding: { step: 500 } }));
    expect(sale.totals).toEqual({ subtotal: 137_300, discount: 0, tax: 12_482, total: 137_300, cashRounding: 200 });
    expect(sale.change).toBe(12_500);
    expectArithmeticHolds(sale);
    expect(checkSale(sale)).toEqual({ ok: true });
  });

  it('cannot complete an empty cart, an unpaid one, points without a member, or a context the document cannot carry', () => {
    const cart = cartOf(ringUpLine(emptyCart(), coffee));
    const cash: Tender[] = [{ method: 'cash', amount: 29_000 }];
    expect(buildSaleDocument(emptyCart(), cash, context, { taxClasses })).toMatchObject({ ok: false, reason: 'empty-cart' });
    expect(buildSaleDocument(cart, [{ method: 'cash', amount: 20_000 }], context, { taxClasses })).toMatchObject({ ok: false, reason: 'not-paid', detail: '9000 still to pay' });
    expect(buildSaleDocument(cart, [{ method: 'card', amount: 30_000, reference: 'A' }], context, { taxClasses })).toMatchObject({
      ok: false,
      reason: 'not-paid',
      problems: [{ reason: 'non-cash-exceeds-due' }],
    });
    expect(buildSaleDocument(cart, [{ method: 'points', amount: 29_000, points: 290 }], context, { taxClasses })).toMatchObject({ reason: 'customer-required' });
    expect(buildSaleDocument(cart, cash, { ...context, createdAt: 'yesterday' }, { taxClasses })).toMatchObject({ reason: 'bad-context' });
    expect(buildSaleDocument(cart, cash, { ...context, id: 'x'.repeat(41) }, { taxClasses })).toMatchObject({ reason: 'bad-context' });
    expect(buildSaleDocument(cart, cash, { ...context, staffId: '' }, { taxClasses })).toMatchObject({ reason: 'bad-context' });
  });

  it('the same cart and tenders give the same document every time (nothing random or clock-based inside)', () => {
    const cart = cartOf(ringUpLine(emptyCart(), coffee));
    const build = (): unknown => buildSaleDocument(cart, [{ method: 'cash', amount: 50_000 }], context, { taxClasses });
    expect(build()).toEqual(build());
  });
});

describe('sale document properties', () => {
  it('every sale built from any cart and any complete payment adds up as the server checks it', () => {
    fc.assert(
      fc.property(paidSaleArb, ({ cart, tenders, saleRules }) => {
        const sale = saleOf(buildSaleDocument(cart, tenders, context, saleRules));
        expectArithmeticHolds(sale);
        expect(sale.lines).toHaveLength(cart.lines.length);
        expect(sale.totals.total).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('and passes checkSale itself, cash rounding up or down included', () => {
    fc.assert(
      fc.property(paidSaleArb, ({ cart, tenders, saleRules }) => {
        const sale = saleOf(buildSaleDocument(cart, tenders, context, saleRules));
        expect(checkSale(sale)).toEqual({ ok: true });
      }),
      { numRuns: 300 },
    );
  });

  it('the ledger has one stock movement per line (-qty of its product), unique ids that fit the schema, and points only for a member', () => {
    fc.assert(
      fc.property(paidSaleArb, ({ cart, tenders, saleRules }) => {
        const sale = saleOf(buildSaleDocument(cart, tenders, context, saleRules));
        const stock = sale.ledger.filter((entry) => entry.kind === 'stock');
        expect(stock.map((entry) => [entry.refId, entry.delta])).toEqual(cart.lines.map((line) => [line.productId, -line.qty]));
        const ids = sale.ledger.map((entry) => entry.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id.length).toBeLessThanOrEqual(64);
        const earned = sale.ledger.filter((entry) => entry.reason === 'earn');
        if (cart.customerId === undefined || saleRules.loyalty === undefined) expect(earned).toEqual([]);
        for (const entry of earned) expect(entry.delta).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
