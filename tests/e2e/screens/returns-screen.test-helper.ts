/*
 * The returns desk as a cashier uses it, in the words of the shop: open it from the header, scan a receipt
 * or a packing slip (or type its number), choose how many of a line come back with their reason and state,
 * choose where the money goes, attach the customer by phone, take it back, and read what the screen says.
 * An exchange: start it from the purchase, scan or search the new items, read the difference and take the
 * customer's payment for it. A return without a receipt: open it, find each item, say how many, why and in
 * what state, then refund and take it back as above (a manager approves: staffScreen.approve).
 */
import type { Page } from 'playwright-core';
import { shellScreen } from './shell-screen.test-helper.ts';

const WAIT = { timeout: 20_000 };

export type ReturnCondition = 'resellable' | 'damaged';
export type RefundRest = 'cash' | 'store_credit' | 'gift_card';

export const returnsScreen = {
  async open(page: Page, timeout = WAIT.timeout): Promise<void> {
    const link = page.getByTestId('nav-returns');
    if (!(await link.isVisible())) await shellScreen.openHeaderMenu(page);
    await link.click();
    await page.locator('[data-testid="returns-screen"][data-ready="yes"]').waitFor({ timeout });
  },

  /** A keyboard-wedge burst (keys 3 ms apart, then Enter) on the body, as a scanner types with no field focused. */
  async scan(page: Page, code: string): Promise<void> {
    await page.evaluate((text) => {
      (document.activeElement as HTMLElement | null)?.blur?.();
      const startedAt = performance.now();
      let index = 0;
      const press = (key: string) => {
        for (const type of ['keydown', 'keyup']) {
          const event = new KeyboardEvent(type, { key, bubbles: true, cancelable: true });
          Object.defineProperty(event, 'timeStamp', { value: startedAt + index * 3 });
          document.body.dispatchEvent(event);
        }
        index += 1;
      };
      for (const char of text) press(char);
      press('Enter');
    }, code);
  },

  /** Types what the customer brought (a receipt or order number, a phone, a slip's QR text) and finds it. */
  async find(page: Page, text: string): Promise<void> {
    await page.getByTestId('returns-search').fill(text);
    await page.getByTestId('returns-find').click();
  },

  async waitForPurchase(page: Page, number: string, origin?: 'tablet' | 'server' | 'slip'): Promise<void> {
    await page.locator(`[data-testid="returns-purchase"][data-number="${number}"]${origin ? `[data-origin="${origin}"]` : ''}`).waitFor(WAIT);
  },

  async notice(page: Page): Promise<{ tone: string | null; text: string }> {
    const notice = page.getByTestId('returns-notice');
    await notice.waitFor(WAIT);
    return { tone: await notice.getAttribute('data-tone'), text: (await notice.textContent()) ?? '' };
  },

  /** Waits for the notice of `tone` and answers its text. */
  async waitForNotice(page: Page, tone: 'success' | 'error', timeout = WAIT.timeout): Promise<string> {
    const notice = page.locator(`[data-testid="returns-notice"][data-tone="${tone}"]`);
    await notice.waitFor({ timeout });
    return (await notice.textContent()) ?? '';
  },

  /** What is left to return of line `line` (pieces). */
  async leftOf(page: Page, line: number): Promise<number> {
    return Number(await page.getByTestId(`returns-line-${line}`).getAttribute('data-left')) / 1000;
  },

  /** The index of the purchase's line for `name` (the lines keep the receipt's order), to pass to takeBack. */
  async lineNamed(page: Page, name: string): Promise<number> {
    const rows = page.locator('[data-testid^="returns-line-"]');
    await rows.first().waitFor(WAIT);
    const names = await rows.locator('strong').allTextContents();
    const index = names.findIndex((each) => each.trim() === name);
    if (index < 0) throw new Error(`the purchase has no line "${name}": ${names.join(', ')}`);
    return index;
  },

  async takeBack(page: Page, line: number, pieces: number, options: { reason?: string; condition?: ReturnCondition } = {}): Promise<void> {
    await page.getByTestId(`returns-qty-${line}`).fill(String(pieces));
    if (options.reason) await page.getByTestId(`returns-reason-${line}`).selectOption(options.reason);
    if (options.condition) await page.getByTestId(`returns-condition-${line}`).selectOption(options.condition);
  },

  async refundTo(page: Page, rest: RefundRest, toOriginal?: boolean): Promise<void> {
    await page.getByTestId(`returns-rest-${rest}`).check();
    const original = page.getByTestId('returns-refund-original');
    if (toOriginal !== undefined && (await original.count()) > 0) await original.setChecked(toOriginal);
  },

  async attachCustomer(page: Page, phone: string, name: string): Promise<void> {
    await page.getByTestId('returns-customer-phone').fill(phone);
    await page.getByTestId('returns-customer-find').click();
    await page.locator('[data-testid="returns-customer"]', { hasText: name }).waitFor(WAIT);
  },

  /** The refund the screen plans (minor units), once it can be made. */
  async plannedRefund(page: Page): Promise<number> {
    const amount = page.getByTestId('returns-refund-amount');
    await amount.waitFor(WAIT);
    return Number(await amount.getAttribute('data-amount'));
  },

  async needsApproval(page: Page): Promise<boolean> {
    return (await page.getByTestId('returns-needs-approval').count()) > 0;
  },

  /** Turns the return into an exchange: the new items' picker opens (and takes the scanner). */
  async startExchange(page: Page): Promise<void> {
    await page.getByTestId('returns-exchange-start').click();
    await page.getByTestId('returns-exchange-picker').waitFor(WAIT);
  },

  /** Scans a new item of the exchange and waits until it is among the new items. */
  async scanNewItem(page: Page, code: string, sku: string): Promise<void> {
    await this.scan(page, code);
    await page.locator(`[data-testid="returns-exchange-line"][data-sku="${sku}"]`).waitFor(WAIT);
  },

  /** Searches a new item of the exchange by name, SKU or barcode and taps the result with `sku`. */
  async searchNewItem(page: Page, text: string, sku: string): Promise<void> {
    await this.pickFromSearch(page, 'returns-exchange', text, sku);
    await page.locator(`[data-testid="returns-exchange-line"][data-sku="${sku}"]`).waitFor(WAIT);
  },

  /** The exchange's difference (minor units): > 0 the customer pays, < 0 the customer gets it back. */
  async difference(page: Page): Promise<number> {
    const shown = page.getByTestId('returns-difference');
    await shown.waitFor(WAIT);
    return Number(await shown.getAttribute('data-amount'));
  },

  /** Takes the difference in cash: the exact amount (rounded as the store rounds cash) unless `given` says what the customer hands over. */
  async payDifferenceInCash(page: Page, given?: number): Promise<void> {
    const pay = page.getByTestId('returns-pay');
    await pay.waitFor(WAIT);
    await pay.getByTestId('returns-method-cash').click();
    if (given === undefined) {
      await pay.locator('[data-testid="cash-quick"][data-exact="true"]').click();
    } else {
      await pay.getByTestId('cash-amount').fill(String(given));
      await pay.getByTestId('cash-add').click();
    }
    await page.locator('[data-testid="returns-pay-remaining"][data-amount="0"]').waitFor(WAIT);
  },

  /** Takes the difference on the card terminal, by the reference on its slip. */
  async payDifferenceByCard(page: Page, reference: string): Promise<void> {
    const pay = page.getByTestId('returns-pay');
    await pay.getByTestId('returns-method-card').click();
    await pay.getByTestId('card-reference').fill(reference);
    await pay.getByTestId('card-add').click();
    await page.locator('[data-testid="returns-pay-remaining"][data-amount="0"]').waitFor(WAIT);
  },

  /** Opens the return without a receipt. */
  async startWithoutReceipt(page: Page): Promise<void> {
    await page.getByTestId('returns-noreceipt-start').click();
    await page.getByTestId('returns-noreceipt').waitFor(WAIT);
  },

  /** Finds an item brought back without a receipt by search and adds it (one piece). */
  async findItemWithoutReceipt(page: Page, text: string, sku: string): Promise<void> {
    await this.pickFromSearch(page, 'returns-noreceipt', text, sku);
    await page.locator(`[data-testid^="returns-noreceipt-line-"][data-sku="${sku}"]`).waitFor(WAIT);
  },

  /** How many of the `index`th item without receipt come back, why and in what state. */
  async takeBackWithoutReceipt(page: Page, index: number, pieces: number, options: { reason?: string; condition?: ReturnCondition } = {}): Promise<void> {
    await page.getByTestId(`returns-noreceipt-qty-${index}`).fill(String(pieces));
    if (options.reason) await page.getByTestId(`returns-noreceipt-reason-${index}`).selectOption(options.reason);
    if (options.condition) await page.getByTestId(`returns-noreceipt-condition-${index}`).selectOption(options.condition);
  },

  async pickFromSearch(page: Page, prefix: string, text: string, sku: string): Promise<void> {
    await page.getByTestId(`${prefix}-search`).fill(text);
    await page.getByTestId(`${prefix}-search-submit`).click();
    await page.locator(`[data-testid="${prefix}-result"][data-sku="${sku}"]`).click(WAIT);
  },

  /** Takes it back (an approval may follow: the caller answers it). */
  async confirm(page: Page): Promise<void> {
    await page.getByTestId('returns-confirm').click();
  },
};
