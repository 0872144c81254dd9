/*
 * The back office's stock as a manager uses it: opened from the staff corner (folded into the header's menu
 * under 1440 px), the PIN typed again for the server's staff session, then a stock count typed line by line,
 * its variance read before it is applied, and applied.
 */
import type { Page } from 'playwright-core';
import { shellScreen } from './shell-screen.test-helper.ts';

const WAIT = { timeout: 20_000 };

export interface ShownVariance {
  sku: string;
  variance: number;
}

export const stockScreen = {
  async open(page: Page): Promise<void> {
    await shellScreen.openHeaderMenu(page);
    await page.getByTestId('open-stock').click();
    await page.getByTestId('stock-screen').waitFor(WAIT);
  },

  /** The person signed in at the till types their PIN on the stock screen's pad; resolves once signed in. */
  async signIn(page: Page, pin: string): Promise<void> {
    const panel = page.getByTestId('stock-sign-in');
    await panel.waitFor(WAIT);
    for (const digit of pin) await panel.getByTestId(`pin-digit-${digit}`).click();
    await panel.getByTestId('pin-submit').click();
    await page.getByTestId('stock-signed-in').waitFor(WAIT);
  },

  /** Stock on hand per SKU (thousandths) as the levels tab lists it. */
  async levels(page: Page): Promise<Record<string, number>> {
    await page.getByTestId('stock-tab-levels').click();
    await page.locator('[data-testid="stock-levels"][data-state="success"]').waitFor(WAIT);
    const rows = await page.getByTestId('stock-level').evaluateAll((els) => els.map((el) => [el.getAttribute('data-sku') ?? '', Number(el.getAttribute('data-stock'))] as const));
    return Object.fromEntries(rows);
  },

  /** Types the counted quantities (as a manager types them: "30", "1,5") and asks for the variance. */
  async countAndShowVariance(page: Page, counted: ReadonlyArray<{ sku: string; quantity: string }>): Promise<ShownVariance[]> {
    await page.getByTestId('stock-tab-count').click();
    const panel = page.getByTestId('stock-count');
    await panel.waitFor(WAIT);
    for (const [index, line] of counted.entries()) {
      if (index > 0) await panel.getByTestId('stock-add-line').click();
      const row = panel.getByTestId('stock-line').nth(index);
      await row.getByTestId('stock-line-sku').fill(line.sku);
      await row.getByTestId('stock-line-quantity').fill(line.quantity);
    }
    await panel.getByTestId('stock-count-preview').click();
    await page.locator('[data-testid="stock-count"][data-state="preview"]').waitFor(WAIT);
    return panel.getByTestId('stock-variance').evaluateAll((rows) => rows.map((row) => ({ sku: row.getAttribute('data-sku') ?? '', variance: Number(row.getAttribute('data-variance')) })));
  },

  /** Applies the count whose variance is shown; resolves with the confirmation's text once written. */
  async applyCount(page: Page): Promise<string> {
    await page.getByTestId('stock-count-apply').click();
    const applied = page.getByTestId('stock-count-applied');
    await applied.waitFor(WAIT);
    return (await applied.textContent()) ?? '';
  },
};

/**
 * The stock figure the tablet holds for a product (the server-confirmed balance in its catalog database,
 * IndexedDB `store-pos-catalog`, table `balances`), read from the page without the app's help; undefined
 * while it has none.
 */
export async function tabletStock(page: Page, storeId: string, productId: string): Promise<number | undefined> {
  return page.evaluate(async (id) => {
    const connection = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('store-pos-catalog');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!connection.objectStoreNames.contains('balances')) return undefined;
      const row = await new Promise<{ value: number } | undefined>((resolve, reject) => {
        const read = connection.transaction('balances', 'readonly').objectStore('balances').get(id);
        read.onsuccess = () => resolve(read.result as { value: number } | undefined);
        read.onerror = () => reject(read.error);
      });
      return row?.value;
    } finally {
      connection.close();
    }
  }, `stock:${storeId}:${productId}`);
}

/** Waits until the tablet holds `value` as a product's stock (the balance streamed and pulled after a change). */
export async function waitForTabletStock(page: Page, storeId: string, productId: string, value: number, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let seen: number | undefined;
  while (Date.now() < until) {
    seen = await tabletStock(page, storeId, productId);
    if (seen === value) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`The tablet's stock of ${productId} is ${String(seen)}, not ${value}, after ${timeoutMs} ms`);
}
