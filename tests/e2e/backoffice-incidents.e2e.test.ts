// A manager deals with an online order the shop sent with an item the store does not sell (issue 15), in real
// Chromium against the real server process: a signed Shopify order with an unknown SKU reaches the store; the
// manager opens "Sự cố" from the staff corner, types her PIN for the back office, reads the incident in plain
// Vietnamese (the order's number, the unknown line by SKU and name), finds it behind the online-order filter,
// marks it handled with a note, and it leaves the list; shown with the handled ones, it says she did it. The
// page does not scroll sideways at 1280x800 or in portrait at 800x1280.
import { describe, expect, it } from 'vitest';
import type { OrderDocument, ProductDocument, StoreConfigDocument } from '../../src/data/schemas/types.ts';
import { generateProduct } from '../../sync-server/src/seed/catalog.ts';
import { base64Hmac, platformJson, shopifyOrder } from '../server/helpers/platform-payloads.test-helper.ts';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { DEMO_PINS } from './support/pos-server.test-helper.ts';
import { readDeviceDocuments } from './support/device-storage.test-helper.ts';
import { backOfficeManageScreen } from './screens/back-office-manage-screen.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';

const ENROLLMENT_CODE = 'E2E-INCIDENTS-01';
const SHOPIFY_SECRET = 'shpss_e2e_incidents_secret_000000001';
const NOW = new Date().toISOString();
const [milk] = Array.from({ length: 40 }, (_, index) => generateProduct(index, NOW)).filter((product) => !product.weighed) as [ProductDocument];
const UNKNOWN = { sku: 'KHONG-CO-01', name: 'Bánh bông lan trứng muối' };
const WAIT = { timeout: 20_000 };

async function deliverOrderWithUnknownItem(url: string): Promise<void> {
  const body = platformJson(
    shopifyOrder({
      id: '820982911946159051',
      name: '#5051',
      lines: [
        { id: '866550311766489000', sku: milk.sku, name: milk.name, quantity: 1, price: `${milk.price}.00` },
        { id: '866550311766489001', sku: UNKNOWN.sku, name: UNKNOWN.name, quantity: 2, price: '45000.00' },
      ],
      total: `${milk.price + 90_000}.00`,
    }),
  );
  const answer = await fetch(`${url}/api/v1/orders/webhooks/shopify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-webhook-id': 'c0ffee00-5051-4b37-8a5f-bf7d70bcd043', 'x-shopify-hmac-sha256': base64Hmac(SHOPIFY_SECRET, body) },
    body,
  });
  expect(answer.status, await answer.clone().text()).toBe(202);
}

describe("a manager looks at the store's incidents in the back office", () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: ENROLLMENT_CODE, POS_DEMO_PRODUCTS: '40', POS_SHOPIFY_WEBHOOK_SECRET: SHOPIFY_SECRET } });

  it('an online order with an unknown item is read in plain words, marked handled with a note, and then shows who handled it', async () => {
    const server = fixture.server();
    const { context, page, problems, client } = await enrolTablet(fixture.browser(), server, { code: ENROLLMENT_CODE, deviceName: 'Quầy quản lý' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await shellScreen.goToCounter(page);
    await syncStatus.waitForCatalogReady(page);
    await counterScreen.waitUntilReady(page);
    await counterScreen.signIn(page, { role: 'manager' });
    const [config] = await client.pullAll<StoreConfigDocument>('config');
    const manager = config?.staff.find((member) => member.role === 'manager' && member.active);
    if (manager === undefined) throw new Error('the demo store has no manager');

    await deliverOrderWithUnknownItem(server.url);
    // The order (and the incident written with it) has been stored once the tablet has it.
    await expect.poll(async () => (await readDeviceDocuments<OrderDocument>(page, 'orders')).map((order) => order.number), { timeout: 30_000 }).toContain('#5051');

    await shellScreen.openHeaderMenu(page);
    await page.getByTestId('open-back-office-incidents').click();
    await page.locator('[data-testid="back-office-incidents"], [data-testid="back-office-sign-in"]').first().waitFor(WAIT);
    await backOfficeManageScreen.signInIfAsked(page, DEMO_PINS.manager);

    const card = page.locator('[data-testid="incident"][data-kind="order-unknown-product"]');
    await card.waitFor(WAIT);
    expect(await card.getByTestId('incident-kind').textContent()).toBe('Đơn online có hàng lạ');
    expect(await card.getByTestId('incident-document').textContent()).toBe('Đơn #5051');
    const detail = (await card.getByTestId('incident-detail').textContent()) ?? '';
    expect(detail).toContain(UNKNOWN.sku);
    expect(detail).toContain(UNKNOWN.name);
    expect(detail).toContain('shopify');

    await page.getByTestId('incidents-kind-order-unknown-product').click();
    await page.locator('[data-testid="incidents-kind-order-unknown-product"][aria-pressed="true"]').waitFor(WAIT);
    await card.waitFor(WAIT);
    const noScroll = () => page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) <= window.innerWidth);
    expect(await noScroll()).toBe(true);
    await page.setViewportSize({ width: 800, height: 1280 });
    expect(await noScroll()).toBe(true);

    await card.getByTestId('incident-mark').click();
    await card.getByTestId('incident-note').fill('Đã báo shop thêm SKU vào danh mục');
    await card.getByTestId('incident-mark-confirm').click();
    await page.getByTestId('incidents-notice').waitFor(WAIT);
    await page.getByTestId('incidents-none').waitFor(WAIT);

    await page.getByTestId('incidents-show-handled').check();
    const handled = page.locator('[data-testid="incident"][data-kind="order-unknown-product"][data-handled="true"]');
    await handled.waitFor(WAIT);
    const byWhom = (await handled.getByTestId('incident-handled').textContent()) ?? '';
    expect(byWhom).toContain(`Đã xử lý bởi ${manager.name} lúc`);
    expect(byWhom).toContain('Ghi chú: Đã báo shop thêm SKU vào danh mục');
    expect(await noScroll()).toBe(true);

    expect(problems).toEqual([]);
    await context.close();
  });
});
