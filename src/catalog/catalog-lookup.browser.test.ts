// Product search on a real IndexedDB in Chromium: any word of the name by its start, accents and case
// ignored, SKU and barcode whole or by their start, exact codes first; a big first-sync page's words are
// indexed in the background; and a tablet upgraded from the catalog that only indexed whole names finds
// products by any word without pulling the catalog again.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCatalogDatabase, type CatalogDatabase } from './catalog-database.ts';
import { searchProducts } from './catalog-lookup.ts';
import { writeCatalogPage } from './catalog-writer.ts';
import { buildNameWordIndex, isNameWordIndexBuilt } from './name-word-index.ts';
import { productRow } from './catalog-data.test-helper.ts';
import { foldForSearch } from '../domain/search-text.ts';

const opened: CatalogDatabase[] = [];

afterEach(async () => {
  for (const database of opened.splice(0)) await database.delete({ disableAutoOpen: true });
});

function named(index: number, name: string, overrides: Parameters<typeof productRow>[1] = {}) {
  return productRow(index, { name, searchName: foldForSearch(name), ...overrides });
}

const SHELF = [
  named(1, 'Cà phê sữa đá Trung Nguyên 240ml', { sku: 'CF-001', barcodes: ['8934567000011'] }),
  named(2, 'Sữa tươi Vinamilk 1L', { sku: 'SUA-002', barcodes: ['8934567000028'] }),
  named(3, 'Cà phê đen G7 hộp 18 gói', { sku: 'CF-003', barcodes: ['8934567100035'] }),
  named(4, 'Bánh mì sữa Kinh Đô', { sku: 'BM-004', barcodes: ['8930000000042'] }),
  named(5, 'Trà sữa trân châu', { sku: 'TS-005', barcodes: ['8930000000059'] }),
  named(6, 'Đường Biên Hoà 1kg', { sku: 'DUONG-1', barcodes: ['8930000000066'] }),
  // A name that carries another product's SKU and barcode in it: the exact code still ranks first.
  named(7, 'Nhãn CF-001 phụ 8934567000011', { sku: 'NH-007', barcodes: ['8930000000073'] }),
];

async function shelf(rows = SHELF): Promise<CatalogDatabase> {
  const catalog = openCatalogDatabase(`catalog-search-${crypto.randomUUID()}`);
  opened.push(catalog);
  await writeCatalogPage(catalog, 'products', { documents: rows.map((row) => structuredClone(row)), checkpoint: { id: 'p', seq: rows.length } }, true);
  return catalog;
}

const skus = (found: readonly { sku: string }[]) => found.map((product) => product.sku);

describe('searching the catalog as the cashier types', () => {
  it('finds "Cà phê sữa" by "ca phe sua", by any word, in any order and case', async () => {
    const catalog = await shelf();
    expect(skus(await searchProducts(catalog, 'ca phe sua', 20))).toEqual(['CF-001']);
    expect(skus(await searchProducts(catalog, 'SỮA CÀ', 20))).toEqual(['CF-001']);
    expect(skus(await searchProducts(catalog, 'vinamilk', 20))).toEqual(['SUA-002']);
    expect(skus(await searchProducts(catalog, 'bien hoa', 20))).toEqual(['DUONG-1']);
    expect(skus(await searchProducts(catalog, 'duong', 20))).toEqual(['DUONG-1']);
    expect(skus(await searchProducts(catalog, 'tra', 20))).toEqual(['TS-005']);
    expect(await searchProducts(catalog, 'ca phe muoi', 20)).toEqual([]);
    expect(await searchProducts(catalog, '  ', 20)).toEqual([]);
  });

  it('finds by the start of a word while the cashier is still typing, names starting with the text first', async () => {
    const catalog = await shelf();
    expect(skus(await searchProducts(catalog, 'sữ', 20))).toEqual(['SUA-002', 'BM-004', 'CF-001', 'TS-005']);
    expect(skus(await searchProducts(catalog, 'ca ph', 20))).toEqual(['CF-003', 'CF-001']);
  });

  it('puts the exact SKU and the exact barcode first, then SKU and barcode prefixes', async () => {
    const catalog = await shelf();
    expect(skus(await searchProducts(catalog, 'cf-001', 20))).toEqual(['CF-001', 'NH-007']);
    expect(skus(await searchProducts(catalog, '8934567000011', 20))).toEqual(['CF-001', 'NH-007']);
    // A code-like text: SKU prefixes before names that merely contain it.
    expect(skus(await searchProducts(catalog, 'CF-0', 20))).toEqual(['CF-001', 'CF-003', 'NH-007']);
    expect(skus(await searchProducts(catalog, '893456700', 20))).toEqual(['CF-001', 'SUA-002', 'NH-007']);
    expect(skus(await searchProducts(catalog, 'sua-', 20))).toEqual(['SUA-002', 'BM-004', 'CF-001', 'TS-005']);
  });

  it('after a big first-sync page, finds products by code at once and by name once the index is built', async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => named(i + 1, `Sữa chua ${i % 2 ? 'dâu' : 'nha đam'} ${i + 1}`, { sku: `SC-${i + 1}` }));
    const catalog = await shelf(rows);
    // The big page's names are indexed in the background: codes answer meanwhile, names not yet.
    expect(await isNameWordIndexBuilt(catalog)).toBe(false);
    expect(skus(await searchProducts(catalog, 'SC-2999', 5))).toEqual(['SC-2999']);
    expect(skus(await searchProducts(catalog, '8930000002999', 5))).toEqual(['SC-2999']);
    expect(await searchProducts(catalog, 'sua chua nha dam 2999', 200)).toEqual([]);
    await buildNameWordIndex(catalog, 0);
    expect(await isNameWordIndexBuilt(catalog)).toBe(true);
    expect(skus(await searchProducts(catalog, 'sua chua nha dam 2999', 200))).toEqual(['SC-2999']);
    expect(skus(await searchProducts(catalog, 'nha dam 2999', 200))).toEqual(['SC-2999']);
    expect(await searchProducts(catalog, 'dau', 2_000)).toHaveLength(1_500);
    const found = await searchProducts(catalog, 'sua', 200);
    expect(found).toHaveLength(200);
    expect(new Set(found.map((product) => product.id)).size).toBe(200);
  });

  it('builds the words of full first-sync pages once an empty last page says the catalog caught up', async () => {
    const catalog = openCatalogDatabase(`catalog-search-${crypto.randomUUID()}`);
    opened.push(catalog);
    const rows = Array.from({ length: 1_000 }, (_, i) => named(i + 1, `Nước mắm ${i + 1}`, { sku: `NM-${i + 1}` }));
    await writeCatalogPage(catalog, 'products', { documents: rows, checkpoint: { id: 'p-001000', seq: 1_000 } }, false);
    await writeCatalogPage(catalog, 'products', { documents: [], checkpoint: null }, true);
    await vi.waitFor(async () => expect(await isNameWordIndexBuilt(catalog)).toBe(true), { timeout: 10_000, interval: 200 });
    expect(skus(await searchProducts(catalog, 'mam 999', 20))).toEqual(['NM-999']);
  });

  it('finds a renamed product by its new words only, and a deleted one no more', async () => {
    const catalog = await shelf();
    const renamed = named(2, 'Sữa đậu nành Fami 1L', { sku: 'SUA-002', barcodes: ['8934567000028'] });
    await writeCatalogPage(catalog, 'products', { documents: [renamed, { id: 'p-000003', _deleted: true }], checkpoint: { id: 'p', seq: 9 } }, true);
    expect(skus(await searchProducts(catalog, 'vinamilk', 20))).toEqual([]);
    expect(skus(await searchProducts(catalog, 'fami', 20))).toEqual(['SUA-002']);
    expect(skus(await searchProducts(catalog, 'g7', 20))).toEqual([]);
  });
});

describe('a tablet whose catalog was stored by an older version', () => {
  async function storeOld(name: string, versions: (old: Dexie) => void, words?: Array<{ id: string; words: string[] }>): Promise<void> {
    const old = new Dexie(name);
    versions(old);
    await old.table('products').bulkPut(SHELF.map(({ _deleted: _flag, ...row }) => row));
    await old.table('meta').put({ key: 'products', checkpoint: { id: 'p-000007', seq: 7 }, caughtUp: true, rowsPulled: 7 });
    if (words) {
      await old.table('nameWords').bulkPut(words);
      await old.table('indexState').put({ key: 'nameWords', after: null, done: true, pass: 3 });
    }
    old.close();
  }

  it('from version 1 (whole names only): indexes every stored product in the background and finds it by name, offline', async () => {
    const name = `catalog-upgrade-${crypto.randomUUID()}`;
    await storeOld(name, (old) => old.version(1).stores({ products: '&id, *barcodes, sku, searchName, plu', balances: '&id, [kind+refId]', meta: '&key' }));
    const catalog = openCatalogDatabase(name);
    opened.push(catalog);
    // Right after the upgrade codes answer; names once the background build has run.
    expect(skus(await searchProducts(catalog, 'SUA-002', 20))).toEqual(['SUA-002']);
    expect(await isNameWordIndexBuilt(catalog)).toBe(false);
    await buildNameWordIndex(catalog, 0);
    expect(skus(await searchProducts(catalog, 'sua tuoi', 20))).toEqual(['SUA-002']);
    expect(skus(await searchProducts(catalog, 'tuoi', 20))).toEqual(['SUA-002']);
    expect(await catalog.nameWords.get('p-000001')).toEqual({ id: 'p-000001', name: 'ca phe sua da trung nguyen 240ml', words: ['ca', 'phe', 'sua', 'da', 'trung', 'nguyen', '240ml'] });
    expect(await catalog.products.count()).toBe(SHELF.length);
    expect((await catalog.meta.get('products'))?.caughtUp).toBe(true);
  });

  it('from version 2 (words without the whole name): builds the index again, then finds names by their start', async () => {
    const name = `catalog-upgrade-${crypto.randomUUID()}`;
    const words = SHELF.map((row) => ({ id: row.id, words: row.searchName.split(' ') }));
    await storeOld(
      name,
      (old) => {
        old.version(1).stores({ products: '&id, *barcodes, sku, searchName, plu', balances: '&id, [kind+refId]', meta: '&key' });
        old.version(2).stores({ nameWords: '&id, *words', indexState: '&key' });
      },
      words,
    );
    const catalog = openCatalogDatabase(name);
    opened.push(catalog);
    expect(await isNameWordIndexBuilt(catalog)).toBe(false);
    // The old rows still find products by a word meanwhile.
    expect(skus(await searchProducts(catalog, 'vinamilk', 20))).toEqual(['SUA-002']);
    await buildNameWordIndex(catalog, 0);
    expect(await isNameWordIndexBuilt(catalog)).toBe(true);
    expect(skus(await searchProducts(catalog, 'sữ', 20))).toEqual(['SUA-002', 'BM-004', 'CF-001', 'TS-005']);
    expect((await catalog.nameWords.get('p-000002'))?.name).toBe('sua tuoi vinamilk 1l');
  });
});
