/*
 * The customer learns the pickup code from the shop: when the counter marks a platform order ready, the
 * ready notice to Shopify, WooCommerce and Haravan carries the code the customer will show, the same code
 * whose hash the tablet checks offline; the code itself is stored nowhere (not in the outbox, not on the
 * order). A generic shop made its own code and gets none back. On both databases, against stand-ins.
 */
import { createHmac } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPickupCode } from '../../src/domain/pickup-code.ts';
import { loadPickupCodeKey, platformPickupCode } from '../../sync-server/src/auth/pickup-codes.ts';
import { signDelivery } from '../../sync-server/src/routes/orders-webhook.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { haravanOrder, platformJson, shopifyOrder, wooOrder } from './helpers/platform-payloads.test-helper.ts';
import { platformNoticesEnv, receivePlatformOrder } from './helpers/platform-notices.test-helper.ts';
import type { Platform } from './helpers/platform-notices.test-helper.ts';
import { eventually, startCallbackReceiver, startShopifyStandIn, startWooCommerceReceiver } from './helpers/platform-receivers.test-helper.ts';
import type { Receiver, ShopifyStandIn, WooCommerceStandIn } from './helpers/platform-receivers.test-helper.ts';
import { enroll, openShop, pull, push } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const SHOPIFY_SECRET = 'shpss_code_notice_0123456789abcdef';
const WOO_SECRET = 'woo-code-notice-secret-0123456789';
const HARAVAN_SECRET = 'haravan-code-notice-secret-01234';
const GENERIC_SECRET = 'generic-code-notice-secret-0123456789abcdef';

const SECRETS: Record<Platform, string> = { shopify: SHOPIFY_SECRET, woocommerce: WOO_SECRET, haravan: HARAVAN_SECRET };

describe.each(DATABASE_KINDS)('the pickup code in the ready notice (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  let shopify: ShopifyStandIn;
  let woo: WooCommerceStandIn;
  let haravan: Receiver;
  let generic: Receiver;

  beforeAll(async () => {
    [shopify, woo, haravan, generic] = await Promise.all([startShopifyStandIn(), startWooCommerceReceiver(), startCallbackReceiver(), startCallbackReceiver()]);
    t = await startTestApp(kind, 'code-notice', {
      env: { ...platformNoticesEnv({ shopify, woo, haravan }, SECRETS), POS_WEBHOOK_SECRET: GENERIC_SECRET, POS_GENERIC_NOTICE_URL: `${generic.url}/pos/notices` },
    });
    await t.app.ready();
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    till = await enroll(t.app, 'Q1AA-BBCC-DDEE');
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([shopify?.close(), woo?.close(), haravan?.close(), generic?.close()]);
  });

  const receive = async (platform: Platform, body: string): Promise<string> => {
    const orderId = await receivePlatformOrder(t.app, platform, SECRETS[platform], body);
    await t.app.pickupCodes.hashPending();
    return orderId;
  };
  const markReady = async (orderId: string): Promise<void> => {
    const stored = (await pull(t.app, till.token, 'orders')).documents.find((d) => d.id === orderId)!;
    const events = [...(stored['events'] as object[]), { id: uuidv7(), type: 'marked_ready', at: new Date().toISOString(), deviceId: till.deviceId }];
    const answer = await push(t.app, till.token, 'orders', [{ assumedMasterState: stored, newDocumentState: { ...stored, events } }]);
    expect(answer.statusCode, answer.body).toBe(200);
  };
  const readyNotice = async (orderId: string) => {
    await eventually(async () => (await t.store.db.selectFrom('outbox').select('state').where('order_id', '=', orderId).execute()).some((row) => row.state === 'delivered'), 'the ready notice');
    return t.store.db.selectFrom('outbox').selectAll().where('order_id', '=', orderId).executeTakeFirstOrThrow();
  };
  /** The code the customer shows, as the server makes it, checked against the hash the tablet holds. */
  const codeOf = async (orderId: string): Promise<string> => {
    const code = platformPickupCode(await loadPickupCodeKey(t.store.db), orderId);
    const order = (await pull(t.app, till.token, 'orders')).documents.find((d) => d.id === orderId)!;
    expect(await verifyPickupCode(String(order['pickupCodeHash']), code)).toBe(true);
    expect(JSON.stringify(order)).not.toContain(code);
    return code;
  };

  it('Shopify: the order metafield pos.pickup_code is set with the prepared-for-pickup mutation, in the same request', async () => {
    const sourceId = '820982911946159901';
    shopify.addOrder(sourceId, [{ lineItemId: '866550311766499000', quantity: 1 }]);
    const orderId = await receive('shopify', platformJson(shopifyOrder({ id: sourceId })));
    await markReady(orderId);
    const notice = await readyNotice(orderId);
    const code = await codeOf(orderId);
    expect(shopify.metafields.get(sourceId)).toEqual({ 'pos.pickup_code': code });
    const calls = shopify.requests.filter((r) => r.headers['idempotency-key'] === notice.id);
    expect(calls).toHaveLength(2);
    expect(notice.payload).not.toContain(code);
  });

  it('WooCommerce: the ready update carries _pos_pickup_code in its meta data', async () => {
    const orderId = await receive('woocommerce', platformJson(wooOrder({ id: 9901, pickupLocation: 'Cửa hàng Quận 1' })));
    await markReady(orderId);
    const notice = await readyNotice(orderId);
    const code = await codeOf(orderId);
    const put = woo.requests.find((r) => r.path === '/wp-json/wc/v3/orders/9901')!;
    expect(put.json).toEqual({ meta_data: [{ key: '_pos_pickup', value: 'ready' }, { key: '_pos_notice_id', value: notice.id }, { key: '_pos_pickup_code', value: code }] });
    expect(notice.payload).not.toContain(code);
  });

  it('Haravan: the signed callback carries pickupCode, inside what is signed', async () => {
    const orderId = await receive('haravan', platformJson(haravanOrder({ locationId: 'pickup-q1' })));
    await markReady(orderId);
    const notice = await readyNotice(orderId);
    const code = await codeOf(orderId);
    const callback = haravan.requests.find((r) => r.json?.['orderId'] === orderId)!;
    expect(callback.json).toMatchObject({ kind: 'ready-for-pickup', pickupCode: code, id: notice.id });
    const timestamp = String(callback.headers['x-pos-timestamp']);
    expect(callback.headers['x-pos-signature']).toBe(`sha256=${createHmac('sha256', HARAVAN_SECRET).update(`${timestamp}.${callback.body}`).digest('hex')}`);
    expect(notice.payload).not.toContain(code);
  });

  it('a generic shop, which made its own code, gets no code back', async () => {
    const order = {
      id: uuidv7(),
      storeId: 'store-q1',
      number: 'WEB-99001',
      status: 'pending',
      customerName: 'Phạm Thu Hà',
      customerPhone: '0901234567',
      pickupCode: '482913',
      currency: 'VND',
      lines: [{ productId: 'p-1', sku: 'SKU-p-1', name: 'Sữa tươi 1L', qty: 1000, unitPrice: 32_000, taxRate: 800, total: 32_000 }],
      total: 32_000,
      paid: true,
      placedAt: new Date().toISOString(),
    };
    const body = JSON.stringify(order);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const answer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders/webhook',
      headers: { 'content-type': 'application/json', 'x-pos-timestamp': timestamp, 'x-pos-signature': `sha256=${signDelivery(GENERIC_SECRET, timestamp, body)}` },
      payload: body,
    });
    expect(answer.statusCode, answer.body).toBeLessThan(300);
    await markReady(order.id);
    await readyNotice(order.id);
    const callback = generic.requests.find((r) => r.json?.['orderId'] === order.id)!;
    expect(callback.json).toMatchObject({ kind: 'ready-for-pickup', number: 'WEB-99001' });
    expect(callback.json).not.toHaveProperty('pickupCode');
  });
});
