/*
 * The pickup counter as a cashier uses it, in the words of the shop: open it from the header, wait for an
 * online order to show in a list, find an order by its number, scan with the keyboard-wedge scanner (an
 * item while preparing, the customer's QR otherwise), mark a line short, mark the order ready, check the
 * pickup code, hand over some lines now and the rest later, take an unpaid order's money at the counter,
 * and read what the screen says.
 */
import type { Page } from 'playwright-core';

const WAIT = { timeout: 20_000 };

export type PickupList = 'to-prepare' | 'ready' | 'handed-today' | 'problem';

export const pickupScreen = {
  async open(page: Page): Promise<void> {
    await page.getByTestId('nav-pickup').click();
    await page.locator('[data-testid="pickup-screen"][data-loaded="yes"]').waitFor(WAIT);
  },

  /** Waits until the order with this number is listed in `list`. */
  async waitForOrderIn(page: Page, list: PickupList, number: string, timeout = WAIT.timeout): Promise<void> {
    await page.locator(`[data-testid="pickup-list-${list}"] [data-testid="pickup-order-row"][data-number="${number}"]`).waitFor({ timeout });
  },

  async listCount(page: Page, list: PickupList): Promise<number> {
    return Number(await page.getByTestId(`pickup-list-${list}`).getAttribute('data-count'));
  },

  /** Types the order's number (or the customer's phone, or the code) into the search box and opens the one order found. */
  async find(page: Page, text: string, number: string): Promise<void> {
    await page.getByTestId('pickup-search').fill(text);
    await page.getByTestId('pickup-search').press('Enter');
    await this.waitForOpenOrder(page, number);
  },

  async waitForOpenOrder(page: Page, number: string, status?: string): Promise<void> {
    const selector = `[data-testid="pickup-order"][data-number="${number}"]${status ? `[data-status="${status}"]` : ''}`;
    await page.locator(selector).waitFor(WAIT);
  },

  /**
   * A scanner burst (keys 3 ms apart, then Enter) dispatched in the page on the body, as a wedge scanner
   * types when no field has the focus. The caller waits for what it expects the screen to do.
   */
  async scan(page: Page, code: string): Promise<void> {
    await page.evaluate((text) => {
      (document.activeElement as HTMLElement | null)?.blur?.();
      const startedAt = performance.now();
      let index = 0;
      const press = (key: string, keyCode: string) => {
        for (const type of ['keydown', 'keyup']) {
          const event = new KeyboardEvent(type, { key, code: keyCode, bubbles: true, cancelable: true });
          Object.defineProperty(event, 'timeStamp', { value: startedAt + index * 3 });
          document.body.dispatchEvent(event);
        }
        index += 1;
      };
      for (const char of text) press(char, /\d/.test(char) ? `Digit${char}` : `Key${char.toUpperCase()}`);
      press('Enter', 'Enter');
    }, code);
  },

  /** Scans an item while preparing and waits until the screen counted it (the scanned column reads `expected`). */
  async scanItem(page: Page, code: string, expected: readonly number[]): Promise<void> {
    await this.scan(page, code);
    await page
      .waitForFunction(
        (want) => [...document.querySelectorAll('[data-testid="pickup-line-scanned"]')].map((cell) => cell.textContent).join('|') === want,
        expected.map(String).join('|'),
        WAIT,
      )
      .catch(async (error: unknown) => {
        throw new Error(`The pickup screen did not count the scan of ${code}: it shows ${JSON.stringify(await this.scannedCounts(page))}, notice "${await this.noticeText(page)}"`, { cause: error });
      });
  },

  async scannedCounts(page: Page): Promise<string[]> {
    return page.getByTestId('pickup-line-scanned').allTextContents();
  },

  async linesLeft(page: Page): Promise<string[]> {
    return page.getByTestId('pickup-line-left').allTextContents();
  },

  /** Waits for the screen's notice with this tone and text, and answers its text. */
  async waitForNotice(page: Page, tone: 'success' | 'error' | 'info', text: RegExp): Promise<string> {
    const notice = page.locator(`[data-testid="pickup-notice"][data-tone="${tone}"]`).filter({ hasText: text });
    await notice.waitFor(WAIT).catch(async (error: unknown) => {
      throw new Error(`No ${tone} notice matching ${String(text)}; the screen says "${await this.noticeText(page)}"`, { cause: error });
    });
    return (await notice.textContent()) ?? '';
  },

  async noticeText(page: Page): Promise<string> {
    const notice = page.getByTestId('pickup-notice');
    return (await notice.count()) === 0 ? '' : ((await notice.textContent()) ?? '');
  },

  async markShort(page: Page, line: number): Promise<void> {
    await page.getByTestId('pickup-line-short').nth(line).check();
  },

  async markReady(page: Page, number: string): Promise<void> {
    await page.getByTestId('pickup-mark-ready').click();
    await this.waitForOpenOrder(page, number, 'ready');
  },

  async isMarkReadyEnabled(page: Page): Promise<boolean> {
    return page.getByTestId('pickup-mark-ready').isEnabled();
  },

  /** Types the code the customer reads out and checks it; answers whether the screen took it. */
  async checkCode(page: Page, code: string): Promise<boolean> {
    await page.getByTestId('pickup-code').fill(code);
    await page.getByTestId('pickup-code-check').click();
    await page.locator('[data-testid="pickup-code-ok"], [data-testid="pickup-notice"][data-tone="error"]').first().waitFor(WAIT);
    return (await page.getByTestId('pickup-code-ok').count()) > 0;
  },

  async isCodeChecked(page: Page): Promise<boolean> {
    return (await page.getByTestId('pickup-code-ok').count()) > 0;
  },

  async isHandOverEnabled(page: Page): Promise<boolean> {
    return page.getByTestId('pickup-hand-over').isEnabled();
  },

  /** Sets how many pieces of each line (by index) the customer takes now; lines not named keep what the screen offers. */
  async takeNow(page: Page, pieces: Readonly<Record<number, number>>): Promise<void> {
    for (const [line, count] of Object.entries(pieces)) await page.locator(`[data-testid="pickup-line"][data-line="${line}"] [data-testid="pickup-take-now"]`).fill(String(count));
  },

  /** Hands over what is set to be taken now; waits for the screen to say the order was handed over in part or in full. */
  async handOver(page: Page, number: string, outcome: 'part' | 'full'): Promise<void> {
    await page.getByTestId('pickup-hand-over').click();
    const escaped = number.replace(/[.*+?^${}()|[\]\\#]/g, '\\$&');
    const done = outcome === 'part' ? new RegExp(`Đã giao một phần đơn ${escaped}|Part of order ${escaped} handed over`) : new RegExp(`Đã giao đơn ${escaped}\\.|Order ${escaped} handed over\\.`);
    await this.waitForNotice(page, 'success', done);
  },

  /** Hands an order with money due to the counter to be paid there; the counter opens with its lines rung up. */
  async takePaymentAtCounter(page: Page): Promise<void> {
    await page.getByTestId('pickup-take-payment').click();
    await page.getByTestId('counter').waitFor(WAIT);
  },

  /** What the open order's total line says: paid online, paid at the counter, or what is due. */
  async paymentLine(page: Page): Promise<string> {
    return (await page.getByTestId('pickup-order-total').textContent()) ?? '';
  },

  async close(page: Page): Promise<void> {
    await page.getByTestId('pickup-order').getByRole('button', { name: /Đóng|Close/ }).click();
    await page.getByTestId('pickup-order').waitFor({ state: 'detached', ...WAIT });
  },
};
