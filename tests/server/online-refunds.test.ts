/*
 * A return of an order paid online, refunded online (issue 16), on both databases, against stand-ins of each
 * platform's refund API: the server derives the refund from the return it checked (a document claiming more
 * gets what the goods are worth), enqueues it in the outbox with the push that stores the return, and the
 * outbox delivers it once, retrying until the shop answers 2xx; a shop whose answer was lost is read first on
 * the retry and is not asked to refund twice. Amounts go out as the platform's decimal text, exactly.
 */
import { createHmac } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDocument, SaleDocument } from '../../src/data/schemas/types.ts';
import { returnPolicyOf } from '../../src/domain/return-policy.ts';
import { purchaseOfOrder } from '../../src/domain/returnable-purchase.ts';
import { buildSaleReturn } from '../../src/domain/sale-return.ts';
import type { SaleReturn } from '../../src/domain/sale-return.ts';
import { writeOnlineOrders } from '../../sync-server/src/integrations/online-orders.ts';
import { shirtAndMilkOrder } from './helpers/online-order.test-helper.ts';
import { allNoticesDelivered, noticesAbout } from './helpers/platform-notices.test-helper.ts';
import { eventually } from './helpers/platform-receivers.test-helper.ts';
import { startRefundStandIn } from './helpers/refund-stand-ins.test-helper.ts';
import type { RefundStandIn } from './helpers/refund-stand-ins.test-helper.ts';
import { asNew, bearer, enroll, openShop, push } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';

const GENERIC_NOTICE_SECRET = 'generic-notice-secret-0123456789abcdef';
const policy = returnPolicyOf(undefined);

describe.each(DATABASE_KINDS)('online refunds through the outbox (%s)', (kind) => {
  let t: TestApp;
  let q3: EnrolledDevice;
  let shopify: RefundStandIn;
  let woo: RefundStandIn;
  let generic: RefundStandIn;
  let receipt = 0;

  beforeAll(async () => {
    [shopify, woo, generic] = await Promise.all([startRefundStandIn('shopify'), startRefundStandIn('woocommerce'), startRefundStandIn('callback')]);
    t = await startTestApp(kind, 'online-refunds', {
      env: {
        POS_SHOPIFY_ADMIN_URL: shopify.url,
        POS_SHOPIFY_ACCESS_TOKEN: 'shpat_refund_token',
        POS_WOOCOMMERCE_URL: woo.url,
        POS_WOOCOMMERCE_CONSUMER_KEY: 'ck_0123456789abcdef',
        POS_WOOCOMMERCE_CONSUMER_SECRET: 'cs_fedcba9876543210',
        POS_GENERIC_NOTICE_URL: `${generic.url}/shop/refunds`,
        POS_GENERIC_NOTICE_SECRET: GENERIC_NOTICE_SECRET,
        POS_OUTBOX_RETRY_MS: '40',
        POS_OUTBOX_TIMEOUT_MS: '2000',
      },
    });
    await t.app.ready();
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
    q3 = await enroll(t.app, 'Q3AA-BBCC-DDEE');
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([shopify?.close(), woo?.close(), generic?.close()]);
  });

  async function placed(extra: Partial<OrderDocument>): Promise<OrderDocument> {
    const base = shirtAndMilkOrder('store-q1', 'picked_up');
    const order: OrderDocument = { ...base, ...extra, lines: (extra.lines ?? base.lines).map((line, index) => ({ ...line, ...(extra.source === undefined ? {} : { sourceLineId: `86655031176643900${index}` }) })) };
    await writeOnlineOrders(t.store, t.app.documents, [order]);
    return order;
  }

  function returnOf(order: OrderDocument, wanted: Array<[number, number]>): SaleReturn {
    receipt += 1;
    const built = buildSaleReturn(
      {
        purchase: purchaseOfOrder(order),
        lines: wanted.map(([originalLine, pieces]) => ({ originalLine, qty: pieces * 1000, reason: 'wrong-size', condition: 'resellable' })),
        refund: { toOriginal: false, rest: { kind: 'online' } },
      },
      { id: uuidv7(), storeId: q3.storeId, deviceId: q3.deviceId, number: `Q3-R${String(receipt).padStart(5, '0')}`, createdAt: new Date().toISOString(), staffId: 'store-q3-cashier', currency: order.currency },
      { policy },
    );
    if (!built.ok) throw new Error(`${built.reason}: ${built.detail}`);
    return built.document;
  }

  async function pushed(docs: readonly SaleDocument[]): Promise<void> {
    const answer = await push(t.app, q3.token, 'sales', asNew(docs));
    expect(answer.statusCode, answer.body).toBe(200);
  }

  const notices = (orderId: string) => noticesAbout(t.store.db, orderId);
  const delivered = (orderId: string, count: number) => allNoticesDelivered(t.store.db, orderId, count);

  it('Shopify: a shirt back from an order paid online is refunded once, for what it is worth, whatever the tablet claimed and however often it pushed', async () => {
    const order = await placed({ source: 'shopify', sourceOrderId: '450789469' });
    const honest = returnOf(order, [[0, 1]]);
    expect(honest.tenders).toEqual([{ method: 'online_refund', amount: -125_000, reference: '#1042' }]);
    // A tablet claiming far more than the shirt: the server asks Shopify for the shirt's price only.
    const greedy: SaleDocument = { ...honest, tenders: [{ method: 'online_refund', amount: -9_000_000, reference: '#1042' }] };
    await pushed([greedy, greedy]);
    await pushed([greedy]);
    await eventually(delivered(order.id, 1), 'the refund notice');
    const [notice] = await notices(order.id);
    expect(notice).toMatchObject({ kind: 'online-refund', target: 'shopify', store_id: 'store-q3' });
    const made = shopify.refunds.get('450789469') ?? [];
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      currency: 'VND',
      notify: true,
      refund_line_items: [{ line_item_id: 866550311766439000, quantity: 1, restock_type: 'no_restock' }],
      transactions: [{ parent_id: 389404469, amount: '125000', kind: 'refund', gateway: 'bogus' }],
    });
    const calls = shopify.requests.filter((r) => r.headers['idempotency-key'] === notice!.id);
    // Read first (a refund made for this notice already?), the payment to refund, then the refund: one notice id.
    expect(calls.map((c) => `${c.method} ${c.path.replace(/\/admin\/api\/[^/]+\//, '/admin/api/<version>/')}`)).toEqual([
      'GET /admin/api/<version>/orders/450789469/refunds.json',
      'GET /admin/api/<version>/orders/450789469/transactions.json',
      'POST /admin/api/<version>/orders/450789469/refunds.json',
    ]);
    expect(calls.every((c) => c.headers['x-shopify-access-token'] === 'shpat_refund_token')).toBe(true);
    // The returns desk reads what became of it.
    const status = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}/refunds`, headers: bearer(q3.token) });
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toEqual({ refunds: [expect.objectContaining({ id: notice!.id, returnNumber: honest.number, amount: 125_000, currency: 'VND', state: 'delivered' })] });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}/refunds` })).statusCode).toBe(401);
  });

  it('Shopify: a refund that failed is retried until it goes, and an answer lost after the refund was made does not refund twice', async () => {
    const order = await placed({ source: 'shopify', sourceOrderId: '450789470' });
    shopify.failNext(3, 503);
    await pushed([returnOf(order, [[1, 1]])]);
    await eventually(delivered(order.id, 1), 'the refund after three failures');
    const [first] = await notices(order.id);
    expect(Number(first!.attempts)).toBeGreaterThanOrEqual(2);
    expect(shopify.refunds.get('450789470')).toHaveLength(1);
    expect(shopify.refunds.get('450789470')![0]).toMatchObject({ transactions: [expect.objectContaining({ amount: '32000' })] });

    shopify.loseNextAnswer();
    await pushed([returnOf(order, [[1, 1]])]);
    await eventually(delivered(order.id, 2), 'the second refund, its first answer lost');
    const rows = await notices(order.id);
    expect(Number(rows[1]!.attempts)).toBe(2);
    // Two returns, two refunds; the lost answer's retry found its refund and made none.
    expect(shopify.refunds.get('450789470')).toHaveLength(2);
    expect(shopify.refunds.get('450789470')!.every((r) => String(r['note']).includes('[pos-refund '))).toBe(true);
  });

  it('WooCommerce: a refund in dollars goes out as "19.99" through the payment gateway, with the notice id in its meta data', async () => {
    const order = await placed({
      source: 'woocommerce',
      sourceOrderId: '727',
      currency: 'USD',
      lines: [{ productId: 'p-shirt-m', sku: 'AT-M', name: 'Shirt M', qty: 2000, unitPrice: 1999, taxRate: 0, total: 3998 }],
      total: 3998,
    });
    await pushed([returnOf(order, [[0, 1]])]);
    await eventually(delivered(order.id, 1), 'the WooCommerce refund');
    const [notice] = await notices(order.id);
    expect(woo.refunds.get('727')).toEqual([
      expect.objectContaining({ amount: '19.99', api_refund: true, api_restock: false, meta_data: [{ key: '_pos_notice_id', value: notice!.id }, expect.objectContaining({ key: '_pos_return' })] }),
    ]);
    const post = woo.requests.find((r) => r.method === 'POST' && r.headers['idempotency-key'] === notice!.id);
    expect(post?.headers['authorization']).toMatch(/^Basic /);
  });

  it('the generic shop gets a signed callback naming the order, the return and the amount in minor units and as text', async () => {
    const order = await placed({});
    const back = returnOf(order, [[0, 1], [1, 2]]);
    await pushed([back]);
    // An honest online refund is nothing for the manager to look at.
    expect(await t.store.db.selectFrom('incidents').select('kind').where('document_id', '=', back.id).execute()).toEqual([]);
    await eventually(delivered(order.id, 1), 'the generic refund callback');
    const [notice] = await notices(order.id);
    const call = generic.requests.find((r) => r.headers['idempotency-key'] === notice!.id)!;
    expect(call.path).toBe('/shop/refunds');
    const expected = createHmac('sha256', GENERIC_NOTICE_SECRET).update(`${String(call.headers['x-pos-timestamp'])}.${call.body}`, 'utf8').digest('hex');
    expect(call.headers['x-pos-signature']).toBe(`sha256=${expected}`);
    expect(call.json).toMatchObject({ id: notice!.id, kind: 'online-refund', orderId: order.id, number: '#1042', currency: 'VND', amount: 189_000, amountText: '189000', lines: [{ sku: 'AT-M', qty: 1000 }, { sku: 'SUA1L', qty: 2000 }] });
  });

  it('an order not paid online asks no shop for anything', async () => {
    const order = await placed({ source: 'shopify', sourceOrderId: '450789471', paid: false });
    const paidLooking = returnOf({ ...order, paid: true }, [[0, 1]]);
    await pushed([paidLooking]);
    expect(await notices(order.id)).toEqual([]);
  });
});
