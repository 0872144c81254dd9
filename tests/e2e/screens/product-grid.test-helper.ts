/*
 * The counter's product grid and on-screen keypad as a cashier uses them with a finger: a quick key, a
 * category's tab and its tiles, the weight asked for a weighed item, and amounts tapped on the keypad.
 */
import type { Page } from 'playwright-core';

const WAIT = { timeout: 20_000 };

/** The keypad keys that type `digits` (a whole amount): 000 and 00 where the digits allow, single keys elsewhere. */
function keysFor(digits: string): string[] {
  const keys: string[] = [];
  for (let rest = digits; rest.length > 0; ) {
    const chunk = keys.length > 0 && rest.startsWith('000') ? '000' : keys.length > 0 && rest.startsWith('00') ? '00' : (rest[0] ?? '');
    keys.push(chunk);
    rest = rest.slice(chunk.length);
  }
  return keys;
}

export const productGrid = {
  /** Taps the quick key of the product with this SKU (the quick keys' tab is the grid's first). */
  async tapQuickKey(page: Page, sku: string): Promise<void> {
    await page.locator('[data-testid="grid-tab"][data-tab="quick"]').click();
    await page.locator(`[data-testid="quick-keys"] [data-testid="product-tile"][data-sku="${sku}"]`).click(WAIT);
  },

  /** Opens a category's tab. */
  async openCategory(page: Page, category: string): Promise<void> {
    await page.locator(`[data-testid="grid-tab"][data-tab="${category}"]`).click(WAIT);
    await page.locator(`[data-testid="shelf"][data-category="${category}"]:not([data-count=""])`).waitFor(WAIT);
  },

  /** The SKUs of the tiles on screen in the open category, in order. */
  async tilesOnScreen(page: Page): Promise<string[]> {
    await page.locator('[data-testid="shelf"] [data-testid="product-tile"]').first().waitFor(WAIT);
    return page.locator('[data-testid="shelf"] [data-testid="product-tile"]').evaluateAll((tiles) => tiles.map((tile) => (tile as HTMLElement).dataset['sku'] ?? ''));
  },

  async tapTile(page: Page, sku: string): Promise<void> {
    await page.locator(`[data-testid="product-tile"][data-sku="${sku}"]`).click(WAIT);
  },

  /** A weighed item was tapped: the cashier reads the scale and types its weight in kg ("0,5"). */
  async typeWeight(page: Page, kg: string): Promise<void> {
    await page.getByTestId('weight-input').fill(kg);
    await page.getByTestId('weight-input').press('Enter');
    await page.getByTestId('weight-prompt').waitFor({ state: 'detached', ...WAIT });
  },

  /** Taps a whole amount on the counter's keypad (beside the pay panel), then its Enter. */
  async tapAmount(page: Page, amount: number): Promise<void> {
    const keypad = page.getByTestId('keypad');
    await keypad.waitFor(WAIT);
    for (const key of keysFor(String(amount))) await keypad.getByTestId(`keypad-key-${key}`).click();
    await keypad.getByTestId('keypad-key-enter').click();
  },
};
