/*
 * A completed sale and the till's cancellation of it, both built by the domain code the counter uses
 * (buildSaleDocument, buildSaleReversal), pushed to the real server on both databases: the server's own
 * recomputation finds nothing wrong with either, the manager-approved cancellation is accepted, and every
 * balance the sale moved (stock, points earned and redeemed, gift card, store credit) is back where it was.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachCustomer, emptyCart, ringUpLine } from '../../src/domain/cart.ts';
import type { Cart, CartProduct, CartResult } from '../../src/domain/cart.ts';
import { buildSaleDocument } from '../../src/domain/sale-document.ts';
import { buildSaleReversal } from '../../src/domain/sale-reversal.ts';
import { VIETNAM_TAX_CLASSES } from '../../src/domain/tax-presets.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { asNew, pullAll, push, startOneTillShop } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const coffee: CartProduct = { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 29_000, taxClassId: 'vat10', weighed: false };
const pork: CartProduct = { id: 'p-pork', sku: 'TH01', name: 'Thịt heo', price: 160_000, taxClassId: 'vat5', weighed: true, unit: 'kg' };

function cartOf(result: CartResult): Cart {
  if (!result.ok) throw new Error(result.detail);
  return result.cart;
}

describe.each(DATABASE_KINDS)('a sale cancelled at the till reaches the server (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;

  beforeAll(async () => {
    ({ t, till: till } = await startOneTillShop(kind, 'sale-cancellation'));
  });
  afterAll(async () => t?.close());

  it('the sale and its manager-approved reversal pass the server’s check and leave every balance as it was', async () => {
    const balancesBefore = new Map((await pullAll(t.app, till.token, 'balances')).map((b) => [b['id'] as string, b['value'] as number]));
    let cart = cartOf(ringUpLine(emptyCart(), coffee, { qty: 3000 }));
    cart = cartOf(ringUpLine(cart, pork, { qty: 1_253 }));
    cart = attachCustomer(cart, 'cust-7');
    const built = buildSaleDocument(
      cart,
      [
        { method: 'points', amount: 10_000, points: 100 },
        { method: 'gift_card', amount: 50_000, giftCardId: 'GC-100' },
        { method: 'store_credit', amount: 20_000 },
        { method: 'card', amount: 100_000, reference: 'APPR 551' },
        { method: 'cash', amount: 120_000 },
      ],
      { id: uuidv7(), storeId: till.storeId, deviceId: till.deviceId, number: 'Q1-T1-000001', createdAt: new Date().toISOString(), staffId: 'store-q1-cashier', currency: 'VND' },
      { taxClasses: VIETNAM_TAX_CLASSES, cashRounding: { step: 500 }, loyalty: { amountPerPoint: 10_000 } },
    );
    if (!built.ok) throw new Error(built.detail);
    const sale = built.sale;
    // 1.253 kg of pork makes the cash part 107,480, rounded to 107,500: the rounding travels too.
    expect(sale.totals.cashRounding).toBe(20);
    const reversed = buildSaleReversal(sale, {
      id: uuidv7(),
      deviceId: till.deviceId,
      number: 'Q1-T1-000002',
      createdAt: new Date().toISOString(),
      staffId: 'store-q1-cashier',
      approverId: 'store-q1-manager',
    });
    if (!reversed.ok) throw new Error(reversed.detail);

    expect((await push(t.app, till.token, 'sales', asNew([sale]))).statusCode).toBe(200);
    const afterSale = new Map((await pullAll(t.app, till.token, 'balances')).map((b) => [b['id'] as string, b['value'] as number]));
    expect(afterSale.get(`giftcard:${till.storeId}:GC-100`)).toBe((balancesBefore.get(`giftcard:${till.storeId}:GC-100`) ?? 0) - 50_000);

    const pushed = await push(t.app, till.token, 'sales', asNew([reversed.reversal]));
    expect(pushed.statusCode).toBe(200);
    expect(pushed.json()).toEqual([]);

    const mismatches = await t.store.db
      .selectFrom('incidents')
      .select(['document_id', 'detail'])
      .where('kind', '=', 'sale-mismatch')
      .where('document_id', 'in', [sale.id, reversed.reversal.id])
      .execute();
    expect(mismatches).toEqual([]);
    const balancesAfter = new Map((await pullAll(t.app, till.token, 'balances')).map((b) => [b['id'] as string, b['value'] as number]));
    const touched = [...afterSale.keys()].filter((id) => afterSale.get(id) !== balancesBefore.get(id));
    expect(touched.sort()).toEqual(
      [`credit:${till.storeId}:cust-7`, `giftcard:${till.storeId}:GC-100`, `points:${till.storeId}:cust-7`, `stock:${till.storeId}:p-coffee`, `stock:${till.storeId}:p-pork`].sort(),
    );
    for (const id of touched) expect(balancesAfter.get(id), id).toBe(balancesBefore.get(id) ?? 0);
    const stored = (await pullAll(t.app, till.token, 'sales')).find((d) => d['id'] === reversed.reversal.id);
    expect(stored).toMatchObject({ kind: 'return', reason: 'void', originalSaleId: sale.id, approverId: 'store-q1-manager' });
  });
});
