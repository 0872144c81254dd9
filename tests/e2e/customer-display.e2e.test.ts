// The customer display beside a real till, offline: the till opens it (a second window of the same
// browser), and as the cashier scans, the customer sees each line, the total the till computed, and after
// paying in cash the change and a thank-you. Real server process for the enrolment, real Chromium, the
// built app (index.html and display.html).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';

const CODE = 'E2E-DISPLAY-01';

interface ProductDoc { sku: string; name: string; price: number; barcodes: string[]; weighed: boolean }

async function displayTexts(display: Page, testId: string): Promise<string[]> {
  return display.getByTestId(testId).allTextContents();
}

function digits(text: string): number {
  return Number(text.replace(/\D/g, ''));
}

describe('the customer display', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: '200' } });

  it('shows the lines, the total and the change of a sale rung up offline', async () => {
    const { context, page, client } = await enrolTablet(fixture.browser(), fixture.server(), { code: CODE, deviceName: 'Quầy màn hình khách' });
    const products = (await client.pull<ProductDoc>('products', null, 50)).documents.filter((product) => !product.weighed && product.price >= 5_000);
    const [first, second] = products;
    if (!first || !second) throw new Error('the demo catalog has too few packaged products');

    await shellScreen.goToCounter(page);
    await counterScreen.waitUntilReady(page);
    await counterScreen.signIn(page, { role: 'cashier' });
    // Offline once the shell is precached (the display opens as a page of its own).
    await shellScreen.waitUntilInstalledForOffline(page);
    await context.setOffline(true);

    // The till opens the display; here it is a second page of the same browser (a popup in the shop).
    const opened = context.waitForEvent('page');
    await page.getByTestId('open-customer-display').click();
    const display = await opened;
    await display.waitForLoadState('domcontentloaded');
    await display.getByTestId('customer-display').waitFor();
    await expect.poll(() => display.getByTestId('customer-display').getAttribute('data-phase')).toBe('welcome');

    await counterScreen.scan(page, first.barcodes[0] ?? '');
    await counterScreen.scan(page, second.barcodes[0] ?? '');
    await counterScreen.waitForLineCount(page, 2);
    await expect.poll(() => displayTexts(display, 'display-line')).toHaveLength(2);
    const lines = await displayTexts(display, 'display-line');
    expect(lines[0]).toContain(first.name);
    expect(lines[1]).toContain(second.name);
    expect(await display.locator('[data-testid="display-line"][data-last="true"]').textContent()).toContain(second.name);
    const tillTotal = await counterScreen.total(page);
    await expect.poll(async () => digits((await displayTexts(display, 'display-total'))[0] ?? '')).toBe(tillTotal);

    const cash = Math.ceil((tillTotal + 1) / 100_000) * 100_000;
    await counterScreen.pay(page, { cash });
    await expect.poll(() => display.getByTestId('customer-display').getAttribute('data-phase')).toBe('thanks');
    expect(digits((await displayTexts(display, 'display-change'))[0] ?? '')).toBe(cash - tillTotal);
    await context.close();
  }, 120_000);
});
