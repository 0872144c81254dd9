// Any sale a till can complete, for property tests: a cart built by random cashier steps (lines, weighed
// items, discounts, overrides, a member or not), paid by a random mix of tenders that completes it, with
// or without cash rounding and loyalty earning. Shared by the sale document and sale reversal tests.
import fc from 'fast-check';
import { attachCustomer, cartDiscount, emptyCart, lineDiscount, overridePrice, ringUpLine } from './cart.ts';
import type { Cart, CartProduct, CartResult, PriceRules } from './cart.ts';
import { cartTotals } from './cart-totals.ts';
import type { CashRounding } from './cart-totals.ts';
import type { buildSaleDocument, CompletedSale, SaleContext, SaleRules } from './sale-document.ts';
import { VIETNAM_TAX_CLASSES } from './tax-presets.ts';
import type { TaxClass } from './tax-presets.ts';
import { paymentState } from './tender.ts';
import type { Tender } from './tender.ts';

/** The context of the sale the domain's sale tests complete: till T03 of store Q1, cashier Lan. */
export const saleContext: SaleContext = {
  id: '0192f3a4-5b6c-7d8e-9f00-112233445566',
  storeId: 'store-q1',
  deviceId: 'device-t03',
  number: 'Q1-T03-000123',
  createdAt: '2025-11-24T03:08:00.000Z',
  staffId: 'staff-lan',
  currency: 'VND',
};

export const testTaxClasses: readonly TaxClass[] = [...VIETNAM_TAX_CLASSES, { id: 'net10', name: 'VAT 10% net', rateBasisPoints: 1000, pricesIncludeTax: false }];

export const coffee: CartProduct = { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 29_000, taxClassId: 'vat10', weighed: false };
export const pork: CartProduct = { id: 'p-pork', sku: 'TH01', name: 'Thịt heo', price: 160_000, taxClassId: 'vat5', weighed: true, unit: 'kg' };

/** The cart of a ring-up that must succeed (a test's own setup). */
export function cartOf(result: CartResult): Cart {
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result.cart;
}

/** The document of a sale build that must succeed. */
export function saleOf(result: ReturnType<typeof buildSaleDocument>): CompletedSale {
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result.sale;
}

const rules: PriceRules = { maxDiscountBasisPoints: 1000, overrideNeedsApprovalAbove: 2000 };

const productArb: fc.Arbitrary<CartProduct> = fc
  .record({
    index: fc.integer({ min: 0, max: 5 }),
    price: fc.integer({ min: 0, max: 3_000_000 }),
    taxClassId: fc.constantFrom(...testTaxClasses.map((each) => each.id)),
    weighed: fc.boolean(),
  })
  .map(({ index, price, taxClassId, weighed }) => ({ id: `p-${index}`, sku: `S${index}`, name: `Hàng ${index}`, price, taxClassId, weighed }));

type Step = (cart: Cart) => CartResult;
const pickLine = (cart: Cart, pick: number): string => cart.lines[pick % Math.max(1, cart.lines.length)]?.lineId ?? 'none';
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ product: productArb, qty: fc.integer({ min: 1, max: 9_999 }) }).map(({ product, qty }) => (cart: Cart) => ringUpLine(cart, product, { qty: product.weighed ? qty : 1000 * Math.ceil(qty / 3000) })) },
  { weight: 1, arbitrary: fc.record({ pick: fc.nat(), bp: fc.integer({ min: 0, max: 10_000 }) }).map(({ pick, bp }) => (cart: Cart) => lineDiscount(cart, pickLine(cart, pick), { kind: 'percent', basisPoints: bp }, rules, 'm')) },
  { weight: 1, arbitrary: fc.record({ pick: fc.nat(), amount: fc.integer({ min: 0, max: 200_000 }) }).map(({ pick, amount }) => (cart: Cart) => lineDiscount(cart, pickLine(cart, pick), { kind: 'amount', amount }, rules, 'm')) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 10_000 }).map((bp) => (cart: Cart) => cartDiscount(cart, { kind: 'percent', basisPoints: bp }, rules, 'm')) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 300_000 }).map((amount) => (cart: Cart) => cartDiscount(cart, { kind: 'amount', amount }, rules, 'm')) },
  { weight: 1, arbitrary: fc.record({ pick: fc.nat(), price: fc.integer({ min: 0, max: 3_000_000 }) }).map(({ pick, price }) => (cart: Cart) => overridePrice(cart, pickLine(cart, pick), price, rules, 'm')) },
);

const cartArb: fc.Arbitrary<Cart> = fc
  .record({ first: productArb, steps: fc.array(stepArb, { maxLength: 15 }), member: fc.boolean() })
  .map(({ first, steps, member }) => {
    let cart = cartOf(ringUpLine(emptyCart(), first, { qty: first.weighed ? 250 : 1000 }));
    for (const step of steps) {
      const result = step(cart);
      if (result.ok) cart = result.cart;
    }
    return member ? attachCustomer(cart, 'cust-1') : cart;
  });

function tendersArb(due: number, member: boolean): fc.Arbitrary<Tender[]> {
  const methods = member ? (['card', 'bank_qr', 'gift_card', 'points', 'store_credit'] as const) : (['card', 'bank_qr', 'gift_card'] as const);
  return fc
    .record({
      shares: fc.array(fc.record({ method: fc.constantFrom(...methods), permille: fc.integer({ min: 1, max: 1000 }) }), { maxLength: 4 }),
      extraCash: fc.integer({ min: 0, max: 500_000 }),
      allCash: fc.boolean(),
      cashInTwo: fc.boolean(),
    })
    .map(({ shares, extraCash, allCash, cashInTwo }) => {
      const tenders: Tender[] = [];
      let left = due;
      for (const { method, permille } of allCash ? [] : shares) {
        const amount = Math.floor((left * permille) / 1000);
        if (amount <= 0) continue;
        left -= amount;
        if (method === 'card') tenders.push({ method, amount, reference: 'APPR 1' });
        else if (method === 'gift_card') tenders.push({ method, amount, giftCardId: 'gc-1' });
        else if (method === 'points') tenders.push({ method, amount, points: amount });
        else tenders.push({ method, amount });
      }
      const cash = left + extraCash;
      if (cashInTwo && cash > 1) tenders.unshift({ method: 'cash', amount: 1 });
      if (cash > 0) tenders.push({ method: 'cash', amount: cashInTwo && cash > 1 ? cash - 1 : cash });
      return tenders;
    });
}

const roundingArb: fc.Arbitrary<CashRounding | undefined> = fc.option(
  fc.record({ step: fc.constantFrom(100, 500, 1_000), mode: fc.constantFrom('halfAwayFromZero' as const, 'towardZero' as const, 'awayFromZero' as const, 'halfEven' as const) }),
  { nil: undefined },
);

/** A cart, tenders that complete it (cash topped up after rounding) and the store's sale rules. */
export const paidSaleArb: fc.Arbitrary<{ cart: Cart; tenders: Tender[]; saleRules: SaleRules }> = fc
  .tuple(cartArb, roundingArb, fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }))
  .chain(([cart, cashRounding, amountPerPoint]) => {
    const saleRules: SaleRules = {
      taxClasses: testTaxClasses,
      ...(cashRounding === undefined ? {} : { cashRounding }),
      ...(amountPerPoint === undefined ? {} : { loyalty: { amountPerPoint } }),
    };
    const total = cartTotals(cart, testTaxClasses).total;
    return tendersArb(total, cart.customerId !== undefined).map((tenders) => {
      const state = paymentState(total, tenders, cashRounding);
      const last = tenders.at(-1);
      const topped = state.remaining > 0 && last?.method === 'cash' ? [...tenders.slice(0, -1), { method: 'cash' as const, amount: last.amount + state.remaining }] : tenders;
      return { cart, tenders: topped, saleRules };
    });
  });
