import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SaleDocument } from './documents.ts';
import { onlineRefundRequest } from './online-refund.ts';
import { checkReturn } from './return-money.ts';
import type { KnownPurchase } from './return-money.ts';
import { returnPolicyOf } from './return-policy.ts';
import { planRefund } from './return-refund.ts';
import { purchaseOfOrder } from './returnable-purchase.ts';
import type { Purchase } from './returnable-purchase.ts';
import { buildSaleReturn } from './sale-return.ts';
import type { ReturnRequest, SaleReturn } from './sale-return.ts';

const policy = returnPolicyOf(undefined);

function order(paid: boolean, pieces = [2, 1]): Purchase {
  return purchaseOfOrder({
    id: 'order-1042',
    number: '#1042',
    storeId: 'store-q1',
    placedAt: '2025-11-20T03:00:00.000Z',
    customerId: 'cust-hoa',
    currency: 'VND',
    paid,
    lines: pieces.map((qty, index) => ({
      productId: `p-${index}`,
      sku: `SKU-${index}`,
      name: `Áo ${index}`,
      qty: qty * 1000,
      unitPrice: 125_000 + index * 50_000,
      taxRate: 800,
      total: qty * (125_000 + index * 50_000),
    })),
  });
}

let n = 0;
function returnOf(request: ReturnRequest): SaleReturn {
  n += 1;
  const built = buildSaleReturn(
    request,
    { id: `0192f3a4-7777-7d8e-9f00-${String(n).padStart(12, '0')}`, storeId: 'store-q3', deviceId: 'device-q3-1', number: `Q3-R${n}`, createdAt: '2025-11-26T03:00:00.000Z', staffId: 'staff-q3', currency: 'VND' },
    { policy },
  );
  if (!built.ok) throw new Error(`${built.reason}: ${built.detail}`);
  return built.document;
}

function known(purchase: Purchase, qtyBefore: number[] = purchase.lines.map(() => 0)): KnownPurchase {
  return { purchase, applied: [], before: { qty: qtyBefore, earningValue: 0, givenBack: new Map() } };
}

describe('a return of an order paid online is refunded online by the shop', () => {
  it('the counter offers online only for an order paid online, and writes an online_refund tender naming the order', () => {
    const plan = planRefund({ amount: 125_000, purchase: order(true), choice: { toOriginal: false, rest: { kind: 'online' } }, policy, customerId: 'cust-hoa' });
    expect(plan).toEqual({ ok: true, tenders: [{ method: 'online_refund', amount: -125_000, reference: '#1042' }], cashRounding: 0 });
    const unpaid = planRefund({ amount: 125_000, purchase: order(false), choice: { toOriginal: false, rest: { kind: 'online' } }, policy });
    expect(unpaid).toMatchObject({ ok: false, reason: 'refund-method-not-allowed' });
    const noOriginal = planRefund({ amount: 1, purchase: order(true), choice: { toOriginal: false, rest: { kind: 'online' } }, policy: returnPolicyOf({ refundMethods: ['store_credit'] }) });
    expect(noOriginal).toMatchObject({ ok: false, reason: 'refund-method-not-allowed' });
  });

  it('the server asks the shop for what the goods back are worth, whatever the document claims', () => {
    const purchase = order(true);
    const honest = returnOf({ purchase, lines: [{ originalLine: 0, qty: 1000, reason: 'wrong-size', condition: 'resellable' }], refund: { toOriginal: false, rest: { kind: 'online' } } });
    expect(checkReturn(honest, known(purchase), { policy, approvalProven: false })).toMatchObject({ onlineRefund: 125_000, problems: [] });

    const greedy: SaleDocument = { ...honest, tenders: [{ method: 'online_refund', amount: -9_000_000, reference: '#1042' }] };
    const check = checkReturn(greedy, known(purchase), { policy, approvalProven: false });
    expect(check.onlineRefund).toBe(125_000);
    expect(check.problems.join()).toContain('more than the goods back are worth');

    // Everything of that line came back before: this return is worth nothing, online or otherwise.
    expect(checkReturn(honest, known(purchase, [2000, 0]), { policy, approvalProven: false }).onlineRefund).toBe(0);
  });

  it('a sale in the store, or an order not paid online, is never refunded online', () => {
    const unpaid = order(false);
    const purchase = order(true);
    const ret = returnOf({ purchase, lines: [{ originalLine: 1, qty: 1000, reason: 'defective', condition: 'damaged' }], refund: { toOriginal: false, rest: { kind: 'online' } } });
    expect(checkReturn(ret, known(unpaid), { policy, approvalProven: false }).onlineRefund).toBe(0);
    expect(checkReturn(ret, undefined, { policy, approvalProven: false }).onlineRefund).toBe(0);
  });

  it('property: online refund plus store credit never exceed what the goods back are worth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        (bought, back, before, askedOnline, askedCredit) => {
          const purchase = order(true, bought);
          const lines = bought.map((_, index) => ({ originalLine: index, qty: Math.min(back[index] ?? 0, bought[index]!) * 1000, reason: 'other', condition: 'resellable' as const })).filter((l) => l.qty > 0);
          if (lines.length === 0) return;
          const ret = returnOf({ purchase, lines, refund: { toOriginal: false, rest: { kind: 'online' } }, customerId: 'cust-hoa' });
          const forged: SaleDocument = {
            ...ret,
            tenders: [
              { method: 'online_refund', amount: -askedOnline },
              ...(askedCredit > 0 ? [{ method: 'store_credit' as const, amount: -askedCredit }] : []),
            ],
          };
          const qtyBefore = bought.map((qty, index) => Math.min(qty, before[index] ?? 0) * 1000);
          const check = checkReturn(forged, known(purchase, qtyBefore), { policy, approvalProven: false });
          const credit = check.movements.filter((m) => m.kind === 'credit' && m.reason === 'refund').reduce((sum, m) => sum + m.delta, 0);
          expect(check.onlineRefund).toBeGreaterThanOrEqual(0);
          expect(check.onlineRefund).toBeLessThanOrEqual(askedOnline);
          expect(check.onlineRefund + credit).toBeLessThanOrEqual(check.valueBack);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("the refund request the shop gets", () => {
  const order = { id: 'order-1042', number: '#1042', storeId: 'store-q1', source: 'shopify', sourceOrderId: '450789469', currency: 'VND', lines: [{ sku: 'AT-M', sourceLineId: '866550311766439000' }, { sku: 'SUA1L' }] };
  const ret = { id: 'ret-1', number: 'Q3-R1', storeId: 'store-q3', createdAt: '2025-11-26T03:00:00.000Z', onlineRefund: 189_000, counted: [{ originalLine: 1, within: 2000 }, { originalLine: 0, within: 1000 }, { originalLine: 0, within: 0 }] };

  it('names the order, the return and the lines that came back, with the amount as the platform writes it', () => {
    expect(onlineRefundRequest(ret, order)).toEqual({
      kind: 'online-refund',
      orderId: 'order-1042',
      number: '#1042',
      storeId: 'store-q3',
      source: 'shopify',
      sourceOrderId: '450789469',
      returnId: 'ret-1',
      returnNumber: 'Q3-R1',
      currency: 'VND',
      amount: 189_000,
      amountText: '189000',
      lines: [{ sourceLineId: '866550311766439000', sku: 'AT-M', qty: 1000 }, { sku: 'SUA1L', qty: 2000 }],
      at: '2025-11-26T03:00:00.000Z',
    });
    expect(onlineRefundRequest({ ...ret, onlineRefund: 0 }, order)).toBeUndefined();
    expect(onlineRefundRequest(ret, { ...order, currency: 'XXX' })).toBeUndefined();
  });

  it('property: the decimal text reads back to the same minor units in every currency', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom('VND', 'USD', 'KWD'), (amount, currency) => {
        const text = onlineRefundRequest({ ...ret, onlineRefund: amount }, { ...order, currency })!.amountText;
        const digits = currency === 'VND' ? 0 : currency === 'USD' ? 2 : 3;
        expect(text.replace('.', '')).toBe(String(amount).padStart(digits + 1, '0'));
        expect(text.includes('.') ? text.split('.')[1]!.length : 0).toBe(digits);
      }),
    );
  });
});
