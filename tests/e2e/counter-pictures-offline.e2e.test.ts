// A product's picture on the counter's tile, offline once seen (issue 13): a manager gives a product a picture
// (a path on the POS server) through the back office's API; the tablet's tile shows it; the network goes, the
// app is reloaded, and the tile still shows it, from the service worker's picture cache. Real server process
// serving a copy of the built app with one picture the app does not precache, real Chromium.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ProductDocument, StoreConfigDocument } from '../../src/data/schemas/types.ts';
import { DEMO_PINS } from './support/pos-server.test-helper.ts';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { productGrid } from './screens/product-grid.test-helper.ts';
import { staffScreen } from './screens/staff-screen.test-helper.ts';
import { waitForNameIndexBuilt } from './support/device-storage.test-helper.ts';

const CODE = 'E2E-PICTURES-01';
const PICTURE = '/product-pictures/e2e-tile.png';

// The built app as the server serves it, plus one picture outside the precache (the app never saw it at build).
const staticDir = mkdtempSync(join(tmpdir(), 'pos-e2e-static-'));
cpSync('dist', staticDir, { recursive: true });
mkdirSync(join(staticDir, 'product-pictures'));
copyFileSync('public/icons/icon-192.png', join(staticDir, PICTURE));

/** The tile's picture: 'loaded' (drawn), 'failed' (the plain box), or 'none' (no picture box yet). */
function tilePicture(page: Page, sku: string): Promise<string> {
  return page.evaluate((sku) => {
    const box = document.querySelector<HTMLElement>(`[data-testid="product-tile"][data-sku="${CSS.escape(sku)}"] [data-testid="product-tile-picture"]`);
    if (box === null) return 'none';
    if (box.dataset['failed'] === 'true') return 'failed';
    const image = box.querySelector('img');
    return image !== null && image.complete && image.naturalWidth > 0 ? 'loaded' : 'loading';
  }, sku);
}

describe("a product's picture on the counter", () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: '200', POS_STATIC_DIR: staticDir } });
  afterAll(() => rmSync(staticDir, { recursive: true, force: true }));

  it('shows on its tile online and, once seen, offline after a reload', async () => {
    const server = fixture.server();
    const { context, page, client } = await enrolTablet(fixture.browser(), server, { code: CODE, deviceName: 'Quầy ảnh' });
    await shellScreen.goToCounter(page);
    await counterScreen.signIn(page, { role: 'cashier' });
    const [config] = await client.pullAll<StoreConfigDocument>('config');
    const cashier = config?.staff.find((person) => person.role === 'cashier');
    if (cashier === undefined) throw new Error('the demo store has no cashier');
    await shellScreen.waitUntilInstalledForOffline(page);
    // The service worker sees the page's requests from the next load on (it never takes over a page mid-sale).
    await page.reload({ waitUntil: 'domcontentloaded' });
    await shellScreen.waitUntilShown(page);
    expect(await shellScreen.isControlledByServiceWorker(page)).toBe(true);
    await shellScreen.goToCounter(page);
    await waitForNameIndexBuilt(page);
    await counterScreen.waitUntilReady(page);
    // A reload within the idle time keeps the cashier signed in.
    await staffScreen.waitUntilSignedInAs(page, cashier.name);

    // The first product of a category's tab is the one given a picture.
    const products = await client.pullAll<ProductDocument>('products');
    const category = products.find((product) => product.category !== undefined && product.active)?.category;
    if (category === undefined) throw new Error('the demo catalog has no category');
    await productGrid.openCategory(page, category);
    const [sku] = await productGrid.tilesOnScreen(page);
    const product = products.find((each) => each.sku === sku);
    if (product === undefined) throw new Error(`no product ${sku}`);
    expect(await tilePicture(page, product.sku)).toBe('none');

    // The manager signs in on the server and gives the product its picture.
    const manager = config?.staff.find((person) => person.role === 'manager');
    if (manager === undefined) throw new Error('the demo store has no manager');
    const signIn = await fetch(`${server.url}/api/v1/staff/sessions`, { method: 'POST', headers: { ...client.headers, 'content-type': 'application/json' }, body: JSON.stringify({ staffId: manager.id, pin: DEMO_PINS.manager }) });
    expect(signIn.status).toBe(201);
    const { token } = (await signIn.json()) as { token: string };
    const { sku: productSku, name, price, taxClassId, barcodes, unit, weighed } = product;
    const form = { sku: productSku, name, price, taxClassId, barcodes, unit, weighed, category: product.category ?? null, image: PICTURE };
    const saved = await fetch(`${server.url}/api/v1/backoffice/products/${encodeURIComponent(product.id)}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(form) });
    expect(saved.status).toBe(200);

    // The tablet syncs it and the tile draws the picture (through the service worker, which keeps it).
    await expect.poll(() => tilePicture(page, product.sku), { timeout: 30_000 }).toBe('loaded');
    await expect.poll(() => page.evaluate((url) => caches.open('product-pictures').then((cache) => cache.match(url)).then((hit) => hit !== undefined), PICTURE), { timeout: 10_000 }).toBe(true);

    await context.setOffline(true);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await shellScreen.waitUntilShown(page);
    await shellScreen.goToCounter(page);
    await counterScreen.waitUntilReady(page);
    await staffScreen.waitUntilSignedInAs(page, cashier.name);
    await productGrid.openCategory(page, category);
    await expect.poll(() => tilePicture(page, product.sku), { timeout: 20_000 }).toBe('loaded');
  });
});
