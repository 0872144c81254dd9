/*
 * The returns desk's lookup (issue 16), in real headless Chromium against the built app and the real server:
 *  - return_lookup_p95_ms: with 10,000 past sales on the tablet (written into its IndexedDB as the app stores
 *    them, with the app closed), a wedge scanner burst of a receipt's barcode (it carries the receipt number,
 *    receipt-model.ts `lookup`), from its Enter to that sale's panel in the DOM on the return screen (the
 *    mutation that commits it). 200 scans of random receipts after 10 unmeasured ones, offline, the panel
 *    closed between scans. Target <= 50 ms. The number is found by the sales collection's `number` index and
 *    the returns of it already made by the `createdAt` index from the sale on (find-purchase.ts).
 */
import type { Page } from 'playwright-core';
import { generateProduct } from '../../sync-server/src/seed/catalog.ts';
import { launchChromium, openWatchedPage } from '../e2e/support/browser.test-helper.ts';
import { readDeviceIdentity, writeDeviceDocuments } from '../e2e/support/device-storage.test-helper.ts';
import { startPosServer } from '../e2e/support/pos-server.test-helper.ts';
import { counterScreen } from '../e2e/screens/counter-screen.test-helper.ts';
import { enrolmentScreen } from '../e2e/screens/enrolment-screen.test-helper.ts';
import { returnsScreen } from '../e2e/screens/returns-screen.test-helper.ts';
import { shellScreen } from '../e2e/screens/shell-screen.test-helper.ts';
import { syncStatus } from '../e2e/screens/sync-status.test-helper.ts';
import { makeSales } from '../support/sale-factory.test-helper.ts';
import { percentile, report } from './report.ts';

const CODE = 'BENCH-RETURNS-01';
const SALES = 10_000;
const SCANS = 200;
const WARM_UP = 10;
const RATE_OF_CLASS: Record<string, number> = { vat10: 1000, vat8: 800, vat5: 500, vat0: 0, exempt: 0 };

/** A wedge burst of `code` on the body; ms from its Enter to the purchase `number`'s panel in the DOM. */
async function timedLookup(page: Page, number: string): Promise<number> {
  return page.evaluate(
    (wanted) =>
      new Promise<number>((resolve, reject) => {
        (document.activeElement as HTMLElement | null)?.blur?.();
        const screen = document.querySelector('[data-testid="returns-screen"]');
        if (!screen) return reject(new Error('no returns screen'));
        const shown = () => screen.querySelector(`[data-testid="returns-purchase"][data-number="${wanted}"]`) !== null;
        const start = performance.now();
        let index = 0;
        const press = (key: string) => {
          for (const type of ['keydown', 'keyup']) {
            const event = new KeyboardEvent(type, { key, bubbles: true, cancelable: true });
            Object.defineProperty(event, 'timeStamp', { value: start + index * 3 });
            document.body.dispatchEvent(event);
          }
          index += 1;
        };
        for (const char of wanted) press(char);
        let enterAt = 0;
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`receipt ${wanted} not on screen after its scan`));
        }, 10_000);
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - enterAt);
        });
        observer.observe(screen, { attributes: true, subtree: true, childList: true });
        enterAt = performance.now();
        press('Enter');
      }),
    number,
  );
}

export async function benchReturnLookup(): Promise<void> {
  const server = await startPosServer({ env: { POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: '200' } });
  const browser = await launchChromium();
  try {
    const { context, page } = await openWatchedPage(browser);
    // The bench runs under tsx, whose transform names inner functions with a `__name` helper (counter.bench.ts).
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    await shellScreen.open(page, server.url);
    await enrolmentScreen.openFromCounter(page);
    await enrolmentScreen.enrol(page, { code: CODE, deviceName: 'bench-returns' });
    await syncStatus.waitForCatalogReady(page, 180_000);
    await syncStatus.waitForState(page, 'idle', 180_000);
    const identity = await readDeviceIdentity(page);
    const now = new Date().toISOString();
    const products = Array.from({ length: 200 }, (_, index) => generateProduct(index, now))
      .filter((product) => !product.weighed)
      .map((product) => ({ id: product.id, sku: product.sku, name: product.name, price: product.price, taxRate: RATE_OF_CLASS[product.taxClassId] ?? 1000 }));
    const sales = makeSales({ storeId: identity.storeId, deviceId: identity.deviceId, staffId: 'staff-bench', storeCode: 'Q1', deviceCode: 'T03', products, seed: 16 }, SALES, 1);
    const numbers = sales.map((sale) => String(sale['number']));

    // The sales go in with the app closed and the tablet offline after: none of them is pushed while measuring.
    await shellScreen.waitUntilInstalledForOffline(page);
    await page.goto(`${server.url}/api/v1/health`);
    await writeDeviceDocuments(page, 'sales', sales);
    await context.setOffline(true);
    await shellScreen.open(page, server.url);
    // The app counts what waits to sync first (all of them: written offline); a day's tablet has settled.
    await syncStatus.waitForState(page, 'offline', 60_000);
    await syncStatus.waitForPending(page, SALES, 300_000);
    await counterScreen.waitUntilReady(page);
    await counterScreen.signIn(page, { role: 'cashier' });
    const openedAt = Date.now();
    await returnsScreen.open(page, 180_000);

    const readyMs = Date.now() - openedAt;
    const times: number[] = [];
    for (let scan = 0; scan < WARM_UP + SCANS; scan++) {
      const number = numbers[(scan * 7919 + 17) % SALES]!;
      const elapsed = await timedLookup(page, number);
      if (scan >= WARM_UP) times.push(elapsed);
      await page.getByTestId('returns-close').click();
      await page.getByTestId('returns-purchase').waitFor({ state: 'detached', timeout: 5_000 });
    }
    report('return_lookup_p95_ms', percentile(times, 95), 'ms', {
      target: 50,
      p50: Number(percentile(times, 50).toFixed(2)),
      max: Number(Math.max(...times).toFixed(2)),
      scans: times.length,
      sales_on_tablet: SALES,
      returns_screen_ready_ms: readyMs,
    });
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}
