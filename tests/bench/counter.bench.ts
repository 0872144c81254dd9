/*
 * The counter's speed, in real headless Chromium with the catalog on the device:
 *  - scan_to_line_p95_ms: a wedge scanner burst's Enter to the counter having reacted in the DOM (the new
 *    or grown cart line is committed and is painted in the next frame), 200 scans, 100,000 products, once
 *    the first sync (products, then their stock balances) is idle.
 *  - pay_to_durable_p95_ms: "complete" tapped to the sale written in IndexedDB (the counter's own
 *    measurement, data-last-pay-ms), 40 sales.
 *  - cold_start_offline_ms / cold_start_offline_2k_ms: an enrolled tablet with no network reloads the app
 *    until it is ready for the cashier (the counter or the staff sign-in on screen), with 100,000 and 2,000
 *    products, to show start-up does not grow with the catalog. Medians of five reloads.
 */
import type { Browser, Page } from 'playwright-core';
import { startPosServer } from '../e2e/support/pos-server.test-helper.ts';
import { launchChromium, openWatchedPage } from '../e2e/support/browser.test-helper.ts';
import { readDeviceIdentity, waitForNameIndexBuilt } from '../e2e/support/device-storage.test-helper.ts';
import { shellScreen } from '../e2e/screens/shell-screen.test-helper.ts';
import { enrolmentScreen } from '../e2e/screens/enrolment-screen.test-helper.ts';
import { syncStatus } from '../e2e/screens/sync-status.test-helper.ts';
import { counterScreen } from '../e2e/screens/counter-screen.test-helper.ts';
import { DeviceClient } from '../support/device-client.test-helper.ts';
import { median, percentile, report } from './report.ts';

const CODE = 'BENCH-COUNTER-01';

interface ProductDoc { id: string; barcodes: string[]; weighed: boolean }
interface ConfigDoc { staff: Array<{ id: string; name: string; role: 'cashier' | 'supervisor' | 'manager' }> }

async function enrolledTablet(browser: Browser, products: number): Promise<{ page: Page; client: DeviceClient; close: () => Promise<void>; stopServer: () => Promise<void> }> {
  const server = await startPosServer({ env: { POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: String(products) } });
  const { context, page } = await openWatchedPage(browser);
  // The bench runs under tsx, whose transform names inner functions with a `__name` helper; functions
  // sent to the page by page.evaluate carry that call, so the page gets a no-op of it.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  await shellScreen.open(page, server.url);
  await enrolmentScreen.openFromCounter(page);
  await enrolmentScreen.enrol(page, { code: CODE, deviceName: `bench-${products}` });
  await syncStatus.waitForCatalogReady(page, 180_000);
  const client = new DeviceClient(server.url, await readDeviceIdentity(page));
  return { page, client, close: () => context.close(), stopServer: () => server.stop() };
}

/**
 * A scanner burst dispatched in the page; resolves with ms from the Enter to the counter's DOM showing the
 * rung-up line: the scan count moved and the cart's line count or total changed, in the mutation that
 * commits it (the browser paints it in the next frame). `label` leaves performance marks
 * `<label>-enter` and `<label>-line` for tracing (counter-profile.ts).
 */
export async function timedScan(page: Page, code: string, label = 'scan'): Promise<number> {
  return page.evaluate(
    ([text, mark]) =>
      new Promise<number>((resolve, reject) => {
        const counter = document.querySelector('[data-testid="counter"]');
        if (!counter) return reject(new Error('no counter on screen'));
        const before = counter.getAttribute('data-scan-count');
        const cartOf = () => `${document.querySelector('[data-testid="cart-lines"]')?.getAttribute('data-count')}|${document.querySelector('[data-testid="cart-total"]')?.getAttribute('data-amount')}`;
        const cartBefore = cartOf();
        const target = document.activeElement ?? document.body;
        const start = performance.now();
        let index = 0;
        const press = (key: string, keyCode: string) => {
          for (const type of ['keydown', 'keyup']) {
            const event = new KeyboardEvent(type, { key, code: keyCode, bubbles: true, cancelable: true });
            Object.defineProperty(event, 'timeStamp', { value: start + index * 3 });
            target.dispatchEvent(event);
          }
          index += 1;
        };
        for (const char of text) press(char, `Digit${char}`);
        let enterAt = 0;
        const observer = new MutationObserver(() => {
          if (counter.getAttribute('data-scan-count') !== before && cartOf() !== cartBefore) {
            const elapsed = performance.now() - enterAt;
            observer.disconnect();
            performance.mark(`${mark}-line`);
            resolve(elapsed);
          }
        });
        observer.observe(counter, { attributes: true, subtree: true, childList: true });
        performance.mark(`${mark}-enter`);
        enterAt = performance.now();
        press('Enter', 'Enter');
        setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no reaction to ${text}`));
        }, 5000);
      }),
    [code, label] as const,
  );
}

async function coldStarts(page: Page, runs: number): Promise<number[]> {
  // An offline reload needs the shell precached first (124 entries; under load its install can outlast set-up).
  await shellScreen.waitUntilInstalledForOffline(page);
  await page.context().setOffline(true);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await page.reload({ waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => {
        const ready = document.querySelector('[data-testid="counter"], [data-testid="staff-sign-in"]');
        return ready ? performance.now() : 0;
      },
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    times.push((await handle.jsonValue()) as number);
  }
  await page.context().setOffline(false);
  return times;
}

export async function benchCounter(): Promise<void> {
  const browser = await launchChromium();
  try {
    const small = await enrolledTablet(browser, 2_000);
    await shellScreen.goToCounter(small.page);
    await counterScreen.waitUntilReady(small.page);
    const coldSmall = await coldStarts(small.page, 5);
    await small.close();
    await small.stopServer();

    const big = await enrolledTablet(browser, 100_000);
    const { page, client } = big;
    await shellScreen.goToCounter(page);
    await counterScreen.waitUntilReady(page);
    const coldBig = await coldStarts(page, 5);
    report('cold_start_offline_ms', median(coldBig), 'ms', { runs: coldBig.map(Math.round), products: 100_000 });
    report('cold_start_offline_2k_ms', median(coldSmall), 'ms', { runs: coldSmall.map(Math.round), products: 2_000, ratio_100k_to_2k: Number((median(coldBig) / median(coldSmall)).toFixed(2)) });

    const [config] = (await client.pull<ConfigDoc>('config', null)).documents;
    const cashier = config?.staff.find((member) => member.role === 'cashier');
    if (!cashier) throw new Error('no cashier in the demo store');
    await counterScreen.waitUntilReady(page);
    await counterScreen.signIn(page, cashier);

    // Scanned items: packaged goods with a barcode (not weighed goods, nor the counter's coffee and bread).
    const products = (await client.pull<ProductDoc>('products', null, 5_000)).documents.filter((product) => !product.weighed && product.barcodes.length > 0);
    // The figure is the counter's, not the first sync's: "catalog ready" means the products are in, while the
    // 100,000 stock balances are still being pulled and written (and the cold starts above went offline
    // mid-pull, so it resumes now) and the product names' words are indexed in the background. Scans wait
    // for both to finish, as a till has after its first minute.
    const syncWaitStarted = performance.now();
    await syncStatus.waitForState(page, 'idle', 180_000);
    await waitForNameIndexBuilt(page, 180_000);
    const syncWaitMs = Math.round(performance.now() - syncWaitStarted);
    const scanTimes: number[] = [];
    for (let index = 0; index < 200; index++) {
      scanTimes.push(await timedScan(page, products[(index * 37) % products.length]!.barcodes[0]!));
      if (index % 20 === 19) {
        await page.getByTestId('cart-void').click().catch(async () => counterScreen.pay(page, { cash: 100_000_000 }));
        await counterScreen.waitForLineCount(page, 0);
      }
    }
    report('scan_to_line_p95_ms', percentile(scanTimes, 95), 'ms', { p50: Number(percentile(scanTimes, 50).toFixed(2)), max: Number(Math.max(...scanTimes).toFixed(2)), scans: scanTimes.length, products: 100_000, waited_for_sync_idle_ms: syncWaitMs });

    const payTimes: number[] = [];
    for (let sale = 0; sale < 40; sale++) {
      for (let item = 0; item < 3; item++) await counterScreen.scan(page, products[(sale * 3 + item) % products.length]!.barcodes[0]!);
      await counterScreen.pay(page, { cash: 10_000_000 });
      payTimes.push(Number(await page.getByTestId('counter').getAttribute('data-last-pay-ms')));
    }
    const measured = payTimes.filter((value) => Number.isFinite(value));
    if (measured.length !== payTimes.length) throw new Error('the counter did not expose data-last-pay-ms for every sale');
    report('pay_to_durable_p95_ms', percentile(measured, 95), 'ms', { p50: Number(percentile(measured, 50).toFixed(2)), sales: measured.length });
    await big.close();
    await big.stopServer();
  } finally {
    await browser.close();
  }
}
