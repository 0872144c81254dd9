/*
 * The customers screen and the counter's customer, as a cashier uses them, in the words of the shop: open the
 * screen from the header, create a customer with the form, find one, read their points and tier, sell to
 * them (the counter opens with them on the sale); at the counter, put a customer on the sale by phone, read
 * the tier and points shown beside the name, and pay part of the sale with points and the rest in cash.
 */
import type { Page } from 'playwright-core';
import { shellScreen } from './shell-screen.test-helper.ts';

const WAIT = { timeout: 20_000 };

export interface NewCustomer {
  readonly name: string;
  readonly phone: string;
  readonly email?: string;
  readonly memberCard?: string;
}

export const customersScreen = {
  async open(page: Page): Promise<void> {
    const link = page.getByTestId('nav-customers');
    if (!(await link.isVisible())) await shellScreen.openHeaderMenu(page);
    await link.click();
    await page.getByTestId('customers-screen').waitFor(WAIT);
  },

  /** Creates the customer with the form; resolves with the new customer's id once their card shows. */
  async create(page: Page, customer: NewCustomer): Promise<string> {
    await page.getByTestId('customers-new').click();
    await page.getByTestId('customer-form-name').fill(customer.name);
    await page.getByTestId('customer-form-phone').fill(customer.phone);
    if (customer.email !== undefined) await page.getByTestId('customer-form-email').fill(customer.email);
    if (customer.memberCard !== undefined) await page.getByTestId('customer-form-memberCard').fill(customer.memberCard);
    await page.getByTestId('customer-form-save').click();
    const card = page.locator(`[data-testid="customer-card"]:has([data-testid="customer-card-name"]:text-is("${customer.name}"))`);
    await card.waitFor(WAIT);
    return (await card.getAttribute('data-customer-id')) ?? '';
  },

  /** Types into the search box and waits for the list to answer it. */
  async search(page: Page, text: string): Promise<string[]> {
    await page.getByTestId('customers-search').fill(text);
    await page.locator('[data-testid="customers-count"]:not([data-count=""])').waitFor(WAIT);
    await page.waitForTimeout(300);
    return page.getByTestId('customers-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-customer-id') ?? ''));
  },

  async openCustomer(page: Page, customerId: string): Promise<void> {
    await page.locator(`[data-testid="customers-row"][data-customer-id="${customerId}"]`).click();
    await page.locator(`[data-testid="customer-card"][data-customer-id="${customerId}"]`).waitFor(WAIT);
  },

  /** The open customer's tier id ('' below the first), spend and points as the screen shows them. */
  async loyalty(page: Page): Promise<{ tier: string; spend: number; points: number }> {
    const facts = page.getByTestId('customer-loyalty-facts');
    await page.locator('[data-testid="customer-loyalty-facts"]:not([data-points=""])').waitFor(WAIT);
    return { tier: (await facts.getAttribute('data-tier')) ?? '', spend: Number(await facts.getAttribute('data-spend')), points: Number(await facts.getAttribute('data-points')) };
  },

  /** "Sell to this customer": the counter opens with them on the sale. */
  async sellTo(page: Page, customerId: string): Promise<void> {
    await page.getByTestId('customer-sell').click();
    await page.locator(`[data-testid="customer-attached"][data-customer-id="${customerId}"]`).waitFor(WAIT);
  },
};

export const counterCustomer = {
  /** Types the phone at the counter and attaches the customer it finds; resolves with their id. */
  async attachByPhone(page: Page, phone: string): Promise<string> {
    await page.getByTestId('customer-phone').fill(phone);
    await page.getByTestId('customer-phone').press('Enter');
    const attached = page.getByTestId('customer-attached');
    await attached.waitFor(WAIT);
    return (await attached.getAttribute('data-customer-id')) ?? '';
  },

  /** Waits until the counter shows the attached customer at this tier ('' = none) and, when given, these points. */
  async waitForLoyalty(page: Page, expected: { tier: string; points?: number }, timeout = WAIT.timeout): Promise<void> {
    const points = expected.points === undefined ? ':not([data-points=""])' : `[data-points="${expected.points}"]`;
    await page.locator(`[data-testid="customer-loyalty"][data-tier="${expected.tier}"]${points}`).waitFor({ timeout });
  },

  async loyalty(page: Page): Promise<{ tier: string; points: number }> {
    const badge = page.getByTestId('customer-loyalty');
    return { tier: (await badge.getAttribute('data-tier')) ?? '', points: Number(await badge.getAttribute('data-points')) };
  },

  /** Pays the cart with `points` of the attached customer's points and the rest in cash; resolves with the receipt number. */
  async payWithPointsAndCash(page: Page, points: number): Promise<string> {
    const before = (await page.getByTestId('counter').getAttribute('data-last-sale')) ?? '';
    await page.getByTestId('cart-pay').click();
    await page.getByTestId('pay-panel').waitFor(WAIT);
    await page.getByTestId('method-points').click();
    await page.getByTestId('points-amount').fill(String(points));
    await page.getByTestId('points-add').click();
    await page.locator('[data-testid="tender"][data-method="points"]').waitFor(WAIT);
    const remaining = Number(await page.getByTestId('pay-remaining').getAttribute('data-amount'));
    await page.getByTestId('method-cash').click();
    await page.getByTestId('cash-amount').fill(String(remaining));
    await page.getByTestId('cash-add').click();
    await page.getByTestId('pay-complete').click();
    await page.waitForFunction(
      (previous) => {
        const number = document.querySelector('[data-testid="counter"]')?.getAttribute('data-last-sale') ?? '';
        return number !== '' && number !== previous;
      },
      before,
      WAIT,
    );
    return (await page.getByTestId('counter').getAttribute('data-last-sale')) ?? '';
  },

  /** Sets the quantity of the (last) line with this SKU on the line editor, in pieces. */
  async setQuantity(page: Page, sku: string, pieces: number): Promise<void> {
    await page.locator(`[data-testid="cart-line"][data-sku="${sku}"] .cart-line-main`).last().click();
    await page.getByTestId('line-editor').waitFor(WAIT);
    await page.getByTestId('line-qty').fill(String(pieces));
    await page.getByTestId('line-qty').press('Enter');
    await page.locator(`[data-testid="cart-line"][data-sku="${sku}"][data-qty="${pieces * 1000}"]`).waitFor(WAIT);
  },
};
