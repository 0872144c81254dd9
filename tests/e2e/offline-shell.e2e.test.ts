import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startPosServer, type RunningPosServer } from './support/pos-server.test-helper.ts';
import { launchChromium, openWatchedPage } from './support/browser.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';

describe('the POS shell on a store tablet', () => {
  let server: RunningPosServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPosServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens in Vietnamese, and still opens after the tablet loses its network and reloads', async () => {
    const { context, page, problems } = await openWatchedPage(browser);
    await shellScreen.open(page, server.url);
    expect(await shellScreen.documentLanguage(page)).toBe('vi');
    await shellScreen.waitForConnectionState(page, 'online');
    await shellScreen.waitUntilInstalledForOffline(page);

    await context.setOffline(true);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await shellScreen.waitUntilShown(page);
    expect(await shellScreen.isControlledByServiceWorker(page)).toBe(true);
    await shellScreen.waitForConnectionState(page, 'offline');

    // A second offline reload, after the service worker has taken control, works the same way.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await shellScreen.waitUntilShown(page);

    expect(problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    await context.close();
  });

  it('switches to English and keeps the choice across a reload', async () => {
    const { context, page, problems } = await openWatchedPage(browser);
    await shellScreen.open(page, server.url);
    await shellScreen.switchLanguage(page, 'en');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await shellScreen.waitUntilShown(page);
    expect(await shellScreen.documentLanguage(page)).toBe('en');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows how much storage the POS uses and whether the browser may evict it', async () => {
    const { context, page, problems } = await openWatchedPage(browser);
    await shellScreen.open(page, server.url);
    await shellScreen.goToSettings(page);
    const panel = page.getByTestId('storage-panel');
    expect(['true', 'false']).toContain(await panel.getAttribute('data-persisted'));
    expect(problems).toEqual([]);
    await context.close();
  });
});
