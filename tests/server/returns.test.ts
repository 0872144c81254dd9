/*
 * Issue 16: returns of any purchase, checked by the server across every store. A return is a fact of the
 * counter (kept whatever it says); the money it moves is the server's to derive: what came back of the
 * purchase before (in any store) bounds what may come back, an excess is stored and flagged
 * 'return-excess' (worth nothing), store credit, gift cards and points move only as the server prices the
 * goods that came back, the points earned on them are taken back where they were earned, and stock comes
 * back (resellable) or comes back and is written off (damaged). On SQLite and PostgreSQL.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDocument, SaleDocument } from '../../src/data/schemas/types.ts';
import { approvalKeyOf, approvalMac, checkPinOnTablet } from '../../src/domain/approval-proof.ts';
import { attachCustomer, emptyCart, ringUpLine } from '../../src/domain/cart.ts';
import type { Cart, CartProduct } from '../../src/domain/cart.ts';
import { slipKeyOfConfig, verifyPackingSlip } from '../../src/domain/packing-slip.ts';
import { returnPolicyOf } from '../../src/domain/return-policy.ts';
import { purchaseOfOrder, purchaseOfSale } from '../../src/domain/returnable-purchase.ts';
import type { Purchase } from '../../src/domain/returnable-purchase.ts';
import { buildSaleDocument } from '../../src/domain/sale-document.ts';
import type { CounterSaleLine } from '../../src/domain/sale-document.ts';
import { buildSaleReturn } from '../../src/domain/sale-return.ts';
import type { ReturnRequest, SaleReturn } from '../../src/domain/sale-return.ts';
import { buildSaleReversal } from '../../src/domain/sale-reversal.ts';
import { VIETNAM_TAX_CLASSES } from '../../src/domain/tax-presets.ts';
import type { Tender } from '../../src/domain/tender.ts';
import { writeOnlineOrders } from '../../sync-server/src/integrations/online-orders.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { migrateTo, migrateToLatest } from '../../sync-server/src/store/migrations.ts';
import { openStore } from '../../sync-server/src/store/open-store.ts';
import { insertStoreRecord } from '../../sync-server/src/store/stores-repository.ts';
import { publishOrderSigningKey } from '../../sync-server/src/plugins/order-signing.ts';
import { shirtAndMilkOrder } from './helpers/online-order.test-helper.ts';
import { createTestDatabase, DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { asNew, bearer, enroll, openShop, pullAll, push } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const shirtM: CartProduct = { id: 'p-shirt-m', sku: 'AT-M', name: 'Áo thun size M', price: 125_000, taxClassId: 'vat8', weighed: false };
const shirtL: CartProduct = { id: 'p-shirt-l', sku: 'AT-L', name: 'Áo thun size L', price: 135_000, taxClassId: 'vat8', weighed: false };
// The demo config's rules (sync-server/src/seed/store-config.ts): 7 days, to the original tender, cash or store credit.
const policy = returnPolicyOf({ windowDays: 7, refundMethods: ['original_tender', 'cash', 'store_credit'], managerApprovalAbove: 500_000 });
const SALE_RULES = { taxClasses: VIETNAM_TAX_CLASSES, loyalty: { amountPerPoint: 10_000 } };

interface PulledStaff {
  id: string;
  pinSalt: string;
  pinIterations: number;
  pinCheck: number;
}

describe.each(DATABASE_KINDS)('returns of any purchase, checked across every store (%s)', (kind) => {
  let t: TestApp;
  let q1: EnrolledDevice;
  let q3: EnrolledDevice;
  let receipt = 0;

  beforeAll(async () => {
    t = await startTestApp(kind, 'returns');
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
    q1 = await enroll(t.app, 'Q1AA-BBCC-DDEE');
    q3 = await enroll(t.app, 'Q3AA-BBCC-DDEE');
    await publishOrderSigningKey(t.app);
  });
  afterAll(async () => t?.close());

  function context(device: EnrolledDevice) {
    receipt += 1;
    return { id: uuidv7(), storeId: device.storeId, deviceId: device.deviceId, number: `${device.storeId}-R${String(receipt).padStart(5, '0')}`, createdAt: new Date().toISOString(), staffId: `${device.storeId}-cashier`, currency: 'VND' };
  }

  function cartOf(products: Array<[CartProduct, number]>, customerId?: string): Cart {
    let cart = emptyCart();
    for (const [product, pieces] of products) {
      const rung = ringUpLine(cart, product, { qty: pieces * 1000 });
      if (!rung.ok) throw new Error(rung.detail);
      cart = rung.cart;
    }
    return customerId === undefined ? cart : attachCustomer(cart, customerId);
  }

  async function sell(device: EnrolledDevice, products: Array<[CartProduct, number]>, tenders: Tender[], customerId?: string): Promise<SaleDocument> {
    const built = buildSaleDocument(cartOf(products, customerId), tenders, context(device), SALE_RULES);
    if (!built.ok) throw new Error(built.detail);
    expect((await push(t.app, device.token, 'sales', asNew([built.sale]))).statusCode).toBe(200);
    return built.sale;
  }

  function returnAt(device: EnrolledDevice, request: ReturnRequest, overrides: Record<string, unknown> = {}): SaleReturn {
    const built = buildSaleReturn(request, { ...context(device), ...overrides }, { policy });
    if (!built.ok) throw new Error(`${built.reason}: ${built.detail}`);
    return built.document;
  }

  async function pushed(device: EnrolledDevice, docs: readonly SaleDocument[]): Promise<void> {
    const response = await push(t.app, device.token, 'sales', asNew(docs));
    expect(response.statusCode, response.body).toBe(200);
  }

  async function balances(device: EnrolledDevice): Promise<Map<string, number>> {
    return new Map((await pullAll(t.app, device.token, 'balances')).map((b) => [b.id, b['value'] as number]));
  }

  async function incident(kindOf: string, documentId: string): Promise<Record<string, unknown> | undefined> {
    const row = await t.store.db.selectFrom('incidents').select('detail').where('kind', '=', kindOf).where('document_id', '=', documentId).executeTakeFirst();
    return row === undefined ? undefined : (JSON.parse(row.detail) as Record<string, unknown>);
  }

  const lines = (...wanted: Array<[number, number, 'resellable' | 'damaged']>): ReturnRequest['lines'] =>
    wanted.map(([originalLine, pieces, condition]) => ({ originalLine, qty: pieces * 1000, reason: 'khách đổi ý', condition }));

  it('three shirts bought in Quận 1: two come back there, two more in Quận 3 offline — one is within, one is an excess, flagged and worth nothing', async () => {
    const sale = await sell(q1, [[shirtM, 3]], [{ method: 'cash', amount: 375_000 }], 'cust-hoa');
    expect((await balances(q1)).get('points:store-q1:cust-hoa')).toBe(37);
    const atQ1 = returnAt(q1, { purchase: purchaseOfSale(sale), lines: lines([0, 2, 'resellable']), refund: { toOriginal: false, rest: { kind: 'store_credit' } } });
    await pushed(q1, [atQ1]);
    // Quận 3's tablet, offline, knew nothing of the first return: it takes two more back.
    const atQ3 = returnAt(q3, { purchase: purchaseOfSale(sale), lines: lines([0, 2, 'resellable']), refund: { toOriginal: false, rest: { kind: 'store_credit' } } });
    await pushed(q3, [atQ3]);

    expect((await balances(q1)).get('credit:store-q1:cust-hoa')).toBe(250_000);
    const atQ3Balances = await balances(q3);
    expect(atQ3Balances.get('credit:store-q3:cust-hoa')).toBe(125_000);
    // Both shelves got their shirts back: the excess shirt is there too, it happened.
    expect(atQ3Balances.get('stock:store-q3:p-shirt-m')).toBe(2000);
    // The 37 points earned are all taken back where they were earned, 24 then 13.
    expect((await balances(q1)).get('points:store-q1:cust-hoa')).toBe(0);
    expect(await incident('return-excess', atQ1.id)).toBeUndefined();
    expect(await incident('return-excess', atQ3.id)).toMatchObject({ number: atQ3.number, purchase: sale.id, purchaseNumber: sale.number, lines: [{ line: 0, originalLine: 0, returned: 2000, bought: 3000, returnedBefore: 2000, excess: 1000 }], valueBack: 125_000 });
    const excessRow = await t.store.db.selectFrom('incidents').select('store_id').where('kind', '=', 'return-excess').where('document_id', '=', atQ3.id).executeTakeFirstOrThrow();
    expect(excessRow.store_id).toBe('store-q3');
    expect(await incident('sale-mismatch', atQ3.id)).toMatchObject({ ledgerProblems: [expect.stringMatching(/250000 asked as store credit, 125000 given/)] });
    const rows = await t.store.db.selectFrom('sale_returns').select(['store_id', 'qty', 'within_qty']).where('original_id', '=', sale.id).orderBy('store_id').execute();
    expect(rows.map((r) => [r.store_id, Number(r.qty), Number(r.within_qty)])).toEqual([
      ['store-q1', 2000, 2000],
      ['store-q3', 2000, 1000],
    ]);
  });

  it('a refund to store credit moves the balance exactly once, however often and however concurrently it is pushed', async () => {
    const sale = await sell(q1, [[shirtM, 1]], [{ method: 'cash', amount: 125_000 }], 'cust-once');
    const back = returnAt(q1, { purchase: purchaseOfSale(sale), lines: lines([0, 1, 'resellable']), refund: { toOriginal: false, rest: { kind: 'store_credit' } } });
    const answers = await Promise.all(Array.from({ length: 6 }, () => push(t.app, q1.token, 'sales', asNew([back, back]))));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    await pushed(q1, [back]);
    expect((await balances(q1)).get('credit:store-q1:cust-once')).toBe(125_000);
    const entries = await t.store.db.selectFrom('ledger_entries').select(['id', 'delta']).where('source_id', '=', back.id).where('kind', '=', 'credit').execute();
    expect(entries.map((e) => Number(e.delta))).toEqual([125_000]);
    expect(await t.store.db.selectFrom('sale_returns').select('return_id').where('return_id', '=', back.id).execute()).toHaveLength(1);
  });

  it('points earned on returned goods are taken back; a customer who spent them goes below zero, recorded exactly and flagged', async () => {
    const sale = await sell(q1, [[shirtM, 4]], [{ method: 'cash', amount: 500_000 }], 'cust-lan');
    // She spends 40 of her 50 points on a coffee-priced shirt part (and earns 12 on the cash part).
    await sell(q1, [[shirtM, 1]], [{ method: 'points', amount: 4_000, points: 40 }, { method: 'cash', amount: 121_000 }], 'cust-lan');
    expect((await balances(q1)).get('points:store-q1:cust-lan')).toBe(22);
    const request: ReturnRequest = { purchase: purchaseOfSale(sale), lines: lines([0, 4, 'resellable']), refund: { toOriginal: true, rest: { kind: 'cash' } }, customerPoints: 22 };
    expect(buildSaleReturn(request, context(q1), { policy })).toMatchObject({ ok: false, reason: 'points-already-spent' });
    const back = returnAt(q1, { ...request, allowNegativePoints: true }, { approverId: 'store-q1-manager' });
    await pushed(q1, [back]);
    expect((await balances(q1)).get('points:store-q1:cust-lan')).toBe(-28);
    expect(await incident('balance-overdraft', 'points:store-q1:cust-lan')).toMatchObject({ kind: 'points', before: 22, delta: -50, after: -28 });
  });

  it('an exchange in another store: size M back, size L out, the customer pays the 10,000 difference; stock moves both ways and nothing is flagged', async () => {
    const sale = await sell(q1, [[shirtM, 1]], [{ method: 'cash', amount: 125_000 }], 'cust-minh');
    const newShirt: CounterSaleLine = { productId: shirtL.id, sku: shirtL.sku, name: shirtL.name, qty: 1000, unitPrice: 135_000, discount: 0, taxRate: 800, total: 135_000, priceIncludesTax: true, unit: 'pcs' };
    const exchange = returnAt(q3, { purchase: purchaseOfSale(sale), lines: lines([0, 1, 'resellable']), newLines: [newShirt], payments: [{ method: 'cash', amount: 10_000 }], refund: { toOriginal: true, rest: { kind: 'cash' } } });
    expect(exchange).toMatchObject({ reason: 'exchange', totals: { total: 10_000 }, tenders: [{ method: 'cash', amount: 10_000 }] });
    const before = await balances(q3);
    await pushed(q3, [exchange]);
    const after = await balances(q3);
    expect((after.get('stock:store-q3:p-shirt-m') ?? 0) - (before.get('stock:store-q3:p-shirt-m') ?? 0)).toBe(1000);
    expect((after.get('stock:store-q3:p-shirt-l') ?? 0) - (before.get('stock:store-q3:p-shirt-l') ?? 0)).toBe(-1000);
    // The M's 12 points go back in Quận 1 where they were earned; the L earns 13 in Quận 3.
    expect((await balances(q1)).get('points:store-q1:cust-minh')).toBe(0);
    expect(after.get('points:store-q3:cust-minh')).toBe(13);
    for (const flag of ['sale-mismatch', 'return-excess', 'return-rules', 'unproven-approval']) expect(await incident(flag, exchange.id), flag).toBeUndefined();

    // And back again: L for M, the 10,000 to store credit.
    const newM: CounterSaleLine = { ...newShirt, productId: shirtM.id, sku: shirtM.sku, name: shirtM.name, unitPrice: 125_000, total: 125_000 };
    const swapBack = returnAt(q3, { purchase: purchaseOfSale(exchange), lines: [{ originalLine: 1, qty: 1000, reason: 'đổi lại', condition: 'resellable' }], newLines: [newM], refund: { toOriginal: false, rest: { kind: 'store_credit' } } });
    expect(swapBack.tenders).toEqual([{ method: 'store_credit', amount: -10_000 }]);
    await pushed(q3, [swapBack]);
    expect((await balances(q3)).get('credit:store-q3:cust-minh')).toBe(10_000);
    expect(await incident('sale-mismatch', swapBack.id)).toBeUndefined();
  });

  it('an exchange and the return of its new item, synced in one push, count against each other', async () => {
    const sale = await sell(q1, [[shirtM, 1]], [{ method: 'cash', amount: 125_000 }], 'cust-same-push');
    const newShirt: CounterSaleLine = { productId: shirtL.id, sku: shirtL.sku, name: shirtL.name, qty: 1000, unitPrice: 135_000, discount: 0, taxRate: 800, total: 135_000, priceIncludesTax: true, unit: 'pcs' };
    const exchange = returnAt(q1, { purchase: purchaseOfSale(sale), lines: lines([0, 1, 'resellable']), newLines: [newShirt], payments: [{ method: 'cash', amount: 10_000 }], refund: { toOriginal: true, rest: { kind: 'cash' } } });
    const giveUp = returnAt(q1, { purchase: purchaseOfSale(exchange), lines: [{ originalLine: 1, qty: 1000, reason: 'không thích', condition: 'resellable' }], refund: { toOriginal: false, rest: { kind: 'store_credit' } } });
    await pushed(q1, [exchange, giveUp]);
    expect((await balances(q1)).get('credit:store-q1:cust-same-push')).toBe(135_000);
    expect(await incident('sale-mismatch', giveUp.id)).toBeUndefined();
    expect(await incident('return-excess', giveUp.id)).toBeUndefined();
  });

  it("an online order returned in another store from its packing slip's QR, one line resellable and one damaged, refunded as store credit; once", async () => {
    const order = shirtAndMilkOrder('store-q1', 'picked_up');
    await writeOnlineOrders(t.store, t.app.documents, [order]);
    const slip = (await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}/packing-slip`, headers: bearer(q1.token) })).json<{ qr: string }>();
    // Quận 3's tablet reads the QR offline with the key its config carries.
    const [config] = await pullAll(t.app, q3.token, 'config');
    const checked = await verifyPackingSlip(slip.qr, slipKeyOfConfig(config as { store?: Record<string, unknown> }));
    if (!checked.ok) throw new Error(checked.detail);
    const purchase: Purchase = purchaseOfOrder({ ...checked.summary, id: checked.summary.orderId });
    const request: ReturnRequest = { purchase, customerId: 'cust-ha', lines: lines([0, 1, 'resellable'], [1, 2, 'damaged']), refund: { toOriginal: true, rest: { kind: 'store_credit' } } };
    const back = returnAt(q3, request);
    expect(back).toMatchObject({ orderId: order.id, originalNumber: '#1042', tenders: [{ method: 'store_credit', amount: -189_000 }] });
    const before = await balances(q3);
    await pushed(q3, [back, back]);
    await pushed(q3, [back]);
    const after = await balances(q3);
    expect(after.get('credit:store-q3:cust-ha')).toBe(189_000);
    expect((after.get('stock:store-q3:p-shirt-m') ?? 0) - (before.get('stock:store-q3:p-shirt-m') ?? 0)).toBe(1000);
    // The milk came back and was written off: the shelf is as it was.
    expect((after.get('stock:store-q3:p-milk') ?? 0) - (before.get('stock:store-q3:p-milk') ?? 0)).toBe(0);
    const milk = await t.store.db.selectFrom('ledger_entries').select(['reason', 'delta']).where('source_id', '=', back.id).where('ref_id', '=', 'p-milk').orderBy('reason').execute();
    expect(milk.map((e) => [e.reason, Number(e.delta)])).toEqual([
      ['damaged', -2000],
      ['return', 2000],
    ]);
    // The same slip again, at Quận 1: nothing is left of the order to return.
    const again = returnAt(q1, request);
    await pushed(q1, [again]);
    expect((await balances(q1)).get('credit:store-q1:cust-ha')).toBeUndefined();
    expect(await incident('return-excess', again.id)).toMatchObject({ purchase: order.id, lines: [expect.objectContaining({ excess: 1000 }), expect.objectContaining({ excess: 2000 })] });
  });

  it('without a receipt: no holder named is refused like a forged cancellation; named without proof is kept, flagged and moves no money; a proven manager moves it', async () => {
    const item = { productId: 'p-shirt-m', sku: 'AT-M', name: 'Áo thun size M', unitPrice: 125_000, taxRate: 800, priceIncludesTax: true, unit: 'pcs' as const, qty: 1000, reason: 'không hóa đơn', condition: 'resellable' as const };
    const request: ReturnRequest = { unreceiptedLines: [item], customerId: 'cust-nr', refund: { toOriginal: false, rest: { kind: 'store_credit' } } };
    const alone = returnAt(q1, request);
    expect(alone.approvalFor).toBe('return.without_receipt');
    const refused = await push(t.app, q1.token, 'sales', asNew([alone]));
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ message: string }>().message).toMatch(/return .* needs the permission "return.without_receipt"/);

    const unproven = returnAt(q1, request, { approverId: 'store-q1-manager' });
    await pushed(q1, [unproven]);
    expect(await incident('unproven-approval', unproven.id)).toMatchObject({ permission: 'return.without_receipt', problem: expect.stringMatching(/no approval proof/) });
    expect((await balances(q1)).get('credit:store-q1:cust-nr')).toBeUndefined();

    const proven = returnAt(q1, request, { approverId: 'store-q1-manager' });
    const [config] = await pullAll(t.app, q1.token, 'config');
    const manager = ((config?.['staff'] ?? []) as PulledStaff[]).find((s) => s.id === 'store-q1-manager');
    const hash = manager === undefined ? undefined : await checkPinOnTablet('999999', manager);
    if (hash === undefined) throw new Error("the manager's PIN did not pass the tablet's check");
    const subject = { storeId: q1.storeId, deviceId: q1.deviceId, collection: 'sales', documentId: proven.id, permission: 'return.without_receipt', by: 'store-q1-manager' };
    await pushed(q1, [{ ...proven, approvalProof: { by: 'store-q1-manager', mac: await approvalMac(await approvalKeyOf(hash), subject) } }]);
    expect(await incident('unproven-approval', proven.id)).toBeUndefined();
    expect((await balances(q1)).get('credit:store-q1:cust-nr')).toBe(125_000);
  });

  it('a cancellation after a partial return gives back only the rest; a return after a cancellation is all excess', async () => {
    const card = 'GC-RET-1';
    const sale = await sell(q1, [[shirtM, 2]], [{ method: 'gift_card', amount: 250_000, giftCardId: card }]);
    const key = `giftcard:store-q1:${card}`;
    expect((await balances(q1)).get(key)).toBe(-250_000);
    const back = returnAt(q1, { purchase: purchaseOfSale(sale), lines: lines([0, 1, 'resellable']), refund: { toOriginal: true, rest: { kind: 'cash' } } });
    expect(back.tenders).toEqual([{ method: 'gift_card', amount: -125_000, reference: card }]);
    await pushed(q1, [back]);
    expect((await balances(q1)).get(key)).toBe(-125_000);
    // Another tablet that never saw the return cancels the whole sale, refunding 250,000 to the card.
    const cancel = buildSaleReversal(sale, { id: uuidv7(), deviceId: q1.deviceId, number: 'Q1-V-1', createdAt: new Date().toISOString(), staffId: 'store-q1-manager', approverId: 'store-q1-supervisor' });
    if (!cancel.ok) throw new Error(cancel.detail);
    await pushed(q1, [cancel.reversal]);
    expect((await balances(q1)).get(key)).toBe(0);
    expect(await incident('sale-mismatch', cancel.reversal.id)).toMatchObject({ ledgerProblems: expect.arrayContaining([expect.stringMatching(/125000 of it went back with a return/)]) });
    const late = returnAt(q1, { purchase: purchaseOfSale(sale), lines: lines([0, 1, 'resellable']), refund: { toOriginal: true, rest: { kind: 'cash' } } });
    await pushed(q1, [late]);
    expect((await balances(q1)).get(key)).toBe(0);
    expect(await incident('return-excess', late.id)).toMatchObject({ lines: [expect.objectContaining({ returnedBefore: 2000, excess: 1000 })] });
  });

  it('a return naming a purchase the server does not know is kept, moves no money and says so', async () => {
    const ghost = buildSaleDocument(cartOf([[shirtM, 1]], 'cust-ghost'), [{ method: 'cash', amount: 125_000 }], context(q1), SALE_RULES);
    if (!ghost.ok) throw new Error(ghost.detail);
    const back = returnAt(q1, { purchase: purchaseOfSale(ghost.sale), lines: lines([0, 1, 'resellable']), refund: { toOriginal: false, rest: { kind: 'store_credit' } } });
    await pushed(q1, [back]);
    expect((await balances(q1)).get('credit:store-q1:cust-ghost')).toBeUndefined();
    expect(await incident('sale-mismatch', back.id)).toMatchObject({ ledgerProblems: [expect.stringMatching(/not known to the server/), expect.any(String)] });
    expect((await pullAll(t.app, q1.token, 'sales')).some((d) => d.id === back.id)).toBe(true);
  });

  it("GET /purchases finds another store's sale by its receipt number, without its gift cards' numbers, with the returns made of it anywhere", async () => {
    const sale = await sell(q1, [[shirtM, 2]], [{ method: 'gift_card', amount: 250_000, giftCardId: 'GC-SECRET-77' }], 'cust-look');
    const back = returnAt(q1, { purchase: purchaseOfSale(sale), lines: lines([0, 1, 'resellable']), refund: { toOriginal: false, rest: { kind: 'store_credit' } } });
    await pushed(q1, [back]);
    const lookup = (device: EnrolledDevice, query: string) => t.app.inject({ method: 'GET', url: `/api/v1/purchases?${query}`, headers: bearer(device.token) });
    const here = (await lookup(q1, `number=${encodeURIComponent(sale.number)}`)).json<{ purchases: Array<{ source: string; sale: SaleDocument; returns: SaleDocument[] }> }>();
    expect(here.purchases).toHaveLength(1);
    expect(here.purchases[0]?.sale.tenders[0]).toEqual({ method: 'gift_card', amount: 250_000, reference: 'GC-SECRET-77' });
    const there = await lookup(q3, `number=${encodeURIComponent(sale.number)}`);
    expect(there.statusCode).toBe(200);
    expect(there.body).not.toContain('GC-SECRET-77');
    const found = there.json<{ purchases: Array<{ source: string; sale: SaleDocument; returns: SaleDocument[] }> }>().purchases[0];
    expect(found).toMatchObject({ source: 'sale', sale: { id: sale.id, customerId: 'cust-look' }, returns: [{ id: back.id }] });
    // Quận 3's tablet returns the other shirt from what it was told: it cannot know the card, so store credit.
    const purchase = purchaseOfSale(found!.sale);
    const atQ3 = returnAt(q3, { purchase, earlierReturns: found!.returns, lines: lines([0, 1, 'resellable']), refund: { toOriginal: true, rest: { kind: 'store_credit' } } });
    expect(atQ3.tenders).toEqual([{ method: 'store_credit', amount: -125_000 }]);
    await pushed(q3, [atQ3]);
    expect((await balances(q3)).get('credit:store-q3:cust-look')).toBe(125_000);
    expect(await incident('return-excess', atQ3.id)).toBeUndefined();
    expect(buildSaleReturn({ purchase, earlierReturns: found!.returns, lines: lines([0, 2, 'resellable']), refund: { toOriginal: true, rest: { kind: 'cash' } } }, context(q3), { policy })).toMatchObject({ ok: false, reason: 'too-many' });

    const byId = (await lookup(q3, `id=${sale.id}`)).json<{ purchases: Array<{ sale: SaleDocument }> }>();
    expect(byId.purchases[0]?.sale.id).toBe(sale.id);
    expect((await lookup(q3, 'number=Q9-NOPE-000001')).statusCode).toBe(404);
    const both = await lookup(q3, `number=x&id=y`);
    expect(both.statusCode).toBe(400);
    expect(both.json<{ message: string }>().message).toMatch(/exactly one of number/);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/purchases?id=${sale.id}` })).statusCode).toBe(401);
  });

  it('GET /purchases finds an online order by its number, without its pickup code hash or phone', async () => {
    const at = new Date().toISOString();
    const order: OrderDocument = {
      id: uuidv7(),
      storeId: 'store-q1',
      number: '#2077',
      status: 'ready',
      customerName: 'Lê Văn Tám',
      customerPhone: '0903123456',
      pickupCodeHash: 'scrypt$secret-hash',
      currency: 'VND',
      lines: [{ productId: 'p-shirt-m', sku: 'AT-M', name: 'Áo thun size M', qty: 1000, unitPrice: 125_000, taxRate: 800, total: 125_000 }],
      total: 125_000,
      paid: true,
      events: [],
      placedAt: at,
      updatedAt: at,
    };
    await writeOnlineOrders(t.store, t.app.documents, [order]);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/purchases?number=%232077', headers: bearer(q3.token) });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('secret-hash');
    expect(response.body).not.toContain('0903123456');
    expect(response.json()).toMatchObject({ purchases: [{ source: 'order', order: { id: order.id, number: '#2077', paid: true }, returns: [] }] });
  });
});

describe.each(DATABASE_KINDS)('a database from before returns were counted (%s)', (kind) => {
  it('migrating (0011, 0012) counts every stored cancellation as taking back its whole sale and every customer sale towards their tier', async () => {
    const older = await createTestDatabase(kind, 'returns-migrate');
    const oldStore = await openStore(older.config());
    try {
      await migrateTo(oldStore, '0010_documents_by_time');
      await insertStoreRecord(oldStore.db, { id: 'store-old', name: 'Cũ', enrollmentCode: 'OLDD-OLDD-OLDD', createdAt: new Date().toISOString() });
      const sale = { id: 's-old', kind: 'sale', storeId: 'store-old', number: 'OLD-1', createdAt: '2025-01-02T03:04:05.000Z', customerId: 'cust-old', lines: [{ qty: 2000, total: 250_000 }], totals: { total: 250_000 } };
      const cancel = { id: 'v-old', kind: 'return', reason: 'void', originalSaleId: 's-old', storeId: 'store-old', number: 'OLD-2', createdAt: '2025-01-02T04:00:00.000Z', lines: [{ qty: -2000, total: -250_000 }], totals: { total: -250_000 } };
      await oldStore.db
        .insertInto('documents')
        .values([sale, cancel].map((body, index) => ({ collection: 'sales', id: body.id, store_id: 'store-old', seq: index + 1, deleted: kind === 'postgres' ? false : 0, body: JSON.stringify(body), updated_at: body.createdAt })))
        .execute();
      // Later migrations follow these two; what they add is their own tests' business.
      expect((await migrateToLatest(oldStore)).slice(0, 2)).toEqual(['0011_returns_and_customer_spend', '0012_purchases_by_number']);
      const rows = await oldStore.db.selectFrom('sale_returns').selectAll().execute();
      expect(rows.map((r) => [r.return_id, r.original_id, Number(r.original_line), Number(r.within_qty), Number(r.value)])).toEqual([['v-old', 's-old', 0, 2000, 250_000]]);
      const spend = await oldStore.db.selectFrom('customer_spend').selectAll().execute();
      expect(spend.map((r) => [r.sale_id, r.customer_id, Number(r.amount)])).toEqual([['s-old', 'cust-old', 250_000]]);
      expect((await new DocumentsRepository(oldStore).get('sales', 's-old'))?.seq).toBe(1);
    } finally {
      await oldStore.close();
      await older.dispose();
    }
  });
});
