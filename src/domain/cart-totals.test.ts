import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cartDiscount, emptyCart, lineDiscount, ringUpLine } from './cart.ts';
import type { Cart, CartLine, CartProduct, CartResult, CartState, Discount, PriceRules } from './cart.ts';
import { cashRoundingFor, cartTotals } from './cart-totals.ts';
import { applyBasisPoints, multiplyByQuantity } from './money.ts';
import { VIETNAM_TAX_CLASSES } from './tax-presets.ts';
import type { TaxClass } from './tax-presets.ts';

const taxClasses: readonly TaxClass[] = [...VIETNAM_TAX_CLASSES, { id: 'net10', name: 'VAT 10% (B2B, net prices)', rateBasisPoints: 1000, pricesIncludeTax: false }];
const rules: PriceRules = { maxDiscountBasisPoints: 10_000, overrideNeedsApprovalAbove: 10_000 };
const coffee: CartProduct = { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 29_000, taxClassId: 'vat10', weighed: false };
const pork: CartProduct = { id: 'p-pork', sku: 'TH01', name: 'Thịt heo', price: 160_000, taxClassId: 'vat5', weighed: true };

function cartOf(result: CartResult): Cart {
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result.cart;
}

describe('what the cart comes to', () => {
  it('2 coffees and 0.375 kg of pork with 5,000 off the pork: the figures the server expects', () => {
    let cart = cartOf(ringUpLine(emptyCart(), coffee, { qty: 2000 }));
    cart = cartOf(ringUpLine(cart, pork, { qty: 375 }));
    cart = cartOf(lineDiscount(cart, 'L2', { kind: 'amount', amount: 5_000 }, rules));
    const totals = cartTotals(cart, taxClasses);
    expect(totals).toMatchObject({ subtotal: 118_000, discount: 5_000, tax: 7_892, total: 113_000, cashDue: 113_000, cashRounding: 0 });
    expect(totals.lines.map((line) => [line.gross, line.discount, line.total, line.rateBasisPoints])).toEqual([
      [58_000, 0, 58_000, 1000],
      [60_000, 5_000, 55_000, 500],
    ]);
    expect(totals.byRate.map((row) => [row.rateBasisPoints, row.net, row.tax, row.gross])).toEqual([
      [500, 52_381, 2_619, 55_000],
      [1000, 52_727, 5_273, 58_000],
    ]);
  });

  it('a 10 % cart discount is spread over the lines by their amounts and every line carries its share', () => {
    let cart = cartOf(ringUpLine(emptyCart(), coffee));
    cart = cartOf(ringUpLine(cart, { ...coffee, id: 'p-tea', name: 'Trà', price: 15_500 }));
    cart = cartOf(ringUpLine(cart, { ...coffee, id: 'p-cake', name: 'Bánh', price: 12_250 }));
    cart = cartOf(cartDiscount(cart, { kind: 'amount', amount: 10_000 }, rules));
    const totals = cartTotals(cart, taxClasses);
    // Exact shares 5,110.13 / 2,731.28 / 2,158.59: the one unit left over goes to the largest remainder.
    expect(totals.lines.map((line) => line.cartDiscount)).toEqual([5_110, 2_731, 2_159]);
    expect(totals.discount).toBe(10_000);
    expect(totals.total).toBe(56_750 - 10_000);
  });

  it('a tax-exclusive (B2B) line adds its VAT to what the customer pays', () => {
    const cart = cartOf(ringUpLine(emptyCart(), { ...coffee, price: 100_000, taxClassId: 'net10' }));
    expect(cartTotals(cart, taxClasses)).toMatchObject({ subtotal: 100_000, net: 100_000, tax: 10_000, total: 110_000 });
  });

  it('a store that rounds cash to 500 dong: 137,300 is 137,500 in cash, the difference recorded', () => {
    const cart = cartOf(ringUpLine(emptyCart(), { ...coffee, price: 137_300 }));
    expect(cartTotals(cart, taxClasses, cashRoundingFor('VND'))).toMatchObject({ total: 137_300, cashDue: 137_500, cashRounding: 200 });
    expect(cartTotals(cart, taxClasses, { step: 1_000, mode: 'towardZero' })).toMatchObject({ cashDue: 137_000, cashRounding: -300 });
  });

  it('a discount larger than what is left is capped, never a negative total; an unknown tax class is a config error', () => {
    let cart = cartOf(ringUpLine(emptyCart(), coffee, { qty: 3000 }));
    cart = cartOf(cartDiscount(cart, { kind: 'amount', amount: 80_000 }, rules));
    const shrunk: CartState = { ...cart, lines: cart.lines.map((line) => ({ ...line, qty: 1000 })) };
    expect(cartTotals(shrunk, taxClasses)).toMatchObject({ subtotal: 29_000, discount: 29_000, total: 0 });
    expect(cartTotals(emptyCart(), taxClasses)).toMatchObject({ subtotal: 0, total: 0, lines: [], byRate: [] });
    expect(() => cartTotals(cart, [])).toThrow(/tax class "vat10"/);
  });
});

const discountArb: fc.Arbitrary<Discount | undefined> = fc.option(
  fc.oneof(
    fc.integer({ min: 0, max: 10_000 }).map((basisPoints): Discount => ({ kind: 'percent', basisPoints })),
    fc.integer({ min: 0, max: 2_000_000 }).map((amount): Discount => ({ kind: 'amount', amount })),
  ),
  { nil: undefined },
);

const lineArb: fc.Arbitrary<Omit<CartLine, 'lineId'>> = fc
  .record({
    weighed: fc.boolean(),
    qty: fc.integer({ min: 1, max: 20_000 }),
    unitPrice: fc.integer({ min: 0, max: 5_000_000 }),
    taxClassId: fc.constantFrom(...taxClasses.map((each) => each.id)),
    discount: discountArb,
  })
  .map(({ weighed, qty, unitPrice, taxClassId, discount }) => ({
    productId: 'p',
    sku: 's',
    name: 'n',
    taxClassId,
    weighed,
    unit: weighed ? ('kg' as const) : ('pcs' as const),
    qty: weighed ? qty : Math.ceil(qty / 1000) * 1000,
    unitPrice,
    listPrice: unitPrice,
    ...(discount === undefined ? {} : { discount }),
  }));

/** Any cart state, including discounts beyond what they apply to (they are capped). */
const cartStateArb: fc.Arbitrary<CartState> = fc
  .record({ lines: fc.array(lineArb, { maxLength: 12 }), discount: discountArb })
  .map(({ lines, discount }) => ({
    lines: lines.map((line, index) => ({ ...line, lineId: `L${index + 1}` })),
    nextLineNumber: lines.length + 1,
    ...(discount === undefined ? {} : { discount }),
  }));

describe('cart totals properties', () => {
  it('totals are always the sum of their parts, to the unit', () => {
    fc.assert(
      fc.property(cartStateArb, (cart) => {
        const totals = cartTotals(cart, taxClasses);
        const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
        for (const [index, line] of totals.lines.entries()) {
          const source = cart.lines[index]!;
          expect(line.gross).toBe(multiplyByQuantity(source.unitPrice, source.qty));
          expect(line.discount).toBe(line.lineDiscount + line.cartDiscount);
          expect(line.total).toBe(line.gross - line.discount);
          expect(line.total).toBeGreaterThanOrEqual(0);
          expect(line.net + line.tax).toBe(line.pricesIncludeTax ? line.total : line.total + line.tax);
        }
        expect(totals.subtotal).toBe(sum(totals.lines.map((line) => line.gross)));
        expect(totals.discount).toBe(sum(totals.lines.map((line) => line.discount)));
        expect(totals.tax).toBe(sum(totals.lines.map((line) => line.tax)));
        expect(totals.tax).toBe(sum(totals.byRate.map((row) => row.tax)));
        expect(totals.total).toBe(totals.net + totals.tax);
        expect(totals.total).toBe(sum(totals.lines.map((line) => line.total + (line.pricesIncludeTax ? 0 : line.tax))));
      }),
    );
  });

  it('the cart discount is spread exactly: the shares sum to the discount taken, each within a unit of its exact share', () => {
    fc.assert(
      fc.property(cartStateArb, (cart) => {
        const totals = cartTotals(cart, taxClasses);
        const base = totals.lines.reduce((sum, line) => sum + line.gross - line.lineDiscount, 0);
        const discount = cart.discount;
        const expected = discount === undefined ? 0 : Math.min(base, discount.kind === 'percent' ? applyBasisPoints(base, discount.basisPoints) : discount.amount);
        expect(totals.lines.reduce((sum, line) => sum + line.cartDiscount, 0)).toBe(expected);
        for (const line of totals.lines) {
          const exact = base === 0 ? 0 : (expected * (line.gross - line.lineDiscount)) / base;
          expect(Math.abs(line.cartDiscount - exact)).toBeLessThan(1);
        }
      }),
    );
  });

  it('cash rounding gives a multiple of the step within half a step of the total', () => {
    fc.assert(
      fc.property(cartStateArb, fc.constantFrom(100, 500, 1_000, 5_000), (cart, step) => {
        const totals = cartTotals(cart, taxClasses, { step });
        expect(totals.cashDue % step).toBe(0);
        expect(totals.cashDue - totals.total).toBe(totals.cashRounding);
        expect(Math.abs(totals.cashRounding) * 2).toBeLessThanOrEqual(step);
      }),
    );
  });
});
