/*
 * The counter as a cashier uses it, in the words of the shop: scan with a keyboard-wedge scanner (a burst
 * of keys a few ms apart ending in Enter), search by name, read the cart, park and resume, pay with any
 * mix of tenders, read the receipt number. Staff sign in on the real PIN pad over the counter, with the
 * demo PIN the test server was started with (support/pos-server.ts).
 */
import type { Page } from 'playwright-core';
import { DEMO_PINS } from '../support/pos-server.test-helper.ts';
import { staffScreen, type StaffRole } from './staff-screen.test-helper.ts';

export type PayWith = { cash: number } | { card: number; ref: string } | { split: ReadonlyArray<{ cash: number } | { card: number; ref: string }> };

const WAIT = { timeout: 20_000 };

export const counterScreen = {
  async waitUntilReady(page: Page): Promise<void> {
    await page.getByTestId('counter').waitFor(WAIT);
  },

  /** The person with this role picks their name on the sign-in panel and types their PIN (the demo PIN by default). */
  async signIn(page: Page, staff: { role: StaffRole }, pin: string = DEMO_PINS[staff.role]): Promise<void> {
    await staffScreen.waitForSignInPanel(page, WAIT.timeout);
    await staffScreen.signIn(page, staff.role, pin);
    await page.getByTestId('staff-signed-out').waitFor({ state: 'detached', ...WAIT });
  },

  /**
   * A scanner burst: keydown/keyup per character stamped 3 ms apart, then Enter, dispatched in the page so
   * the timing is the scanner's and not the test driver's round trips. Resolves once the counter reacted
   * (a new line, a changed quantity, or a notice).
   */
  async scan(page: Page, code: string): Promise<void> {
    const before = await page.getByTestId('counter').getAttribute('data-scan-count');
    await page.evaluate((text) => {
      const target = document.activeElement ?? document.body;
      // Each key carries the time a scanner would have sent it (3 ms apart): a 2-core machine under load
      // must not turn the test's burst into "human typing" by delaying the driver between keys.
      const startedAt = performance.now();
      let index = 0;
      const press = (key: string, code: string) => {
        for (const type of ['keydown', 'keyup']) {
          const event = new KeyboardEvent(type, { key, code, bubbles: true, cancelable: true });
          Object.defineProperty(event, 'timeStamp', { value: startedAt + index * 3 });
          target.dispatchEvent(event);
        }
        index += 1;
      };
      for (const char of text) press(char, /\d/.test(char) ? `Digit${char}` : `Key${char.toUpperCase()}`);
      press('Enter', 'Enter');
    }, code);
    await page
      .waitForFunction(
        (previous) => document.querySelector('[data-testid="counter"]')?.getAttribute('data-scan-count') !== previous || document.querySelector('[data-testid="weight-prompt"]') !== null,
        before,
        WAIT,
      )
      .catch(async (error: unknown) => {
        const seen = await page.evaluate(() => ({ focus: document.activeElement?.outerHTML.slice(0, 120), notice: document.querySelector('[data-testid="counter-notice"]')?.textContent }));
        throw new Error(`The counter did not react to the scan of ${code}: ${JSON.stringify(seen)}`, { cause: error });
      });
  },

  async noticeKey(page: Page): Promise<string | null> {
    return page.getByTestId('counter-notice').getAttribute('data-key');
  },

  async search(page: Page, text: string): Promise<void> {
    await page.getByTestId('open-search').click();
    await page.getByTestId('search-input').fill(text);
    await page.locator('[data-testid="search-results"]:not([data-count=""])').waitFor(WAIT);
  },

  /** Rings up the search result with this SKU. */
  async chooseResult(page: Page, sku: string): Promise<void> {
    await page.locator(`[data-testid="search-result"][data-sku="${sku}"]`).click();
  },

  async lineCount(page: Page): Promise<number> {
    return Number(await page.getByTestId('cart-lines').getAttribute('data-count'));
  },

  async waitForLineCount(page: Page, count: number): Promise<void> {
    await page.locator(`[data-testid="cart-lines"][data-count="${count}"]`).waitFor({ state: 'attached', ...WAIT });
  },

  async line(page: Page, sku: string): Promise<{ qty: number; total: number }> {
    const row = page.locator(`[data-testid="cart-line"][data-sku="${sku}"]`).last();
    return { qty: Number(await row.getAttribute('data-qty')), total: Number(await row.getAttribute('data-total')) };
  },

  /** Opens the line editor of the (last) line with this SKU. */
  async openLine(page: Page, sku: string): Promise<void> {
    await page.locator(`[data-testid="cart-line"][data-sku="${sku}"] .cart-line-main`).last().click();
    await page.getByTestId('line-editor').waitFor(WAIT);
  },

  /** Types a new unit price (or a discount) on the open line editor and applies it. */
  async changeOpenLine(page: Page, field: 'line-price' | 'line-discount', value: string): Promise<void> {
    const input = page.getByTestId(field);
    await input.fill(value);
    await input.press('Enter');
  },

  async removeOpenLine(page: Page): Promise<void> {
    await page.getByTestId('line-remove').click();
  },

  async total(page: Page): Promise<number> {
    return Number(await page.getByTestId('cart-total').getAttribute('data-amount'));
  },

  async park(page: Page): Promise<void> {
    await page.getByTestId('cart-park').click();
    await this.waitForLineCount(page, 0);
  },

  async parkedCount(page: Page): Promise<number> {
    return Number(await page.getByTestId('open-parked').getAttribute('data-count'));
  },

  /** Resumes the oldest parked cart (or the one with this id). */
  async resume(page: Page, id?: string): Promise<void> {
    await page.getByTestId('open-parked').click();
    const button = id === undefined ? page.getByTestId('parked-cart').first() : page.locator(`[data-testid="parked-cart"][data-parked-id="${id}"]`);
    await button.click();
    await page.locator('[data-testid="counter-notice"][data-key="park.resumed"]').waitFor(WAIT);
  },

  /** Pays the cart and completes the sale; resolves with the receipt number. */
  async pay(page: Page, how: PayWith): Promise<string> {
    const previous = await this.lastReceiptNumber(page);
    await page.getByTestId('cart-pay').click();
    await page.getByTestId('pay-panel').waitFor(WAIT);
    const tenders = 'split' in how ? how.split : [how];
    for (const tender of tenders) {
      if ('cash' in tender) {
        await page.getByTestId('method-cash').click();
        await page.getByTestId('cash-amount').fill(String(tender.cash));
        await page.getByTestId('cash-add').click();
      } else {
        await page.getByTestId('method-card').click();
        await page.getByTestId('card-amount').fill(String(tender.card));
        await page.getByTestId('card-reference').fill(tender.ref);
        await page.getByTestId('card-add').click();
      }
    }
    await page.getByTestId('pay-complete').click();
    await page.waitForFunction(
      (before) => {
        const number = document.querySelector('[data-testid="counter"]')?.getAttribute('data-last-sale') ?? '';
        return number !== '' && number !== before;
      },
      previous,
      WAIT,
    );
    return this.lastReceiptNumber(page);
  },

  async lastReceiptNumber(page: Page): Promise<string> {
    return (await page.getByTestId('counter').getAttribute('data-last-sale')) ?? '';
  },
};
