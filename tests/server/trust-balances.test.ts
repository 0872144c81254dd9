/*
 * Issue 12, finding 2 (minted balances): a tablet's token alone cannot put money on a gift card, store credit
 * or points. The server moves those balances only by what it derives itself from the sales and reversals it
 * recomputes (src/domain/sale-ledger.ts): a ledger entry a device embeds that does not follow from the
 * sale's tenders and loyalty is kept in the sale, never applied, and flagged for the manager; a bare ledger
 * push of money is refused with a 4xx that says why. Stock still moves as the counter says.
 * On both databases, with a property test that no sequence of pushes raises a balance without a payment.
 */
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDocument } from '../../src/data/schemas/types.ts';
import { attachCustomer, emptyCart, ringUpLine } from '../../src/domain/cart.ts';
import type { Cart, CartProduct, CartResult } from '../../src/domain/cart.ts';
import { buildSaleDocument } from '../../src/domain/sale-document.ts';
import { buildSaleReversal } from '../../src/domain/sale-reversal.ts';
import { VIETNAM_TAX_CLASSES } from '../../src/domain/tax-presets.ts';
import type { Tender } from '../../src/domain/tender.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { asNew, pullAll, push, ringUpSale, startOneTillShop } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const coffee: CartProduct = { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 29_000, taxClassId: 'vat10', weighed: false };
const SALE_RULES = { taxClasses: VIETNAM_TAX_CLASSES, cashRounding: { step: 500 }, loyalty: { amountPerPoint: 10_000 } };

function cartOf(result: CartResult): Cart {
  if (!result.ok) throw new Error(result.detail);
  return result.cart;
}

type LedgerEntry = NonNullable<SaleDocument['ledger']>[number];

async function balancesOf(t: TestApp, till: EnrolledDevice): Promise<Map<string, number>> {
  return new Map((await pullAll(t.app, till.token, 'balances')).map((b) => [b.id, b['value'] as number]));
}

async function ledgerIncident(t: TestApp, saleId: string): Promise<Record<string, unknown> | undefined> {
  const row = await t.store.db.selectFrom('incidents').select('detail').where('kind', '=', 'sale-mismatch').where('document_id', '=', saleId).executeTakeFirst();
  return row === undefined ? undefined : (JSON.parse(row.detail) as Record<string, unknown>);
}

describe.each(DATABASE_KINDS)('a tablet cannot mint gift-card, store-credit or points money (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  let receipt = 0;

  beforeAll(async () => {
    ({ t, till } = await startOneTillShop(kind, 'trust-balances'));
  });
  afterAll(async () => t?.close());

  /** A sale as the counter builds it (buildSaleDocument), for a cup of coffee per `cups`. */
  function counterSale(tenders: Tender[], options: { customerId?: string; cups?: number } = {}): SaleDocument & { ledger: LedgerEntry[] } {
    let cart = cartOf(ringUpLine(emptyCart(), coffee, { qty: 1000 * (options.cups ?? 1) }));
    if (options.customerId !== undefined) cart = attachCustomer(cart, options.customerId);
    receipt += 1;
    const context = { id: uuidv7(), storeId: till.storeId, deviceId: till.deviceId, number: `Q1-TB-${String(receipt).padStart(6, '0')}`, createdAt: new Date().toISOString(), staffId: 'store-q1-cashier', currency: 'VND' };
    const built = buildSaleDocument(cart, tenders, context, SALE_RULES);
    if (!built.ok) throw new Error(built.detail);
    return built.sale;
  }

  function reversalOf(sale: SaleDocument): SaleDocument {
    receipt += 1;
    const built = buildSaleReversal(sale, { id: uuidv7(), deviceId: till.deviceId, number: `Q1-TB-${String(receipt).padStart(6, '0')}`, createdAt: new Date().toISOString(), staffId: 'store-q1-manager', approverId: 'store-q1-manager' });
    if (!built.ok) throw new Error(built.detail);
    return built.reversal;
  }

  it('a bare ledger push of +100,000,000 on a gift card is refused with a 4xx that says why, and the card stays as it was', async () => {
    const entry = { id: uuidv7(), kind: 'giftcard', storeId: till.storeId, deviceId: till.deviceId, refId: 'GC-MINT', delta: 100_000_000, reason: 'issue', createdAt: new Date().toISOString() };
    const response = await push(t.app, till.token, 'ledger', asNew([entry]));
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json<{ message: string }>().message).toMatch(/giftcard.*only through the sale or return/);
    expect((await balancesOf(t, till)).get(`giftcard:${till.storeId}:GC-MINT`)).toBeUndefined();
    for (const kindOfMoney of ['credit', 'points'] as const) {
      const other = { ...entry, id: uuidv7(), kind: kindOfMoney, refId: 'cust-mint', delta: 5_000 };
      expect((await push(t.app, till.token, 'ledger', asNew([other]))).statusCode, kindOfMoney).toBe(403);
    }
    expect((await balancesOf(t, till)).get(`credit:${till.storeId}:cust-mint`)).toBeUndefined();
  });

  it('a stock entry pushed on its own still moves the shelf', async () => {
    const entry = { id: uuidv7(), kind: 'stock', storeId: till.storeId, deviceId: till.deviceId, refId: 'p-shelf', delta: -2000, reason: 'sale', createdAt: new Date().toISOString() };
    const response = await push(t.app, till.token, 'ledger', asNew([entry]));
    expect(response.statusCode).toBe(200);
    expect((await balancesOf(t, till)).get(`stock:${till.storeId}:p-shelf`)).toBe(-2000);
  });

  it('a 1 VND sale carrying a +9,999,999 gift-card top-up is kept, the card does not move, and the manager sees why', async () => {
    const sale = ringUpSale(till, [{ productId: 'p-candy', qty: 1000, unitPrice: 1, taxRate: 0 }]);
    const topUp: LedgerEntry = { id: uuidv7(), kind: 'giftcard', refId: 'GC-TOPUP', delta: 9_999_999, reason: 'reload' };
    const forged = { ...sale, ledger: [...(sale.ledger ?? []), topUp] };
    const response = await push(t.app, till.token, 'sales', asNew([forged]));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
    const balances = await balancesOf(t, till);
    expect(balances.get(`giftcard:${till.storeId}:GC-TOPUP`)).toBeUndefined();
    expect(balances.get(`stock:${till.storeId}:p-candy`)).toBe(-1000);
    expect((await pullAll(t.app, till.token, 'sales')).some((d) => d.id === sale.id)).toBe(true);
    const detail = await ledgerIncident(t, sale.id);
    expect(detail).toMatchObject({ ledger: [expect.objectContaining({ entry: topUp, why: expect.stringMatching(/no tender|does not follow/) })] });
  });

  it('a sale whose gift-card tender is negative (a load dressed as a payment) moves no card', async () => {
    const sale = ringUpSale(till, [{ productId: 'p-candy', qty: 1000, unitPrice: 1, taxRate: 0 }]);
    const forged: SaleDocument = {
      ...sale,
      tenders: [{ method: 'gift_card', amount: -5_000_000, reference: 'GC-NEG' }, { method: 'cash', amount: 5_000_001 }],
      ledger: [...(sale.ledger ?? []), { id: `${sale.id}-giftcard-0`, kind: 'giftcard', refId: 'GC-NEG', delta: 5_000_000, reason: 'redeem' }],
    };
    expect((await push(t.app, till.token, 'sales', asNew([forged]))).statusCode).toBe(200);
    expect((await balancesOf(t, till)).get(`giftcard:${till.storeId}:GC-NEG`)).toBeUndefined();
    expect(await ledgerIncident(t, sale.id)).toMatchObject({ ledger: [expect.objectContaining({ why: expect.any(String) })] });
  });

  it('points are earned from what was paid, not from what the tablet says', async () => {
    const sale = counterSale([{ method: 'cash', amount: 29_000 }], { customerId: 'cust-earn' });
    const earn = sale.ledger.find((e) => e.kind === 'points');
    expect(earn).toMatchObject({ delta: 2, reason: 'earn' });
    const forged = { ...sale, ledger: sale.ledger.map((e) => (e.kind === 'points' ? { ...e, delta: 1_000_000 } : e)) };
    expect((await push(t.app, till.token, 'sales', asNew([forged]))).statusCode).toBe(200);
    // What the server derives (2 points for 29,000 VND) is applied; the forged 1,000,000 is not.
    expect((await balancesOf(t, till)).get(`points:${till.storeId}:cust-earn`)).toBe(2);
    expect(await ledgerIncident(t, sale.id)).toMatchObject({ ledger: [expect.objectContaining({ entry: forged.ledger.find((e) => e.kind === 'points') })] });
  });

  it('a sale cancelled twice refunds its gift card once; a reversal of a sale the server does not know refunds nothing', async () => {
    const sale = counterSale([{ method: 'gift_card', amount: 29_000, giftCardId: 'GC-TWICE' }]);
    expect((await push(t.app, till.token, 'sales', asNew([sale]))).statusCode).toBe(200);
    expect((await balancesOf(t, till)).get(`giftcard:${till.storeId}:GC-TWICE`)).toBe(-29_000);
    const first = reversalOf(sale);
    const second = reversalOf(sale);
    expect((await push(t.app, till.token, 'sales', asNew([first]))).statusCode).toBe(200);
    expect((await balancesOf(t, till)).get(`giftcard:${till.storeId}:GC-TWICE`)).toBe(0);
    expect((await push(t.app, till.token, 'sales', asNew([second]))).statusCode).toBe(200);
    expect((await balancesOf(t, till)).get(`giftcard:${till.storeId}:GC-TWICE`)).toBe(0);
    expect(await ledgerIncident(t, second.id)).toMatchObject({ ledger: [expect.objectContaining({ why: expect.stringMatching(/already/) })] });

    const unknown = counterSale([{ method: 'gift_card', amount: 29_000, giftCardId: 'GC-GHOST' }]);
    const ghost = reversalOf(unknown);
    expect((await push(t.app, till.token, 'sales', asNew([ghost]))).statusCode).toBe(200);
    expect((await balancesOf(t, till)).get(`giftcard:${till.storeId}:GC-GHOST`)).toBeUndefined();
    expect(await ledgerIncident(t, ghost.id)).toMatchObject({ ledger: [expect.objectContaining({ why: expect.stringMatching(/original/) })] });
  });

  it('PROPERTY: no sequence of device pushes raises a gift-card, store-credit or points balance beyond what was paid', async () => {
    const customer = 'cust-prop';
    const moneyEntry = fc.record({
      kind: fc.constantFrom('giftcard' as const, 'credit' as const, 'points' as const),
      refId: fc.constantFrom('GC-PROP', customer),
      delta: fc.integer({ min: -50_000, max: 50_000_000 }),
    });
    const step = fc.oneof(
      // A sale as the counter builds it, with a real payment (its own ledger, untouched).
      fc.record({ type: fc.constant('honest' as const), cups: fc.integer({ min: 1, max: 4 }), tender: fc.constantFrom('cash', 'gift_card', 'store_credit', 'points') }),
      // A sale (any kind of payment) whose ledger gains or loses entries and deltas.
      fc.record({ type: fc.constant('forged' as const), cups: fc.integer({ min: 1, max: 4 }), extra: fc.array(moneyEntry, { maxLength: 3 }), negateTender: fc.boolean(), reuseId: fc.boolean() }),
      fc.record({ type: fc.constant('bare' as const), entry: moneyEntry }),
      // The cancellation of an earlier sale, honest or with extra refunds, possibly again.
      fc.record({ type: fc.constant('reverse' as const), pick: fc.nat(), extra: fc.array(moneyEntry, { maxLength: 2 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const before = await balancesOf(t, till);
        const pushedSales: SaleDocument[] = [];
        let paidForPoints = 0;
        for (const s of steps) {
          if (s.type === 'bare') {
            const doc = { id: uuidv7(), ...s.entry, storeId: till.storeId, deviceId: till.deviceId, reason: 'issue', createdAt: new Date().toISOString() };
            expect((await push(t.app, till.token, 'ledger', asNew([doc]))).statusCode).toBe(403);
            continue;
          }
          let doc: SaleDocument;
          if (s.type === 'reverse') {
            const original = pushedSales.filter((d) => d.kind === 'sale')[s.pick % Math.max(1, pushedSales.length)];
            if (original === undefined) continue;
            const reversal = reversalOf(original);
            doc = { ...reversal, ledger: [...(reversal.ledger ?? []), ...s.extra.map((e) => ({ ...e, id: uuidv7(), reason: 'void' }))] };
          } else {
            const price = 29_000 * s.cups;
            const tender: Tender =
              s.type === 'forged' || s.tender === 'cash'
                ? { method: 'cash', amount: price }
                : s.tender === 'gift_card'
                  ? { method: 'gift_card', amount: price, giftCardId: 'GC-PROP' }
                  : s.tender === 'store_credit'
                    ? { method: 'store_credit', amount: price }
                    : { method: 'points', amount: 10_000, points: 100 };
            const tenders: Tender[] = tender.method === 'points' ? [tender, { method: 'cash', amount: price - 10_000 }] : [tender];
            const sale = counterSale(tenders, { customerId: customer, cups: s.cups });
            doc = sale;
            if (s.type === 'forged') {
              const extra = s.extra.map((e, i) => ({ ...e, id: s.reuseId ? `${sale.id}-giftcard-${i}` : uuidv7(), reason: 'redeem' }));
              const forgedTenders = s.negateTender ? [{ method: 'gift_card' as const, amount: -price, reference: 'GC-PROP' }, { method: 'cash' as const, amount: 2 * price }] : sale.tenders;
              doc = { ...sale, tenders: forgedTenders, ledger: [...sale.ledger, ...extra] };
            }
            // A payment earns at most one point per 10,000 VND that is not paid in points.
            paidForPoints += Math.floor(price / 10_000);
          }
          const response = await push(t.app, till.token, 'sales', asNew([doc]));
          expect(response.statusCode).toBe(200);
          pushedSales.push(doc);
        }
        const after = await balancesOf(t, till);
        const change = (id: string): number => (after.get(id) ?? 0) - (before.get(id) ?? 0);
        // Nothing sells or reloads a card or credit yet: a cancellation gives back at most what a sale spent.
        expect(change(`giftcard:${till.storeId}:GC-PROP`)).toBeLessThanOrEqual(0);
        expect(change(`credit:${till.storeId}:${customer}`)).toBeLessThanOrEqual(0);
        expect(change(`points:${till.storeId}:${customer}`)).toBeLessThanOrEqual(paidForPoints);
        expect(change(`giftcard:${till.storeId}:${customer}`)).toBeLessThanOrEqual(0);
        expect(change(`credit:${till.storeId}:GC-PROP`)).toBeLessThanOrEqual(0);
        expect(change(`points:${till.storeId}:GC-PROP`)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 15 },
    );
  });

  it('legitimate sales and their cancellations still move every balance and give it all back', async () => {
    const tenders: Tender[] = [
      { method: 'points', amount: 10_000, points: 100 },
      { method: 'gift_card', amount: 20_000, giftCardId: 'GC-OK' },
      { method: 'store_credit', amount: 20_000 },
      { method: 'cash', amount: 40_000 },
    ];
    const sale = counterSale(tenders, { customerId: 'cust-ok', cups: 3 });
    const before = await balancesOf(t, till);
    expect((await push(t.app, till.token, 'sales', asNew([sale]))).statusCode).toBe(200);
    const after = await balancesOf(t, till);
    const moved = (id: string): number => (after.get(id) ?? 0) - (before.get(id) ?? 0);
    expect(moved(`giftcard:${till.storeId}:GC-OK`)).toBe(-20_000);
    expect(moved(`credit:${till.storeId}:cust-ok`)).toBe(-20_000);
    // 100 redeemed, floor(77,000 / 10,000) = 7 earned.
    expect(moved(`points:${till.storeId}:cust-ok`)).toBe(-93);
    expect(await ledgerIncident(t, sale.id)).toBeUndefined();
    const reversal = reversalOf(sale);
    expect((await push(t.app, till.token, 'sales', asNew([reversal]))).statusCode).toBe(200);
    const end = await balancesOf(t, till);
    for (const id of [`giftcard:${till.storeId}:GC-OK`, `credit:${till.storeId}:cust-ok`, `points:${till.storeId}:cust-ok`]) expect(end.get(id), id).toBe(before.get(id) ?? 0);
    expect(await ledgerIncident(t, reversal.id)).toBeUndefined();
  });
});
