/*
 * The device side of sync, in real headless Chromium against the real server process:
 *  - catalog_sync_100k_ms: a new tablet enrols and receives a 100,000-product catalog (plus its stock) until
 *    it is ready to scan, measured from tapping "enrol" to the catalog marked ready.
 *  - raw_dexie_write_100k_ms: the baseline, the same 100,000 product rows written straight into IndexedDB
 *    with Dexie bulkPut (the app's products indexes, PRODUCT_INDEXES; pages of 10,000), in the same run, so
 *    the ratio means something.
 *  - push_2000_sales_ms: 2,000 sales queued while offline, from the network coming back to all acknowledged,
 *    on a tablet done with its first sync, to a server that has taken a push before (the first push after
 *    the server started is timed too and reported apart).
 * Each figure is the median of three runs.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PRODUCT_INDEXES } from '../../src/catalog/catalog-database.ts';
import { startPosServer } from '../e2e/support/pos-server.test-helper.ts';
import { launchChromium, openWatchedPage } from '../e2e/support/browser.test-helper.ts';
import { readDeviceIdentity, waitForNameIndexBuilt, writeDeviceDocuments } from '../e2e/support/device-storage.test-helper.ts';
import { shellScreen } from '../e2e/screens/shell-screen.test-helper.ts';
import { enrolmentScreen } from '../e2e/screens/enrolment-screen.test-helper.ts';
import { syncStatus } from '../e2e/screens/sync-status.test-helper.ts';
import { DeviceClient } from '../support/device-client.test-helper.ts';
import { makeSales, type SaleProduct } from '../support/sale-factory.test-helper.ts';
import { median, report } from './report.ts';

const CODE = 'BENCH-DEVICE-01';
// BENCH_PRODUCTS shrinks the catalog for a quick look at the push alone; the reported figures use 100,000.
const PRODUCTS = Number(process.env['BENCH_PRODUCTS'] ?? 100_000);
const RUNS = 3;

interface ProductDoc { id: string; sku: string; name: string; price: number; taxClassId: string; weighed: boolean }
const RATE_OF_CLASS: Record<string, number> = { vat10: 1000, vat8: 800, vat5: 500, vat0: 0, exempt: 0 };

async function enrolNewTablet(browser: Browser, url: string, name: string): Promise<{ page: Page; close: () => Promise<void>; catalogMs: number }> {
  const { context, page } = await openWatchedPage(browser);
  await shellScreen.open(page, url);
  await enrolmentScreen.openFromCounter(page);
  // The clock starts at the tap: typing the code in is the clerk's time, not the sync's.
  await enrolmentScreen.fillIn(page, { code: CODE, deviceName: name });
  const started = performance.now();
  await enrolmentScreen.submit(page);
  await syncStatus.waitForCatalogReady(page, 120_000);
  return { page, catalogMs: performance.now() - started, close: () => context.close() };
}

async function rawDexieWrite(browser: Browser, url: string, rows: unknown[], run: number): Promise<number> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${url}/api/v1/health`);
  await page.addScriptTag({ content: readFileSync('node_modules/dexie/dist/dexie.min.js', 'utf8') });
  await page.evaluate((all) => {
    (window as unknown as { benchRows: unknown[] }).benchRows = all;
  }, rows);
  const elapsed = await page.evaluate(async ({ name, indexes }) => {
    type Table = { bulkPut: (rows: unknown[]) => Promise<unknown> };
    type Db = { version: (n: number) => { stores: (s: Record<string, string>) => void }; open: () => Promise<unknown>; products: Table; transaction: (mode: string, table: Table, fn: () => Promise<unknown>) => Promise<unknown> };
    const DexieClass = (window as unknown as { Dexie: new (name: string) => Db }).Dexie;
    const all = (window as unknown as { benchRows: unknown[] }).benchRows;
    const db = new DexieClass(name);
    db.version(1).stores({ products: indexes });
    await db.open();
    const started = performance.now();
    for (let offset = 0; offset < all.length; offset += 10_000) {
      const page = all.slice(offset, offset + 10_000);
      await db.transaction('rw', db.products, () => db.products.bulkPut(page));
    }
    return performance.now() - started;
  }, { name: `raw-dexie-bench-${run}`, indexes: PRODUCT_INDEXES });
  await context.close();
  return elapsed;
}

export async function benchDeviceSync(): Promise<void> {
  const server = await startPosServer({ env: { POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: String(PRODUCTS) } });
  const browser = await launchChromium();
  try {
    const catalogTimes: number[] = [];
    const tablets: Array<{ page: Page; close: () => Promise<void> }> = [];
    for (let run = 0; run < RUNS; run++) {
      const tablet = await enrolNewTablet(browser, server.url, `bench-tablet-${run}`);
      catalogTimes.push(tablet.catalogMs);
      tablets.push(tablet);
      if (run < RUNS - 1) await tablet.close();
    }

    // The last tablet goes on in the background (stock balances, then the name index): let it finish, so
    // the baseline below and the pushes run on a settled tablet, as after a day at the counter.
    const settling = performance.now();
    await syncStatus.waitForState(tablets[RUNS - 1]!.page, 'idle', 180_000);
    await waitForNameIndexBuilt(tablets[RUNS - 1]!.page, 180_000);
    const settledMs = performance.now() - settling;

    const client = await DeviceClient.enrol(server.url, CODE, 'bench-node');
    const rows = (await client.pullAll<Record<string, unknown>>('products', 10_000)).map(({ _deleted: _unused, ...row }) => row);
    const rawTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) rawTimes.push(await rawDexieWrite(browser, server.url, rows, run));
    const catalogMedian = median(catalogTimes);
    const rawMedian = median(rawTimes);
    report('catalog_sync_100k_ms', catalogMedian, 'ms', { runs: catalogTimes.map(Math.round), ratio_to_raw_dexie: Number((catalogMedian / rawMedian).toFixed(2)), products: PRODUCTS, then_settled_in_ms: Math.round(settledMs) });
    report('raw_dexie_write_100k_ms', rawMedian, 'ms', { runs: rawTimes.map(Math.round), rows: rows.length });

    const { page } = tablets[RUNS - 1]!;
    const identity = await readDeviceIdentity(page);
    // A cashier the store knows: a sale by an unknown person is kept but flagged, one incident per sale.
    const staffId = (await client.pull<{ staff: Array<{ id: string }> }>('config', null)).documents[0]?.staff[0]?.id;
    if (staffId === undefined) throw new Error('the demo store has no staff');
    const products = (rows as unknown as ProductDoc[]).slice(0, 500).map(
      (p): SaleProduct => ({ id: p.id, sku: p.sku, name: p.name, price: p.price, taxRate: RATE_OF_CLASS[p.taxClassId] ?? 1000, weighed: p.weighed }),
    );
    // tsx names inner functions through a `__name` helper the page does not have (see counter.bench.ts).
    await page.context().addInitScript('globalThis.__name = (fn) => fn;');
    const pushTimes: number[] = [];
    const outsideTimes: number[] = [];
    const phases: Array<{ sent: number; answered: number; server: Record<string, number> }> = [];
    // One more push than measured: the first push a server takes after starting runs its code cold (its write
    // phase took 480-650 ms here, the next ones 180-400); a store's server has taken every sale of the day
    // before. It is reported apart.
    let firstPushMs = 0;
    for (let run = 0; run <= RUNS; run++) {
      const sales = makeSales({ storeId: identity.storeId, deviceId: identity.deviceId, staffId, products, seed: 100 + run }, 2000, run * 2000 + 1);
      // The 2,000 sales go into the device's IndexedDB as the app stores them, with the app closed (no test
      // code ships in the app); the app then starts with no network and finds them waiting.
      await shellScreen.waitUntilInstalledForOffline(page);
      await page.goto(`${server.url}/api/v1/health`);
      await writeDeviceDocuments(page, 'sales', sales);
      await page.context().setOffline(true);
      await shellScreen.open(page, server.url);
      await syncStatus.waitForState(page, 'offline');
      await syncStatus.waitForPending(page, 2000, 60_000);
      // Timed in the page, from just before the network comes back to the waiting count showing 0, so the
      // figure is the app's and not how soon Playwright notices the attribute; Node's view is kept beside it.
      const inPage = page.evaluate(() => new Promise<{ total: number; pushSent: number; pushAnswered: number; server: Record<string, number> }>((resolve, reject) => {
        const marks = window as unknown as { __pushStarted?: number };
        const timeout = setTimeout(() => reject(new Error('the waiting count never reached 0')), 60_000);
        const check = () => {
          if (marks.__pushStarted === undefined) return;
          if (document.querySelector('[data-testid="sync-pending-count"]')?.getAttribute('data-count') !== '0') return;
          observer.disconnect();
          clearTimeout(timeout);
          const since = marks.__pushStarted;
          // The push request as the browser's resource timing saw it (the last one: earlier tries failed offline).
          const push = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.name.includes('/sync/sales/push') && entry.startTime >= since).at(-1);
          const server = Object.fromEntries((push?.serverTiming ?? []).map((entry) => [entry.name, Math.round(entry.duration)]));
          resolve({ total: performance.now() - since, pushSent: (push?.startTime ?? since) - since, pushAnswered: (push?.responseEnd ?? since) - since, server });
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-count'] });
      }));
      inPage.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
      await page.evaluate(() => {
        (window as unknown as { __pushStarted?: number }).__pushStarted = performance.now();
      });
      const started = performance.now();
      await page.context().setOffline(false);
      await syncStatus.waitForPending(page, 0, 60_000);
      const outside = performance.now() - started;
      const timing = await inPage;
      if (run === 0) {
        firstPushMs = timing.total;
      } else {
        outsideTimes.push(outside);
        pushTimes.push(timing.total);
        phases.push({ sent: Math.round(timing.pushSent), answered: Math.round(timing.pushAnswered), server: timing.server });
      }
      // RxDB records what the server acknowledged after the count drops; closing the app before it has
      // would leave those sales to be pushed (idempotently) again and counted in the next round.
      await syncStatus.waitForState(page, 'idle', 60_000);
    }
    const serverSales = await client.pullAll<{ id: string }>('sales', 10_000);
    if (serverSales.length !== 2000 * (RUNS + 1)) throw new Error(`server holds ${serverSales.length} sales, expected ${2000 * (RUNS + 1)}`);
    report('push_2000_sales_ms', median(pushTimes), 'ms', { runs: pushTimes.map(Math.round), first_push_after_server_start_ms: Math.round(firstPushMs), seen_by_playwright_ms: outsideTimes.map(Math.round), push_request_ms: phases });
    for (const tablet of tablets.slice(-1)) await tablet.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}
