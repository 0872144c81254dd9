// Online orders picked up at the store (issue 15), in real Chromium against the real server process: a
// signed Shopify delivery (X-Shopify-Hmac-Sha256 over the raw body) and a signed generic delivery (with the
// shop's own pickup code) reach the tablet's pickup screen; the server gives the Shopify order a code of its
// own and its salted hash follows the order to the tablet. The tablet then goes offline, prepares both by
// scanning each item (a wrong item refused, a missing one marked short), hands each over with its code (the
// Shopify one typed, a wrong code refused, the customer's QR taken), each with one line short, and the rest
// later by the customer's QR; then it sells one more item to the web order's customer at the counter. Back
// online, the server holds both orders handed over and the sale for that customer, the store's stock moved
// by what left, and the outbox delivered each notice once to stand-ins for Shopify's Admin API and the
// generic shop's callback (local Node HTTP servers, tests/server/helpers).
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { DEMO_PINS } from './support/pos-server.test-helper.ts';
import { readDeviceDocuments } from './support/device-storage.test-helper.ts';
import { pickupScreen } from './screens/pickup-screen.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { pickupQrText } from '../../src/domain/pickup-code.ts';
import { platformPickupCode, PICKUP_CODE_META_KEY } from '../../sync-server/src/auth/pickup-codes.ts';
import { demoId } from '../../sync-server/src/seed/catalog.ts';
import { staffScreen } from './screens/staff-screen.test-helper.ts';
import { signDelivery } from '../../sync-server/src/routes/orders-webhook.ts';
import { generateProduct } from '../../sync-server/src/seed/catalog.ts';
import { base64Hmac, platformJson, shopifyOrder } from '../server/helpers/platform-payloads.test-helper.ts';
import { eventually, startCallbackReceiver, startShopifyStandIn } from '../server/helpers/platform-receivers.test-helper.ts';
import type { Receiver, ShopifyStandIn } from '../server/helpers/platform-receivers.test-helper.ts';
import type { BalanceDocument, OrderDocument, ProductDocument, SaleDocument } from '../../src/data/schemas/types.ts';

const ENROLLMENT_CODE = 'E2E-PICKUP-01';
const SHOPIFY_SECRET = 'shpss_e2e_pickup_webhook_secret_0001';
const GENERIC_SECRET = 'e2e-pickup-generic-webhook-secret-000000001';
const NOW = new Date().toISOString();
const SHOPIFY_ORDER_ID = '820982911946157001';
const PICKUP_CODE = '583920';
// The web order's customer is one of the demo store's own (the seed's first).
const WEB_CUSTOMER_ID = demoId('customer', 0);

/**
 * The Shopify order's pickup code, as the shop would tell the customer: the server derives it from the
 * order's id with its installation key (auth/pickup-codes.ts), read here from the server's SQLite file.
 */
function shopifyPickupCode(dataDir: string, orderId: string): string {
  const database = new Database(join(dataDir, 'pos.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = database.prepare('select value from meta where key = ?').get(PICKUP_CODE_META_KEY) as { value: string } | undefined;
    if (row === undefined) throw new Error('the server has made no pickup-code key yet');
    return platformPickupCode(Buffer.from(JSON.parse(row.value) as string, 'base64'), orderId);
  } finally {
    database.close();
  }
}

// Packaged demo products (the server seeds the same first 40 with POS_DEMO_PRODUCTS=40).
const packaged = Array.from({ length: 40 }, (_, index) => generateProduct(index, NOW)).filter((product) => !product.weighed);
const [milk, rice, soap, noodles, coffee] = packaged as [ProductDocument, ProductDocument, ProductDocument, ProductDocument, ProductDocument];
const barcodeOf = (product: ProductDocument): string => product.barcodes[0] ?? '';

// The stand-ins start before the server, which is told their addresses.
const env: Record<string, string> = {
  POS_ENROLLMENT_CODE: ENROLLMENT_CODE,
  POS_DEMO_PRODUCTS: '40',
  POS_SHOPIFY_WEBHOOK_SECRET: SHOPIFY_SECRET,
  POS_WEBHOOK_SECRET: GENERIC_SECRET,
  POS_SHOPIFY_ACCESS_TOKEN: 'shpat_test_token',
  POS_OUTBOX_RETRY_MS: '200',
};
let shopify: ShopifyStandIn;
let callback: Receiver;
beforeAll(async () => {
  shopify = await startShopifyStandIn();
  callback = await startCallbackReceiver();
  env['POS_SHOPIFY_ADMIN_URL'] = shopify.url;
  env['POS_GENERIC_NOTICE_URL'] = callback.url;
});
afterAll(async () => {
  await Promise.all([shopify?.close(), callback?.close()]);
});

async function deliverShopifyOrder(url: string): Promise<string> {
  const body = platformJson(
    shopifyOrder({
      id: SHOPIFY_ORDER_ID,
      name: '#1042',
      lines: [
        { id: '866550311766439000', sku: milk.sku, name: milk.name, quantity: 2, price: `${milk.price}.00` },
        { id: '866550311766439001', sku: rice.sku, name: rice.name, quantity: 1, price: `${rice.price}.00` },
      ],
      total: `${2 * milk.price + rice.price}.00`,
    }),
  );
  const unsigned = await fetch(`${url}/api/v1/orders/webhooks/shopify`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create' }, body });
  expect(unsigned.status).toBe(401);
  const answer = await fetch(`${url}/api/v1/orders/webhooks/shopify`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': 'orders/create',
      'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
      'x-shopify-hmac-sha256': base64Hmac(SHOPIFY_SECRET, body),
    },
    body,
  });
  expect(answer.status, await answer.clone().text()).toBe(202);
  return ((await answer.json()) as { orderId: string }).orderId;
}

async function deliverGenericOrder(url: string, storeId: string): Promise<string> {
  const line = (product: ProductDocument, pieces: number) => ({ productId: product.id, sku: product.sku, name: product.name, qty: pieces * 1000, unitPrice: product.price, taxRate: 800, total: pieces * product.price });
  const lines = [line(noodles, 1), line(coffee, 3)];
  const body = JSON.stringify({
    id: 'e2e-web-2001',
    storeId,
    number: 'W2001',
    status: 'pending',
    customerId: WEB_CUSTOMER_ID,
    customerName: 'Trần Văn Bình',
    customerPhone: '0987654321',
    currency: 'VND',
    lines,
    total: lines.reduce((sum, each) => sum + each.total, 0),
    paid: true,
    placedAt: NOW,
    pickupCode: PICKUP_CODE,
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const answer = await fetch(`${url}/api/v1/orders/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pos-timestamp': timestamp, 'x-pos-signature': `sha256=${signDelivery(GENERIC_SECRET, timestamp, body)}` },
    body,
  });
  expect(answer.status, await answer.clone().text()).toBe(201);
  return ((await answer.json()) as { orderId: string }).orderId;
}

describe('online orders picked up at the store, offline', () => {
  const fixture = useServerAndBrowser({ env });

  it('a Shopify order and a coded web order reach the pickup screen, are prepared and handed over offline with their codes in two parts, the customer buys one more thing, and the server and the shops hear of it once', async () => {
    const server = fixture.server();
    const { context, page, problems, client, identity } = await enrolTablet(fixture.browser(), server, { code: ENROLLMENT_CODE, deviceName: 'Quầy nhận hàng' });
    const stockBefore = new Map((await client.pullAll<BalanceDocument>('balances')).filter((b) => b.kind === 'stock').map((b) => [b.refId, b.value]));

    await pickupScreen.open(page);
    await staffScreen.waitForSignInPanel(page);
    await staffScreen.signIn(page, 'cashier', DEMO_PINS.cashier);
    await page.getByTestId('staff-signed-out').waitFor({ state: 'detached', timeout: 20_000 });

    // The shops deliver; both orders stream to the tablet's pickup screen.
    shopify.addOrder(SHOPIFY_ORDER_ID, [
      { lineItemId: '866550311766439000', quantity: 2 },
      { lineItemId: '866550311766439001', quantity: 1 },
    ]);
    const shopifyId = await deliverShopifyOrder(server.url);
    const webId = await deliverGenericOrder(server.url, identity.storeId);
    await pickupScreen.waitForOrderIn(page, 'to-prepare', '#1042', 30_000);
    await pickupScreen.waitForOrderIn(page, 'to-prepare', 'W2001', 30_000);
    // The Shopify order's code is hashed after the order was written; its hash reaches the tablet before it goes offline.
    await eventually(async () => (await readDeviceDocuments<OrderDocument>(page, 'orders')).some((order) => order.id === shopifyId && order.pickupCodeHash !== undefined), 'the Shopify order\'s pickup code hash on the tablet', 60_000);
    const shopifyCode = shopifyPickupCode(server.dataDir, shopifyId);

    await context.setOffline(true);

    // The Shopify order: found by its number, prepared by scanning (a wrong item refused), ready.
    await pickupScreen.find(page, '#1042', '#1042');
    await pickupScreen.scan(page, barcodeOf(soap));
    await pickupScreen.waitForNotice(page, 'error', new RegExp(`Sai món: ${escape(soap.name)} không có trong đơn này`));
    expect(await pickupScreen.scannedCounts(page)).toEqual(['0', '0']);
    await pickupScreen.scanItem(page, barcodeOf(milk), [1, 0]);
    expect(await pickupScreen.isMarkReadyEnabled(page)).toBe(false);
    await pickupScreen.scanItem(page, barcodeOf(milk), [2, 0]);
    await pickupScreen.scan(page, barcodeOf(milk));
    await pickupScreen.waitForNotice(page, 'error', /đã đủ món này/);
    await pickupScreen.scanItem(page, barcodeOf(rice), [2, 1]);
    await pickupScreen.markReady(page, '#1042');
    // The customer tells the code the shop sent; the rice is handed over later.
    expect(await pickupScreen.isHandOverEnabled(page)).toBe(false);
    expect(await pickupScreen.checkCode(page, shopifyCode)).toBe(true);
    await pickupScreen.takeNow(page, { 1: 0 });
    await pickupScreen.handOver(page, '#1042', 'part');
    expect(await pickupScreen.linesLeft(page)).toEqual(['0', '1']);
    await pickupScreen.close(page);

    // The web order: the coffee is one short on the shelf.
    await pickupScreen.find(page, '0987 654 321', 'W2001');
    await pickupScreen.scan(page, barcodeOf(milk));
    await pickupScreen.waitForNotice(page, 'error', /Sai món/);
    await pickupScreen.scanItem(page, barcodeOf(noodles), [1, 0]);
    await pickupScreen.scanItem(page, barcodeOf(coffee), [1, 1]);
    await pickupScreen.scanItem(page, barcodeOf(coffee), [1, 2]);
    expect(await pickupScreen.isMarkReadyEnabled(page)).toBe(false);
    await pickupScreen.markShort(page, 1);
    await pickupScreen.markReady(page, 'W2001');
    // Its code: a wrong one refused, and nothing handed over without it; the customer's QR proves it.
    expect(await pickupScreen.isHandOverEnabled(page)).toBe(false);
    expect(await pickupScreen.checkCode(page, '111111')).toBe(false);
    await pickupScreen.waitForNotice(page, 'error', /không phải mã nhận hàng/);
    await pickupScreen.scan(page, PICKUP_CODE);
    await page.getByTestId('pickup-code-ok').waitFor({ timeout: 20_000 });
    await pickupScreen.handOver(page, 'W2001', 'part');
    expect(await pickupScreen.linesLeft(page)).toEqual(['0', '1']);
    await pickupScreen.close(page);
    // (the demo store has online orders of its own in the lists)
    await pickupScreen.waitForOrderIn(page, 'ready', '#1042');
    await pickupScreen.waitForOrderIn(page, 'ready', 'W2001');

    // Later, still offline: the last coffee came in, the customer shows the QR (order number and code); the rice is collected.
    await pickupScreen.scan(page, pickupQrText('W2001', PICKUP_CODE));
    await pickupScreen.waitForOpenOrder(page, 'W2001', 'ready');
    await page.getByTestId('pickup-code-ok').waitFor({ timeout: 20_000 });
    // A line marked short when prepared is offered as 0 to take: the cashier types the piece that came in.
    await pickupScreen.takeNow(page, { 1: 1 });
    await pickupScreen.handOver(page, 'W2001', 'full');
    await pickupScreen.close(page);
    await pickupScreen.scan(page, pickupQrText('#1042', shopifyCode));
    await pickupScreen.waitForOpenOrder(page, '#1042', 'ready');
    await page.getByTestId('pickup-code-ok').waitFor({ timeout: 20_000 });
    await pickupScreen.handOver(page, '#1042', 'full');
    await pickupScreen.close(page);
    await pickupScreen.waitForOrderIn(page, 'handed-today', '#1042');
    await pickupScreen.waitForOrderIn(page, 'handed-today', 'W2001');
    const onDevice = (await readDeviceDocuments<OrderDocument>(page, 'orders')).filter((order) => order.id === shopifyId || order.id === webId);
    expect(onDevice.map((order) => order.status)).toEqual(['picked_up', 'picked_up']);
    expect(await stockEntriesOnDevice(page)).toHaveLength(5);

    // The web order's customer buys one more thing: handed to the counter, sold as a normal sale, still offline.
    await pickupScreen.find(page, 'W2001', 'W2001');
    await page.getByTestId('pickup-sell-more').click();
    await counterScreen.waitUntilReady(page);
    await page.locator(`[data-testid="customer-attached"][data-customer-id="${WEB_CUSTOMER_ID}"]`).waitFor({ timeout: 20_000 });
    await counterScreen.scan(page, barcodeOf(soap));
    await counterScreen.waitForLineCount(page, 1);
    const upsell = await counterScreen.pay(page, { cash: soap.price });

    // Back online: the server holds both orders handed over, by this tablet and the signed-in cashier.
    await context.setOffline(false);
    let onServer: OrderDocument[] = [];
    await eventually(async () => {
      onServer = (await client.pullAll<OrderDocument>('orders')).filter((order) => order.id === shopifyId || order.id === webId);
      return onServer.length === 2 && onServer.every((order) => order.status === 'picked_up');
    }, 'both orders handed over on the server', 60_000);
    const cashierId = await staffScreen.signedInStaffId(page);
    for (const order of onServer) {
      const handovers = order.events.filter((event) => event.type === 'handed_over');
      expect(handovers).toHaveLength(2);
      expect(handovers.every((event) => event.deviceId === identity.deviceId && event.staffId === cashierId)).toBe(true);
      expect(order.events.filter((event) => event.type === 'marked_ready')).toHaveLength(1);
    }
    expect(onServer.find((order) => order.id === webId)?.events.find((event) => event.type === 'marked_ready')).toMatchObject({ short: [{ line: 1, qty: 1000 }] });

    // The upsell reached the server as a sale to the order's customer.
    await eventually(async () => (await client.pullAll<SaleDocument>('sales')).some((sale) => sale.number === upsell && sale.customerId === WEB_CUSTOMER_ID && sale.lines.some((line) => line.productId === soap.id)), 'the upsell sale for the web order\'s customer on the server', 60_000);

    // The store's stock moved by what left the store, once (the soap by the upsell).
    const moved = { [milk.id]: -2000, [rice.id]: -1000, [noodles.id]: -1000, [coffee.id]: -3000, [soap.id]: -1000 };
    await eventually(async () => {
      const now = new Map((await client.pullAll<BalanceDocument>('balances')).filter((b) => b.kind === 'stock').map((b) => [b.refId, b.value]));
      return Object.entries(moved).every(([productId, delta]) => now.get(productId) === (stockBefore.get(productId) ?? 0) + delta);
    }, 'the store stock moved by the handovers', 30_000);

    // The notices, each delivered once: Shopify prepared the order for pickup, then two fulfillments.
    const mutations = () => shopify.requests.filter((r) => !String(r.json?.['query']).includes('PosOrderFulfillmentOrders'));
    await eventually(() => mutations().length >= 3 && callback.requests.length >= 3, 'the six notices delivered', 60_000);
    // Long enough for a retry of anything the worker did not consider delivered (POS_OUTBOX_RETRY_MS 200).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(shopify.preparedForPickup).toHaveLength(1);
    expect(shopify.remaining(SHOPIFY_ORDER_ID)).toEqual({ '866550311766439000': 0, '866550311766439001': 0 });
    const shopifyKeys = mutations().map((r) => r.headers['idempotency-key']);
    expect(shopifyKeys).toHaveLength(3);
    expect(new Set(shopifyKeys).size).toBe(3);
    const callbacks = callback.requests.map((r) => r.json as { id: string; kind: string; orderId: string; complete?: boolean });
    expect(callbacks.map(({ kind, orderId, complete }) => ({ kind, orderId, complete }))).toEqual([
      { kind: 'ready-for-pickup', orderId: webId, complete: undefined },
      { kind: 'handed-over', orderId: webId, complete: false },
      { kind: 'handed-over', orderId: webId, complete: true },
    ]);
    expect(new Set(callbacks.map((each) => each.id)).size).toBe(3);
    expect(callback.requests.every((r, index) => r.headers['idempotency-key'] === callbacks[index]?.id)).toBe(true);

    // The sync's requests refused while offline are the browser's own console lines; nothing else went wrong.
    expect(problems.filter((problem) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(problem))).toEqual([]);
    await context.close();
  });
});

async function stockEntriesOnDevice(page: Parameters<typeof readDeviceDocuments>[0]): Promise<Array<{ refId: string; delta: number }>> {
  return (await readDeviceDocuments<{ kind: string; reason?: string; refId: string; delta: number }>(page, 'ledger')).filter((entry) => entry.kind === 'stock' && entry.reason === 'pickup');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
