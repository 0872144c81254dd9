/*
 * The back office's catalog import as a manager uses it: opened from the staff corner (folded into the
 * header's menu under 1440 px), the PIN typed again for the server's staff session, a file chosen and
 * imported, and what came back: the counts of a written file or the errors of a refused one.
 */
import type { Page } from 'playwright-core';
import { shellScreen } from './shell-screen.test-helper.ts';

const WAIT = { timeout: 20_000 };

export interface ShownImportError {
  line: number;
  column: string;
  message: string;
}

export const backOfficeScreen = {
  async openCatalogImport(page: Page): Promise<void> {
    await shellScreen.openHeaderMenu(page);
    await page.getByTestId('open-catalog-import').click();
    await page.getByTestId('catalog-import').waitFor(WAIT);
  },

  /** The person signed in at the till types their PIN on the back office's pad; resolves once signed in. */
  async signIn(page: Page, pin: string): Promise<void> {
    const panel = page.getByTestId('back-office-sign-in');
    await panel.waitFor(WAIT);
    for (const digit of pin) await panel.getByTestId(`pin-digit-${digit}`).click();
    await panel.getByTestId('pin-submit').click();
    await page.getByTestId('back-office-signed-in').waitFor(WAIT);
  },

  async allOrNothingNotice(page: Page): Promise<string> {
    return (await page.getByTestId('import-all-or-nothing').textContent()) ?? '';
  },

  /** Chooses a file as the file picker would hand it over, and imports it; resolves once the server answered. */
  async importFile(page: Page, file: { name: string; mimeType: string; contents: string | Buffer }): Promise<void> {
    const form = page.getByTestId('catalog-import-form');
    await page.getByTestId('import-file').setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.contents) });
    await page.getByTestId('import-submit').click();
    await page.locator('[data-testid="catalog-import-form"]:is([data-state="success"], [data-state="error"])').waitFor({ timeout: 60_000 });
    if ((await form.getAttribute('data-state')) === 'error') {
      throw new Error(`The import failed: ${await page.getByTestId('back-office-problem').textContent()}`);
    }
  },

  async refusal(page: Page): Promise<{ summary: string; errors: ShownImportError[] }> {
    const refused = page.getByTestId('import-refused');
    await refused.waitFor(WAIT);
    const errors = await refused.getByTestId('import-error').evaluateAll((rows) =>
      rows.map((row) => ({ line: Number(row.getAttribute('data-line')), column: row.getAttribute('data-column') ?? '', message: row.querySelectorAll('td')[2]?.textContent ?? '' })),
    );
    return { summary: (await refused.locator('p').first().textContent()) ?? '', errors };
  },

  async counts(page: Page): Promise<{ created: number; updated: number; unchanged: number; stockSet: number; stockKept: number }> {
    const done = page.getByTestId('import-done');
    await done.waitFor(WAIT);
    const figure = async (name: string) => Number(await done.getByTestId(`import-${name}`).textContent());
    return { created: await figure('created'), updated: await figure('updated'), unchanged: await figure('unchanged'), stockSet: await figure('stockSet'), stockKept: await figure('stockKept') };
  },

  async waitForOfflineMessage(page: Page): Promise<string> {
    const notice = page.getByTestId('back-office-offline');
    await notice.waitFor(WAIT);
    return (await notice.textContent()) ?? '';
  },
};
