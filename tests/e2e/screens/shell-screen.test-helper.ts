/*
 * What a person sees of the POS shell, in the words of the shop: open the POS, wait until it is ready,
 * read the connection status, open the header's menu, switch the language, go to a screen, answer the
 * new-version prompt.
 */
import type { Page } from 'playwright-core';

export type ConnectionState = 'online' | 'offline' | 'server-unreachable';

export const shellScreen = {
  async open(page: Page, url: string): Promise<void> {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await this.waitUntilShown(page);
  },

  async waitUntilShown(page: Page): Promise<void> {
    await page.getByTestId('pos-shell').waitFor({ state: 'visible', timeout: 20_000 });
  },

  /** Resolves once the service worker is active, i.e. the shell is precached for offline starts. */
  async waitUntilInstalledForOffline(page: Page): Promise<void> {
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (!registration.active) throw new Error('no active service worker');
    });
  },

  async isControlledByServiceWorker(page: Page): Promise<boolean> {
    return page.evaluate(() => navigator.serviceWorker.controller !== null);
  },

  async connectionState(page: Page): Promise<string | null> {
    return page.getByTestId('connection-status').getAttribute('data-state');
  },

  async waitForConnectionState(page: Page, state: ConnectionState): Promise<void> {
    await page.locator(`[data-testid="connection-status"][data-state="${state}"]`).waitFor({ timeout: 20_000 });
  },

  async documentLanguage(page: Page): Promise<string | null> {
    return page.locator('html').getAttribute('lang');
  },

  /**
   * Opens the header's menu where the staff corner and the language fold on screens under 1440 px (the
   * default 1280 px test window); does nothing when they stand in the header row or the menu is open.
   */
  async openHeaderMenu(page: Page): Promise<void> {
    const toggle = page.getByTestId('shell-menu-toggle');
    if (!(await toggle.isVisible()) || (await toggle.getAttribute('aria-expanded')) === 'true') return;
    await toggle.click();
    await page.locator('[data-testid="shell-menu-toggle"][aria-expanded="true"]').waitFor({ timeout: 5_000 });
  },

  async switchLanguage(page: Page, language: 'vi' | 'en'): Promise<void> {
    await this.openHeaderMenu(page);
    const control = page.getByTestId('language-switch');
    const tag = await control.evaluate((element) => element.tagName.toLowerCase());
    if (tag === 'select') await control.selectOption(language);
    else if ((await this.documentLanguage(page)) !== language) await control.click();
    await page.locator(`html[lang="${language}"]`).waitFor({ timeout: 5_000 });
  },

  async goToSettings(page: Page): Promise<void> {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('storage-panel').waitFor({ timeout: 10_000 });
  },

  async goToCounter(page: Page): Promise<void> {
    await page.getByTestId('nav-sale').click();
  },

  updatePrompt(page: Page) {
    return page.getByTestId('update-prompt');
  },
};
