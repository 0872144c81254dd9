/*
 * Reads of the Dexie catalog that the counter needs, each on an index: the catalog is never loaded whole.
 */
import type { ProductDocument } from '../data/schemas/types.ts';
import { foldForSearch } from '../domain/search-text.ts';
import type { CatalogDatabase } from './catalog-database.ts';

/** The product carrying this barcode (any of its barcodes), or undefined. */
export async function findProductByBarcode(database: CatalogDatabase, code: string): Promise<ProductDocument | undefined> {
  return database.products.where('barcodes').equals(code).first();
}

/** Up to `limit` products whose folded name starts with the folded prefix, in name order. */
export async function searchProducts(database: CatalogDatabase, prefix: string, limit: number): Promise<ProductDocument[]> {
  const folded = foldForSearch(prefix);
  if (folded === '') return [];
  return database.products.where('searchName').startsWith(folded).limit(limit).toArray();
}

/** How many products the catalog holds, counted by IndexedDB. */
export async function countProducts(database: CatalogDatabase): Promise<number> {
  return database.products.count();
}
