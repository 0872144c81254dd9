// Every screen of the till passes an accessibility check with no serious or critical violation (axe-core,
// WCAG 2.1 A and AA and axe's best practices, in real Chromium on the built app): the counter before
// enrolment, the enrolment screen, the sign-in panel over the counter, the counter with lines (light, dark,
// and as portrait tabs), the pay panel (light and dark), the customer display, today's receipts and a
// receipt on screen, the sync screen, settings, the audit trail, and the pickup, shift and day-end screens.
// A real server process; the manager sells, so the audit trail opens.
// The screens that came later, each in light and dark, on the full demo store (its gift-card product is a
// counter good past the 1900th): the counter's gift-card prompt and new-customer form, the gift-card screen,
// customers and a customer's card, returns with a purchase found, the pickup screen with its handover slip's
// button, the dashboard, the back office's products, staff and settings, and stock (each behind the manager's
// PIN again); at 1280x800 none of them scrolls sideways.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PINS } from './support/pos-server.test-helper.ts';
import { waitForNameIndexBuilt } from './support/device-storage.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';
import { productGrid } from './screens/product-grid.test-helper.ts';
import { giftCardsScreen } from './screens/gift-cards-screen.test-helper.ts';
import { customersScreen } from './screens/customers-screen.test-helper.ts';
import { returnsScreen } from './screens/returns-screen.test-helper.ts';
import { pickupScreen } from './screens/pickup-screen.test-helper.ts';
import { backOfficeManageScreen } from './screens/back-office-manage-screen.test-helper.ts';
import { stockScreen } from './screens/stock-screen.test-helper.ts';
import { generateGiftCardNumber } from '../../src/domain/gift-card-number.ts';
import { FIRST_COUNTER_GOOD } from '../../sync-server/src/seed/catalog.ts';
import { GIFT_CARD_GOOD } from '../../sync-server/src/seed/catalog-data.ts';
import { signDelivery } from '../../sync-server/src/routes/orders-webhook.ts';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { openWatchedPage } from './support/browser.test-helper.ts';
import { axeViolations, seriousOnly, type AxeViolation } from './support/accessibility.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { enrolmentScreen } from './screens/enrolment-screen.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { staffScreen } from './screens/staff-screen.test-helper.ts';

const CODE = 'E2E-A11Y-000001';

interface ProductDoc { id: string; sku: string; name: string; barcodes: string[]; weighed: boolean; price: number }

const LATER_CODE = 'E2E-A11Y-000002';
const WEBHOOK_SECRET = 'e2e-a11y-generic-webhook-secret-0000000001';
const GIFT_CARD_SKU = `SP${String(FIRST_COUNTER_GOOD + GIFT_CARD_GOOD + 1).padStart(6, '0')}`;
const PICKUP_CODE = '482015';

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

describe('accessibility of the screens that came later', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: LATER_CODE, POS_WEBHOOK_SECRET: WEBHOOK_SECRET } });
  const found = new Map<string, AxeViolation[]>();
  const overflowing: string[] = [];

  /** Checks what the page shows now in light and in dark, and that it does not scroll sideways at 1280x800. */
  async function checkBoth(page: Page, screen: string): Promise<void> {
    found.set(screen, seriousOnly(await axeViolations(page)));
    const width = await page.evaluate(() => ({ scroll: document.scrollingElement?.scrollWidth ?? 0, inner: window.innerWidth }));
    if (width.scroll > width.inner) overflowing.push(`${screen}: ${width.scroll} px wide in a ${width.inner} px window`);
    await page.emulateMedia({ colorScheme: 'dark' });
    found.set(`${screen}, dark`, seriousOnly(await axeViolations(page)));
    await page.emulateMedia({ colorScheme: 'light' });
  }

  /** That the page does not scroll sideways in portrait (800x1280) either; back to 1280x800 after. */
  async function checkPortrait(page: Page, screen: string): Promise<void> {
    await page.setViewportSize({ width: 800, height: 1280 });
    const width = await page.evaluate(() => ({ scroll: document.scrollingElement?.scrollWidth ?? 0, inner: window.innerWidth }));
    if (width.scroll > width.inner) overflowing.push(`${screen}, portrait: ${width.scroll} px wide in a ${width.inner} px window`);
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  /** A paid web order for pickup at this store, delivered by the shop's signed webhook. */
  async function deliverOrder(url: string, storeId: string, product: ProductDoc): Promise<void> {
    const line = { productId: product.id, sku: product.sku, name: product.name, qty: 1000, unitPrice: product.price, taxRate: 800, total: product.price };
    const body = JSON.stringify({
      id: 'e2e-a11y-web-1',
      storeId,
      number: 'W3001',
      status: 'pending',
      customerName: 'Lê Thị Cúc',
      customerPhone: '0912345678',
      currency: 'VND',
      lines: [line],
      total: line.total,
      paid: true,
      placedAt: new Date().toISOString(),
      pickupCode: PICKUP_CODE,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const answer = await fetch(`${url}/api/v1/orders/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pos-timestamp': timestamp, 'x-pos-signature': `sha256=${signDelivery(WEBHOOK_SECRET, timestamp, body)}` },
      body,
    });
    expect(answer.status, await answer.clone().text()).toBe(201);
  }

  it('finds no serious or critical violation and no sideways scroll on the new screens, light and dark', async () => {
    const server = fixture.server();
    const { context, page, client, identity } = await enrolTablet(fixture.browser(), server, { code: LATER_CODE, deviceName: 'Quầy trợ năng 2' });
    await page.setViewportSize({ width: 1280, height: 800 });
    const [product] = (await client.pull<ProductDoc>('products', null, 50)).documents.filter((each) => !each.weighed && each.price >= 5_000);
    if (!product) throw new Error('The demo store has no packaged product to sell');
    await deliverOrder(server.url, identity.storeId, product);
    await shellScreen.goToCounter(page);
    await syncStatus.waitForCatalogCount(page, 2000);
    await waitForNameIndexBuilt(page);
    await counterScreen.waitUntilReady(page);
    await counterScreen.signIn(page, { role: 'manager' });

    // The counter: the gift-card prompt a gift-card product opens, then the new-customer form.
    await productGrid.tapQuickKey(page, GIFT_CARD_SKU);
    await giftCardsScreen.waitForPrompt(page);
    await checkBoth(page, 'gift-card prompt');
    const amount = Number(await page.getByTestId('gift-card-line-quick').first().getAttribute('data-amount'));
    await giftCardsScreen.loadCard(page, '4111 1111 1111 1111', amount);
    expect(await giftCardsScreen.promptRefusal(page)).toBe('bank-card');
    await checkBoth(page, 'gift-card prompt, a bank card refused');
    await page.getByTestId('gift-card-line-cancel').click();
    await giftCardsScreen.waitForPromptClosed(page);
    await page.getByTestId('customer-new').click();
    await page.getByTestId('customer-form').waitFor({ timeout: 20_000 });
    await checkBoth(page, 'new-customer form at the counter');
    await page.getByTestId('customer-form-cancel').click();

    // A sale, so that returns has a purchase to show.
    await counterScreen.scan(page, product.barcodes[0] ?? '');
    await counterScreen.waitForLineCount(page, 1);
    await page.getByTestId('cart-pay').click();
    await page.getByTestId('cash-quick').last().click();
    await page.getByTestId('pay-complete').click();
    await page.locator('[data-testid="counter"]:not([data-last-sale=""])').waitFor({ timeout: 20_000 });
    const receipt = (await page.getByTestId('counter').getAttribute('data-last-sale')) ?? '';

    await giftCardsScreen.openFromCounter(page, GIFT_CARD_SKU);
    await giftCardsScreen.check(page, generateGiftCardNumber());
    await giftCardsScreen.figures(page);
    await checkBoth(page, 'gift cards, a card checked');

    await customersScreen.open(page);
    await page.getByTestId('customers-row').first().waitFor({ timeout: 20_000 });
    await checkBoth(page, 'customers');
    const customerId = (await page.getByTestId('customers-row').first().getAttribute('data-customer-id')) ?? '';
    await customersScreen.openCustomer(page, customerId);
    await customersScreen.loyalty(page);
    await checkBoth(page, "customers, a customer's card");
    await page.getByTestId('customers-new').click();
    await page.getByTestId('customer-form').waitFor({ timeout: 20_000 });
    await checkBoth(page, 'customers, the new-customer form');

    await returnsScreen.open(page);
    await checkBoth(page, 'returns');
    await returnsScreen.find(page, receipt);
    await returnsScreen.waitForPurchase(page, receipt);
    await returnsScreen.takeBack(page, 0, 1);
    await returnsScreen.plannedRefund(page);
    await checkBoth(page, 'returns, a purchase found');
    // The exchange with a dearer new item (the customer pays: the registered tender forms), then a return
    // without a receipt; each also in portrait (800x1280), where nothing may scroll sideways either.
    const dearer = (await client.pull<ProductDoc>('products', null, 50)).documents.find((each) => !each.weighed && each.price > product.price && each.sku !== GIFT_CARD_SKU);
    if (!dearer) throw new Error('The demo store has no dearer packaged product to exchange for');
    await returnsScreen.startExchange(page);
    await returnsScreen.searchNewItem(page, dearer.sku, dearer.sku);
    await page.getByTestId('returns-pay').waitFor({ timeout: 20_000 });
    await checkBoth(page, 'returns, an exchange paying the difference');
    await checkPortrait(page, 'returns, an exchange paying the difference');
    await returnsScreen.startWithoutReceipt(page);
    await returnsScreen.findItemWithoutReceipt(page, dearer.sku, dearer.sku);
    await returnsScreen.refundTo(page, 'store_credit');
    await checkBoth(page, 'returns, without a receipt');
    await checkPortrait(page, 'returns, without a receipt');

    await pickupScreen.open(page);
    await pickupScreen.waitForOrderIn(page, 'to-prepare', 'W3001', 30_000);
    await checkBoth(page, 'pickup lists');
    await pickupScreen.find(page, 'W3001', 'W3001');
    await pickupScreen.scanItem(page, product.barcodes[0] ?? '', [1]);
    await pickupScreen.markReady(page, 'W3001');
    expect(await pickupScreen.checkCode(page, PICKUP_CODE)).toBe(true);
    await pickupScreen.handOver(page, 'W3001', 'full');
    await page.getByTestId('pickup-print-slip').waitFor({ timeout: 20_000 });
    await checkBoth(page, 'pickup, the handover slip button');

    await shellScreen.openHeaderMenu(page);
    await page.getByTestId('open-dashboard').click();
    const dashboardPad = page.getByTestId('dashboard-sign-in');
    await dashboardPad.waitFor({ timeout: 20_000 });
    await checkBoth(page, 'dashboard sign-in');
    for (const digit of DEMO_PINS.manager) await dashboardPad.getByTestId(`pin-digit-${digit}`).click();
    await dashboardPad.getByTestId('pin-submit').click();
    await page.getByTestId('dashboard-totals').waitFor({ timeout: 30_000 });
    await checkBoth(page, 'dashboard');

    await backOfficeManageScreen.open(page, 'products');
    await page.getByTestId('back-office-sign-in').waitFor({ timeout: 20_000 });
    await checkBoth(page, 'back office sign-in');
    await backOfficeManageScreen.signInIfAsked(page, DEMO_PINS.manager);
    await backOfficeManageScreen.findProducts(page, product.sku);
    await checkBoth(page, 'back office products');
    await page.locator(`[data-testid="product-row"][data-sku="${product.sku}"]`).getByTestId('product-edit').click();
    await page.getByTestId('product-form').waitFor({ timeout: 20_000 });
    await checkBoth(page, 'back office product form');
    await backOfficeManageScreen.goTo(page, 'staff');
    await page.getByTestId('staff-row').first().waitFor({ timeout: 20_000 });
    await checkBoth(page, 'back office staff');
    await backOfficeManageScreen.goTo(page, 'settings');
    await page.getByTestId('settings-form').waitFor({ timeout: 20_000 });
    await checkBoth(page, 'back office settings');
    await backOfficeManageScreen.goTo(page, 'quick-keys');
    await page.getByTestId('quick-keys-search').waitFor({ timeout: 20_000 });
    await checkBoth(page, 'back office quick keys');
    await backOfficeManageScreen.goTo(page, 'incidents');
    await page.locator('[data-testid="incidents-list"], [data-testid="incidents-none"]').first().waitFor({ timeout: 20_000 });
    await checkBoth(page, 'back office incidents');
    await checkPortrait(page, 'back office incidents');

    await stockScreen.open(page);
    await page.getByTestId('stock-sign-in').waitFor({ timeout: 20_000 });
    await checkBoth(page, 'stock sign-in');
    await stockScreen.signIn(page, DEMO_PINS.manager);
    await stockScreen.levels(page);
    await checkBoth(page, 'stock levels');
    await page.getByTestId('stock-tab-count').click();
    await page.getByTestId('stock-count').waitFor({ timeout: 20_000 });
    await checkBoth(page, 'stock count');
    await context.close();

    const report = [...found].flatMap(([screen, violations]) =>
      violations.map((violation) => `${screen}: ${violation.impact} ${violation.id} (${violation.help}) at ${violation.targets.slice(0, 3).join(', ')}: ${violation.summary}`),
    );
    expect(found.size).toBe(50);
    expect(report).toEqual([]);
    expect(overflowing).toEqual([]);
  }, 420_000);
});
