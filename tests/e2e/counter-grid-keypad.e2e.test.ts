// Issue 13's counter as a cashier uses it with a finger, offline: a coffee from the store's quick keys, a
// packaged item scanned, a weighed one from the fruit tab with its weight typed, the cash tapped on the
// keypad; the customer display, opened from the till, shows each line, the total and the change. Real server
// process (the demo store of 2,000 products, whose quick keys are the counter's coffee and bread), real
// Chromium, the built app (index.html and display.html).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { productGrid } from './screens/product-grid.test-helper.ts';
import { waitForNameIndexBuilt } from './support/device-storage.test-helper.ts';
import type { ProductDocument } from '../../src/data/schemas/types.ts';

const CODE = 'E2E-GRID-KEYPAD-01';
const COFFEE_SKU = 'SP001901';
const FRUIT = 'Rau củ, trái cây';

async function displayTexts(display: Page, testId: string): Promise<string[]> {
  return display.getByTestId(testId).allTextContents();
}

function digits(text: string): number {
  return Number(text.replace(/\D/g, ''));
}

describe('ringing up from the grid and paying on the keypad', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: '2000' } });

  it('a coffee from the quick keys, a scanned item and a weighed item, the cash tapped on the keypad: the customer display follows', async () => {
    const { context, page, client } = await enrolTablet(fixture.browser(), fixture.server(), { code: CODE, deviceName: 'Quầy cà phê' });
    const products = (await client.pull<ProductDocument>('products', null, 50)).documents;
    const packaged = products.find((product) => !product.weighed && product.barcodes.length > 0 && product.price >= 5_000);
    if (packaged === undefined) throw new Error('the demo catalog has no packaged product among its first 50');

    await shellScreen.goToCounter(page);
    await syncStatus.waitForCatalogCount(page, 2000);
    // The category tabs come from the name index a new tablet builds in the background after its first sync.
    await waitForNameIndexBuilt(page);
    await counterScreen.waitUntilReady(page);
    await counterScreen.signIn(page, { role: 'cashier' });
    await context.setOffline(true);

    const opened = context.waitForEvent('page');
    await page.getByTestId('open-customer-display').click();
    const display = await opened;
    await display.waitForLoadState('domcontentloaded');
    await expect.poll(() => display.getByTestId('customer-display').getAttribute('data-phase')).toBe('welcome');

    // A coffee from the quick keys, the first tab the counter shows.
    await expect.poll(() => page.locator('[data-testid="grid-tab"][aria-selected="true"]').getAttribute('data-tab')).toBe('quick');
    await productGrid.tapQuickKey(page, COFFEE_SKU);
    await counterScreen.waitForLineCount(page, 1);

    // A packaged item from the scanner.
    await counterScreen.scan(page, packaged.barcodes[0] ?? '');
    await counterScreen.waitForLineCount(page, 2);

    // A weighed item from the fruit tab: the till asks its weight, the cashier reads the scale.
    await productGrid.openCategory(page, FRUIT);
    const [fruitSku] = await productGrid.tilesOnScreen(page);
    if (fruitSku === undefined) throw new Error('the fruit tab shows no product');
    await productGrid.tapTile(page, fruitSku);
    await productGrid.typeWeight(page, '0,5');
    await counterScreen.waitForLineCount(page, 3);
    expect((await counterScreen.line(page, fruitSku)).qty).toBe(500);
    expect((await counterScreen.line(page, COFFEE_SKU)).total).toBe(25_000);

    // The customer sees each line, the last one lit, and the till's total.
    await expect.poll(() => displayTexts(display, 'display-line')).toHaveLength(3);
    const lines = await displayTexts(display, 'display-line');
    expect(lines[0]).toContain('Cà phê sữa đá');
    expect(lines[1]).toContain(packaged.name);
    expect(await display.locator('[data-testid="display-line"][data-last="true"]').textContent()).toContain('kg');
    const total = await counterScreen.total(page);
    await expect.poll(async () => digits((await displayTexts(display, 'display-total'))[0] ?? '')).toBe(total);

    // The cash handed over, tapped on the keypad beside the pay panel.
    const cash = Math.ceil((total + 1) / 100_000) * 100_000;
    await page.getByTestId('cart-pay').click();
    await page.getByTestId('pay-panel').waitFor();
    await productGrid.tapAmount(page, cash);
    await expect.poll(async () => digits((await displayTexts(display, 'display-change'))[0] ?? '')).toBe(cash - total);
    const previous = await counterScreen.lastReceiptNumber(page);
    await page.getByTestId('pay-complete').click();
    await expect.poll(() => counterScreen.lastReceiptNumber(page)).not.toBe(previous);
    await expect.poll(() => display.getByTestId('customer-display').getAttribute('data-phase')).toBe('thanks');
    expect(digits((await displayTexts(display, 'display-change'))[0] ?? '')).toBe(cash - total);
    await context.close();
  }, 180_000);
});
