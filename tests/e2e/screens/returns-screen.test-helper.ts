/*
 * The returns desk as a cashier uses it, in the words of the shop: open it from the header, scan a receipt
 * or a packing slip (or type its number), choose how many of a line come back with their reason and state,
 * choose where the money goes, attach the customer by phone, take it back, and read what the screen says.
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

  /** Takes it back (an approval may follow: the caller answers it). */
  async confirm(page: Page): Promise<void> {
    await page.getByTestId('returns-confirm').click();
  },
};
