/*
 * How the counter finds products: by a scanned code, a scale label's PLU, a SKU, or text as typed, each on
 * an index of the Dexie catalog (src/catalog), never by loading the catalog. Screens get it from
 * ProductFinderContext, so component tests hand in a fake and the browser tests the real one.
 */
import { createContext, useContext } from 'react';
import type { ProductDocument } from '../data/schemas/types.ts';
import type { CatalogDatabase } from './catalog-database.ts';
import { findProductByBarcodes, searchProducts } from './catalog-lookup.ts';
import { recentProductsOf } from './recent-products.ts';
import { isNameWordIndexBuilt, stepAsideForCounter, watchNameWordIndexBuilt } from './name-word-index.ts';

export interface ProductFinder {
  /** The first product carrying any of these codes (the forms a GTIN may be stored in). */
  byBarcodes(codes: readonly string[]): Promise<ProductDocument | undefined>;
  byPlu(plu: string): Promise<ProductDocument | undefined>;
  bySku(sku: string): Promise<ProductDocument | undefined>;
  /**
   * Any word of the name by its start (diacritics and case ignored), SKU or barcode whole or by its start,
   * exact SKU and barcode first, up to `limit` (catalog-lookup.ts says how they are ranked).
   */
  search(text: string, limit: number): Promise<ProductDocument[]>;
  /** Whether search finds products by name yet (a new tablet indexes names in the background after its first sync). */
  namesIndexed(): Promise<boolean>;
  /** Calls `listener` with whether names are indexed, now and on each change; returns the unsubscribe. */
  watchNamesIndexed(listener: (indexed: boolean) => void): () => void;
  /** The server-confirmed stock of a product in this store, in thousandths; undefined when unknown. */
  confirmedStock(productId: string): Promise<{ value: number; updatedAt: string } | undefined>;
}

export function catalogProductFinder(catalog: CatalogDatabase): ProductFinder {
  const recent = recentProductsOf(catalog);
  return {
    async byBarcodes(codes) {
      stepAsideForCounter();
      for (const code of codes) {
        const known = recent.get(code);
        if (known !== undefined) return known;
      }
      const product = await findProductByBarcodes(catalog, codes);
      if (product !== undefined && codes[0] !== undefined) recent.remember(codes[0], product);
      return product;
    },
    byPlu: (plu) => catalog.products.where('plu').equals(plu).first(),
    bySku: (sku) => catalog.products.where('sku').equals(sku).first(),
    search: (text, limit) => searchProducts(catalog, text, limit),
    namesIndexed: () => isNameWordIndexBuilt(catalog),
    watchNamesIndexed: (listener) => watchNameWordIndexBuilt(catalog, listener),
    async confirmedStock(productId) {
      const row = await catalog.balances.where('[kind+refId]').equals(['stock', productId]).first();
      return row === undefined ? undefined : { value: row.value, updatedAt: row.updatedAt };
    },
  };
}

export const ProductFinderContext = createContext<ProductFinder | null>(null);

export function useProductFinder(): ProductFinder {
  const finder = useContext(ProductFinderContext);
  if (finder === null) throw new Error('useProductFinder must be used inside <ProductFinderContext>');
  return finder;
}
