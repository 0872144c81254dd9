// The product grid's shelves on a real IndexedDB in Chromium: the categories of what is on sale, a category's
// products by name a page at a time, the quick keys by id; a small live change moves a product between
// shelves at once, a big first-sync page fills the shelves as the background index is built, and a tablet
// upgraded from the catalog before shelves finds its categories without pulling the catalog again.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogDatabase, type CatalogDatabase } from './catalog-database.ts';
import { writeCatalogPage } from './catalog-writer.ts';
import { buildNameWordIndex } from './name-word-index.ts';
import { countOnShelf, listCategories, productsByIds, productsOnShelf, watchCatalog } from './product-shelves.ts';
import { productRow } from './catalog-data.test-helper.ts';
import { foldForSearch } from '../domain/search-text.ts';

const opened: CatalogDatabase[] = [];

afterEach(async () => {
  for (const database of opened.splice(0)) await database.delete({ disableAutoOpen: true });
});

function item(index: number, name: string, category: string | undefined, overrides: Parameters<typeof productRow>[1] = {}) {
  return productRow(index, { name, searchName: foldForSearch(name), barcodes: [], ...(category === undefined ? {} : { category }), ...overrides });
}

const BAR = 'Quầy cà phê';
const BAKERY = 'Bánh mì, bánh ngọt';
const FRUIT = 'Rau củ, trái cây';

const COUNTER_GOODS = [
  item(1, 'Cà phê sữa đá', BAR),
  item(2, 'Bạc xỉu', BAR),
  item(3, 'Trà đào cam sả', BAR),
  item(4, 'Bánh mì thịt nướng', BAKERY),
  item(5, 'Bánh bao nhân thịt', BAKERY),
  item(6, 'Chuối già Nam Mỹ', FRUIT, { weighed: true, unit: 'kg' }),
  item(7, 'Cà phê trứng (ngừng bán)', BAR, { active: false }),
  item(8, 'Túi nilon', undefined),
];

async function catalogWith(rows: ReturnType<typeof item>[]): Promise<CatalogDatabase> {
  const catalog = openCatalogDatabase(`catalog-shelves-${crypto.randomUUID()}`);
  opened.push(catalog);
  await writeCatalogPage(catalog, 'products', { documents: rows.map((row) => structuredClone(row)), checkpoint: { id: 'p', seq: rows.length } }, true);
  return catalog;
}

const names = (products: ReadonlyArray<{ name: string } | undefined>) => products.map((product) => product?.name);

describe('the shelves of the product grid', () => {
  it('lists the categories of what is on sale, in Vietnamese order; a product off sale or without a category is on no shelf', async () => {
    const catalog = await catalogWith(COUNTER_GOODS);
    expect(await listCategories(catalog)).toEqual([BAKERY, BAR, FRUIT]);
    expect(await countOnShelf(catalog, BAR)).toBe(3);
    expect(names(await productsOnShelf(catalog, BAR, 0, 10))).toEqual(['Bạc xỉu', 'Cà phê sữa đá', 'Trà đào cam sả']);
    expect(await countOnShelf(catalog, 'Đồ uống')).toBe(0);
  });

  it('pages a category by name, so a screen of tiles never reads the whole of it', async () => {
    const rows = Array.from({ length: 250 }, (_, index) => item(100 + index, `Bánh ngọt số ${String(index).padStart(3, '0')}`, BAKERY));
    const catalog = await catalogWith(rows);
    expect(await countOnShelf(catalog, BAKERY)).toBe(250);
    expect(names(await productsOnShelf(catalog, BAKERY, 120, 3))).toEqual(['Bánh ngọt số 120', 'Bánh ngọt số 121', 'Bánh ngọt số 122']);
    expect(await productsOnShelf(catalog, BAKERY, 249, 60)).toHaveLength(1);
  });

  it('finds the quick keys by id in the order the store set them, leaving out what is gone or off sale', async () => {
    const catalog = await catalogWith(COUNTER_GOODS);
    expect(names(await productsByIds(catalog, ['p-000004', 'p-000001', 'p-999999', 'p-000007']))).toEqual(['Bánh mì thịt nướng', 'Cà phê sữa đá']);
  });

  it('moves a product to its new shelf when a small live change renames, recategorises or withdraws it', async () => {
    const catalog = await catalogWith(COUNTER_GOODS);
    const seen: string[][] = [];
    const stop = watchCatalog(() => listCategories(catalog), (categories) => seen.push(categories), 'test');
    await expect.poll(() => seen.at(-1)).toEqual([BAKERY, BAR, FRUIT]);
    await writeCatalogPage(catalog, 'products', { documents: [item(6, 'Chuối già Nam Mỹ', undefined, { active: false }), item(9, 'Gói quà tặng', 'Dịch vụ')], checkpoint: { id: 'p', seq: 20 } }, true);
    await expect.poll(() => seen.at(-1)).toEqual([BAKERY, 'Dịch vụ', BAR]);
    stop();
  });

  it('fills the shelves of a big first-sync page as the background index is built', async () => {
    const rows = Array.from({ length: 600 }, (_, index) => item(index + 1, `Sản phẩm ${index}`, index % 2 === 0 ? BAR : BAKERY));
    const catalog = await catalogWith(rows);
    await buildNameWordIndex(catalog, 0);
    expect(await countOnShelf(catalog, BAR)).toBe(300);
    expect(await countOnShelf(catalog, BAKERY)).toBe(300);
  });

  it('a tablet upgraded from the catalog before shelves finds its categories without pulling the catalog again', async () => {
    const name = `catalog-shelves-upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores({ products: '&id, *barcodes, sku, searchName, plu', balances: '&id, [kind+refId]', meta: '&key' });
    old.version(2).stores({ nameWords: '&id, *words', indexState: '&key' });
    old.version(3).stores({ products: '&id, *barcodes, sku, plu', nameWords: '&id, *words, name' });
    await old.open();
    await old.table('products').bulkPut(COUNTER_GOODS.map(({ _deleted, ...product }) => product));
    await old.table('nameWords').bulkPut(COUNTER_GOODS.map((product) => ({ id: product.id, words: [], name: product.searchName })));
    await old.table('indexState').put({ key: 'nameWords', after: null, done: true, pass: 2 });
    old.close();

    const catalog = openCatalogDatabase(name);
    opened.push(catalog);
    expect(await listCategories(catalog)).toEqual([]);
    await buildNameWordIndex(catalog, 0);
    expect(await listCategories(catalog)).toEqual([BAKERY, BAR, FRUIT]);
    expect(await catalog.products.count()).toBe(COUNTER_GOODS.length);
  });
});
