import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCart, ringUpLine } from './cart.ts';
import type { Cart, CartProduct, CartResult } from './cart.ts';
import { cartTotals } from './cart-totals.ts';
import { customerDisplayView, type CounterForDisplay } from './customer-display.ts';
import { VIETNAM_TAX_CLASSES } from './tax-presets.ts';

const coffee: CartProduct = { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 29_000, taxClassId: 'vat10', weighed: false };
const bread: CartProduct = { id: 'p-bread', sku: 'BM01', name: 'Bánh mì', price: 15_000, taxClassId: 'vat8', weighed: false };

function cartOf(result: CartResult): Cart {
  if (!result.ok) throw new Error(result.detail);
  return result.cart;
}

function counter(cart: Cart, extra: Partial<CounterForDisplay> = {}): CounterForDisplay {
  return {
    storeName: 'Cửa hàng Quận 1',
    language: 'vi',
    currency: 'VND',
    cart,
    totals: cartTotals(cart, VIETNAM_TAX_CLASSES),
    tenders: [],
    qr: null,
    lastSale: null,
    lastProductId: null,
    ...extra,
  };
}

describe('what the customer display shows', () => {
  it('welcomes when nothing is rung up, and thanks with the change and points after a sale', () => {
    expect(customerDisplayView(counter(emptyCart()))).toEqual({ phase: 'welcome', storeName: 'Cửa hàng Quận 1', language: 'vi' });
    expect(customerDisplayView(counter(emptyCart(), { lastSale: { total: 44_000, change: 6_000, pointsEarned: 4 } }))).toMatchObject({ phase: 'thanks', total: 44_000, change: 6_000, pointsEarned: 4 });
  });

  it('lists each line with its total, lights the one rung up last, and shows the total, paid, due and change', () => {
    let cart = cartOf(ringUpLine(emptyCart(), coffee));
    cart = cartOf(ringUpLine(cart, bread));
    cart = cartOf(ringUpLine(cart, coffee));
    const view = customerDisplayView(counter(cart, { lastProductId: coffee.id, tenders: [{ method: 'cash', amount: 100_000 }] }));
    if (view.phase !== 'sale') throw new Error(`expected the sale, got ${view.phase}`);
    expect(view.lines.map((line) => [line.name, line.qty, line.total])).toEqual([
      ['Cà phê sữa', 2000, 58_000],
      ['Bánh mì', 1000, 15_000],
    ]);
    expect(view.lastLineId).toBe(view.lines[0]?.lineId);
    expect(view).toMatchObject({ total: 73_000, paid: 100_000, remaining: 0, change: 27_000 });
  });

  it('shows the bank-transfer QR the till shows', () => {
    const cart = cartOf(ringUpLine(emptyCart(), coffee));
    expect(customerDisplayView(counter(cart, { qr: { payload: '000201...', amount: 29_000 } }))).toMatchObject({ phase: 'sale', qr: { amount: 29_000 } });
  });

  it('never adds up differently from the till: lines sum to the total, and paid - change - remaining covers it (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ product: fc.constantFrom(coffee, bread), pieces: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 500_000 }), (rings, cash) => {
        let cart = emptyCart();
        for (const ring of rings) cart = cartOf(ringUpLine(cart, ring.product, { qty: ring.pieces * 1000 }));
        const tenders = cash > 0 ? [{ method: 'cash' as const, amount: cash }] : [];
        const view = customerDisplayView(counter(cart, { tenders }));
        if (view.phase !== 'sale') return false;
        const linesSum = view.lines.reduce((sum, line) => sum + line.total, 0);
        return linesSum === view.total && view.paid - view.change + view.remaining === Math.max(view.total, view.paid - view.change) && view.change >= 0 && view.remaining >= 0;
      }),
    );
  });
});
