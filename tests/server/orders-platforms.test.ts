/*
 * Orders from Shopify, WooCommerce and Haravan reach the store they are for, on both databases: signed
 * deliveries kept before the answer and applied right after, every refused delivery storing nothing,
 * redeliveries and reordered updates changing nothing twice, a cancellation that meets a handover at the
 * counter flagged for the manager, unknown SKUs kept and reported, money read exactly or refused.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductDocument, StoreConfigDocument } from '../../src/data/schemas/types.ts';
import { verifyPickupCode } from '../../src/domain/pickup-code.ts';
import { loadPickupCodeKey, platformPickupCode } from '../../sync-server/src/auth/pickup-codes.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { base64Hmac, haravanOrder, platformJson, shopifyOrder, wooOrder } from './helpers/platform-payloads.test-helper.ts';
import { bearer, countAll, enroll, openShop, pull, push, serverWrites, signIn } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const SHOPIFY_SECRET = 'shpss_new_0123456789abcdef0123456789';
const SHOPIFY_OLD_SECRET = 'shpss_old_fedcba9876543210fedcba98';
const WOO_SECRET = 'woo-secret-7f3a9c1e5b2d8f4a6c0e';
const HARAVAN_SECRET = 'haravan-secret-4b8e2f6a1c9d3e7f';
const HARAVAN_VERIFY_TOKEN = 'haravan-verify-9d2c4e6f8a1b3c5d';

type Platform = 'shopify' | 'woocommerce' | 'haravan';
const HEADERS: Record<Platform, { signature: string; topic: string; delivery?: string }> = {
  shopify: { signature: 'x-shopify-hmac-sha256', topic: 'x-shopify-topic', delivery: 'x-shopify-webhook-id' },
  woocommerce: { signature: 'x-wc-webhook-signature', topic: 'x-wc-webhook-topic', delivery: 'x-wc-webhook-delivery-id' },
  haravan: { signature: 'x-haravan-hmacsha256', topic: 'x-haravan-topic' },
};
const SECRETS: Record<Platform, string> = { shopify: SHOPIFY_SECRET, woocommerce: WOO_SECRET, haravan: HARAVAN_SECRET };

function product(sku: string, name: string, barcodes: ProductDocument['barcodes'] = []): ProductDocument {
  return { id: uuidv7(), sku, name, searchName: name.toLowerCase(), barcodes, price: 32_000, taxClassId: 'vat8', unit: 'pcs', weighed: false, active: true, updatedAt: new Date().toISOString() };
}

describe.each(DATABASE_KINDS)('orders from the shop platforms (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  let milk: ProductDocument;
  let shirt: ProductDocument;
  let address = 0;

  beforeAll(async () => {
    t = await startTestApp(kind, 'orders-platforms', {
      env: {
        POS_SHOPIFY_WEBHOOK_SECRET: `${SHOPIFY_SECRET},${SHOPIFY_OLD_SECRET}`,
        POS_WOOCOMMERCE_WEBHOOK_SECRET: WOO_SECRET,
        POS_HARAVAN_WEBHOOK_SECRET: HARAVAN_SECRET,
        POS_HARAVAN_VERIFY_TOKEN: HARAVAN_VERIFY_TOKEN,
        POS_TRUST_PROXY: '127.0.0.1',
      },
    });
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
    milk = product('SUA-1L', 'Sữa tươi 1L', ['8934673123456']);
    shirt = product('AO-M', 'Áo thun M', ['8934673000017']);
    await serverWrites(t.store, [milk, shirt].map((p) => ({ collection: 'products' as const, id: p.id, storeId: null, body: p })));
    for (const [storeId, locations] of [
      ['store-q1', { shopify: ['Cửa hàng Quận 1'], woocommerce: ['Cửa hàng Quận 1'], haravan: ['764892'] }],
      ['store-q3', { shopify: ['Cửa hàng Quận 3', '655441491'], woocommerce: ['local_pickup:9'], haravan: ['764893'] }],
    ] as const) {
      const config = (await t.app.documents.get('config', storeId))!.body as StoreConfigDocument;
      await serverWrites(t.store, [{ collection: 'config', id: storeId, storeId, body: { ...config, store: { ...config.store, onlineLocations: locations } } }]);
    }
    till = await enroll(t.app, 'Q1AA-BBCC-DDEE');
  });
  afterAll(async () => t?.close());

  const deliver = (platform: Platform, body: string, options: { topic?: string; deliveryId?: string; secret?: string | null; signature?: string; contentType?: string } = {}) => {
    const h = HEADERS[platform];
    address += 1;
    const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json', 'x-forwarded-for': `10.7.${address % 250}.1`, [h.topic]: options.topic ?? (platform === 'woocommerce' ? 'order.created' : 'orders/create') };
    if (options.secret !== null) headers[h.signature] = options.signature ?? base64Hmac(options.secret ?? SECRETS[platform], body);
    if (h.delivery !== undefined) headers[h.delivery] = options.deliveryId ?? uuidv7();
    return t.app.inject({ method: 'POST', url: `/api/v1/orders/webhooks/${platform}`, headers, payload: body });
  };
  // Applies the kept deliveries, then hashes the pickup codes they owe (the pickup-code worker does it after
  // the inbox; done here so that no write of it lands in the middle of a test's counting).
  const applied = async () => {
    await t.app.orderInbox.applyPending();
    await t.app.pickupCodes.hashPending();
  };
  const order = async (id: string) => (await t.app.documents.get('orders', id))?.body;
  const inboxRows = async () => Number((await t.store.db.selectFrom('order_inbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('a signed Shopify order is kept, answered at once, and reaches the pickup store it names with its lines matched by SKU', async () => {
    const body = platformJson(shopifyOrder({ id: '820982911946154508', name: '#1042', lines: [{ sku: 'SUA-1L', name: 'Sữa tươi 1L', quantity: 2, price: '32000.00' }] }));
    const answer = await deliver('shopify', body);
    expect(answer.statusCode, answer.body).toBe(202);
    const { orderId } = answer.json<{ orderId: string; result: string }>();
    expect(answer.json()).toMatchObject({ result: 'accepted' });
    await applied();
    const stored = await order(orderId);
    expect(stored).toMatchObject({
      storeId: 'store-q1',
      source: 'shopify',
      sourceOrderId: '820982911946154508',
      number: '#1042',
      status: 'pending',
      fulfilment: 'pickup',
      paid: true,
      total: 64_000,
      customerName: 'Thu Hà',
      lines: [{ productId: milk.id, sku: 'SUA-1L', qty: 2000, unitPrice: 32_000, total: 64_000, taxRate: 800 }],
    });
    const pulled = (await pull(t.app, till.token, 'orders')).documents.find((d) => d.id === orderId);
    expect(pulled).toMatchObject({ number: '#1042', events: [] });
  });

  it('a redelivery with the same X-Shopify-Webhook-Id stores nothing, and one with a new id changes nothing', async () => {
    const body = platformJson(shopifyOrder());
    const first = await deliver('shopify', body, { deliveryId: 'b54557e4-8a5f-bf7d-70bc-d043a1b2c3d4' });
    await applied();
    const before = { ...(await countAll(t.store)), inbox: await inboxRows() };
    const again = await deliver('shopify', body, { deliveryId: 'b54557e4-8a5f-bf7d-70bc-d043a1b2c3d4' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ result: 'duplicate', orderId: first.json().orderId });
    expect({ ...(await countAll(t.store)), inbox: await inboxRows() }).toEqual(before);
    const resent = await deliver('shopify', body);
    expect(resent.statusCode).toBe(202);
    await applied();
    const { inbox: _inbox, ...documents } = before;
    expect(await countAll(t.store)).toEqual(documents);
  });

  it('bad, missing and old-rotated signatures: 401 and nothing stored for the first two; the previous secret still works while listed', async () => {
    const body = platformJson(shopifyOrder());
    const before = { ...(await countAll(t.store)), inbox: await inboxRows() };
    const refused = [
      await deliver('shopify', body, { secret: 'someone-else-0123456789abcdef' }),
      // Tampered: signed before the total was changed.
      await deliver('shopify', body.replace('"64000.00"', '"1.00"'), { signature: base64Hmac(SHOPIFY_SECRET, body) }),
      await deliver('shopify', body, { secret: null }),
      await deliver('shopify', body, { signature: 'not base64' }),
      await deliver('woocommerce', platformJson(wooOrder()), { secret: 'wrong-woo-secret-0123456789' }),
      await deliver('woocommerce', platformJson(wooOrder()), { secret: null }),
      await deliver('haravan', platformJson(haravanOrder()), { secret: SHOPIFY_SECRET }),
      await deliver('haravan', platformJson(haravanOrder()), { secret: null }),
    ];
    for (const answer of refused) {
      expect(answer.statusCode, answer.body).toBe(401);
      expect(answer.json().error).toBe('bad_signature');
    }
    expect(refused[2]!.json().message).toMatch(/X-Shopify-Hmac-Sha256 is missing/);
    expect(refused[7]!.json().message).toMatch(/X-Haravan-Hmacsha256 is missing/);
    expect({ ...(await countAll(t.store)), inbox: await inboxRows() }).toEqual(before);
    const old = await deliver('shopify', body, { secret: SHOPIFY_OLD_SECRET });
    expect(old.statusCode).toBe(202);
  });

  it("WooCommerce's activation ping gets a 200 and stores nothing; a pickup-location order goes to the store that lists it", async () => {
    const before = await inboxRows();
    const ping = await deliver('woocommerce', 'webhook_id=17', { secret: null, contentType: 'application/x-www-form-urlencoded' });
    expect(ping.statusCode).toBe(200);
    expect(await inboxRows()).toBe(before);
    const classic = await deliver('woocommerce', platformJson(wooOrder({ shippingMethod: 'local_pickup', lines: [{ sku: 'AO-M', name: 'Áo thun M', quantity: 1, price: '240000' }], total: '240000' })));
    expect(classic.statusCode, classic.body).toBe(202);
    const block = await deliver('woocommerce', platformJson(wooOrder({ pickupLocation: 'Cửa hàng Quận 1' })));
    await applied();
    // Classic local pickup instance 3 is listed by no store (it waits unrouted); Quận 1's pickup location name is.
    expect(await order(classic.json().orderId)).toBeUndefined();
    expect(await order(block.json().orderId)).toMatchObject({ storeId: 'store-q1', fulfilment: 'pickup', source: 'woocommerce', number: expect.stringMatching(/^#\d+$/) });
    const q3 = await deliver('woocommerce', platformJson(wooOrder({ shippingMethod: 'local_pickup' })).replace('"instance_id":"3"', '"instance_id":"9"'));
    await applied();
    expect(await order(q3.json().orderId)).toMatchObject({ storeId: 'store-q3' });
  });

  it('an order no store lists waits unrouted, written nowhere', async () => {
    const answer = await deliver('shopify', platformJson(shopifyOrder({ id: '820982911946159903', pickupPoint: 'Kho Bình Dương' })));
    await applied();
    expect(await order(answer.json().orderId)).toBeUndefined();
    const row = await t.store.db.selectFrom('order_inbox').select('state').where('source_order_id', '=', '820982911946159903').executeTakeFirstOrThrow();
    expect(row.state).toBe('unrouted');
  });

  it('an unknown SKU is kept as a named line, flagged and reported; a Haravan barcode finds its product', async () => {
    const answer = await deliver(
      'haravan',
      platformJson(
        haravanOrder({
          locationId: '764892',
          lines: [
            { sku: 'NOT-IN-CATALOG', name: 'Quà tặng', quantity: 1, price: '0.0000' },
            { sku: 'HRV-AO', name: 'Áo thun M', quantity: 2, price: '120000.0000', barcode: '8934673000017' },
          ],
          total: '240000.0000',
        }),
      ),
    );
    expect(answer.statusCode, answer.body).toBe(202);
    await applied();
    const stored = await order(answer.json().orderId);
    expect(stored?.lines).toEqual([
      expect.objectContaining({ productId: '', sku: 'NOT-IN-CATALOG', name: 'Quà tặng', unknownProduct: true }),
      expect.objectContaining({ productId: shirt.id, sku: 'HRV-AO', qty: 2000, unitPrice: 120_000 }),
    ]);
    expect(stored?.lines[1]).not.toHaveProperty('unknownProduct');
    const manager = await signIn(t.app, till, 'store-q1-manager', '999999');
    const incidents = await t.app.inject({ method: 'GET', url: '/api/v1/incidents?kind=order-unknown-product', headers: bearer(manager) });
    expect(incidents.json().incidents).toEqual([expect.objectContaining({ documentId: stored?.id, detail: expect.objectContaining({ lines: [{ sku: 'NOT-IN-CATALOG', name: 'Quà tặng' }] }) })]);
  });

  it('money is exact or refused: half a dong is a 400 naming the field, and nothing is stored', async () => {
    const before = { ...(await countAll(t.store)), inbox: await inboxRows() };
    const half = await deliver('shopify', platformJson(shopifyOrder({ lines: [{ sku: 'SUA-1L', name: 'Sữa', quantity: 1, price: '25000.50' }] })));
    expect(half.statusCode).toBe(400);
    expect(half.json()).toMatchObject({ error: 'invalid_order', message: expect.stringMatching(/line_items\/0\/.*"25000.50" has no fraction/) });
    const haravanHalf = await deliver('haravan', platformJson(haravanOrder({ total: '64000.5000' })));
    expect(haravanHalf.json().message).toMatch(/body\/total/);
    const currency = await deliver('woocommerce', platformJson(wooOrder({ currency: 'ZZZ' })));
    expect(currency.statusCode).toBe(400);
    const notJson = await deliver('shopify', '{"id": 1,');
    expect(notJson.statusCode).toBe(400);
    expect({ ...(await countAll(t.store)), inbox: await inboxRows() }).toEqual(before);
  });

  it('reordered updates: an older update arriving last changes nothing, and a cancellation applies once', async () => {
    const id = '820982911946159901';
    const created = await deliver('shopify', platformJson(shopifyOrder({ id, financialStatus: 'pending', updatedAt: '2026-05-04T10:05:00+07:00' })));
    const paid = platformJson(shopifyOrder({ id, financialStatus: 'paid', updatedAt: '2026-05-04T10:20:00+07:00' }));
    const olderUnpaid = platformJson(shopifyOrder({ id, financialStatus: 'pending', updatedAt: '2026-05-04T10:10:00+07:00' }));
    await deliver('shopify', paid, { topic: 'orders/paid' });
    await deliver('shopify', olderUnpaid, { topic: 'orders/updated' });
    await applied();
    const orderId = created.json().orderId as string;
    expect(await order(orderId)).toMatchObject({ paid: true, sourceUpdatedAt: '2026-05-04T03:20:00.000Z' });

    const cancel = platformJson(shopifyOrder({ id, financialStatus: 'paid', cancelledAt: '2026-05-04T11:00:00+07:00', updatedAt: '2026-05-04T11:00:00+07:00' }));
    await deliver('shopify', cancel, { topic: 'orders/cancelled' });
    await applied();
    const afterCancel = await t.app.documents.get('orders', orderId);
    expect(afterCancel?.body.status).toBe('cancelled');
    await deliver('shopify', cancel, { topic: 'orders/cancelled' });
    await deliver('shopify', paid, { topic: 'orders/updated' });
    await applied();
    const later = await t.app.documents.get('orders', orderId);
    expect(later?.seq).toBe(afterCancel?.seq);
  });

  it('a cancellation online after the counter marked the order ready and handed it over keeps it handed over, flagged for the manager', async () => {
    const answer = await deliver('shopify', platformJson(shopifyOrder({ id: '820982911946159902', updatedAt: '2026-05-04T10:05:00+07:00' })));
    await applied();
    const orderId = answer.json().orderId as string;
    const stored = (await pull(t.app, till.token, 'orders')).documents.find((d) => d.id === orderId)!;
    const at = new Date().toISOString();
    const events = [
      { id: uuidv7(), type: 'marked_ready', at, deviceId: till.deviceId },
      { id: uuidv7(), type: 'handed_over', at: new Date(Date.parse(at) + 1000).toISOString(), deviceId: till.deviceId, staffId: 'store-q1-cashier' },
    ];
    const pushed = await push(t.app, till.token, 'orders', [{ assumedMasterState: stored, newDocumentState: { ...stored, events } }]);
    expect(pushed.statusCode, pushed.body).toBe(200);
    expect((await order(orderId))?.status).toBe('picked_up');

    await deliver('shopify', platformJson(shopifyOrder({ id: '820982911946159902', cancelledAt: '2026-05-04T12:00:00+07:00', updatedAt: '2026-05-04T12:00:00+07:00' })), { topic: 'orders/cancelled' });
    await applied();
    expect(await order(orderId)).toMatchObject({ status: 'picked_up', flags: [{ code: 'handover-after-cancellation', eventId: events[1]!.id }] });
    const manager = await signIn(t.app, till, 'store-q1-manager', '999999');
    const flagged = await t.app.inject({ method: 'GET', url: '/api/v1/incidents?kind=order-flag', headers: bearer(manager) });
    expect(flagged.json().incidents.filter((i: { documentId: string }) => i.documentId === orderId)).toHaveLength(1);
  });

  it('a platform pickup order gets a pickup code after it was written (its salted, slow hash only), kept through updates; an order shipped from the store gets none', async () => {
    const pickup = await deliver('shopify', platformJson(shopifyOrder({ id: '820982911946177001', name: '#1077', updatedAt: '2026-05-04T10:05:00+07:00' })));
    const shipped = await deliver('shopify', platformJson(shopifyOrder({ id: '820982911946177002', name: '#1078', shippingAddress: true, pickupPoint: null })));
    await applied();
    const pickupId = pickup.json().orderId as string;
    const shippedId = shipped.json().orderId as string;
    const hash = (await order(pickupId))?.pickupCodeHash;
    expect(hash).toMatch(/^pbkdf2-sha256\$40000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    const code = platformPickupCode(await loadPickupCodeKey(t.store.db), pickupId);
    expect(code).toMatch(/^\d{6}$/);
    expect(await verifyPickupCode(hash!, code)).toBe(true);
    expect(await verifyPickupCode(hash!, String((Number(code) + 1) % 1_000_000).padStart(6, '0'))).toBe(false);
    expect((await order(shippedId))?.pickupCodeHash).toBeUndefined();
    // The tablet pulls the hash, never the code.
    const pulled = (await pull(t.app, till.token, 'orders')).documents.find((d) => d.id === pickupId);
    expect(pulled?.pickupCodeHash).toBe(hash);
    expect(JSON.stringify(pulled)).not.toContain(`"${code}"`);

    // An update from the shop keeps the code; a second pass hashes nothing again.
    await deliver('shopify', platformJson(shopifyOrder({ id: '820982911946177001', name: '#1077', financialStatus: 'pending', updatedAt: '2026-05-04T11:00:00+07:00' })), { topic: 'orders/updated' });
    await applied();
    expect(await order(pickupId)).toMatchObject({ paid: false, pickupCodeHash: hash });
    expect(await t.app.pickupCodes.hashPending()).toBe(0);
    expect((await order(pickupId))?.pickupCodeHash).toBe(hash);
  });

  it("Haravan's check of the callback URL: the challenge comes back as plain text for its Verify Token; a wrong or missing token, or no challenge, gets it not, and nothing is stored", async () => {
    const check = (query: string) => {
      address += 1;
      return t.app.inject({ method: 'GET', url: `/api/v1/orders/webhooks/haravan?${query}`, headers: { 'x-forwarded-for': `10.8.${address % 250}.1` } });
    };
    const before = await inboxRows();
    const ok = await check(`hub.mode=subscribe&hub.verify_token=${HARAVAN_VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    expect(ok.body).toBe('1158201444');
    const wrong = await check('hub.mode=subscribe&hub.verify_token=haravan-verify-not-this-one&hub.challenge=1158201444');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().message).toMatch(/POS_HARAVAN_VERIFY_TOKEN/);
    expect(wrong.body).not.toContain('1158201444');
    // The webhook's signing secret is not its verify token.
    expect((await check(`hub.mode=subscribe&hub.verify_token=${HARAVAN_SECRET}&hub.challenge=7`)).statusCode).toBe(401);
    const noToken = await check('hub.mode=subscribe&hub.challenge=1158201444');
    expect(noToken.statusCode).toBe(400);
    expect(noToken.json().message).toMatch(/hub\.verify_token is missing/);
    const noChallenge = await check(`hub.mode=subscribe&hub.verify_token=${HARAVAN_VERIFY_TOKEN}`);
    expect(noChallenge.statusCode).toBe(400);
    expect(noChallenge.json().message).toMatch(/hub\.challenge is missing/);
    expect((await check(`hub.mode=unsubscribe&hub.verify_token=${HARAVAN_VERIFY_TOKEN}&hub.challenge=1`)).statusCode).toBe(400);
    expect(await inboxRows()).toBe(before);
  });

  it('the hourly pruning deletes applied deliveries older than 30 days; pending, unrouted and failed ones stay, and a recent redelivery is still recognised', async () => {
    const now = new Date();
    const daysAgo = (days: number) => now.getTime() - days * 24 * 60 * 60_000;
    const kept: Array<{ id: string; state: string }> = [];
    for (const [days, state] of [[40, 'done'], [31, 'done'], [40, 'pending'], [40, 'unrouted'], [40, 'failed'], [29, 'done'], [0, 'done']] as const) {
      const id = uuidv7({ msecs: daysAgo(days) });
      await t.store.db
        .insertInto('order_inbox')
        .values({ id, source: 'shopify', delivery_id: `prune-${days}-${state}`, topic: 'orders/create', source_order_id: `prune-${days}`, body: '{}', state, outcome: null, received_at: new Date(daysAgo(days)).toISOString(), processed_at: state === 'pending' ? null : new Date(daysAgo(days)).toISOString() })
        .execute();
      kept.push({ id, state });
    }
    // The pending one is not a real order: keep it out of the inbox worker's way while this test runs.
    await t.store.db.updateTable('order_inbox').set({ state: 'held' }).where('id', '=', kept[2]!.id).execute();
    expect((await t.app.pruning.pruneOnce(now)).inbox).toBe(2);
    const left = new Set((await t.store.db.selectFrom('order_inbox').select('id').where('delivery_id', 'like', 'prune-%').execute()).map((row) => row.id));
    expect(kept.map((row) => left.has(row.id))).toEqual([false, false, true, true, true, true, true]);
    expect((await t.app.pruning.pruneOnce(now)).inbox).toBe(0);
    const again = await deliver('shopify', platformJson(shopifyOrder()), { deliveryId: 'prune-29-done' });
    expect(again.json()).toMatchObject({ result: 'duplicate' });
    await t.store.db.deleteFrom('order_inbox').where('delivery_id', 'like', 'prune-%').execute();
  });

  it('a route without its secret is off: 503, nothing stored', async () => {
    const off = await startTestApp(kind, 'orders-platforms-off');
    try {
      const answer = await off.app.inject({ method: 'POST', url: '/api/v1/orders/webhooks/shopify', headers: { 'content-type': 'application/json' }, payload: '{}' });
      expect(answer.statusCode).toBe(503);
      expect(answer.json().message).toMatch(/POS_SHOPIFY_WEBHOOK_SECRET/);
      const check = await off.app.inject({ method: 'GET', url: '/api/v1/orders/webhooks/haravan?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1' });
      expect(check.statusCode).toBe(503);
      expect(check.json().message).toMatch(/POS_HARAVAN_VERIFY_TOKEN/);
    } finally {
      await off.close();
    }
  });
});
