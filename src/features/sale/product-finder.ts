/*
 * How the counter finds products: by a scanned code, a scale label's PLU, a SKU, or text as typed, each on
 * an index of the Dexie catalog (src/catalog), never by loading the catalog. Screens get it from
 * ProductFinderContext, so component tests hand in a fake and the browser tests the real one.
 */
import { createContext, useContext } from 'react';
import type { ProductDocument } from '../../data/schemas/types.ts';
import type { CatalogDatabase } from '../../catalog/catalog-database.ts';
import { findProductByBarcode, searchProducts } from '../../catalog/catalog-lookup.ts';
import { foldForSearch } from '../../domain/search-text.ts';

export interface ProductFinder {
  /** The first product carrying any of these codes (the forms a GTIN may be stored in). */
  byBarcodes(codes: readonly string[]): Promise<ProductDocument | undefined>;
  byPlu(plu: string): Promise<ProductDocument | undefined>;
  bySku(sku: string): Promise<ProductDocument | undefined>;
  /** Name prefix (diacritics and case ignored), plus exact SKU and barcode, up to `limit`. */
  search(text: string, limit: number): Promise<ProductDocument[]>;
  /** The server-confirmed stock of a product in this store, in thousandths; undefined when unknown. */
  confirmedStock(productId: string): Promise<{ value: number; updatedAt: string } | undefined>;
}

export function catalogProductFinder(catalog: CatalogDatabase): ProductFinder {
  return {
    async byBarcodes(codes) {
      if (codes.length === 1 && codes[0] !== undefined) return findProductByBarcode(catalog, codes[0]);
      return catalog.products.where('barcodes').anyOf([...codes]).first();
    },
    byPlu: (plu) => catalog.products.where('plu').equals(plu).first(),
    bySku: (sku) => catalog.products.where('sku').equals(sku).first(),
    async search(text, limit) {
      const typed = text.trim();
      if (foldForSearch(typed) === '') return [];
      const [byName, bySku, byCode] = await Promise.all([
        searchProducts(catalog, typed, limit),
        catalog.products.where('sku').equals(typed.toUpperCase()).first(),
        /^\d{8,14}$/.test(typed) ? catalog.products.where('barcodes').equals(typed).first() : Promise.resolve(undefined),
      ]);
      const exact = [bySku, byCode].filter((product): product is ProductDocument => product !== undefined);
      const seen = new Set(exact.map((product) => product.id));
      return [...exact, ...byName.filter((product) => !seen.has(product.id))].slice(0, limit);
    },
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
