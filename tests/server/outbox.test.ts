/*
 * Notices back to the shops, on both databases, against stand-ins of each platform's API (real HTTP servers
 * on 127.0.0.1): the counter marks a Shopify order ready and hands it over in two parts, and Shopify's stand-in
 * sees the fulfillment calls with the right lines; WooCommerce gets its order status; Haravan a signed
 * callback. A notice is made once however often its push is retried, keeps failing visibly, and goes out
 * once it can. And a server killed mid-delivery sends each notice again with the same id after its restart.
 */
import { createHmac } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs } from '../../sync-server/src/integrations/outbox-worker.ts';
import { DATABASE_KINDS, createTestDatabase } from './helpers/test-databases.test-helper.ts';
import type { TestDatabase } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { haravanOrder, platformJson, shopifyOrder, wooOrder } from './helpers/platform-payloads.test-helper.ts';
import { allNoticesDelivered, noticesAbout, orderCreatedHeaders, platformNoticesEnv, receivePlatformOrder } from './helpers/platform-notices.test-helper.ts';
import type { Platform } from './helpers/platform-notices.test-helper.ts';
import { eventually, startCallbackReceiver, startShopifyStandIn, startWooCommerceReceiver } from './helpers/platform-receivers.test-helper.ts';
import type { Receiver, ShopifyStandIn, WooCommerceStandIn } from './helpers/platform-receivers.test-helper.ts';
import { startServerProcess } from './helpers/server-process.test-helper.ts';
import { bearer, enroll, openShop, pull, push, signIn } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';
import { createStaticDir } from './helpers/test-static-dir.test-helper.ts';

const SHOPIFY_SECRET = 'shpss_outbox_0123456789abcdef0123';
const WOO_SECRET = 'woo-outbox-secret-0123456789abc';
const HARAVAN_SECRET = 'haravan-outbox-secret-0123456789';
const HARAVAN_NOTICE_SECRET = 'haravan-notice-secret-0123456789';

const SECRETS: Record<Platform, string> = { shopify: SHOPIFY_SECRET, woocommerce: WOO_SECRET, haravan: HARAVAN_SECRET };

function event(type: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: uuidv7(), type, at: new Date().toISOString(), ...extra };
}

describe('the backoff between attempts', () => {
  it('doubles from the configured first wait and stops growing at an hour', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(5000, n))).toEqual([5000, 10_000, 20_000, 40_000, 80_000]);
    expect(backoffMs(5000, 40)).toBe(3_600_000);
  });
});

describe.each(DATABASE_KINDS)('notices back to the shops (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  let shopify: ShopifyStandIn;
  let woo: WooCommerceStandIn;
  let haravan: Receiver;

  beforeAll(async () => {
    shopify = await startShopifyStandIn();
    woo = await startWooCommerceReceiver();
    haravan = await startCallbackReceiver();
    t = await startTestApp(kind, 'outbox', {
      env: { ...platformNoticesEnv({ shopify, woo, haravan }, SECRETS), POS_HARAVAN_NOTICE_SECRET: HARAVAN_NOTICE_SECRET },
    });
    await t.app.ready();
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    till = await enroll(t.app, 'Q1AA-BBCC-DDEE');
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([shopify?.close(), woo?.close(), haravan?.close()]);
  });

  const receive = (platform: Platform, body: string): Promise<string> => receivePlatformOrder(t.app, platform, SECRETS[platform], body);
  const pushEvents = async (orderId: string, events: Array<Record<string, unknown>>) => {
    const stored = (await pull(t.app, till.token, 'orders')).documents.find((d) => d.id === orderId)!;
    const known = stored['events'] as Array<Record<string, unknown>>;
    const answer = await push(t.app, till.token, 'orders', [{ assumedMasterState: stored, newDocumentState: { ...stored, events: [...known, ...events] } }]);
    expect(answer.statusCode, answer.body).toBe(200);
  };
  const notices = (orderId: string) => noticesAbout(t.store.db, orderId);
  const allDelivered = (orderId: string, count: number) => allNoticesDelivered(t.store.db, orderId, count);

  it('a Shopify pickup marked ready, then handed over one line short and the rest later: prepared for pickup, then two fulfillments', async () => {
    const sourceId = '820982911946150001';
    shopify.addOrder(sourceId, [
      { lineItemId: '866550311766439000', quantity: 2 },
      { lineItemId: '866550311766439001', quantity: 1 },
    ]);
    const orderId = await receive(
      'shopify',
      platformJson(
        shopifyOrder({
          id: sourceId,
          lines: [
            { sku: 'SUA-1L', name: 'Sữa tươi 1L', quantity: 2, price: '32000.00' },
            { sku: 'BANH-MI', name: 'Bánh mì', quantity: 1, price: '15000.00' },
          ],
          total: '79000.00',
        }),
      ),
    );
    await pushEvents(orderId, [event('marked_ready', { deviceId: till.deviceId }), event('handed_over', { deviceId: till.deviceId, lines: [{ line: 0, qty: 2000 }] })]);
    await eventually(allDelivered(orderId, 2), 'the ready and the first handover notices');
    expect(shopify.preparedForPickup).toHaveLength(1);
    expect(shopify.remaining(sourceId)).toEqual({ '866550311766439000': 0, '866550311766439001': 1 });

    await pushEvents(orderId, [event('handed_over', { deviceId: till.deviceId })]);
    await eventually(allDelivered(orderId, 3), 'the second handover notice');
    expect(shopify.remaining(sourceId)).toEqual({ '866550311766439000': 0, '866550311766439001': 0 });
    const rows = await notices(orderId);
    expect(rows.map((row) => row.kind)).toEqual(['ready-for-pickup', 'handed-over', 'handed-over']);
    const calls = shopify.requests.filter((r) => rows.some((row) => row.id === r.headers['idempotency-key']));
    // Each notice: the fulfillment orders read, then its mutation, both under the notice's id.
    expect(calls).toHaveLength(6);
    expect(new Set(calls.map((c) => c.headers['idempotency-key']))).toEqual(new Set(rows.map((row) => row.id)));
    expect(calls.every((c) => c.headers['x-shopify-access-token'] === 'shpat_test_token')).toBe(true);
    const creates = calls.filter((c) => String(c.json?.['query']).includes('fulfillmentCreate'));
    expect(creates.map((c) => (c.json?.['variables'] as { fulfillment: { lineItemsByFulfillmentOrder: Array<{ fulfillmentOrderLineItems: unknown[] }> } }).fulfillment.lineItemsByFulfillmentOrder[0]!.fulfillmentOrderLineItems)).toEqual([
      [{ id: expect.stringMatching(/^gid:\/\/shopify\/FulfillmentOrderLineItem\//), quantity: 2 }],
      [{ id: expect.stringMatching(/^gid:\/\/shopify\/FulfillmentOrderLineItem\//), quantity: 1 }],
    ]);
  });

  it('WooCommerce gets PUT /wp-json/wc/v3/orders/<id>: ready in its meta data, then completed, with the REST key', async () => {
    const orderId = await receive('woocommerce', platformJson(wooOrder({ id: 4711, pickupLocation: 'Cửa hàng Quận 1' })));
    await pushEvents(orderId, [event('marked_ready'), event('handed_over', { at: new Date(Date.now() + 1000).toISOString() })]);
    await eventually(allDelivered(orderId, 2), 'both WooCommerce notices');
    const puts = woo.requests.filter((r) => r.path === '/wp-json/wc/v3/orders/4711');
    expect(puts.map((r) => r.method)).toEqual(['PUT', 'PUT']);
    expect(puts[0]!.json).toEqual({
      meta_data: [
        { key: '_pos_pickup', value: 'ready' },
        { key: '_pos_notice_id', value: puts[0]!.headers['idempotency-key'] },
        { key: '_pos_pickup_code', value: expect.stringMatching(/^\d{6}$/) },
      ],
    });
    expect(puts[1]!.json).toMatchObject({ status: 'completed', meta_data: [{ key: '_pos_pickup', value: 'handed_over' }, expect.anything()] });
    expect(puts[0]!.headers['authorization']).toBe(`Basic ${Buffer.from('ck_0123456789abcdef:cs_fedcba9876543210').toString('base64')}`);
  });

  it('WooCommerce orders missed while the server was unreachable are pulled on demand, once however often pulled', async () => {
    const now = new Date().toISOString().slice(0, 19);
    woo.setOrders([
      wooOrder({ id: 8801, pickupLocation: 'Cửa hàng Quận 1', modified: now }),
      wooOrder({ id: 8802, shippingMethod: 'flat_rate', modified: now }),
      wooOrder({ id: 8803, total: '64000.50', modified: now }),
    ]);
    const manager = await signIn(t.app, till, 'store-q1-manager', '999999');
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/orders/catch-up/woocommerce', headers: bearer(manager) });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ orders: 3, kept: 2, refused: [{ orderId: '8803', problem: expect.stringMatching(/body\/total/) }] });
    await t.app.orderInbox.applyPending();
    const pulled = (await pull(t.app, till.token, 'orders')).documents.filter((d) => ['8801', '8802'].includes(String(d['sourceOrderId'])));
    expect(pulled.map((d) => [d['sourceOrderId'], d['fulfilment']]).sort()).toEqual([
      ['8801', 'pickup'],
      ['8802', 'delivery'],
    ]);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/orders/catch-up/woocommerce', headers: bearer(manager) });
    expect(again.json()).toMatchObject({ kept: 0 });
    const cashier = await signIn(t.app, till, 'store-q1-cashier', '1111');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/orders/catch-up/woocommerce', headers: bearer(cashier) })).statusCode).toBe(403);
  });

  it('Haravan gets a signed callback when the store cancels; a retried push makes no second notice', async () => {
    const orderId = await receive('haravan', platformJson(haravanOrder()));
    const cancel = event('cancelled_in_store', { staffId: 'store-q1-manager' });
    await pushEvents(orderId, [cancel]);
    await pushEvents(orderId, [cancel]);
    await eventually(allDelivered(orderId, 1), 'the cancellation notice');
    const callback = haravan.requests.find((r) => r.json?.['orderId'] === orderId)!;
    expect(callback.path).toBe('/pos/notices');
    expect(callback.json).toMatchObject({ kind: 'cancelled-in-store', source: 'haravan', eventId: cancel['id'], id: callback.headers['x-pos-notice-id'] });
    const timestamp = String(callback.headers['x-pos-timestamp']);
    expect(callback.headers['x-pos-signature']).toBe(`sha256=${createHmac('sha256', HARAVAN_NOTICE_SECRET).update(`${timestamp}.${callback.body}`).digest('hex')}`);
    expect(await notices(orderId)).toHaveLength(1);
  });

  it('a notice the receiver keeps refusing turns failing for the manager, is still retried, and goes out once the receiver takes it', async () => {
    const orderId = await receive('haravan', platformJson(haravanOrder()));
    haravan.failNext(6, 503);
    await pushEvents(orderId, [event('marked_ready')]);
    await eventually(async () => (await notices(orderId))[0]?.state === 'failing', 'the notice to turn failing');
    const manager = await signIn(t.app, till, 'store-q1-manager', '999999');
    const failing = await t.app.inject({ method: 'GET', url: '/api/v1/outbox?state=failing', headers: bearer(manager) });
    expect(failing.json().notices).toEqual([expect.objectContaining({ orderId, target: 'haravan', kind: 'ready-for-pickup', state: 'failing', lastStatus: 503 })]);
    const cashier = await signIn(t.app, till, 'store-q1-cashier', '1111');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/outbox?state=failing', headers: bearer(cashier) })).statusCode).toBe(403);

    await eventually(allDelivered(orderId, 1), 'the notice to go out after the receiver recovers');
    const [row] = await notices(orderId);
    expect(row!.attempts).toBe(7);
    const sent = haravan.requests.filter((r) => r.json?.['orderId'] === orderId);
    expect(new Set(sent.map((r) => r.headers['idempotency-key']))).toEqual(new Set([row!.id]));
    const incidents = await t.app.inject({ method: 'GET', url: '/api/v1/incidents?kind=outbox-failing', headers: bearer(manager) });
    expect(incidents.json().incidents.filter((i: { documentId: string }) => i.documentId === orderId)).toHaveLength(1);
  });
});

describe.each(DATABASE_KINDS)('a server killed mid-delivery (%s)', (kind) => {
  let database: TestDatabase;
  let receiver: Receiver;
  const dist = createStaticDir({ built: true });

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'outbox-kill');
    receiver = await startCallbackReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await database?.dispose();
    dist.dispose();
  });

  it('sends each notice again with the same id after the restart: the receiver sees every notice, and no other id', async () => {
    const env = {
      ...database.env,
      POS_STATIC_DIR: dist.root,
      POS_DEMO_PRODUCTS: '20',
      POS_ENROLLMENT_CODE: 'KILL-TEST-0001',
      POS_HARAVAN_WEBHOOK_SECRET: HARAVAN_SECRET,
      POS_HARAVAN_NOTICE_URL: `${receiver.url}/notices`,
      POS_OUTBOX_TIMEOUT_MS: '800',
      POS_OUTBOX_RETRY_MS: '100',
    };
    let server = await startServerProcess(env);
    try {
      const body = platformJson(haravanOrder());
      const delivered = await fetch(`${server.url}/api/v1/orders/webhooks/haravan`, { method: 'POST', headers: orderCreatedHeaders('haravan', HARAVAN_SECRET, body), body });
      expect(delivered.status).toBe(202);
      const { orderId } = (await delivered.json()) as { orderId: string };
      const enrolled = await fetch(`${server.url}/api/v1/devices/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ enrollmentCode: 'KILL-TEST-0001', deviceName: 'Quầy 1' }) });
      const till = (await enrolled.json()) as EnrolledDevice;
      let stored: Record<string, unknown> | undefined;
      await eventually(async () => {
        const page = (await (await fetch(`${server.url}/api/v1/sync/orders/pull?id=&seq=0&limit=1000`, { headers: bearer(till.token) })).json()) as { documents: Array<Record<string, unknown>> };
        stored = page.documents.find((d) => d['id'] === orderId);
        return stored !== undefined;
      }, 'the order on the tablet');

      receiver.hold();
      const at = Date.now();
      const events = [
        { id: uuidv7(), type: 'marked_ready', at: new Date(at).toISOString() },
        { id: uuidv7(), type: 'handed_over', at: new Date(at + 1000).toISOString(), lines: [{ line: 0, qty: 1000 }] },
        { id: uuidv7(), type: 'handed_over', at: new Date(at + 2000).toISOString() },
      ];
      const pushed = await fetch(`${server.url}/api/v1/sync/orders/push`, {
        method: 'POST',
        headers: { ...bearer(till.token), 'content-type': 'application/json' },
        body: JSON.stringify([{ assumedMasterState: stored, newDocumentState: { ...stored, events } }]),
      });
      expect(pushed.status).toBe(200);
      await eventually(() => receiver.requests.length >= 1, 'the first notice to be on its way');
      await server.kill();
      receiver.release();
      const sentBeforeKill = receiver.requests.map((r) => r.headers['idempotency-key']);

      server = await startServerProcess(env);
      await eventually(() => receiver.acknowledgedKeys().length >= 3 && new Set(receiver.acknowledgedKeys()).size === 3, 'every notice acknowledged after the restart', 30_000);
      const ids = receiver.requests.map((r) => String(r.headers['idempotency-key']));
      expect(new Set(ids).size).toBe(3);
      expect(ids).toEqual(expect.arrayContaining(sentBeforeKill.map(String)));
      const kinds = receiver.requests.filter((r, i) => ids.indexOf(String(r.headers['idempotency-key'])) === i).map((r) => [r.json?.['kind'], r.json?.['complete']]);
      expect(kinds).toEqual([
        ['ready-for-pickup', undefined],
        ['handed-over', false],
        ['handed-over', true],
      ]);
    } finally {
      await server.stop();
    }
  });
});
