/*
 * The header's sync status and the counter's catalog count, as a test reads them: the state (idle, syncing,
 * offline, error, not-enrolled), the documents waiting to be sent, the catalog on the device.
 */
import type { Page } from 'playwright-core';

export type SyncState = 'idle' | 'syncing' | 'offline' | 'error' | 'not-enrolled';

export const syncStatus = {
  async state(page: Page): Promise<string | null> {
    return page.getByTestId('sync-status').getAttribute('data-state');
  },

  async waitForState(page: Page, state: SyncState, timeout = 30_000): Promise<void> {
    await page.locator(`[data-testid="sync-status"][data-state="${state}"]`).waitFor({ state: 'attached', timeout });
  },

  async waitForPending(page: Page, count: number, timeout = 30_000): Promise<void> {
    await page.locator(`[data-testid="sync-pending-count"][data-count="${count}"]`).waitFor({ state: 'attached', timeout });
  },

  async waitForCatalogReady(page: Page, timeout = 60_000): Promise<void> {
    await page.locator('[data-testid="catalog-progress"][data-ready="true"]').waitFor({ state: 'attached', timeout });
  },

  /** The counter's live count of products on this device. */
  async waitForCatalogCount(page: Page, count: number, timeout = 60_000): Promise<void> {
    await page.locator(`[data-testid="catalog-count"][data-count="${count}"]`).waitFor({ timeout });
  },

  async problemText(page: Page): Promise<string | null> {
    return page.getByTestId('sync-error').textContent();
  },
};
