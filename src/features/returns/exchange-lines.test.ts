// The desk's part of an exchange and of a return without receipt, as stories of the shop: the new items are
// priced as the counter prices its cart, the difference is what the one document will say, and a refund
// without receipt goes only to store credit or a gift card. Money is never created or lost: the difference
// always equals the document's total (a property test over random exchanges).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCart, ringUpLine } from '../../domain/cart.ts';
import type { Cart, CartProduct } from '../../domain/cart.ts';
import { returnPolicyOf } from '../../domain/return-policy.ts';
import type { Purchase } from '../../domain/returnable-purchase.ts';
import { buildSaleReturn } from '../../domain/sale-return.ts';
import { VIETNAM_TAX_CLASSES } from '../../domain/tax-presets.ts';
import { addUnreceipted, exchangeDifference, newLinesOf, noReceiptRestKinds, paysDifference, unreceiptedLineOf } from './exchange-lines.ts';

const shirtM: CartProduct = { id: 'p-shirt-m', sku: 'AO-M', name: 'Áo thun cỡ M', price: 150_000, taxClassId: 'vat10', weighed: false };
const shirtL: CartProduct = { id: 'p-shirt-l', sku: 'AO-L', name: 'Áo thun cỡ L', price: 165_000, taxClassId: 'vat10', weighed: false };
const socks: CartProduct = { id: 'p-socks', sku: 'TAT', name: 'Tất', price: 25_000, taxClassId: 'vat8', weighed: false };
const policy = returnPolicyOf({ windowDays: 30, refundMethods: ['original_tender', 'cash', 'store_credit', 'gift_card'] });
const NOW = '2026-12-07T09:00:00.000Z';

const purchase: Purchase = {
  source: 'sale',
  id: 'sale-1',
  number: 'R-1',
  storeId: 'store-q1',
  purchasedAt: '2026-12-01T09:00:00.000Z',
  currency: 'VND',
  lines: [{ productId: shirtM.id, sku: shirtM.sku, name: shirtM.name, qty: 2000, unitPrice: 150_000, discount: 0, taxRate: 1000, total: 300_000, priceIncludesTax: true, unit: 'pcs' }],
  tenders: [{ method: 'cash', amount: 300_000 }],
  paidOnline: false,
  pointsEarned: 0,
};

function cartOf(...items: Array<[CartProduct, number]>): Cart {
  let cart = emptyCart();
  for (const [product, pieces] of items) {
    const result = ringUpLine(cart, product, { qty: pieces * 1000 });
    if (!result.ok) throw new Error(result.detail);
    cart = result.cart;
  }
  return cart;
}

const context = { id: '0193a0b0-0000-7000-8000-000000000001', storeId: 'store-q1', deviceId: 'dev-1', number: 'R-2', createdAt: NOW, staffId: 'staff-lan', currency: 'VND' };

describe('an exchange at the returns desk', () => {
  it('a customer swaps a shirt in M for one in L and pays the 15,000 difference: the new line is priced as the counter prices it', () => {
    const newLines = newLinesOf(cartOf([shirtL, 1]), VIETNAM_TAX_CLASSES);
    expect(newLines).toEqual([{ productId: shirtL.id, sku: 'AO-L', name: shirtL.name, qty: 1000, unitPrice: 165_000, discount: 0, taxRate: 1000, total: 165_000, priceIncludesTax: true, unit: 'pcs' }]);
    const request = { purchase, lines: [{ originalLine: 0, qty: 1000, reason: 'wrong-size', condition: 'resellable' as const }], refund: { toOriginal: true, rest: { kind: 'cash' as const } } };
    expect(exchangeDifference(request, policy, newLines)).toBe(15_000);
    const built = buildSaleReturn({ ...request, newLines, payments: [{ method: 'cash', amount: 20_000 }] }, context, { policy });
    expect(built).toMatchObject({ ok: true, document: { reason: 'exchange', totals: { total: 15_000 }, change: 5000, tenders: [{ method: 'cash', amount: 20_000 }] } });
  });

  it('a customer swaps two shirts for a pair of socks and gets the difference back', () => {
    const newLines = newLinesOf(cartOf([socks, 1]), VIETNAM_TAX_CLASSES);
    const request = { purchase, lines: [{ originalLine: 0, qty: 2000, reason: 'changed-mind', condition: 'resellable' as const }], refund: { toOriginal: true, rest: { kind: 'cash' as const } } };
    expect(exchangeDifference(request, policy, newLines)).toBe(-275_000);
  });

  it('says nothing while the goods chosen cannot come back (more than was bought)', () => {
    const request = { purchase, lines: [{ originalLine: 0, qty: 3000, reason: 'changed-mind', condition: 'resellable' as const }], refund: { toOriginal: true, rest: { kind: 'cash' as const } } };
    expect(exchangeDifference(request, policy, newLinesOf(cartOf([socks, 1]), VIETNAM_TAX_CLASSES))).toBeUndefined();
  });

  it('never creates or loses money: the difference shown is the total of the one document the domain builds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (back, shirts, pairs) => {
        const items: Array<[CartProduct, number]> = [];
        if (shirts > 0) items.push([shirtL, shirts]);
        if (pairs > 0) items.push([socks, pairs]);
        const newLines = newLinesOf(cartOf(...items), VIETNAM_TAX_CLASSES);
        const request = { purchase, lines: [{ originalLine: 0, qty: back * 1000, reason: 'wrong-size', condition: 'resellable' as const }], refund: { toOriginal: true, rest: { kind: 'cash' as const } }, newLines };
        const difference = exchangeDifference(request, policy, newLines);
        expect(difference).toBeDefined();
        const payments = difference !== undefined && difference > 0 ? [{ method: 'card' as const, amount: difference, reference: 'REF123' }] : [];
        const built = buildSaleReturn({ ...request, payments }, context, { policy });
        if (!built.ok) throw new Error(built.detail);
        expect(built.document.totals.total).toBe(difference);
        const tendered = built.document.tenders.reduce((sum, tender) => sum + tender.amount, 0) - built.document.change + (built.document.totals.cashRounding ?? 0);
        expect(tendered).toBe(difference);
      }),
    );
  });
});

describe('a return without a receipt', () => {
  it('prices the item at today’s catalog price with its tax class, and a second scan adds a piece', () => {
    const twice = addUnreceipted(addUnreceipted([], socks), socks);
    expect(twice).toHaveLength(1);
    expect(unreceiptedLineOf(twice[0]!, VIETNAM_TAX_CLASSES)).toEqual({
      productId: socks.id,
      sku: 'TAT',
      name: 'Tất',
      unitPrice: 25_000,
      taxRate: 800,
      priceIncludesTax: true,
      unit: 'pcs',
      qty: 2000,
      reason: 'changed-mind',
      condition: 'resellable',
    });
  });

  it('refunds only to store credit or a new gift card, as the store allows', () => {
    expect(noReceiptRestKinds(policy)).toEqual(['store_credit', 'gift_card']);
    expect(noReceiptRestKinds(returnPolicyOf({ refundMethods: ['original_tender', 'cash', 'store_credit'] }))).toEqual(['store_credit']);
    expect(noReceiptRestKinds(returnPolicyOf({ refundMethods: ['cash'] }))).toEqual([]);
  });
});

describe('what pays the difference of an exchange', () => {
  it('cash, the card terminal, bank QR and a gift card always; points and store credit only with a customer; never an online refund', () => {
    for (const method of ['cash', 'card', 'bank_qr', 'gift_card'] as const) expect(paysDifference(method, false)).toBe(true);
    expect(paysDifference('points', false)).toBe(false);
    expect(paysDifference('store_credit', false)).toBe(false);
    expect(paysDifference('points', true)).toBe(true);
    expect(paysDifference('store_credit', true)).toBe(true);
    expect(paysDifference('online_refund', true)).toBe(false);
  });
});
