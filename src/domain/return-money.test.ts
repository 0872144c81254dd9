import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachCustomer, emptyCart, ringUpLine } from './cart.ts';
import type { Cart, CartProduct } from './cart.ts';
import type { SaleDocument, SaleLedgerEntry } from './documents.ts';
import { generateGiftCardNumber } from './gift-card-number.ts';
import { paidSaleArb, saleContext, saleOf, testTaxClasses } from './paid-sale.test-helper.ts';
import { checkReturn, givenBackKey } from './return-money.ts';
import type { KnownPurchase, ReturnCheckContext } from './return-money.ts';
import { returnPolicyOf } from './return-policy.ts';
import { purchaseOfSale, returnedSoFar } from './returnable-purchase.ts';
import type { Purchase } from './returnable-purchase.ts';
import { buildSaleDocument } from './sale-document.ts';
import { isMoneyKind, moneyMovementsOf } from './sale-ledger.ts';
import type { MoneyMovement } from './sale-ledger.ts';
import { buildSaleReturn } from './sale-return.ts';
import type { ReturnRequest, SaleReturn } from './sale-return.ts';
import type { Tender } from './tender.ts';

const shirt: CartProduct = { id: 'p-shirt-m', sku: 'AT-M', name: 'Áo thun size M', price: 125_000, taxClassId: 'vat8', weighed: false };
const policy = returnPolicyOf(undefined);
const context: ReturnCheckContext = { policy, approvalProven: false };

let n = 0;
const returnContext = () => {
  n += 1;
  return { id: `0192f3a4-9999-7d8e-9f00-${String(n).padStart(12, '0')}`, storeId: 'store-q3', deviceId: 'device-q3-1', number: `Q3-R${n}`, createdAt: '2025-11-26T03:00:00.000Z', staffId: 'staff-q3', currency: 'VND' };
};

function sold(cart: Cart, tenders: Tender[]): SaleDocument {
  return saleOf(buildSaleDocument(cart, tenders, saleContext, { taxClasses: testTaxClasses, loyalty: { amountPerPoint: 10_000 } }));
}

function shirts(pieces: number, customerId = 'cust-hoa'): Cart {
  return attachCustomer(cartOf(ringUpLine(emptyCart(), shirt, { qty: pieces * 1000 })), customerId);
}

function cartOf(result: ReturnType<typeof ringUpLine>): Cart {
  if (!result.ok) throw new Error(result.detail);
  return result.cart;
}

function returnOf(request: ReturnRequest): SaleReturn {
  const built = buildSaleReturn(request, returnContext(), { policy });
  if (!built.ok) throw new Error(`${built.reason}: ${built.detail}`);
  return built.document;
}

/** The purchase as the server knows it after these earlier returns (their money as the server derived it). */
function known(sale: SaleDocument, earlier: ReadonlyArray<{ document: SaleDocument; movements: readonly MoneyMovement[] }> = []): KnownPurchase {
  const applied = moneyMovementsOf(sale, { amountPerPoint: 10_000 }).movements;
  const purchase: Purchase = purchaseOfSale(sale, applied.find((m) => m.reason === 'earn')?.delta ?? 0);
  const soFar = returnedSoFar(purchase, earlier.map((e) => e.document));
  const givenBack = new Map<string, number>();
  for (const movement of earlier.flatMap((e) => e.movements)) {
    const key = givenBackKey(movement);
    if (key !== undefined && movement.reason === 'refund') givenBack.set(key, (givenBack.get(key) ?? 0) + movement.delta);
  }
  return { purchase, applied, before: { qty: soFar.qty, earningValue: soFar.earningValue, givenBack } };
}

const moneyOf = (ledger: readonly SaleLedgerEntry[] | undefined): Array<[string, string, number, string]> => (ledger ?? []).filter((e) => isMoneyKind(e.kind)).map((e) => [e.kind, e.refId, e.delta, e.reason]);
const plain = (movements: readonly MoneyMovement[]): Array<[string, string, number, string]> => movements.map((m) => [m.kind, m.refId, m.delta, m.reason]);

describe('the server prices a return from the purchase it knows', () => {
  it('an honest return to store credit at another store: the credit as asked, the earned points taken back where they were earned', () => {
    const sale = sold(shirts(2), [{ method: 'cash', amount: 250_000 }]);
    const ret = returnOf({ purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'x', condition: 'resellable' }], refund: { toOriginal: false, rest: { kind: 'store_credit' } } });
    const check = checkReturn(ret, known(sale), context);
    expect(check.problems).toEqual([]);
    expect(check.excess).toEqual([]);
    expect(check.rules).toEqual([]);
    expect(plain(check.movements)).toEqual(moneyOf(ret.ledger));
    // New store credit lands at the returning store; the clawback at the store that gave the points.
    expect(check.movements.map((m) => [m.reason, m.storeId])).toEqual([
      ['refund', undefined],
      ['clawback', 'store-q1'],
    ]);
    expect(check.counted).toEqual([{ line: 0, originalLine: 0, qty: 1000, within: 1000, value: 125_000, earns: true }]);
  });

  it('more than is left: kept, the excess reported, and the excess is worth nothing', () => {
    const sale = sold(shirts(2), [{ method: 'cash', amount: 250_000 }]);
    const first = returnOf({ purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 2000, reason: 'x', condition: 'resellable' }], refund: { toOriginal: false, rest: { kind: 'store_credit' } } });
    const firstCheck = checkReturn(first, known(sale), context);
    // A second tablet, offline, did not know: it takes one more shirt back to store credit.
    const second = returnOf({ purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'x', condition: 'resellable' }], refund: { toOriginal: false, rest: { kind: 'store_credit' } } });
    const check = checkReturn(second, known(sale, [{ document: first, movements: firstCheck.movements }]), context);
    expect(check.excess).toEqual([{ line: 0, originalLine: 0, returned: 1000, bought: 2000, returnedBefore: 2000, excess: 1000 }]);
    expect(check.movements).toEqual([]);
    expect(check.problems).toEqual([expect.stringMatching(/125000 asked as store credit, 0 given/)]);
  });

  it('a forged price: the tablet says the shirt was 1,000,000; the server gives back what it cost', () => {
    const sale = sold(shirts(1), [{ method: 'cash', amount: 125_000 }]);
    const honest = returnOf({ purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'x', condition: 'resellable' }], refund: { toOriginal: false, rest: { kind: 'store_credit' } } });
    const forged: SaleDocument = {
      ...honest,
      lines: [{ ...honest.lines[0], unitPrice: 1_000_000, total: -1_000_000 }],
      totals: { subtotal: -1_000_000, discount: 0, tax: -74_074, total: -1_000_000 },
      tenders: [{ method: 'store_credit', amount: -1_000_000 }],
    };
    const check = checkReturn(forged, known(sale), context);
    expect(check.valueBack).toBe(125_000);
    expect(check.movements.filter((m) => m.kind === 'credit').map((m) => m.delta)).toEqual([125_000]);
    expect(check.problems).toEqual([expect.stringMatching(/1000000 asked as store credit, 125000 given/)]);
  });

  it('back to the gift card that paid, never more than it paid; a new card only if it is one of our numbers', () => {
    const card = generateGiftCardNumber();
    const sale = sold(shirts(2), [{ method: 'gift_card', amount: 100_000, giftCardId: card }, { method: 'cash', amount: 150_000 }]);
    const ret = returnOf({ purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 2000, reason: 'x', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } });
    expect(ret.tenders).toEqual([{ method: 'gift_card', amount: -100_000, reference: card }, { method: 'cash', amount: -150_000 }]);
    const check = checkReturn(ret, known(sale), context);
    expect(check.problems).toEqual([]);
    expect(check.movements.find((m) => m.kind === 'giftcard')).toMatchObject({ refId: card, delta: 100_000, reason: 'refund', storeId: 'store-q1' });
    // All of it to the card instead of cash: the card gets what it paid, the rest is refused.
    const greedy: SaleDocument = { ...ret, tenders: [{ method: 'gift_card', amount: -250_000, reference: card }] };
    const greedyCheck = checkReturn(greedy, known(sale), context);
    expect(greedyCheck.movements.find((m) => m.kind === 'giftcard')?.delta).toBe(100_000);
    expect(greedyCheck.problems).toEqual([expect.stringMatching(/250000 asked back to gift card .* 100000 given \(more than the card paid\)/)]);
    const newCard = generateGiftCardNumber();
    const toNew: SaleDocument = { ...ret, tenders: [{ method: 'gift_card', amount: -250_000, reference: newCard }] };
    expect(checkReturn(toNew, known(sale), context).movements.find((m) => m.refId === newCard)).toMatchObject({ delta: 250_000, reason: 'refund' });
    const toJunk: SaleDocument = { ...ret, tenders: [{ method: 'gift_card', amount: -250_000, reference: 'GC-MINE' }] };
    expect(checkReturn(toJunk, known(sale), context).problems).toEqual([expect.stringMatching(/GC-MINE is neither/)]);
  });

  it('points go back only to a purchase paid in points, and never more points than it paid', () => {
    const sale = sold(shirts(2), [{ method: 'points', amount: 50_000, points: 500 }, { method: 'cash', amount: 200_000 }]);
    const ret = returnOf({ purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'x', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } });
    expect(ret.tenders[0]).toEqual({ method: 'points', amount: -50_000, points: 500 });
    expect(plain(checkReturn(ret, known(sale), context).movements)).toEqual(moneyOf(ret.ledger));
    const greedy: SaleDocument = { ...ret, tenders: [{ method: 'points', amount: -50_000, points: 5_000 }, { method: 'cash', amount: -75_000 }] };
    expect(checkReturn(greedy, known(sale), context).movements.find((m) => m.reason === 'refund')?.delta).toBe(500);
    const cashSale = sold(shirts(1), [{ method: 'cash', amount: 125_000 }]);
    const intoPoints: SaleDocument = { ...returnOf({ purchase: purchaseOfSale(cashSale), lines: [{ originalLine: 0, qty: 1000, reason: 'x', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } }), tenders: [{ method: 'points', amount: -125_000, points: 1_250 }] };
    expect(checkReturn(intoPoints, known(cashSale), context).problems).toEqual([expect.stringMatching(/only to a purchase paid in points/)]);
  });

  it('without a receipt: worth its own lines with a proven approval, nothing without; an unknown purchase gives nothing back', () => {
    const noReceipt = returnOf({ unreceiptedLines: [{ productId: 'p-shirt-m', sku: 'AT-M', name: 'Áo', unitPrice: 125_000, taxRate: 800, priceIncludesTax: true, unit: 'pcs', qty: 1000, reason: 'x', condition: 'resellable' }], customerId: 'cust-an', refund: { toOriginal: false, rest: { kind: 'store_credit' } } });
    expect(checkReturn(noReceipt, undefined, { ...context, approvalProven: true }).movements).toEqual([{ id: `${noReceipt.id}-credit-0`, kind: 'credit', refId: 'cust-an', delta: 125_000, reason: 'refund' }]);
    const unproven = checkReturn(noReceipt, undefined, context);
    expect(unproven.movements).toEqual([]);
    expect(unproven.problems).toEqual([expect.stringMatching(/proven approval/), expect.stringMatching(/0 given/)]);
    const sale = sold(shirts(1), [{ method: 'cash', amount: 125_000 }]);
    const ghost = returnOf({ purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'x', condition: 'resellable' }], refund: { toOriginal: false, rest: { kind: 'store_credit' } } });
    expect(checkReturn(ghost, undefined, context).problems[0]).toMatch(/not known to the server/);
  });

  it('stock that does not follow the lines, a return after the window and an item that never comes back are flagged as broken rules', () => {
    const sale = sold(shirts(1), [{ method: 'cash', amount: 125_000 }]);
    const ret = returnOf({ purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'x', condition: 'damaged' }], refund: { toOriginal: true, rest: { kind: 'cash' } } });
    const strict = { ...context, policy: returnPolicyOf({ windowDays: 1, nonReturnableProductIds: ['p-shirt-m'] }) };
    const noWriteOff: SaleDocument = { ...ret, ledger: (ret.ledger ?? []).filter((e) => e.reason !== 'damaged') };
    expect(checkReturn(noWriteOff, known(sale), strict).rules).toEqual([expect.stringMatching(/after the store's 1 days/), expect.stringMatching(/cannot be returned/), expect.stringMatching(/stock movements/)]);
  });
});

describe('PROPERTY: the server derives what an honest tablet embeds', () => {
  it('for any sale and any returns of it, to the original tender or to store credit, the derived money is the embedded money and nothing is flagged', () => {
    fc.assert(
      fc.property(
        paidSaleArb,
        fc.array(fc.record({ line: fc.nat(), pieces: fc.integer({ min: 1, max: 3 }), toOriginal: fc.boolean() }), { minLength: 1, maxLength: 5 }),
        ({ cart, tenders, saleRules }, steps) => {
          const sale = saleOf(buildSaleDocument(cart, tenders, saleContext, { ...saleRules, loyalty: { amountPerPoint: 10_000 } }));
          const earlier: Array<{ document: SaleDocument; movements: MoneyMovement[] }> = [];
          for (const step of steps) {
            const server = known(sale, earlier);
            const index = step.line % sale.lines.length;
            const bought = server.purchase.lines[index]!;
            const left = bought.qty - server.before.qty[index]!;
            if (left === 0) continue;
            const qty = bought.qty % 1000 === 0 ? Math.min(left, step.pieces * 1000) : left;
            const built = buildSaleReturn(
              { purchase: purchaseOfSale(sale), earlierReturns: earlier.map((e) => e.document), customerId: sale.customerId ?? 'cust-walk-in', lines: [{ originalLine: index, qty, reason: 'x', condition: 'resellable' }], refund: { toOriginal: step.toOriginal, rest: { kind: 'store_credit' } } },
              returnContext(),
              { policy },
            );
            if (!built.ok) throw new Error(`${built.reason}: ${built.detail}`);
            const check = checkReturn(built.document, server, context);
            expect(check.problems).toEqual([]);
            expect(check.excess).toEqual([]);
            expect(plain(check.movements)).toEqual(moneyOf(built.document.ledger));
            earlier.push({ document: built.document, movements: check.movements });
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
