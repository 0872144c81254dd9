// The counter on a real tablet, offline from the start once the catalog is there: a cashier scans 20 items
// with wedge bursts (a weighed item from the scale's label, an unknown code, a UPC-E), finds one by its name
// typed without accents, parks a cart, pays with split tenders, reloads offline and finds the sales and the
// parked cart still there; back online, every sale reaches the server exactly once with the same totals.
// Real server process, real Chromium; the cashier signs in on the PIN pad, the sales are read from IndexedDB.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningPosServer } from './support/pos-server.test-helper.ts';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { readDeviceDocuments, waitForNameIndexBuilt } from './support/device-storage.test-helper.ts';
import { DeviceClient } from '../support/device-client.test-helper.ts';
import { generateProduct, generateStock } from '../../sync-server/src/seed/catalog.ts';
import { openStore } from '../../sync-server/src/store/open-store.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { encodeVariableMeasure } from '../../src/domain/barcode-variable.ts';
import type { VariableMeasureRule } from '../../src/domain/barcode-rules.ts';
import { expandUpcE } from '../../src/domain/barcode-upce.ts';
import { makeEan13 } from '../../src/domain/gtin.ts';
import { foldForSearch } from '../../src/domain/search-text.ts';
import type { ProductDocument, SaleDocument, StoreConfigDocument } from '../../src/data/schemas/types.ts';

const ENROLLMENT_CODE = 'E2E-COUNTER-01';
const UPC_E = '01234565';
const NOW = new Date().toISOString();

/** The back office adds a US product sold under a UPC-E code (the demo catalog has only EAN-13s). */
async function addUpcProduct(server: RunningPosServer, storeId: string): Promise<ProductDocument> {
  const upcA = expandUpcE(UPC_E);
  if (upcA === null) throw new Error('test UPC-E does not expand');
  const product: ProductDocument = { ...generateProduct(150, NOW), id: 'e2e-upc-product', sku: 'E2E-UPC', name: 'Kẹo cao su Mỹ', searchName: foldForSearch('Kẹo cao su Mỹ'), barcodes: [upcA] };
  const store = await openStore({ database: { kind: 'sqlite', file: join(server.dataDir, 'pos.sqlite') } });
  try {
    await new DocumentsRepository(store).put([
      { collection: 'products', id: product.id, storeId: null, body: product },
      { collection: 'balances', id: `stock:${storeId}:${product.id}`, storeId, body: { ...generateStock(150, product, storeId, NOW), id: `stock:${storeId}:${product.id}`, refId: product.id } },
    ]);
  } finally {
    await store.close();
  }
  return product;
}

async function salesOnDevice(page: Page): Promise<SaleDocument[]> {
  return readDeviceDocuments<SaleDocument>(page, 'sales');
}

describe('the counter, offline from the start', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: ENROLLMENT_CODE, POS_DEMO_PRODUCTS: '200' } });

  it('rings up, parks, pays split, survives an offline reload and syncs every sale exactly once', async () => {
    // Before the tablet enrols, the back office (a device of its own) adds the UPC-E product.
    const server = fixture.server();
    const backOffice = await DeviceClient.enrol(server.url, ENROLLMENT_CODE, 'Back office');
    const upcProduct = await addUpcProduct(server, backOffice.enrolment.storeId);
    const { context, page, problems, client } = await enrolTablet(fixture.browser(), server, { code: ENROLLMENT_CODE, deviceName: 'Quầy 1' });
    await shellScreen.goToCounter(page);
    await syncStatus.waitForCatalogCount(page, 201);
    const [config] = await client.pullAll<StoreConfigDocument>('config');
    if (!config) throw new Error('the demo store has no config');

    // The app is on the tablet before the network goes (the offline reload below needs the service worker).
    await shellScreen.waitUntilInstalledForOffline(page);
    await context.setOffline(true);
    await counterScreen.waitUntilReady(page);
    await counterScreen.signIn(page, { role: 'cashier' });

    const packaged = Array.from({ length: 40 }, (_, index) => generateProduct(index, NOW)).filter((product) => !product.weighed);
    const weighed = generateProduct(7, NOW);
    expect(weighed.weighed).toBe(true);

    // First customer: 8 items, then parked while they fetch something.
    for (const product of packaged.slice(0, 8)) await counterScreen.scan(page, product.barcodes[0] ?? '');
    await counterScreen.waitForLineCount(page, 8);
    const parkedTotal = await counterScreen.total(page);
    await counterScreen.park(page);
    expect(await counterScreen.parkedCount(page)).toBe(1);

    // Second customer: 9 items, a weighed item from its scale label, a UPC-E, an unknown code (12 scans).
    for (const product of packaged.slice(8, 17)) await counterScreen.scan(page, product.barcodes[0] ?? '');
    const rule = config.barcodeRules?.find((each) => each['prefix'] === '21') as unknown as VariableMeasureRule;
    await counterScreen.scan(page, encodeVariableMeasure(rule, weighed.plu ?? '', 375));
    await counterScreen.scan(page, UPC_E);
    await counterScreen.waitForLineCount(page, 11);
    await counterScreen.scan(page, makeEan13('893999999999'));
    expect(await counterScreen.noticeKey(page)).toMatch(/^scan\./);
    await counterScreen.waitForLineCount(page, 11);
    expect((await counterScreen.line(page, weighed.sku)).qty).toBe(375);
    expect((await counterScreen.line(page, upcProduct.sku)).qty).toBe(1000);

    // One more found by its name typed without accents, once the new tablet has indexed the names.
    await waitForNameIndexBuilt(page);
    const byName = packaged[20] as ProductDocument;
    await counterScreen.search(page, foldForSearch(byName.name));
    await counterScreen.chooseResult(page, byName.sku);
    await counterScreen.waitForLineCount(page, 12);

    const due = await counterScreen.total(page);
    const cardPart = Math.floor(due / 2);
    const firstNumber = await counterScreen.pay(page, { split: [{ card: cardPart, ref: 'REF 000123' }, { cash: 1_000_000 }] });
    expect(firstNumber).toMatch(/-000001$/);
    await counterScreen.waitForLineCount(page, 0);

    // Reload with no network: the sale and the parked cart are still on the tablet.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await counterScreen.waitUntilReady(page);
    // A reload within the idle time keeps the cashier signed in: no PIN again.
    await page.locator('[data-testid="signed-in-staff"]:not([data-staff-id=""])').waitFor({ state: 'attached', timeout: 20_000 });
    await page.locator('[data-testid="open-parked"][data-count="1"]').waitFor({ timeout: 20_000 });
    const afterReload = await salesOnDevice(page);
    expect(afterReload.map((sale) => sale.number)).toEqual([firstNumber]);
    expect(afterReload[0]?.totals.total).toBe(due);

    await counterScreen.resume(page);
    await counterScreen.waitForLineCount(page, 8);
    expect(await counterScreen.total(page)).toBe(parkedTotal);
    const secondNumber = await counterScreen.pay(page, { cash: parkedTotal });
    expect(secondNumber).toMatch(/-000002$/);
    expect(await counterScreen.parkedCount(page)).toBe(0);

    // Online again: every sale reaches the server once, with the device's totals.
    const onDevice = await salesOnDevice(page);
    await context.setOffline(false);
    await expect
      .poll(async () => (await client.pullAll<SaleDocument>('sales')).length, { timeout: 60_000, interval: 500 })
      .toBe(onDevice.length);
    const onServer = await client.pullAll<SaleDocument>('sales');
    const byId = new Map(onServer.map((sale) => [sale.id, sale]));
    expect(onServer).toHaveLength(2);
    for (const sale of onDevice) {
      expect(byId.get(sale.id)?.number).toBe(sale.number);
      expect(byId.get(sale.id)?.totals.total).toBe(sale.totals.total);
    }
    expect(onDevice.find((sale) => sale.number === firstNumber)?.tenders.map((tender) => tender.method)).toEqual(['card', 'cash']);
    expect(problems.filter((problem) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch|ERR_NAME|sync/i.test(problem))).toEqual([]);
    await context.close();
  });
});
