/*
 * price_change_to_tablet_ms (issue 14): a manager imports 10,000 changed prices (a CSV of 10,000 catalog
 * rows whose price moved, POST /api/v1/catalog/import over HTTP to the real server process) while a tablet
 * is connected to the event stream, signed in at the counter, its 100,000-product catalog synced and
 * settled; measured from sending the file until that tablet scans one of the changed products (one of
 * the file's last rows, the last written) and its cart line shows the new price. Target: <= 10 s.
 * The detail splits it: the import's answer (the server's read, check and write), the new price landing in
 * the tablet's catalog (stream + delta pull of 10,000 products), and the scan. Median of three rounds, each
 * moving the same 10,000 prices again.
 */
import type { Page } from 'playwright-core';
import type { ProductDocument } from '../../src/data/schemas/types.ts';
import { launchChromium } from '../e2e/support/browser.test-helper.ts';
import { DEMO_PINS, startPosServer } from '../e2e/support/pos-server.test-helper.ts';
import { waitForNameIndexBuilt } from '../e2e/support/device-storage.test-helper.ts';
import { enrolTablet } from '../e2e/support/tablet.test-helper.ts';
import { counterScreen } from '../e2e/screens/counter-screen.test-helper.ts';
import { shellScreen } from '../e2e/screens/shell-screen.test-helper.ts';
import { syncStatus } from '../e2e/screens/sync-status.test-helper.ts';
import { DeviceClient } from '../support/device-client.test-helper.ts';
import { median, report } from './report.ts';

const CODE = 'BENCH-PRICE-01';
const PRODUCTS = Number(process.env['BENCH_PRODUCTS'] ?? 100_000);
const CHANGED = Number(process.env['BENCH_CHANGED_PRICES'] ?? 10_000);
const ROUNDS = 3;
const TARGET_MS = 10_000;

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The products as the catalog holds them, their price moved by `step`: an import that changes prices only. */
function repricedCsv(products: readonly ProductDocument[], step: number): string {
  const lines = ['sku,name,barcodes,price,taxClass,unit,weighed,category'];
  for (const p of products) {
    lines.push([csvCell(p.sku), csvCell(p.name), p.barcodes.join('|'), String(p.price + step), p.taxClassId, csvCell(p.unit), p.weighed ? 'yes' : 'no', csvCell(p.category ?? '')].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Resolves once the tablet's catalog (IndexedDB `store-pos-catalog`, table products) holds the price; polled in the page. */
function priceLanded(page: Page, productId: string, price: number): Promise<number> {
  return page.evaluate(
    ({ id, wanted }) =>
      new Promise<number>((resolve, reject) => {
        const until = performance.now() + 60_000;
        const look = () => {
          const open = indexedDB.open('store-pos-catalog');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const connection = open.result;
            const read = connection.transaction('products', 'readonly').objectStore('products').get(id);
            read.onerror = () => reject(read.error);
            read.onsuccess = () => {
              connection.close();
              if ((read.result as { price?: number } | undefined)?.price === wanted) resolve(performance.now());
              else if (performance.now() > until) reject(new Error(`the tablet's catalog never showed ${wanted} for ${id}`));
              else setTimeout(look, 25);
            };
          };
        };
        look();
      }),
    { id: productId, wanted: price },
  );
}

export async function benchPriceChange(): Promise<void> {
  const server = await startPosServer({ env: { POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: String(PRODUCTS) } });
  const browser = await launchChromium();
  try {
    const tablet = await enrolTablet(browser, server, { code: CODE, deviceName: 'bench-counter' });
    const { page } = tablet;
    await syncStatus.waitForState(page, 'idle', 180_000);
    await waitForNameIndexBuilt(page, 180_000);
    await shellScreen.goToCounter(page);
    await counterScreen.signIn(page, { role: 'cashier' });
    await counterScreen.waitUntilReady(page);
    // tsx names inner functions through a `__name` helper the page does not have (see counter.bench.ts).
    await page.evaluate('globalThis.__name = (fn) => fn');

    const office = await DeviceClient.enrol(server.url, CODE, 'bench-back-office');
    const config = (await office.pull<{ staff: Array<{ id: string; role: string }> }>('config', null)).documents[0];
    const managerId = config?.staff.find((s) => s.role === 'manager')?.id;
    if (managerId === undefined) throw new Error('the demo store has no manager');
    const token = await office.staffToken(managerId, DEMO_PINS.manager);
    const catalog = await office.pullAll<ProductDocument>('products', 10_000);
    const changed = catalog.filter((p) => p.barcodes.length > 0 && !p.weighed && p.active !== false).slice(0, CHANGED);
    if (changed.length < CHANGED) throw new Error(`the catalog has only ${changed.length} scannable products`);

    const totals: number[] = [];
    const imports: number[] = [];
    const landed: number[] = [];
    const scans: number[] = [];
    const phases: Array<Record<string, number>> = [];
    const pulls: Array<Array<{ asked_at_ms: number; answered_in_ms: number; bytes: number }>> = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const step = 100 * round;
      // Near the file's end (the last rows written), a product not in the cart yet: a line already in the
      // cart keeps the price it was rung up at.
      const target = changed[changed.length - round]!;
      const csv = repricedCsv(changed, step);
      const newPrice = target.price + step;
      const watching = priceLanded(page, target.id, newPrice);
      watching.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
      const pageStart = await page.evaluate(() => performance.now());
      const started = performance.now();
      const answer = await fetch(`${server.url}/api/v1/catalog/import`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: csv });
      const importMs = performance.now() - started;
      phases.push(Object.fromEntries([...String(answer.headers.get('server-timing') ?? '').matchAll(/(\w+);dur=([\d.]+)/g)].map(([, name, dur]) => [`${name}_ms`, Math.round(Number(dur))])));
      const counts = (await answer.json()) as { updated?: number };
      if (answer.status !== 200 || counts.updated !== CHANGED) throw new Error(`the import answered ${answer.status}: ${JSON.stringify(counts).slice(0, 300)}`);
      const landedAt = await watching;
      const landedMs = performance.now() - started;
      await counterScreen.scan(page, target.barcodes[0]!);
      await page.locator(`[data-testid="cart-line"][data-sku="${target.sku}"][data-total="${newPrice}"]`).last().waitFor({ timeout: 20_000 });
      const total = performance.now() - started;
      // The tablet's pulls of products after the import began, as its resource timing saw them.
      pulls.push(
        await page.evaluate(
          (since) =>
            (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
              .filter((entry) => entry.name.includes('/sync/products/pull') && entry.startTime >= since)
              .map((entry) => ({ asked_at_ms: Math.round(entry.startTime - since), answered_in_ms: Math.round(entry.responseEnd - entry.startTime), bytes: entry.encodedBodySize })),
          pageStart,
        ),
      );
      totals.push(total);
      imports.push(importMs);
      landed.push(Math.max(landedMs, landedAt - pageStart));
      scans.push(total - landedMs);
    }
    report('price_change_to_tablet_ms', median(totals), 'ms', {
      changed_prices: CHANGED,
      catalog_products: PRODUCTS,
      rounds: totals.map(Math.round),
      import_answered_ms: Math.round(median(imports)),
      import_server_timing: phases,
      in_tablet_catalog_ms: Math.round(median(landed)),
      scan_after_ms: Math.round(median(scans)),
      tablet_product_pulls: pulls,
      target_ms: TARGET_MS,
    });
    await tablet.context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}
