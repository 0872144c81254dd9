/*
 * A live count of the products in the Dexie catalog (Dexie liveQuery): it follows the first sync page by
 * page and every later change, in this tab and in others. undefined until IndexedDB first answers.
 */
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import type { CatalogDatabase } from './catalog-database.ts';
import { countProducts } from './catalog-lookup.ts';

export function useCatalogCount(database: CatalogDatabase): number | undefined {
  const [count, setCount] = useState<{ database: CatalogDatabase; value: number }>();
  useEffect(() => {
    const subscription = liveQuery(() => countProducts(database)).subscribe({
      next: (value) => setCount({ database, value }),
      error: (error: unknown) => console.error('Live count of the catalog failed', error),
    });
    return () => subscription.unsubscribe();
  }, [database]);
  return count?.database === database ? count.value : undefined;
}
