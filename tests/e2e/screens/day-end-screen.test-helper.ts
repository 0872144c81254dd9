/*
 * The till's shift and the manager's day end, in the words of the shop: open the shift counting the float
 * note by note, put cash in or take it out with a reason, close blind (count without seeing what the drawer
 * should hold) or hand over, then read the X/Z report on screen, print it and close the day. Also today's
 * receipts, where a sale is cancelled.
 */
import type { Page } from 'playwright-core';
import { shellScreen } from './shell-screen.test-helper.ts';

const WAIT = { timeout: 20_000 };

/** Pieces per denomination in minor units, e.g. { 500000: 1, 100000: 2 }. */
export type DrawerCount = Readonly<Record<number, number>>;

export interface ReportOnScreen {
  kind: string;
  date: string;
  deviceId: string;
  gross: number;
  discounts: number;
  returns: number;
  cancellations: number;
  net: number;
  salesCount: number;
  returnsCount: number;
  cancellationsCount: number;
  taxes: Array<{ rate: number; base: number; tax: number }>;
  tenders: Array<{ method: string; amount: number; count: number }>;
  cash: { expected: number; counted: number; variance: number };
}

async function typeCount(page: Page, prefix: string, count: DrawerCount): Promise<void> {
  for (const [denomination, pieces] of Object.entries(count)) await page.getByTestId(`${prefix}-${denomination}`).fill(String(pieces));
}

async function amountOf(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).first().getAttribute('data-amount'));
}

export const dayEndScreen = {
  async goToShift(page: Page): Promise<void> {
    await page.getByTestId('nav-shift').click();
    await page.locator('[data-testid="shift-screen"]:not([data-shift-state="loading"])').waitFor(WAIT);
  },

  async shiftState(page: Page): Promise<string | null> {
    return page.getByTestId('shift-screen').getAttribute('data-shift-state');
  },

  /** Counts the float into the grid and opens the shift; resolves with the float the screen shows. */
  async openShift(page: Page, float: DrawerCount): Promise<number> {
    await page.getByTestId('open-shift').waitFor(WAIT);
    await typeCount(page, 'float-grid', float);
    await page.getByTestId('open-shift-button').click();
    await page.locator('[data-testid="shift-screen"][data-shift-state="open"]').waitFor(WAIT);
    return amountOf(page, 'shift-float');
  },

  /** Cash in or out of the drawer with a reason; resolves once the shift's figure shows it. */
  async moveCash(page: Page, direction: 'cash_in' | 'cash_out', amount: number, reason: string): Promise<void> {
    const figure = direction === 'cash_in' ? 'shift-cash-in' : 'shift-cash-out';
    const before = await amountOf(page, figure);
    await page.getByTestId('cash-direction').selectOption(direction);
    await page.getByTestId('cash-amount').fill(String(amount));
    await page.getByTestId('cash-reason').selectOption(reason);
    await page.getByTestId('cash-submit').click();
    await page.locator(`[data-testid="${figure}"][data-amount="${before + amount}"]`).waitFor(WAIT);
  },

  /** Starts the blind close (or a hand-over to the person named `handOverTo`), types the count and confirms. */
  async closeBlind(page: Page, count: DrawerCount, handOverTo?: string): Promise<void> {
    await page.getByTestId(handOverTo === undefined ? 'close-shift' : 'hand-over').click();
    await page.getByTestId('blind-close').waitFor(WAIT);
    await typeCount(page, 'close-grid', count);
    if (handOverTo !== undefined) await page.getByTestId('next-cashier').selectOption({ label: handOverTo });
    await page.getByTestId('close-shift-confirm').click();
  },

  /** Whether the close screen shows anything of what the drawer should hold (it must not, before the count). */
  async blindCloseShowsExpected(page: Page): Promise<boolean> {
    return (await page.getByTestId('closed-expected').count()) > 0;
  },

  async closedShift(page: Page): Promise<{ expected: number; counted: number; variance: number; approver: string | null }> {
    await page.getByTestId('closed-shift').waitFor(WAIT);
    const approver = page.getByTestId('closed-approver');
    return {
      expected: await amountOf(page, 'closed-expected'),
      counted: await amountOf(page, 'closed-counted'),
      variance: await amountOf(page, 'closed-variance'),
      approver: (await approver.count()) > 0 ? await approver.textContent() : null,
    };
  },

  /** A holder of report.view opens the day end from the staff corner. */
  async openDayEnd(page: Page): Promise<void> {
    await shellScreen.openHeaderMenu(page);
    await page.getByTestId('open-day-end').click();
    await page.getByTestId('day-end-screen').waitFor(WAIT);
  },

  async chooseReport(page: Page, kind: 'X' | 'Z', scope: 'till' | 'store'): Promise<void> {
    await page.getByTestId('report-kind').selectOption(kind);
    await page.getByTestId('report-scope').selectOption(scope);
    await page.locator(`[data-testid="day-report"][data-kind="${kind}"]`).waitFor(WAIT);
  },

  async report(page: Page): Promise<ReportOnScreen> {
    const article = page.getByTestId('day-report');
    await article.waitFor(WAIT);
    const count = async (testId: string) => Number(await page.getByTestId(testId).textContent());
    return {
      kind: (await article.getAttribute('data-kind')) ?? '',
      date: (await article.getAttribute('data-date')) ?? '',
      deviceId: (await article.getAttribute('data-device-id')) ?? '',
      gross: await amountOf(page, 'report-gross'),
      discounts: await amountOf(page, 'report-discounts'),
      returns: await amountOf(page, 'report-returns'),
      cancellations: await amountOf(page, 'report-cancellations'),
      net: await amountOf(page, 'report-net'),
      salesCount: await count('report-sales-count'),
      returnsCount: await count('report-returns-count'),
      cancellationsCount: await count('report-cancellations-count'),
      taxes: await page.getByTestId('report-tax').evaluateAll((rows) =>
        rows.map((row) => ({ rate: Number(row.getAttribute('data-rate')), base: Number(row.getAttribute('data-base')), tax: Number(row.getAttribute('data-tax')) })),
      ),
      tenders: await page.getByTestId('report-tender').evaluateAll((rows) =>
        rows.map((row) => ({ method: row.getAttribute('data-method') ?? '', amount: Number(row.getAttribute('data-amount')), count: Number(row.getAttribute('data-count')) })),
      ),
      cash: { expected: await amountOf(page, 'report-cash-expected'), counted: await amountOf(page, 'report-cash-counted'), variance: await amountOf(page, 'report-cash-variance') },
    };
  },

  /** Prints the report on the till's receipt printer; resolves with the screen's notice (tone and text). */
  async print(page: Page): Promise<{ tone: string; text: string }> {
    await page.getByTestId('report-print').click();
    const notice = page.getByTestId('day-end-notice');
    await notice.waitFor(WAIT);
    const tone = (await notice.getAttribute('class'))?.includes('notice-success') ? 'success' : 'error';
    return { tone, text: (await notice.textContent()) ?? '' };
  },

  async goToReceipts(page: Page): Promise<void> {
    await page.getByTestId('nav-receipts').click();
    await page.getByTestId('receipts-screen').waitFor(WAIT);
  },

  /** Cancels today's sale `number` behind its confirmation (an approval may follow: the caller answers it). */
  async startCancellingSale(page: Page, number: string): Promise<void> {
    const row = page.locator(`[data-testid="receipt-row"][data-number="${number}"]`);
    await row.waitFor(WAIT);
    await row.getByTestId('receipt-cancel').click();
    await row.getByTestId('receipt-cancel-confirm').click();
  },

  async waitUntilCancelled(page: Page, number: string): Promise<void> {
    await page.locator(`[data-testid="receipt-row"][data-number="${number}"][data-cancelled="true"]`).waitFor(WAIT);
  },
};
