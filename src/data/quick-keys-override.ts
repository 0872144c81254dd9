/*
 * A manager's quick keys on this tablet, kept in the counter database (counter-database.ts, table quickKeys,
 * one row per store). Why here and not in the store's config: the config is written only by the server, which
 * has no route yet for a tablet to change it; so the tablet keeps its own list, with the store's list it
 * replaced, and src/domain/quick-keys.ts decides which one the counter shows. Never synced.
 */
import { liveQuery } from 'dexie';
import type { QuickKeysOverride } from '../domain/quick-keys.ts';
import type { CounterDatabase, QuickKeysRow } from './counter-database.ts';

/** Calls `listener` with this store's override (undefined: none) now and whenever it changes, in any tab; returns the unsubscribe. */
export function watchQuickKeysOverride(database: CounterDatabase, storeId: string, listener: (override: QuickKeysOverride | undefined) => void): () => void {
  const subscription = liveQuery(() => database.quickKeys.get(storeId)).subscribe({
    next: (row) => listener(row === undefined ? undefined : { productIds: row.productIds, replacedConfigList: row.replacedConfigList }),
    error: (error: unknown) => console.error("Reading this tablet's quick keys failed; the store's list is shown", { storeId, error }),
  });
  return () => subscription.unsubscribe();
}

export async function saveQuickKeysOverride(database: CounterDatabase, row: QuickKeysRow): Promise<void> {
  await database.quickKeys.put(row);
}

/** Back to the store's list. */
export async function dropQuickKeysOverride(database: CounterDatabase, storeId: string): Promise<void> {
  await database.quickKeys.delete(storeId);
}
