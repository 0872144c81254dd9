// The products scanned lately, kept in memory, on a real IndexedDB in Chromium: a hit answers without a
// lookup, and any change to the catalog's products empties it, so a new price is never missed.
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogDatabase, type CatalogDatabase } from './catalog-database.ts';
import { writeCatalogPage } from './catalog-writer.ts';
import { productRow } from './catalog-data.test-helper.ts';
import { recentProductsOf } from './recent-products.ts';

const opened: CatalogDatabase[] = [];

afterEach(async () => {
  for (const database of opened.splice(0)) await database.delete({ disableAutoOpen: true });
});

describe('the products scanned lately', () => {
  it('answers a repeated scan from memory, forgets it when the catalog changes, and keeps one cache per catalog', async () => {
    const catalog = openCatalogDatabase(`catalog-recent-${crypto.randomUUID()}`);
    opened.push(catalog);
    await writeCatalogPage(catalog, 'products', { documents: [productRow(1)], checkpoint: { id: 'p-000001', seq: 1 } }, true);
    const recent = recentProductsOf(catalog);
    expect(recentProductsOf(catalog)).toBe(recent);
    const product = await catalog.products.get('p-000001');
    recent.remember('8930000000001', product!);
    expect(recent.get('8930000000001')?.price).toBe(10_001);

    await writeCatalogPage(catalog, 'products', { documents: [productRow(1, { price: 12_000 })], checkpoint: { id: 'p-000001', seq: 2 } }, true);
    await expect.poll(() => recent.get('8930000000001')).toBeUndefined();
  });

  it('drops the least recently used code beyond its capacity', async () => {
    const catalog = openCatalogDatabase(`catalog-recent-${crypto.randomUUID()}`);
    opened.push(catalog);
    const recent = recentProductsOf(catalog);
    const product = productRow(1);
    for (let code = 0; code < 500; code++) recent.remember(`code-${code}`, product);
    expect(recent.get('code-0')).toBe(product);
    recent.remember('code-500', product);
    expect(recent.get('code-0')).toBe(product);
    expect(recent.get('code-1')).toBeUndefined();
    expect(recent.get('code-500')).toBe(product);
  });

  it('lets go of a closed catalog: its cache is emptied and a reopened catalog starts a new one', async () => {
    const name = `catalog-recent-${crypto.randomUUID()}`;
    const catalog = openCatalogDatabase(name);
    opened.push(catalog);
    await catalog.open();
    const recent = recentProductsOf(catalog);
    const product = productRow(1);
    recent.remember('8930000000001', product);
    catalog.close();
    expect(recent.get('8930000000001')).toBeUndefined();
    await catalog.open();
    expect(recentProductsOf(catalog)).not.toBe(recent);
  });
});
