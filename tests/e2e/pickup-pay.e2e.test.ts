// An online order not paid online, paid at the pickup counter (issue 15), in real Chromium against the real
// server process: a signed Shopify delivery with money due reaches the tablet's pickup screen with its
// customer (matched by phone) and its pickup code's hash. Offline, the cashier prepares it by scanning, sees
// the handover refused while money is due, takes the payment at the counter (the order's lines rung up at
// its prices for its customer, paid in cash), comes back to the pickup screen, which now shows the order
// paid at the counter, and hands it over with the code. Back online, the server holds the order paid at the
// counter and handed over exactly once, and the sale naming it (pickupOrderId) for the order's customer.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { platformPickupCode, PICKUP_CODE_META_KEY } from '../../sync-server/src/auth/pickup-codes.ts';
import { generateProduct } from '../../sync-server/src/seed/catalog.ts';
import { base64Hmac, platformJson, shopifyOrder } from '../server/helpers/platform-payloads.test-helper.ts';
import { eventually } from '../server/helpers/platform-receivers.test-helper.ts';
import type { OrderDocument, ProductDocument, SaleDocument } from '../../src/data/schemas/types.ts';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { DEMO_PINS } from './support/pos-server.test-helper.ts';
import { readDeviceDocuments } from './support/device-storage.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { pickupScreen } from './screens/pickup-screen.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { staffScreen } from './screens/staff-screen.test-helper.ts';

const ENROLLMENT_CODE = 'E2E-PICKUP-PAY-01';
const SHOPIFY_SECRET = 'shpss_e2e_pickup_pay_secret_00000001';
const SHOPIFY_ORDER_ID = '820982911946158801';
const NOW = new Date().toISOString();

const packaged = Array.from({ length: 40 }, (_, index) => generateProduct(index, NOW)).filter((product) => !product.weighed);
const [milk, rice] = packaged as [ProductDocument, ProductDocument];
const barcodeOf = (product: ProductDocument): string => product.barcodes[0] ?? '';
const TOTAL = 2 * milk.price + rice.price;

/** The order's pickup code as the shop tells the customer (derived from the order's id with the server's key). */
function pickupCodeOf(dataDir: string, orderId: string): string {
  const database = new Database(join(dataDir, 'pos.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = database.prepare('select value from meta where key = ?').get(PICKUP_CODE_META_KEY) as { value: string } | undefined;
    if (row === undefined) throw new Error('the server has made no pickup-code key yet');
    return platformPickupCode(Buffer.from(JSON.parse(row.value) as string, 'base64'), orderId);
  } finally {
    database.close();
  }
}

async function deliverUnpaidShopifyOrder(url: string): Promise<string> {
  const body = platformJson(
    shopifyOrder({
      id: SHOPIFY_ORDER_ID,
      name: '#2042',
      financialStatus: 'pending',
      customer: { first_name: 'Thu', last_name: 'Trang', phone: '+84 935 111 222' },
      lines: [
        { id: '866550311766488000', sku: milk.sku, name: milk.name, quantity: 2, price: `${milk.price}.00` },
        { id: '866550311766488001', sku: rice.sku, name: rice.name, quantity: 1, price: `${rice.price}.00` },
      ],
      total: `${TOTAL}.00`,
    }),
  );
  const answer = await fetch(`${url}/api/v1/orders/webhooks/shopify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-webhook-id': 'c0ffee00-2042-4b37-8a5f-bf7d70bcd043', 'x-shopify-hmac-sha256': base64Hmac(SHOPIFY_SECRET, body) },
    body,
  });
  expect(answer.status, await answer.clone().text()).toBe(202);
  return ((await answer.json()) as { orderId: string }).orderId;
}

const env: Record<string, string> = { POS_ENROLLMENT_CODE: ENROLLMENT_CODE, POS_DEMO_PRODUCTS: '40', POS_SHOPIFY_WEBHOOK_SECRET: SHOPIFY_SECRET };

describe('an online order paid at the pickup counter, offline', () => {
  const fixture = useServerAndBrowser({ env });

  it('a Shopify order with money due is prepared, paid at the counter in cash and handed over offline; online, the server shows it paid at the counter and handed over once, with the sale naming it', async () => {
    const server = fixture.server();
    const { context, page, problems, client } = await enrolTablet(fixture.browser(), server, { code: ENROLLMENT_CODE, deviceName: 'Quầy nhận hàng 2' });

    await pickupScreen.open(page);
    await staffScreen.waitForSignInPanel(page);
    await staffScreen.signIn(page, 'cashier', DEMO_PINS.cashier);
    await page.getByTestId('staff-signed-out').waitFor({ state: 'detached', timeout: 20_000 });

    const orderId = await deliverUnpaidShopifyOrder(server.url);
    await pickupScreen.waitForOrderIn(page, 'to-prepare', '#2042', 30_000);
    await eventually(async () => (await readDeviceDocuments<OrderDocument>(page, 'orders')).some((order) => order.id === orderId && order.pickupCodeHash !== undefined), 'the order\'s pickup code hash on the tablet', 60_000);
    const onTablet = (await readDeviceDocuments<OrderDocument>(page, 'orders')).find((order) => order.id === orderId)!;
    // The platform order came with its customer (matched or made by the phone), so the counter can sell to her.
    expect(onTablet).toMatchObject({ paid: false, total: TOTAL, customerId: expect.any(String) });
    const code = pickupCodeOf(server.dataDir, orderId);

    await shellScreen.waitUntilInstalledForOffline(page);
    await context.setOffline(true);

    // Prepared by scanning, marked ready; the handover waits for the money even with the code checked.
    await pickupScreen.find(page, '#2042', '#2042');
    await pickupScreen.scanItem(page, barcodeOf(milk), [1, 0]);
    await pickupScreen.scanItem(page, barcodeOf(milk), [2, 0]);
    await pickupScreen.scanItem(page, barcodeOf(rice), [2, 1]);
    await pickupScreen.markReady(page, '#2042');
    expect(await pickupScreen.checkCode(page, code)).toBe(true);
    expect(await pickupScreen.isHandOverEnabled(page)).toBe(false);
    expect(await pickupScreen.paymentLine(page)).toMatch(/cần thu tại quầy/);

    // The counter rings the order up at its prices for its customer; the customer pays cash.
    await pickupScreen.takePaymentAtCounter(page);
    await counterScreen.waitForLineCount(page, 2);
    await page.locator(`[data-testid="customer-attached"][data-customer-id="${onTablet.customerId}"]`).waitFor({ timeout: 20_000 });
    expect(await counterScreen.total(page)).toBe(TOTAL);
    const receipt = await counterScreen.pay(page, { cash: TOTAL });

    // Back at the pickup screen: paid at the counter, handed over with the code, still offline.
    await pickupScreen.open(page);
    await pickupScreen.find(page, '#2042', '#2042');
    expect(await pickupScreen.paymentLine(page)).toMatch(/đã thanh toán tại quầy/);
    if (!(await pickupScreen.isCodeChecked(page))) expect(await pickupScreen.checkCode(page, code)).toBe(true);
    await pickupScreen.handOver(page, '#2042', 'full');
    await pickupScreen.close(page);
    await pickupScreen.waitForOrderIn(page, 'handed-today', '#2042');

    // Online: the server marks the order paid at the counter from the sale, and holds one handover.
    await context.setOffline(false);
    let order: OrderDocument | undefined;
    await eventually(async () => {
      order = (await client.pullAll<OrderDocument>('orders')).find((each) => each.id === orderId);
      return order?.status === 'picked_up' && order.paid;
    }, 'the order paid and handed over on the server', 60_000);
    let sale: SaleDocument | undefined;
    await eventually(async () => {
      sale = (await client.pullAll<SaleDocument>('sales')).find((each) => each.number === receipt);
      return sale !== undefined;
    }, 'the counter sale on the server', 60_000);
    expect(sale).toMatchObject({ pickupOrderId: orderId, customerId: onTablet.customerId, totals: { total: TOTAL } });
    const events = order!.events;
    expect(events.filter((event) => event.type === 'paid_at_counter')).toEqual([expect.objectContaining({ saleId: sale!.id })]);
    expect(events.filter((event) => event.type === 'handed_over')).toHaveLength(1);
    expect(order!.flags ?? []).toEqual([]);
    // Pushed again by a second sync round, nothing doubles.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const again = (await client.pullAll<OrderDocument>('orders')).find((each) => each.id === orderId)!;
    expect(again.events.filter((event) => event.type === 'paid_at_counter' || event.type === 'handed_over')).toHaveLength(2);

    expect(problems.filter((problem) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(problem))).toEqual([]);
    await context.close();
  });
});
