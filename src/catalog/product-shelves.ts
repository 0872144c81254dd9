/*
 * The catalog as the counter's product grid browses it: the categories of the products on sale, a category's
 * products by name a page at a time, and the store's quick keys by id. Read from the name-word table's
 * [category+name] index (catalog-database.ts, version 4): a row carries its product's category only while the
 * product is on sale, so an inactive product is on no shelf.
 *
 * Nothing here loads a category whole: a page is an index range with an offset, then one bulkGet of the
 * products it names; 100,000 products in one category cost what one screen of tiles costs. A position on a
 * shelf whose product has gone (a row not rebuilt yet after a big page) answers undefined, so the positions of
 * the others stay where the grid placed them.
 * Each watch* re-runs its query when what it read changes (Dexie liveQuery: a price from the stream, the
 * background index filling in on a new tablet) and returns the function that stops watching.
 */
import { Dexie, liveQuery } from 'dexie';
import type { ProductDocument } from '../data/schemas/types.ts';
import type { CatalogDatabase } from './catalog-database.ts';

/** More categories than fit a row of tabs are not browsed as tabs; the search finds the rest. */
export const MAX_CATEGORIES = 200;

const byCategoryAndName = '[category+name]';

/** The categories of the products on sale, in the order a Vietnamese reader expects (accents after their letter). */
export async function listCategories(database: CatalogDatabase): Promise<string[]> {
  const found: string[] = [];
  await database.transaction('r', database.nameWords, async () => {
    // One index step per category: each next category starts right after every name of the one before.
    let row = await database.nameWords.orderBy(byCategoryAndName).first();
    while (row?.category !== undefined && found.length < MAX_CATEGORIES) {
      found.push(row.category);
      row = await database.nameWords.where(byCategoryAndName).above([row.category, Dexie.maxKey]).first();
    }
  });
  const collator = new Intl.Collator('vi');
  return found.sort((a, b) => collator.compare(a, b));
}

function shelf(database: CatalogDatabase, category: string) {
  return database.nameWords.where(byCategoryAndName).between([category, Dexie.minKey], [category, Dexie.maxKey]);
}

/** How many products on sale a category holds. */
export async function countOnShelf(database: CatalogDatabase, category: string): Promise<number> {
  return shelf(database, category).count();
}

/** The products at positions offset .. offset + limit - 1 of a category by name; undefined where a product is gone or off sale. */
export async function productsOnShelf(database: CatalogDatabase, category: string, offset: number, limit: number): Promise<Array<ProductDocument | undefined>> {
  const ids = (await shelf(database, category).offset(offset).limit(limit).primaryKeys()) as string[];
  const products = await database.products.bulkGet(ids);
  return products.map((product) => (product?.active === false ? undefined : product));
}

/** The products with these ids that are on sale, in the order given (the quick keys). */
export async function productsByIds(database: CatalogDatabase, ids: readonly string[]): Promise<ProductDocument[]> {
  const products = await database.products.bulkGet([...ids]);
  return products.filter((product): product is ProductDocument => product !== undefined && product.active !== false);
}

/** Calls `listener` with the query's answer now and whenever what it read changes; returns the unsubscribe. */
export function watchCatalog<T>(query: () => Promise<T>, listener: (value: T) => void, what: string): () => void {
  const subscription = liveQuery(query).subscribe({
    next: listener,
    error: (error: unknown) => console.error(`Reading the catalog for the product grid failed (${what})`, error),
  });
  return () => subscription.unsubscribe();
}
