/*
 * reopen_offline_10k_long_tasks_ms: a tablet with 10,000 sales not yet pushed is reopened with no network,
 * in real headless Chromium against the real server (2,000 demo products). The figure is the main thread's
 * time in long tasks (over 50 ms, PerformanceObserver 'longtask') from the page's start until 25 s after
 * the counter or sign-in shows: the time the tablet could not answer a tap while sync retried offline.
 * The detail gives the longest task and the number of them. The sales go straight into the device's
 * IndexedDB with the app closed (as device-sync.bench.ts does), since no test code ships in the app.
 * One run: the figure is a sum over 25 s, not a single timing.
 */
import { startPosServer } from '../e2e/support/pos-server.test-helper.ts';
import { launchChromium, openWatchedPage } from '../e2e/support/browser.test-helper.ts';
import { readDeviceIdentity, writeDeviceDocuments } from '../e2e/support/device-storage.test-helper.ts';
import { shellScreen } from '../e2e/screens/shell-screen.test-helper.ts';
import { enrolmentScreen } from '../e2e/screens/enrolment-screen.test-helper.ts';
import { syncStatus } from '../e2e/screens/sync-status.test-helper.ts';
import { DeviceClient } from '../support/device-client.test-helper.ts';
import { makeSales, type SaleProduct } from '../support/sale-factory.test-helper.ts';
import { report } from './report.ts';

const CODE = 'BENCH-REOPEN-01';
const WAITING = 10_000;
const WATCH_MS = 25_000;

interface ProductDoc { id: string; sku: string; name: string; price: number; weighed: boolean }

export async function benchReopenOffline(): Promise<void> {
  const server = await startPosServer({ env: { POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: '2000' } });
  const browser = await launchChromium();
  try {
    const { context, page } = await openWatchedPage(browser);
    // tsx names inner functions through a `__name` helper the page does not have (see counter.bench.ts).
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    await shellScreen.open(page, server.url);
    await enrolmentScreen.openFromCounter(page);
    await enrolmentScreen.enrol(page, { code: CODE, deviceName: 'bench-reopen' });
    await syncStatus.waitForCatalogReady(page, 180_000);
    await syncStatus.waitForState(page, 'idle', 120_000);
    const identity = await readDeviceIdentity(page);
    const client = new DeviceClient(server.url, identity);
    const staffId = (await client.pull<{ staff: Array<{ id: string }> }>('config', null)).documents[0]?.staff[0]?.id;
    if (staffId === undefined) throw new Error('the demo store has no staff');
    const products = (await client.pullAll<ProductDoc>('products')).slice(0, 500).map((p): SaleProduct => ({ id: p.id, sku: p.sku, name: p.name, price: p.price, taxRate: 1000, weighed: p.weighed }));
    await shellScreen.waitUntilInstalledForOffline(page);
    await page.goto(`${server.url}/api/v1/health`);
    const sales = makeSales({ storeId: identity.storeId, deviceId: identity.deviceId, staffId, products, seed: 5 }, WAITING, 1);
    for (let start = 0; start < sales.length; start += 2000) await writeDeviceDocuments(page, 'sales', sales.slice(start, start + 2000));
    await context.setOffline(true);
    await context.addInitScript(() => {
      const marks = window as unknown as { __longTasks?: number[] };
      marks.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) marks.__longTasks?.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await shellScreen.open(page, server.url);
    await page.getByTestId('counter').or(page.getByTestId('staff-sign-in')).first().waitFor({ timeout: 60_000 });
    await syncStatus.waitForPending(page, WAITING, 60_000);
    await page.waitForTimeout(WATCH_MS);
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks?: number[] }).__longTasks ?? []);
    report('reopen_offline_10k_long_tasks_ms', Math.round(longTasks.reduce((sum, ms) => sum + ms, 0)), 'ms', {
      longest_ms: Math.round(Math.max(0, ...longTasks)),
      long_tasks: longTasks.length,
      waiting_sales: WAITING,
      watched_s: WATCH_MS / 1000,
    });
  } finally {
    await browser.close();
    await server.stop();
  }
}
