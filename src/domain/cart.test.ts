import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attachCustomer,
  canUndo,
  cartDiscount,
  detachCustomer,
  emptyCart,
  lineDiscount,
  overridePrice,
  removeLine,
  ringUpLine,
  setQuantity,
  undo,
} from './cart.ts';
import type { Cart, CartProduct, CartResult, PriceRules } from './cart.ts';

const coffee: CartProduct = { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 29_000, taxClassId: 'vat10', weighed: false };
const pork: CartProduct = { id: 'p-pork', sku: 'TH01', name: 'Thịt heo', price: 160_000, taxClassId: 'vat5', weighed: true, unit: 'kg' };
const rice: CartProduct = { id: 'p-rice', sku: 'GA01', name: 'Gạo ST25 5kg', price: 185_000, taxClassId: 'vat5', weighed: false, cost: 150_000 };
const rules: PriceRules = { maxDiscountBasisPoints: 1000, overrideNeedsApprovalAbove: 2000 };

/** The cart of a result that must have succeeded. */
function cartOf(result: CartResult): Cart {
  if (!result.ok) throw new Error(`expected the operation to succeed, got ${result.reason}: ${result.detail}`);
  return result.cart;
}

describe('a cashier rings up a cart', () => {
  it('scans the same coffee twice: one line of 2; a weighed item is always its own line with its weight', () => {
    let cart = cartOf(ringUpLine(emptyCart(), coffee));
    cart = cartOf(ringUpLine(cart, coffee));
    cart = cartOf(ringUpLine(cart, pork, { qty: 375 }));
    cart = cartOf(ringUpLine(cart, pork, { qty: 375 }));
    expect(cart.lines.map((line) => [line.lineId, line.productId, line.qty, line.unit])).toEqual([
      ['L1', 'p-coffee', 2000, 'pcs'],
      ['L2', 'p-pork', 375, 'kg'],
      ['L3', 'p-pork', 375, 'kg'],
    ]);
  });

  it('a weighed item without a weight asks for it; scanning "x3" adds three pieces', () => {
    expect(ringUpLine(emptyCart(), pork)).toMatchObject({ ok: false, reason: 'weight-required' });
    const cart = cartOf(ringUpLine(emptyCart(), coffee, { qty: 3000 }));
    expect(cart.lines[0]?.qty).toBe(3000);
    expect(ringUpLine(cart, coffee, { qty: 1500 })).toMatchObject({ ok: false, reason: 'pieces-are-whole' });
    expect(ringUpLine(cart, coffee, { qty: 0 })).toMatchObject({ ok: false, reason: 'zero' });
    expect(ringUpLine(cart, { ...coffee, price: 1.5 })).toMatchObject({ ok: false, reason: 'bad-price' });
  });

  it('a price-embedded label is sold at its price, one label per line; a label with the weight is sold by weight', () => {
    let cart = cartOf(ringUpLine(emptyCart(), pork, { labelPrice: 61_500 }));
    cart = cartOf(ringUpLine(cart, coffee, { labelPrice: 25_000 }));
    cart = cartOf(ringUpLine(cart, coffee));
    cart = cartOf(ringUpLine(cart, pork, { qty: 420, labelPrice: 67_200 }));
    expect(cart.lines.map((line) => [line.productId, line.qty, line.unitPrice, line.priceFromLabel ?? false])).toEqual([
      ['p-pork', 1000, 61_500, true],
      ['p-coffee', 1000, 25_000, true],
      ['p-coffee', 1000, 29_000, false],
      ['p-pork', 420, 160_000, false], // weight and price on the label: sold by weight
    ]);
  });

  it('types a weight with a comma and fixes a piece count; a typo gets a reason and leaves the cart alone', () => {
    let cart = cartOf(ringUpLine(emptyCart(), pork, { qty: 375 }));
    cart = cartOf(ringUpLine(cart, coffee));
    cart = cartOf(setQuantity(cart, 'L1', '0,42'));
    cart = cartOf(setQuantity(cart, 'L2', '4'));
    expect(cart.lines.map((line) => line.qty)).toEqual([420, 4000]);
    expect(setQuantity(cart, 'L2', '1,5')).toMatchObject({ ok: false, reason: 'pieces-are-whole' });
    expect(setQuantity(cart, 'L9', '1')).toMatchObject({ ok: false, reason: 'unknown-line' });
  });

  it('voids a line, then undoes it: the line is back exactly; undo on a new cart does nothing', () => {
    const before = cartOf(ringUpLine(cartOf(ringUpLine(emptyCart(), coffee)), rice));
    const after = cartOf(removeLine(before, 'L1'));
    expect(after.lines.map((line) => line.lineId)).toEqual(['L2']);
    expect(undo(after)).toEqual(before);
    expect(canUndo(emptyCart())).toBe(false);
    expect(undo(emptyCart())).toEqual(emptyCart());
  });

  it('a small line discount is the cashier\'s call; a large one needs a manager, who is recorded', () => {
    const cart = cartOf(ringUpLine(emptyCart(), rice));
    const small = cartOf(lineDiscount(cart, 'L1', { kind: 'percent', basisPoints: 1000 }, rules));
    expect(small.lines[0]?.discount).toEqual({ kind: 'percent', basisPoints: 1000 });
    expect(small.lines[0]?.discountApprovedBy).toBeUndefined();
    expect(lineDiscount(cart, 'L1', { kind: 'amount', amount: 20_000 }, rules)).toEqual({
      ok: false,
      reason: 'needs-approval',
      needsApproval: true,
      detail: expect.any(String),
    });
    const approved = cartOf(lineDiscount(cart, 'L1', { kind: 'amount', amount: 20_000 }, rules, 'staff-manager'));
    expect(approved.lines[0]).toMatchObject({ discount: { kind: 'amount', amount: 20_000 }, discountApprovedBy: 'staff-manager' });
    expect(lineDiscount(cart, 'L1', { kind: 'amount', amount: 200_000 }, rules, 'staff-manager')).toMatchObject({ reason: 'discount-too-large' });
    expect(lineDiscount(cart, 'L1', { kind: 'percent', basisPoints: 12_000 }, rules)).toMatchObject({ reason: 'bad-discount' });
    const cleared = cartOf(lineDiscount(approved, 'L1', { kind: 'amount', amount: 0 }, rules));
    expect(cleared.lines[0]).not.toHaveProperty('discount');
  });

  it('a cart discount above the limit needs a manager too', () => {
    const cart = cartOf(ringUpLine(cartOf(ringUpLine(emptyCart(), rice)), coffee));
    expect(cartDiscount(cart, { kind: 'percent', basisPoints: 1500 }, rules)).toMatchObject({ needsApproval: true });
    const ok = cartOf(cartDiscount(cart, { kind: 'amount', amount: 20_000 }, rules));
    expect(ok.discount).toEqual({ kind: 'amount', amount: 20_000 });
    expect(cartDiscount(cart, { kind: 'amount', amount: 300_000 }, rules, 'm')).toMatchObject({ reason: 'discount-too-large' });
    expect(cartOf(cartDiscount(ok, { kind: 'percent', basisPoints: 0 }, rules))).not.toHaveProperty('discount');
  });

  it('overrides a price: a small change is fine, a big one or below cost needs a manager; back to list price clears it', () => {
    const cart = cartOf(ringUpLine(emptyCart(), rice));
    const small = cartOf(overridePrice(cart, 'L1', 170_000, rules));
    expect(small.lines[0]).toMatchObject({ unitPrice: 170_000, listPrice: 185_000, priceOverride: {} });
    expect(overridePrice(cart, 'L1', 140_000, rules)).toMatchObject({ reason: 'needs-approval', needsApproval: true }); // below cost
    expect(overridePrice(cart, 'L1', 250_000, rules)).toMatchObject({ reason: 'needs-approval' }); // +35 %
    const approved = cartOf(overridePrice(cart, 'L1', 140_000, rules, 'staff-manager'));
    expect(approved.lines[0]?.priceOverride).toEqual({ approvedBy: 'staff-manager' });
    const back = cartOf(overridePrice(approved, 'L1', 185_000, rules));
    expect(back.lines[0]).not.toHaveProperty('priceOverride');
    expect(overridePrice(cart, 'L1', -1, rules)).toMatchObject({ reason: 'bad-price' });
    const openPrice = cartOf(ringUpLine(emptyCart(), { ...coffee, id: 'misc', price: 0 }));
    expect(overridePrice(openPrice, 'L1', 75_000, rules)).toMatchObject({ ok: true });
  });

  it('attaches a member and takes them off again; both can be undone', () => {
    const cart = cartOf(ringUpLine(emptyCart(), coffee));
    const withMember = attachCustomer(cart, 'cust-1');
    expect(withMember.customerId).toBe('cust-1');
    expect(attachCustomer(withMember, 'cust-1')).toBe(withMember);
    const without = detachCustomer(withMember);
    expect(without).not.toHaveProperty('customerId');
    expect(undo(without)).toEqual(withMember);
    expect(undo(withMember)).toEqual(cart);
  });

  it('keeps only the last historyLimit states', () => {
    let cart = emptyCart(3);
    for (let index = 0; index < 5; index += 1) cart = cartOf(ringUpLine(cart, coffee));
    expect(cart.history).toHaveLength(3);
    cart = undo(undo(undo(cart)));
    expect(cart.lines[0]?.qty).toBe(2000);
    expect(undo(cart)).toBe(cart);
    expect(emptyCart(0).history).toEqual([]);
    expect(cartOf(ringUpLine(emptyCart(0), coffee)).history).toEqual([]);
  });
});

const products = [coffee, pork, rice];
type Step = (cart: Cart) => CartResult | Cart;
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ product: fc.constantFrom(...products), qty: fc.integer({ min: 1, max: 5000 }) }).map(({ product, qty }) => (cart: Cart) =>
    ringUpLine(cart, product, { qty: product.weighed ? qty : Math.ceil(qty / 1000) * 1000 }),
  ),
  fc.record({ pick: fc.nat(), text: fc.constantFrom('2', '0,5', '1.25', 'x', '') }).map(({ pick, text }) => (cart: Cart) =>
    setQuantity(cart, cart.lines[pick % Math.max(1, cart.lines.length)]?.lineId ?? 'none', text),
  ),
  fc.nat().map((pick) => (cart: Cart) => removeLine(cart, cart.lines[pick % Math.max(1, cart.lines.length)]?.lineId ?? 'none')),
  fc.record({ pick: fc.nat(), bp: fc.integer({ min: 0, max: 10_000 }) }).map(({ pick, bp }) => (cart: Cart) =>
    lineDiscount(cart, cart.lines[pick % Math.max(1, cart.lines.length)]?.lineId ?? 'none', { kind: 'percent', basisPoints: bp }, rules, 'm'),
  ),
  fc.integer({ min: 0, max: 100_000 }).map((amount) => (cart: Cart) => cartDiscount(cart, { kind: 'amount', amount }, rules, 'm')),
  fc.record({ pick: fc.nat(), price: fc.integer({ min: 0, max: 500_000 }) }).map(({ pick, price }) => (cart: Cart) =>
    overridePrice(cart, cart.lines[pick % Math.max(1, cart.lines.length)]?.lineId ?? 'none', price, rules, 'm'),
  ),
  fc.constantFrom<Step>((cart) => attachCustomer(cart, 'cust-1'), detachCustomer),
);

function apply(cart: Cart, step: Step): { cart: Cart; changed: boolean } {
  const result = step(cart);
  if ('history' in result) return { cart: result, changed: result !== cart };
  return result.ok ? { cart: result.cart, changed: true } : { cart, changed: false };
}

describe('cart properties', () => {
  it('undo after any change restores exactly the cart before it, and a refused change leaves the cart as it was', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), stepArb, (steps, last) => {
        const before = steps.reduce((cart, step) => apply(cart, step).cart, emptyCart(100));
        const snapshot = structuredClone(before);
        const { cart: after, changed } = apply(before, last);
        expect(before).toEqual(snapshot);
        if (changed) expect(undo(after)).toEqual(before);
        else expect(after).toBe(before);
      }),
    );
  });

  it('undoing every change walks back to the empty cart; line ids are never reused', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => {
        let cart = emptyCart(100);
        let changes = 0;
        const seen = new Set<string>();
        for (const step of steps) {
          const next = apply(cart, step);
          if (next.changed) changes += 1;
          cart = next.cart;
          for (const line of cart.lines) seen.add(`${line.lineId}:${line.productId}:${line.weighed}`);
        }
        const ids = [...seen].map((entry) => entry.split(':')[0]);
        expect(new Set(ids).size).toBe(ids.length);
        for (let index = 0; index < changes; index += 1) cart = undo(cart);
        expect(cart).toEqual(emptyCart(100));
      }),
    );
  });
});
