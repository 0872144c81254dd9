import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startPosServer, type RunningPosServer } from './support/pos-server.test-helper.ts';
import { launchChromium, openWatchedPage } from './support/browser.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';

describe('a new version of the POS is deployed while the tablet is open', () => {
  let server: RunningPosServer;
  let browser: Browser;
  let staticDir: string;

  beforeAll(async () => {
    // A copy of the build we can "redeploy" by changing its service worker.
    staticDir = mkdtempSync(join(tmpdir(), 'pos-static-'));
    cpSync('dist', staticDir, { recursive: true });
    server = await startPosServer({ env: { POS_STATIC_DIR: staticDir } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('offers an unobtrusive reload, and the reload brings the new version', async () => {
    const { context, page, problems } = await openWatchedPage(browser);
    await shellScreen.open(page, server.url);
    await shellScreen.waitUntilInstalledForOffline(page);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await shellScreen.waitUntilShown(page);
    expect(await shellScreen.isControlledByServiceWorker(page)).toBe(true);
    await expect(shellScreen.updatePrompt(page).count()).resolves.toBe(0);

    appendFileSync(join(staticDir, 'sw.js'), '\n// deployed again\n');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });

    const prompt = shellScreen.updatePrompt(page);
    await prompt.waitFor({ state: 'visible', timeout: 30_000 });
    const oldWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    expect(oldWorker).toContain('/sw.js');

    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), prompt.getByRole('button').first().click()]);
    await shellScreen.waitUntilShown(page);
    await expect(shellScreen.updatePrompt(page).count()).resolves.toBe(0);
    const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null);
    expect(waiting).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });
});
