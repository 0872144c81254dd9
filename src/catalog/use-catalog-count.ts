/*
 * A live count of the products in the Dexie catalog: it follows the first sync page by page and every later
 * change, in this tab and in others. undefined until IndexedDB first answers.
 *
 * Why not a plain liveQuery: it recounts 100,000 rows after every write to the table, and during the first
 * sync (a 10,000-row page every few hundred ms, plus the stream's changes) those counts compete with the
 * very writes the tablet waits for. So writes only mark the count stale, and it is recounted at most once
 * per RECOUNT_MS, always once more after the last write.
 */
import { useEffect, useState } from 'react';
import { Dexie, type ObservabilitySet } from 'dexie';
import type { CatalogDatabase } from './catalog-database.ts';
import { countProducts } from './catalog-lookup.ts';

const RECOUNT_MS = 1_000;

export function useCatalogCount(database: CatalogDatabase): number | undefined {
  const [count, setCount] = useState<{ database: CatalogDatabase; value: number }>();
  useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastCount = 0;
    const productsPart = `idb://${database.name}/products/`;

    const recount = () => {
      timer = undefined;
      lastCount = Date.now();
      countProducts(database).then(
        (value) => active && setCount({ database, value }),
        (error: unknown) => console.error('Live count of the catalog failed', error),
      );
    };
    const onMutated = (parts: ObservabilitySet) => {
      // `all` is how Dexie says "anything may have changed" (e.g. a clear()).
      const touchesProducts = 'all' in parts || Object.keys(parts).some((part) => part.startsWith(productsPart));
      if (!touchesProducts || timer !== undefined) return;
      timer = setTimeout(recount, Math.max(0, lastCount + RECOUNT_MS - Date.now()));
    };
    Dexie.on('storagemutated', onMutated);
    recount();
    return () => {
      active = false;
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
  }, [database]);
  return count?.database === database ? count.value : undefined;
}
