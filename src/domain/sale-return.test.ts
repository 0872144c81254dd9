import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachCustomer, emptyCart, lineDiscount, ringUpLine } from './cart.ts';
import type { Cart, CartProduct } from './cart.ts';
import { generateGiftCardNumber } from './gift-card-number.ts';
import { permissionNeeded } from './permissions.ts';
import { cartOf, coffee, paidSaleArb, pork, saleContext, saleOf, testTaxClasses } from './paid-sale.test-helper.ts';
import { returnPolicyOf } from './return-policy.ts';
import { purchaseOfOrder, purchaseOfSale } from './returnable-purchase.ts';
import type { Purchase } from './returnable-purchase.ts';
import { checkSale } from './sale-check.ts';
import { buildSaleDocument } from './sale-document.ts';
import type { CompletedSale, CounterSaleLine } from './sale-document.ts';
import { buildSaleReturn, returnedPurchaseIds } from './sale-return.ts';
import type { ReturnContext, ReturnRequest, ReturnRules, SaleReturn } from './sale-return.ts';
import { buildSaleReversal } from './sale-reversal.ts';
import type { Tender } from './tender.ts';

const shirt: CartProduct = { id: 'p-shirt-m', sku: 'AT-M', name: 'Áo thun size M', price: 125_000, taxClassId: 'vat8', weighed: false };
const shirtL: CartProduct = { id: 'p-shirt-l', sku: 'AT-L', name: 'Áo thun size L', price: 135_000, taxClassId: 'vat8', weighed: false };
const fish: CartProduct = { id: 'p-fish', sku: 'CA01', name: 'Cá hồi', price: 300_000, taxClassId: 'vat5', weighed: false };

const categories = new Map([['p-fish', 'Thịt, cá, hải sản tươi']]);
const policy = returnPolicyOf({
  windowDays: 7,
  refundMethods: ['original_tender', 'cash', 'store_credit', 'gift_card'],
  managerApprovalAbove: 500_000,
  nonReturnableCategories: ['Thịt, cá, hải sản tươi'],
});
const rules: ReturnRules = { policy, cashRounding: { step: 500 } };
const saleRules = { taxClasses: testTaxClasses, loyalty: { amountPerPoint: 10_000 } };

let returnNumber = 0;
function returnContext(overrides: Partial<ReturnContext> = {}): ReturnContext {
  returnNumber += 1;
  return {
    id: `0192f3a4-9999-7d8e-9f00-${String(returnNumber).padStart(12, '0')}`,
    storeId: 'store-q1',
    deviceId: 'device-t03',
    number: `Q1-T03-R${String(returnNumber).padStart(5, '0')}`,
    createdAt: '2025-11-26T03:00:00.000Z',
    staffId: 'staff-lan',
    currency: 'VND',
    ...overrides,
  };
}

function ringUp(products: Array<[CartProduct, number]>, customerId?: string): Cart {
  let cart = emptyCart();
  for (const [product, pieces] of products) cart = cartOf(ringUpLine(cart, product, { qty: pieces * 1000 }));
  return customerId === undefined ? cart : attachCustomer(cart, customerId);
}

function sold(cart: Cart, tenders: Tender[]): CompletedSale {
  return saleOf(buildSaleDocument(cart, tenders, saleContext, saleRules));
}

function returned(request: ReturnRequest, context: ReturnContext = returnContext(), returnRules: ReturnRules = rules): { document: SaleReturn; approvalsNeeded: readonly string[]; pointsTakenBack: number } {
  const built = buildSaleReturn(request, context, returnRules);
  if (!built.ok) throw new Error(`${built.reason}: ${built.detail}`);
  expect(checkSale(built.document)).toEqual({ ok: true });
  return built;
}

const ledgerOf = (document: SaleReturn): Array<[string, string, number, string]> => document.ledger.map((e) => [e.kind, e.refId, e.delta, e.reason]);

describe('a customer brings part of a purchase back', () => {
  it('one shirt of three bought in cash: one shirt refunded in cash, one back on the shelf', () => {
    const sale = sold(ringUp([[shirt, 3]]), [{ method: 'cash', amount: 400_000 }]);
    const { document } = returned({ purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'không vừa', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } });
    expect(document).toMatchObject({ kind: 'return', reason: 'return', originalSaleId: sale.id, originalNumber: sale.number, currency: 'VND' });
    expect(document.lines).toEqual([expect.objectContaining({ productId: 'p-shirt-m', qty: -1000, total: -125_000, originalLine: 0, returnReason: 'không vừa', condition: 'resellable' })]);
    expect(document.tenders).toEqual([{ method: 'cash', amount: -125_000 }]);
    expect(ledgerOf(document)).toEqual([['stock', 'p-shirt-m', 1000, 'return']]);
  });

  it('a damaged item comes back and is written off under its own reason', () => {
    const sale = sold(ringUp([[shirt, 1]]), [{ method: 'cash', amount: 125_000 }]);
    const { document } = returned({ purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'rách', condition: 'damaged' }], refund: { toOriginal: true, rest: { kind: 'cash' } } });
    expect(ledgerOf(document)).toEqual([
      ['stock', 'p-shirt-m', 1000, 'return'],
      ['stock', 'p-shirt-m', -1000, 'damaged'],
    ]);
    expect(document.ledger.map((e) => e.id)).toEqual([`${document.id}-stock-0`, `${document.id}-writeoff-0`]);
  });

  it('a discounted line returned one piece at a time gives back exactly its total, and no more after', () => {
    const cart = cartOf(lineDiscount(ringUp([[shirt, 3]]), 'L1', { kind: 'amount', amount: 10_000 }, { maxDiscountBasisPoints: 10_000, overrideNeedsApprovalAbove: 10_000 }, 'm'));
    const sale = sold(cart, [{ method: 'cash', amount: 365_000 }]);
    const purchase = purchaseOfSale(sale);
    const earlier: SaleReturn[] = [];
    for (let i = 0; i < 3; i++) {
      earlier.push(returned({ purchase, earlierReturns: earlier, lines: [{ originalLine: 0, qty: 1000, reason: 'đổi ý', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } }, returnContext(), { policy }).document);
    }
    expect(earlier.map((r) => r.lines[0].discount)).toEqual([3333, 3333, 3334]);
    expect(earlier.reduce((sum, r) => sum + r.lines[0].total, 0)).toBe(-sale.lines[0].total);
    const fourth = buildSaleReturn({ purchase, earlierReturns: earlier, lines: [{ originalLine: 0, qty: 1000, reason: 'đổi ý', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } }, returnContext(), rules);
    expect(fourth).toMatchObject({ ok: false, reason: 'too-many', detail: expect.stringMatching(/only 0 of 3/) });
  });

  it('a weighed item comes back whole, never in part', () => {
    const sale = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), pork, { qty: 375 })), [{ method: 'cash', amount: 60_000 }], saleContext, saleRules));
    const purchase = purchaseOfSale(sale);
    expect(buildSaleReturn({ purchase, lines: [{ originalLine: 0, qty: 200, reason: 'hỏng', condition: 'damaged' }], refund: { toOriginal: true, rest: { kind: 'cash' } } }, returnContext(), rules)).toMatchObject({ ok: false, reason: 'too-many', detail: expect.stringMatching(/comes back whole/) });
    const { document } = returned({ purchase, lines: [{ originalLine: 0, qty: 375, reason: 'hỏng', condition: 'damaged' }], refund: { toOriginal: true, rest: { kind: 'cash' } } });
    expect(document.lines[0]).toMatchObject({ qty: -375, total: -sale.lines[0].total });
  });

  it('fresh fish never comes back, nor a gift card, nor anything after the window', () => {
    const sale = sold(ringUp([[fish, 1]]), [{ method: 'cash', amount: 300_000 }]);
    const request = { purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'ươn', condition: 'damaged' as const }], refund: { toOriginal: true, rest: { kind: 'cash' as const } }, categoryOf: (id: string) => categories.get(id) };
    expect(buildSaleReturn(request, returnContext(), rules)).toMatchObject({ ok: false, reason: 'not-returnable', detail: expect.stringMatching(/Thịt, cá/) });
    const card = generateGiftCardNumber();
    const cardSale = sold(cartOf(ringUpLine(emptyCart(), { ...shirt, id: 'p-giftcard', price: 0 }, { giftCard: { id: card, amount: 500_000 } })), [{ method: 'cash', amount: 500_000 }]);
    expect(buildSaleReturn({ ...request, purchase: purchaseOfSale(cardSale), categoryOf: () => undefined }, returnContext(), rules)).toMatchObject({ ok: false, reason: 'not-returnable', detail: expect.stringMatching(/gift card/) });
    const shirtSale = sold(ringUp([[shirt, 1]]), [{ method: 'cash', amount: 125_000 }]);
    const late = buildSaleReturn({ ...request, purchase: purchaseOfSale(shirtSale), categoryOf: () => undefined }, returnContext({ createdAt: '2025-12-02T03:08:01.000Z' }), rules);
    expect(late).toMatchObject({ ok: false, reason: 'outside-window', detail: expect.stringMatching(/7 days/) });
  });

  it('a cancelled sale has nothing left to return', () => {
    const sale = sold(ringUp([[shirt, 1]]), [{ method: 'cash', amount: 125_000 }]);
    const reversal = buildSaleReversal(sale, { id: 'v-1', deviceId: 'd', number: 'V1', createdAt: '2025-11-25T00:00:00.000Z', staffId: 's', approverId: 'm' });
    if (!reversal.ok) throw new Error(reversal.detail);
    expect(buildSaleReturn({ purchase: purchaseOfSale(sale), earlierReturns: [reversal.reversal], lines: [{ originalLine: 0, qty: 1000, reason: 'x', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } }, returnContext(), rules)).toMatchObject({ ok: false, reason: 'already-cancelled' });
  });
});

describe('the refund goes back the way it was paid, where the counter can', () => {
  it('paid in points, gift card, card and cash: points first, then the gift card, then the card by its reference, then cash', () => {
    const card = generateGiftCardNumber();
    const sale = sold(ringUp([[shirt, 4]], 'cust-hoa'), [
      { method: 'cash', amount: 100_000 },
      { method: 'card', amount: 200_000, reference: 'APPR 778' },
      { method: 'gift_card', amount: 100_000, giftCardId: card },
      { method: 'points', amount: 100_000, points: 1_000 },
    ]);
    const purchase = purchaseOfSale(sale);
    const { document } = returned({ purchase, lines: [{ originalLine: 0, qty: 3000, reason: 'đổi ý', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } });
    expect(document.tenders).toEqual([
      { method: 'points', amount: -100_000, points: 1_000 },
      { method: 'gift_card', amount: -100_000, reference: card },
      { method: 'card', amount: -175_000, reference: 'APPR 778' },
    ]);
    expect(ledgerOf(document)).toEqual([
      ['stock', 'p-shirt-m', 3000, 'return'],
      ['points', 'cust-hoa', 1_000, 'refund'],
      ['giftcard', card, 100_000, 'refund'],
      // 40 points were earned on the 400,000 paid other than in points; three shirts of four take back 30.
      ['points', 'cust-hoa', -30, 'clawback'],
    ]);
    // The last shirt: what is left on the card terminal, then the cash.
    const last = returned({ purchase, earlierReturns: [document], lines: [{ originalLine: 0, qty: 1000, reason: 'đổi ý', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } }).document;
    expect(last.tenders).toEqual([
      { method: 'card', amount: -25_000, reference: 'APPR 778' },
      { method: 'cash', amount: -100_000 },
    ]);
  });

  it('a bank transfer is not sent back at the counter: that part goes to store credit (the customer is needed) or a new gift card', () => {
    const sale = sold(ringUp([[shirt, 1]]), [{ method: 'bank_qr', amount: 125_000, reference: 'QR 12' }]);
    const request: ReturnRequest = { purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'x', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'store_credit' } } };
    expect(buildSaleReturn(request, returnContext(), rules)).toMatchObject({ ok: false, reason: 'customer-required' });
    expect(returned({ ...request, customerId: 'cust-an' }).document.tenders).toEqual([{ method: 'store_credit', amount: -125_000 }]);
    const card = generateGiftCardNumber();
    const toCard = returned({ ...request, refund: { toOriginal: true, rest: { kind: 'gift_card', giftCardId: card } } }).document;
    expect(ledgerOf(toCard)).toContainEqual(['giftcard', card, 125_000, 'refund']);
    expect(buildSaleReturn({ ...request, refund: { toOriginal: true, rest: { kind: 'gift_card', giftCardId: '4111111111111111' } } }, returnContext(), rules)).toMatchObject({ ok: false, reason: 'bad-gift-card' });
  });

  it('cash refunds are rounded down to the store’s step; the few dong left are the document’s rounding', () => {
    const odd: CartProduct = { ...shirt, id: 'p-odd', price: 12_345 };
    const sale = sold(ringUp([[odd, 1]]), [{ method: 'cash', amount: 12_345 }]);
    const { document } = returned({ purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'x', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } });
    expect(document.tenders).toEqual([{ method: 'cash', amount: -12_000 }]);
    expect(document.totals.cashRounding).toBe(345);
  });

  it('a store that refunds only to store credit refuses cash, and an online order paid online is never refunded in cash', () => {
    const creditOnly: ReturnRules = { policy: returnPolicyOf({ refundMethods: ['store_credit'] }) };
    const sale = sold(ringUp([[shirt, 1]], 'cust-an'), [{ method: 'cash', amount: 125_000 }]);
    const request: ReturnRequest = { purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'x', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } };
    expect(buildSaleReturn(request, returnContext(), creditOnly)).toMatchObject({ ok: false, reason: 'refund-method-not-allowed' });
    expect(returned({ ...request, refund: { toOriginal: false, rest: { kind: 'store_credit' } } }, returnContext(), creditOnly).document.tenders).toEqual([{ method: 'store_credit', amount: -125_000 }]);

    const order = purchaseOfOrder({ id: 'order-1042', number: '#1042', storeId: 'store-q3', placedAt: '2025-11-24T02:00:00.000Z', customerId: 'cust-ha', currency: 'VND', paid: true, lines: [{ productId: 'p-shirt-m', sku: 'AT-M', name: 'Áo thun size M', qty: 2000, unitPrice: 125_000, taxRate: 800, total: 240_000 }] });
    const fromOrder: ReturnRequest = { purchase: order, lines: [{ originalLine: 0, qty: 1000, reason: 'không vừa', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } };
    expect(buildSaleReturn(fromOrder, returnContext(), rules)).toMatchObject({ ok: false, reason: 'refund-method-not-allowed', detail: expect.stringMatching(/paid online/) });
    const { document } = returned({ ...fromOrder, refund: { toOriginal: true, rest: { kind: 'store_credit' } } });
    expect(document).toMatchObject({ orderId: 'order-1042', originalNumber: '#1042', customerId: 'cust-ha' });
    expect(document.originalSaleId).toBeUndefined();
    // The order's 10,000 discount on two shirts: 5,000 each.
    expect(document.tenders).toEqual([{ method: 'store_credit', amount: -120_000 }]);
    const unpaid = purchaseOfOrder({ ...order, id: 'order-1043', number: '#1043', placedAt: order.purchasedAt, paid: false, lines: [] });
    expect(buildSaleReturn({ ...fromOrder, purchase: unpaid }, returnContext(), rules)).toMatchObject({ ok: false, reason: 'paid-at-counter' });
  });
});

describe('approvals, and the points earned on what comes back', () => {
  it('without a receipt the return needs return.without_receipt; above 500,000 refund.above_limit', () => {
    const shirtLine = { productId: 'p-shirt-m', sku: 'AT-M', name: 'Áo thun size M', unitPrice: 125_000, taxRate: 800, priceIncludesTax: true, unit: 'pcs' as const, reason: 'không hóa đơn', condition: 'resellable' as const };
    const small = returned({ unreceiptedLines: [{ ...shirtLine, qty: 1000 }], customerId: 'cust-an', refund: { toOriginal: false, rest: { kind: 'store_credit' } } });
    expect(small.approvalsNeeded).toEqual(['return.without_receipt']);
    // The document names what its approver proves (the signing hook and the server read it).
    expect(small.document.approvalFor).toBe('return.without_receipt');
    expect(permissionNeeded('sales', small.document)).toEqual({ permission: 'return.without_receipt' });
    const big = returned({ unreceiptedLines: [{ ...shirtLine, qty: 5000 }], customerId: 'cust-an', refund: { toOriginal: false, rest: { kind: 'store_credit' } } });
    expect(big.approvalsNeeded).toEqual(['return.without_receipt', 'refund.above_limit']);
    const sale = sold(ringUp([[shirt, 5]]), [{ method: 'cash', amount: 625_000 }]);
    const above = returned({ purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 5000, reason: 'x', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } });
    expect(above.approvalsNeeded).toEqual(['refund.above_limit']);
    expect(above.document.approvalFor).toBe('refund.above_limit');
    const below = returned({ purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'x', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } });
    expect(below.document.approvalFor).toBeUndefined();
    expect(permissionNeeded('sales', below.document)).toBeUndefined();
    expect(permissionNeeded('sales', { ...below.document, approvalFor: 'sale.void' })).toEqual({ invalid: expect.stringMatching(/return.without_receipt or refund.above_limit/) });
  });

  it('points earned on the returned goods are taken back, never below the customer’s balance unless a manager allows it', () => {
    const sale = sold(ringUp([[shirt, 4]], 'cust-hoa'), [{ method: 'cash', amount: 500_000 }]);
    expect(sale.ledger.find((e) => e.reason === 'earn')?.delta).toBe(50);
    const request: ReturnRequest = { purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 2000, reason: 'x', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } };
    expect(buildSaleReturn({ ...request, customerPoints: 10 }, returnContext(), rules)).toMatchObject({ ok: false, reason: 'points-already-spent', detail: expect.stringMatching(/25 points/) });
    const allowed = returned({ ...request, customerPoints: 10, allowNegativePoints: true });
    expect(allowed.pointsTakenBack).toBe(25);
    expect(ledgerOf(allowed.document)).toContainEqual(['points', 'cust-hoa', -25, 'clawback']);
  });
});

describe('an exchange settles against the new sale', () => {
  const newShirt = (product: CartProduct): CounterSaleLine => ({ productId: product.id, sku: product.sku, name: product.name, qty: 1000, unitPrice: product.price, discount: 0, taxRate: 800, total: product.price, priceIncludesTax: true, unit: 'pcs' });

  it('size M back, size L out: the customer pays only the 10,000 difference', () => {
    const sale = sold(ringUp([[shirt, 1]], 'cust-hoa'), [{ method: 'cash', amount: 125_000 }]);
    const { document } = returned({ purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'đổi size', condition: 'resellable' }], newLines: [newShirt(shirtL)], payments: [{ method: 'cash', amount: 20_000 }], refund: { toOriginal: true, rest: { kind: 'cash' } } }, returnContext(), { ...rules, cashRounding: undefined } as ReturnRules);
    expect(document.reason).toBe('exchange');
    expect(document.totals.total).toBe(10_000);
    expect(document.tenders).toEqual([{ method: 'cash', amount: 20_000 }]);
    expect(document.change).toBe(10_000);
    expect(ledgerOf(document)).toEqual([
      ['stock', 'p-shirt-m', 1000, 'return'],
      ['stock', 'p-shirt-l', -1000, 'sale'],
      ['points', 'cust-hoa', -12, 'clawback'],
    ]);
  });

  it('size L back, size M out: the customer gets the 10,000 back, and nothing is paid', () => {
    const sale = sold(ringUp([[shirtL, 1]]), [{ method: 'card', amount: 135_000, reference: 'APPR 1' }]);
    const request: ReturnRequest = { purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'đổi size', condition: 'resellable' }], newLines: [newShirt(shirt)], refund: { toOriginal: true, rest: { kind: 'cash' } } };
    expect(returned(request).document.tenders).toEqual([{ method: 'card', amount: -10_000, reference: 'APPR 1' }]);
    const even = returned({ ...request, newLines: [newShirt(shirtL)] }).document;
    expect(even.totals.total).toBe(0);
    expect(even.tenders).toEqual([]);
    expect(buildSaleReturn({ ...request, newLines: [newShirt(shirtL), newShirt(shirtL)] }, returnContext(), rules)).toMatchObject({ ok: false, reason: 'not-paid' });
  });
});

/** Any sale a till completes, and the lines that may come back: every piece of every piece line, weighed lines whole. */
const saleWithReturnsArb = paidSaleArb.chain(({ cart, tenders, saleRules: sRules }) => {
  const sale = saleOf(buildSaleDocument(cart, tenders, saleContext, sRules));
  return fc
    .array(fc.record({ line: fc.nat(sale.lines.length - 1), pieces: fc.integer({ min: 1, max: 4 }), damaged: fc.boolean() }), { minLength: 1, maxLength: 8 })
    .map((steps) => ({ sale, steps }));
});

function moneyOut(document: SaleReturn): number {
  return -(document.tenders.reduce((sum, t) => sum + t.amount, 0) - document.change);
}

describe('PROPERTY: returns never create or lose money, and never take back more than was bought', () => {
  it('any sale returned in any parts: each return adds up as the server checks it, no line gives back more than it cost, and all of it gives back exactly the sale’s lines', () => {
    fc.assert(
      fc.property(saleWithReturnsArb, fc.boolean(), ({ sale, steps }, toOriginal) => {
        const purchase: Purchase = purchaseOfSale(sale);
        const earlier: SaleReturn[] = [];
        const returnedQty = purchase.lines.map(() => 0);
        for (const step of steps) {
          const bought = purchase.lines[step.line]!;
          const left = bought.qty - returnedQty[step.line]!;
          const qty = bought.qty % 1000 === 0 ? Math.min(left, step.pieces * 1000) : left;
          const built = buildSaleReturn(
            { purchase, earlierReturns: earlier, customerId: 'cust-1', lines: [{ originalLine: step.line, qty, reason: 'x', condition: step.damaged ? 'damaged' : 'resellable' }], refund: { toOriginal, rest: { kind: 'store_credit' } } },
            returnContext({ createdAt: '2025-11-25T00:00:00.000Z' }),
            { policy: returnPolicyOf(undefined), cashRounding: { step: 500 } },
          );
          if (left === 0) {
            expect(built).toMatchObject({ ok: false, reason: 'too-many' });
            continue;
          }
          if (!built.ok) throw new Error(`${built.reason}: ${built.detail}`);
          const document = built.document;
          expect(checkSale(document)).toEqual({ ok: true });
          // Money: what goes out plus the rounding kept is the value of the goods that came back.
          const rounding = document.totals.cashRounding ?? 0;
          expect(moneyOut(document) + rounding + document.totals.total).toBe(0);
          expect(rounding).toBeGreaterThanOrEqual(0);
          expect(rounding).toBeLessThan(500);
          returnedQty[step.line] = returnedQty[step.line]! + qty;
          expect(returnedQty[step.line]).toBeLessThanOrEqual(bought.qty);
          earlier.push(document);
        }
        // Per line: never more than its total, exactly its total once all of it came back.
        purchase.lines.forEach((line, index) => {
          const back = earlier.flatMap((r) => r.lines).filter((l) => l.originalLine === index).reduce((sum, l) => sum - l.total, 0);
          expect(back).toBeLessThanOrEqual(line.total);
          if (returnedQty[index] === line.qty) expect(back).toBe(line.total);
        });
        // No pool (a gift card, the points, the card) gets back more than it paid.
        const paid = new Map<string, number>();
        for (const t of purchase.tenders) paid.set(`${t.method}:${t.reference ?? ''}`, (paid.get(`${t.method}:${t.reference ?? ''}`) ?? 0) + t.amount);
        const refunded = new Map<string, number>();
        for (const t of earlier.flatMap((r) => r.tenders)) if (t.method !== 'store_credit' && t.method !== 'cash') refunded.set(`${t.method}:${t.reference ?? ''}`, (refunded.get(`${t.method}:${t.reference ?? ''}`) ?? 0) - t.amount);
        for (const [key, amount] of refunded) expect(amount).toBeLessThanOrEqual(paid.get(key) ?? 0);
        // Points given back never exceed the points paid; points taken back never exceed those earned.
        const pointsPaid = sale.tenders.reduce((sum, t) => sum + (t.method === 'points' ? (t.points ?? 0) : 0), 0);
        expect(earlier.flatMap((r) => r.tenders).reduce((sum, t) => sum + (t.method === 'points' ? (t.points ?? 0) : 0), 0)).toBeLessThanOrEqual(pointsPaid);
        const clawed = earlier.flatMap((r) => r.ledger).filter((e) => e.reason === 'clawback').reduce((sum, e) => sum - e.delta, 0);
        expect(clawed).toBeLessThanOrEqual(purchase.pointsEarned);
        if (returnedQty.every((q, i) => q === purchase.lines[i]!.qty)) {
          expect(clawed).toBe(purchase.pointsEarned);
          // All of it back: the goods' value returned is the sale's, to the unit when prices include VAT.
          const back = earlier.reduce((sum, r) => sum - r.totals.total, 0);
          if (sale.lines.every((l) => l.priceIncludesTax)) expect(back).toBe(sale.totals.total);
          else expect(Math.abs(back - sale.totals.total)).toBeLessThanOrEqual(earlier.length * 2);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a request for more than is left is refused whatever came back before', () => {
    fc.assert(
      fc.property(saleWithReturnsArb, fc.nat(20), ({ sale, steps }, extra) => {
        const purchase = purchaseOfSale(sale);
        const step = steps[0]!;
        const bought = purchase.lines[step.line]!;
        const built = buildSaleReturn({ purchase, lines: [{ originalLine: step.line, qty: bought.qty + 1000 * (extra + 1), reason: 'x', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } }, returnContext({ createdAt: '2025-11-25T00:00:00.000Z' }), { policy: returnPolicyOf(undefined) });
        expect(built).toMatchObject({ ok: false, reason: 'too-many' });
      }),
      { numRuns: 100 },
    );
  });

  it('an exchange settles: paid or refunded + rounding = new items - items back, whichever is larger', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1_000, max: 2_000_000 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 50_000 }), (pieces, newPrice, newPieces, extraCash) => {
        const sale = sold(ringUp([[shirt, pieces], [coffee, 1]], 'cust-1'), [{ method: 'cash', amount: 125_000 * pieces + 29_000 }]);
        const newLine: CounterSaleLine = { productId: 'p-new', sku: 'N', name: 'Hàng mới', qty: newPieces * 1000, unitPrice: newPrice, discount: 0, taxRate: 800, total: newPrice * newPieces, priceIncludesTax: true, unit: 'pcs' };
        const difference = newPrice * newPieces - 125_000 * pieces;
        const built = buildSaleReturn(
          { purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: pieces * 1000, reason: 'đổi', condition: 'resellable' }], newLines: [newLine], payments: difference > 0 ? [{ method: 'cash', amount: difference + extraCash }] : [], refund: { toOriginal: true, rest: { kind: 'cash' } } },
          returnContext({ createdAt: '2025-11-25T00:00:00.000Z' }),
          { policy },
        );
        if (!built.ok) throw new Error(`${built.reason}: ${built.detail}`);
        const document = built.document;
        expect(checkSale(document)).toEqual({ ok: true });
        expect(document.totals.total).toBe(difference);
        const paidIn = document.tenders.reduce((sum, t) => sum + t.amount, 0) - document.change;
        expect(paidIn - (document.totals.cashRounding ?? 0)).toBe(difference);
        expect(built.refunded).toBe(Math.max(0, -difference));
      }),
    );
  });
});

describe('a sale with a partial return is not cancelled whole', () => {
  it('the cancellation is refused with has-returns once the tablet knows of a return', () => {
    const sale = sold(ringUp([[shirt, 2]]), [{ method: 'cash', amount: 250_000 }]);
    const back = returned({ purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'x', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } }).document;
    const reversal = buildSaleReversal(sale, { id: 'v-2', deviceId: 'd', number: 'V2', createdAt: '2025-11-26T04:00:00.000Z', staffId: 's', approverId: 'm' }, new Set(), returnedPurchaseIds([back]));
    expect(reversal).toMatchObject({ ok: false, reason: 'has-returns' });
  });
});
