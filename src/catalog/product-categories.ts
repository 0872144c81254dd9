/*
 * The catalog categories of a few products (a cart's, a purchase's), read by id from the catalog's products
 * table: what the store's category rules need (categories that earn no points, that never come back), so the
 * counter earns points exactly as the server derives them (sync-server/src/policies/sale-money.ts).
 */
import type { CatalogDatabase } from './catalog-database.ts';

/** Product id -> category, for those of `productIds` the catalog has with a category. */
export async function categoriesOfProducts(catalog: CatalogDatabase, productIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
  const ids = [...new Set(productIds)];
  const categories = new Map<string, string>();
  if (ids.length === 0) return categories;
  for (const product of await catalog.products.bulkGet(ids)) if (product?.category !== undefined) categories.set(product.id, product.category);
  return categories;
}
