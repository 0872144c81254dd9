// A manager runs the shop from the back office of the same tablet (issue 14): with a customer's item already
// in the cart, she raises its price in Products (the line in the cart keeps the price it was rung up at; the
// next sale sells at the new one once the tablet has synced it), changes the receipt's footer in Store
// settings (the next receipt prints it) and deactivates a cashier in Staff (the cashier is no longer offered
// at sign-in, and the server refuses their PIN). Real server process, real Chromium, one PIN for the whole
// back office.
import { describe, expect, it } from 'vitest';
import type { ProductDocument, SaleDocument, StoreConfigDocument } from '../../src/data/schemas/types.ts';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { DEMO_PINS } from './support/pos-server.test-helper.ts';
import { readDeviceDocuments } from './support/device-storage.test-helper.ts';
import { backOfficeManageScreen } from './screens/back-office-manage-screen.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { staffScreen } from './screens/staff-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';

const ENROLLMENT_CODE = 'E2E-BACKOFFICE-01';
const FOOTER = ['Cảm ơn quý khách!', 'Đổi trả trong 30 ngày kèm hóa đơn'];

describe('a manager changes a price, the receipt footer and the staff from the back office', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: ENROLLMENT_CODE, POS_DEMO_PRODUCTS: '50' } });

  it('the cart keeps its price, the next sale takes the new one and prints the new footer; the deactivated cashier cannot sign in', async () => {
    const server = fixture.server();
    const { context, page, problems, client } = await enrolTablet(fixture.browser(), server, { code: ENROLLMENT_CODE, deviceName: 'Quầy 1' });
    await shellScreen.goToCounter(page);
    await syncStatus.waitForCatalogReady(page);
    const products = await client.pullAll<ProductDocument>('products');
    const item = products.find((p) => p.active && !p.weighed && p.unit === 'pcs' && p.barcodes.length > 0 && p.price > 0);
    if (item === undefined) throw new Error('the demo catalog has no packaged product with a barcode');
    const [config] = await client.pullAll<StoreConfigDocument>('config');
    const cashier = config?.staff.find((s) => s.role === 'cashier' && s.active);
    if (cashier === undefined) throw new Error('the demo store has no cashier');
    const newPrice = item.price + 1000;

    // A customer's item is rung up at today's price.
    await counterScreen.waitUntilReady(page);
    await counterScreen.signIn(page, { role: 'manager' });
    await counterScreen.scan(page, item.barcodes[0] ?? '');
    expect(await counterScreen.line(page, item.sku)).toEqual({ qty: 1000, total: item.price });

    // Products: found by SKU, its price raised.
    await backOfficeManageScreen.open(page, 'products');
    await backOfficeManageScreen.signInIfAsked(page, DEMO_PINS.manager);
    expect(await backOfficeManageScreen.findProducts(page, item.sku)).toContain(item.sku);
    expect(await backOfficeManageScreen.changePrice(page, item.sku, newPrice)).toContain(item.sku);

    // Store settings: a new footer. Staff: the cashier deactivated. The session opened above serves both.
    await backOfficeManageScreen.goTo(page, 'settings');
    await backOfficeManageScreen.setReceiptFooter(page, FOOTER);
    await backOfficeManageScreen.goTo(page, 'staff');
    await backOfficeManageScreen.deactivate(page, cashier.id);

    // Back at the counter: the line in the cart keeps the price it was rung up at.
    await shellScreen.goToCounter(page);
    await counterScreen.waitUntilReady(page);
    await backOfficeManageScreen.waitForCatalogPrice(page, item.id, newPrice);
    expect(await counterScreen.line(page, item.sku)).toEqual({ qty: 1000, total: item.price });
    const first = await counterScreen.pay(page, { cash: item.price });

    // The next sale sells at the new price (and its receipt will print with the new footer, once the config has come).
    await expect.poll(async () => (await readDeviceDocuments<StoreConfigDocument>(page, 'config'))[0]?.receipt?.['footer'], { timeout: 30_000 }).toEqual(FOOTER);
    await counterScreen.scan(page, item.barcodes[0] ?? '');
    expect(await counterScreen.line(page, item.sku)).toEqual({ qty: 1000, total: newPrice });
    const second = await counterScreen.pay(page, { cash: newPrice });
    const sales = await readDeviceDocuments<SaleDocument>(page, 'sales');
    expect(sales.find((s) => s.number === first)?.lines[0]).toMatchObject({ sku: item.sku, unitPrice: item.price });
    expect(sales.find((s) => s.number === second)?.lines[0]).toMatchObject({ sku: item.sku, unitPrice: newPrice });

    // Its receipt prints the new footer (the receipt on screen is the printed one).
    await page.getByTestId('nav-receipts').click();
    await page.getByTestId('receipt-preview-open').first().click();
    const paper = page.getByTestId('receipt-preview-paper');
    await paper.waitFor({ timeout: 20_000 });
    const printed = (await paper.textContent()) ?? '';
    expect(printed).toContain(second);
    for (const line of FOOTER) expect(printed).toContain(line);

    // The cashier is no longer offered at sign-in, and the server refuses their PIN.
    await staffScreen.signOut(page);
    await staffScreen.waitForSignInPanel(page, 20_000);
    expect(await staffScreen.signInPanel(page).locator(`[data-testid^="staff-choice-"][data-role="cashier"]`).count()).toBe(0);
    const refused = await fetch(`${server.url}/api/v1/staff/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.enrolment.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ staffId: cashier.id, pin: DEMO_PINS.cashier }),
    });
    expect(refused.status).toBe(401);

    expect(problems.filter((problem) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR/.test(problem))).toEqual([]);
    await context.close();
  }, 240_000);
});
