/*
 * The back office's products, staff and settings as a manager uses them: opened from the staff corner (folded
 * into the header's menu under 1440 px), the PIN typed once for the server's staff session, then a product
 * found and its price changed, a person deactivated, the receipt's footer changed. Plus what the tablet holds
 * afterwards (a product's price in its catalog tables), to know when a change has reached it through sync.
 */
import type { Page } from 'playwright-core';
import { shellScreen } from './shell-screen.test-helper.ts';

const WAIT = { timeout: 20_000 };

export const backOfficeManageScreen = {
  async open(page: Page, which: 'products' | 'staff' | 'settings'): Promise<void> {
    await shellScreen.openHeaderMenu(page);
    await page.getByTestId(`open-back-office-${which}`).click();
    await page.locator(`[data-testid="back-office-${which}"], [data-testid="back-office-sign-in"]`).first().waitFor(WAIT);
  },

  /** From one back-office page to another by the back office's own links (the session stays open). */
  async goTo(page: Page, which: 'products' | 'quick-keys' | 'staff' | 'settings' | 'incidents'): Promise<void> {
    await page.getByTestId(`back-office-nav-${which}`).click();
    await page.getByTestId(`back-office-${which}`).waitFor(WAIT);
  },

  /** Types the PIN on the back office's pad when it asks for it; resolves once the session is open. */
  async signInIfAsked(page: Page, pin: string): Promise<void> {
    const panel = page.getByTestId('back-office-sign-in');
    if (await panel.isVisible()) {
      for (const digit of pin) await panel.getByTestId(`pin-digit-${digit}`).click();
      await panel.getByTestId('pin-submit').click();
    }
    await page.getByTestId('back-office-signed-in').waitFor(WAIT);
  },

  /** Finds products by SKU, name or barcode; resolves with the SKUs shown. */
  async findProducts(page: Page, text: string): Promise<string[]> {
    await page.getByTestId('products-search').fill(text);
    await page.getByTestId('products-search-submit').click();
    await page.waitForFunction(
      (wanted) => [...document.querySelectorAll('[data-testid="product-row"]')].some((row) => (row.getAttribute('data-sku') ?? '').toLowerCase().includes(wanted)) || document.querySelector('[data-testid="products-none"]') !== null,
      text.toLowerCase(),
      WAIT,
    );
    return page.getByTestId('product-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-sku') ?? ''));
  },

  /** Opens the product with `sku` from the list, changes its price and saves; resolves with the notice shown. */
  async changePrice(page: Page, sku: string, price: number): Promise<string> {
    await page.locator(`[data-testid="product-row"][data-sku="${sku}"]`).getByTestId('product-edit').click();
    await page.getByTestId('product-form').waitFor(WAIT);
    await page.getByTestId('product-price').fill(String(price));
    await page.getByTestId('product-save').click();
    const saved = page.getByTestId('product-saved');
    await saved.waitFor(WAIT);
    return (await saved.textContent()) ?? '';
  },

  /** Deactivates the person with this staff id; resolves once the list shows them deactivated. */
  async deactivate(page: Page, staffId: string): Promise<string> {
    const row = page.locator(`[data-testid="staff-row"][data-staff-id="${staffId}"]`);
    await row.getByTestId('staff-deactivate').click();
    await page.locator(`[data-testid="staff-row"][data-staff-id="${staffId}"][data-active="false"]`).waitFor(WAIT);
    return (await page.getByTestId('staff-notice').textContent()) ?? '';
  },

  /** Resets the PIN of the person with this staff id; resolves once the server's answer is shown. */
  async resetPin(page: Page, staffId: string): Promise<string> {
    const row = page.locator(`[data-testid="staff-row"][data-staff-id="${staffId}"]`);
    const notice = page.getByTestId('staff-notice');
    const before = (await notice.count()) > 0 ? await notice.textContent() : null;
    await row.getByTestId('staff-reset-pin').click();
    await page.waitForFunction((previous) => {
      const shown = document.querySelector('[data-testid="staff-notice"]')?.textContent ?? null;
      return shown !== null && shown !== previous;
    }, before, WAIT);
    return (await notice.textContent()) ?? '';
  },

  /** Replaces the receipt's footer and saves the settings; resolves with the notice shown. */
  async setReceiptFooter(page: Page, lines: readonly string[]): Promise<string> {
    await page.getByTestId('settings-form').waitFor(WAIT);
    await page.getByTestId('settings-receiptFooter').fill(lines.join('\n'));
    await page.getByTestId('settings-save').click();
    const saved = page.getByTestId('settings-saved');
    await page.locator('[data-testid="settings-saved"], .back-office-settings .field-error, [data-testid="settings-error-form"]').first().waitFor(WAIT);
    if (!(await saved.isVisible())) throw new Error(`The settings were refused: ${(await page.locator('.back-office-settings .field-error, [data-testid="settings-error-form"]').allTextContents()).join(' | ')}`);
    return (await saved.textContent()) ?? '';
  },

  /** Waits until the tablet's catalog tables (plain Dexie, src/catalog) hold the product at `price`. */
  async waitForCatalogPrice(page: Page, productId: string, price: number, timeout = 30_000): Promise<void> {
    await page.waitForFunction(
      async ({ id, wanted }) => {
        const names = (await indexedDB.databases()).map((info) => info.name ?? '');
        if (!names.includes('store-pos-catalog')) return false;
        const connection = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('store-pos-catalog');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        try {
          const row = await new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
            const read = connection.transaction('products', 'readonly').objectStore('products').get(id);
            read.onsuccess = () => resolve(read.result as Record<string, unknown> | undefined);
            read.onerror = () => reject(read.error);
          });
          return row?.['price'] === wanted;
        } finally {
          connection.close();
        }
      },
      { id: productId, wanted: price },
      { timeout, polling: 250 },
    );
  },
};
