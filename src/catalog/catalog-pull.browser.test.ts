// The catalog pull on a real IndexedDB in Chromium: pages, deletes, lookups and resuming after a crash.
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogDatabase, type CatalogCheckpoint, type CatalogDatabase, type CatalogTableName } from './catalog-database.ts';
import { findProductByBarcode, searchProducts, countProducts } from './catalog-lookup.ts';
import { pullCatalogTable, type FetchCatalogPage } from './catalog-pull.ts';
import { readCatalogPullState, type CatalogPage } from './catalog-writer.ts';
import { buildNameWordIndex } from './name-word-index.ts';
import { productRow, stockRow } from './catalog-data.test-helper.ts';

const opened: CatalogDatabase[] = [];

function freshCatalog(name = `catalog-test-${crypto.randomUUID()}`): CatalogDatabase {
  const database = openCatalogDatabase(name);
  opened.push(database);
  return database;
}

afterEach(async () => {
  for (const database of opened.splice(0)) {
    await database.delete({ disableAutoOpen: true });
  }
});

/** A fake server feed: documents in seq order (seq = position + 1), paged by the checkpoint like the contract. */
function serverFeed(documents: CatalogPage['documents']) {
  const requests: Array<{ table: CatalogTableName; seq: number; limit: number }> = [];
  const fetchPage: FetchCatalogPage = async (table, checkpoint, limit) => {
    const after = checkpoint?.seq ?? 0;
    requests.push({ table, seq: after, limit });
    const slice = documents.slice(after, after + limit).map((doc) => structuredClone(doc));
    const last = after + slice.length;
    const lastDoc = slice[slice.length - 1];
    const next: CatalogCheckpoint | null = lastDoc ? { id: lastDoc.id, seq: last } : checkpoint;
    return { documents: slice, checkpoint: next };
  };
  return { fetchPage, requests };
}

describe('the catalog on a new tablet', () => {
  it('arrives page by page, each page with its checkpoint, and is then scannable by barcode and name', async () => {
    const catalog = freshCatalog();
    const rows = Array.from({ length: 2_500 }, (_, i) => productRow(i + 1));
    const { fetchPage, requests } = serverFeed(rows);
    const seen: number[] = [];

    const state = await pullCatalogTable({ database: catalog, table: 'products', fetchPage, pageSize: 1_000, onPage: (s) => seen.push(s.rowsPulled) });

    expect(seen).toEqual([1_000, 2_000, 2_500]);
    expect(requests.map((r) => r.seq)).toEqual([0, 1_000, 2_000]);
    expect(state).toEqual({ checkpoint: { id: 'p-002500', seq: 2_500 }, caughtUp: true, rowsPulled: 2_500 });
    expect(await countProducts(catalog)).toBe(2_500);
    expect((await findProductByBarcode(catalog, '8930000001234'))?.sku).toBe('SKU-1234');
    expect(await findProductByBarcode(catalog, '0000000000000')).toBeUndefined();
    // Names are found once the background index of the big pages' names is built.
    await buildNameWordIndex(catalog, 0);
    const found = await searchProducts(catalog, 'Sản phẩm 12', 5);
    expect(found.map((p) => p.name)).toEqual(['Sản phẩm 12', 'Sản phẩm 120', 'Sản phẩm 1200', 'Sản phẩm 1201', 'Sản phẩm 1202']);
    expect(found[0]).not.toHaveProperty('_deleted');
  });

  it('removes a product the server deleted and takes the newer version of a changed one', async () => {
    const catalog = freshCatalog();
    const feed = [productRow(1), productRow(2), productRow(3)];
    const server = serverFeed(feed);
    await pullCatalogTable({ database: catalog, table: 'products', fetchPage: server.fetchPage, pageSize: 10 });

    feed.push({ ...productRow(2), _deleted: true }, productRow(3, { price: 99_000 }));
    await pullCatalogTable({ database: catalog, table: 'products', fetchPage: server.fetchPage, pageSize: 10 });

    expect(await catalog.products.get('p-000002')).toBeUndefined();
    expect((await catalog.products.get('p-000003'))?.price).toBe(99_000);
    expect(await countProducts(catalog)).toBe(2);
    expect((await readCatalogPullState(catalog, 'products')).checkpoint).toEqual({ id: 'p-000003', seq: 5 });
  });

  it('resumes after the page it stored last when the pull was cut off (a crash or a reload)', async () => {
    const name = `catalog-test-${crypto.randomUUID()}`;
    const rows = Array.from({ length: 30 }, (_, i) => productRow(i + 1));
    const server = serverFeed(rows);
    let calls = 0;
    const failingOnThirdPage: FetchCatalogPage = async (...args) => {
      calls += 1;
      if (calls === 3) throw new TypeError('Failed to fetch');
      return server.fetchPage(...args);
    };
    const first = openCatalogDatabase(name);
    await expect(pullCatalogTable({ database: first, table: 'products', fetchPage: failingOnThirdPage, pageSize: 10 })).rejects.toThrow(
      'Failed to fetch',
    );
    expect(await countProducts(first)).toBe(20);
    first.close({ disableAutoOpen: true });

    const reopened = freshCatalog(name);
    const before = await readCatalogPullState(reopened, 'products');
    expect(before).toEqual({ checkpoint: { id: 'p-000020', seq: 20 }, caughtUp: false, rowsPulled: 20 });
    server.requests.length = 0;
    await pullCatalogTable({ database: reopened, table: 'products', fetchPage: server.fetchPage, pageSize: 10 });
    expect(server.requests[0]?.seq).toBe(20);
    expect(await countProducts(reopened)).toBe(30);
    expect((await readCatalogPullState(reopened, 'products')).caughtUp).toBe(true);
  });

  it('keeps stock balances per product, found by kind and product', async () => {
    const catalog = freshCatalog();
    const server = serverFeed([stockRow('p-000001', 12_000), stockRow('p-000002', 0)]);
    await pullCatalogTable({ database: catalog, table: 'balances', fetchPage: server.fetchPage });
    const stock = await catalog.balances.where('[kind+refId]').equals(['stock', 'p-000001']).first();
    expect(stock?.value).toBe(12_000);
    expect(server.requests[0]?.table).toBe('balances');
  });

  it('treats a first pull with nothing to send (checkpoint null) as caught up', async () => {
    const catalog = freshCatalog();
    const server = serverFeed([]);
    const state = await pullCatalogTable({ database: catalog, table: 'balances', fetchPage: server.fetchPage });
    expect(state).toEqual({ checkpoint: null, caughtUp: true, rowsPulled: 0 });
  });
});
