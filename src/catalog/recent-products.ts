/*
 * The products scanned lately, by the code they were found by, in memory: a till scans the same few
 * hundred items all day (bags, drinks, the day's offers), and a hit spares the IndexedDB round trip on the
 * counter's tightest path. It is small (CAPACITY codes, least recently used dropped first) and never a copy
 * of the catalog: it is emptied whenever the catalog's products change (a pull page, a live price change,
 * in this tab or another, via Dexie's storagemutated), so a scan never rings up a stale price.
 */
import { Dexie, type ObservabilitySet } from 'dexie';
import type { ProductDocument } from '../data/schemas/types.ts';
import type { CatalogDatabase } from './catalog-database.ts';

const CAPACITY = 500;

export interface RecentProducts {
  get(code: string): ProductDocument | undefined;
  remember(code: string, product: ProductDocument): void;
}

const caches = new WeakMap<CatalogDatabase, RecentProducts>();

/** The cache of this catalog, one per database for the life of the page. */
export function recentProductsOf(database: CatalogDatabase): RecentProducts {
  let cache = caches.get(database);
  if (cache === undefined) {
    cache = createRecentProducts(database);
    caches.set(database, cache);
  }
  return cache;
}

function createRecentProducts(database: CatalogDatabase): RecentProducts {
  const byCode = new Map<string, ProductDocument>();
  const productsPart = `idb://${database.name}/products/`;
  const onMutated = (parts: ObservabilitySet) => {
    // `all` is how Dexie says "anything may have changed" (e.g. a clear()).
    if (byCode.size > 0 && ('all' in parts || Object.keys(parts).some((part) => part.startsWith(productsPart)))) byCode.clear();
  };
  Dexie.on('storagemutated', onMutated);
  // The listener is global (every Dexie database of the page): it goes with the catalog it serves.
  database.on('close', () => {
    Dexie.on('storagemutated').unsubscribe(onMutated);
    byCode.clear();
    caches.delete(database);
  });
  return {
    get(code) {
      const product = byCode.get(code);
      if (product !== undefined) {
        // Map keeps insertion order: moving a hit to the end makes the first entry the least recently used.
        byCode.delete(code);
        byCode.set(code, product);
      }
      return product;
    },
    remember(code, product) {
      byCode.delete(code);
      byCode.set(code, product);
      if (byCode.size > CAPACITY) {
        const oldest = byCode.keys().next();
        if (oldest.done !== true) byCode.delete(oldest.value);
      }
    },
  };
}
