// Every screen of the till passes an accessibility check with no serious or critical violation (axe-core,
// WCAG 2.1 A and AA and axe's best practices, in real Chromium on the built app): the counter before
// enrolment, the enrolment screen, the sign-in panel over the counter, the counter with lines (light, dark,
// and as portrait tabs), the pay panel (light and dark), the customer display, today's receipts and a
// receipt on screen, the sync screen, settings, the audit trail, and the pickup, shift and day-end screens.
// A real server process; the manager sells, so the audit trail opens.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { openWatchedPage } from './support/browser.test-helper.ts';
import { axeViolations, seriousOnly, type AxeViolation } from './support/accessibility.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { enrolmentScreen } from './screens/enrolment-screen.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { staffScreen } from './screens/staff-screen.test-helper.ts';

const CODE = 'E2E-A11Y-000001';

interface ProductDoc { barcodes: string[]; weighed: boolean; price: number }

describe('accessibility of every screen', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: '200' } });
  const found = new Map<string, AxeViolation[]>();

  /** Checks what the page shows now and keeps the serious and critical findings under `screen`. */
  async function check(page: Page, screen: string): Promise<void> {
    found.set(screen, seriousOnly(await axeViolations(page)));
  }

  /** Goes to a screen through the header's navigation, as a person would. */
  async function goTo(page: Page, routeId: string, shown: string): Promise<void> {
    await page.getByTestId(`nav-${routeId}`).click();
    await page.getByTestId(shown).first().waitFor({ timeout: 20_000 });
  }

  it('finds no serious or critical violation on any screen', async () => {
    const server = fixture.server();
    const browser = fixture.browser();

    // Before enrolment: the counter says how to set it up, and the enrolment screen.
    const fresh = await openWatchedPage(browser);
    await shellScreen.open(fresh.page, server.url);
    await fresh.page.getByTestId('sync-not-set-up').waitFor();
    await check(fresh.page, 'counter before enrolment');
    await enrolmentScreen.openFromCounter(fresh.page);
    await check(fresh.page, 'enrolment');
    await fresh.context.close();

    const { context, page, client } = await enrolTablet(browser, server, { code: CODE, deviceName: 'Quầy trợ năng' });
    const products = (await client.pull<ProductDoc>('products', null, 50)).documents.filter((product) => !product.weighed && product.price >= 5_000).slice(0, 2);
    await shellScreen.goToCounter(page);
    await counterScreen.waitUntilReady(page);
    await staffScreen.waitForSignInPanel(page);
    await check(page, 'sign-in over the counter');
    await counterScreen.signIn(page, { role: 'manager' });

    const opened = context.waitForEvent('page');
    await page.getByTestId('open-customer-display').click();
    const display = await opened;
    await display.getByTestId('customer-display').waitFor();
    for (const product of products) await counterScreen.scan(page, product.barcodes[0] ?? '');
    await counterScreen.waitForLineCount(page, products.length);
    await check(page, 'counter with lines');
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.getByTestId('counter-tab-cart').waitFor();
    await check(page, 'counter with lines, portrait (tabs)');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await check(page, 'counter with lines, dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await display.locator('[data-testid="customer-display"][data-phase="sale"]').waitFor();
    await check(display, 'customer display');

    await page.getByTestId('cart-pay').click();
    await page.getByTestId('pay-panel').waitFor();
    await check(page, 'pay panel');
    await page.emulateMedia({ colorScheme: 'dark' });
    await check(page, 'pay panel, dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByTestId('cash-quick').last().click();
    await page.getByTestId('pay-complete').click();
    await page.locator('[data-testid="counter"]:not([data-last-sale=""])').waitFor({ timeout: 20_000 });

    await goTo(page, 'receipts', 'receipt-row');
    await check(page, 'receipts');
    await page.getByTestId('receipt-preview-open').first().click();
    await page.getByTestId('receipt-preview-paper').waitFor();
    await check(page, 'receipt preview');
    await page.getByTestId('open-sync').click();
    await page.getByTestId('sync-screen').waitFor();
    await check(page, 'sync');
    await shellScreen.goToSettings(page);
    await check(page, 'settings');
    await staffScreen.openAuditViewer(page);
    await page.getByTestId('audit-table').waitFor({ timeout: 20_000 });
    await check(page, 'audit trail');
    await goTo(page, 'pickup', 'pickup-screen');
    await check(page, 'pickup');
    await goTo(page, 'shift', 'shift-screen');
    await check(page, 'shift');
    await shellScreen.openHeaderMenu(page);
    await page.getByTestId('open-day-end').click();
    await page.getByTestId('day-end-screen').waitFor({ timeout: 20_000 });
    await check(page, 'day end');
    await context.close();

    const report = [...found].flatMap(([screen, violations]) =>
      violations.map((violation) => `${screen}: ${violation.impact} ${violation.id} (${violation.help}) at ${violation.targets.slice(0, 3).join(', ')}: ${violation.summary}`),
    );
    expect(found.size).toBe(17);
    expect(report).toEqual([]);
  }, 240_000);
});
