/*
 * The store's config document (synced from the server, read-only on the device), live from RxDB.
 * `undefined` while the first answer is pending, `null` when the device has none yet (not enrolled, or the
 * first sync has not brought it).
 */
import { useEffect, useState } from 'react';
import type { StoreConfigDocument } from './schemas/types.ts';
import { useDatabase } from './database-context.ts';

export function useStoreConfig(): StoreConfigDocument | null | undefined {
  const database = useDatabase();
  const [config, setConfig] = useState<StoreConfigDocument | null | undefined>(undefined);
  useEffect(() => {
    const subscription = database.config.findOne().$.subscribe({
      next: (document) => setConfig(document === null ? null : (document.toJSON() as StoreConfigDocument)),
      error: (error: unknown) => console.error('Reading the store config failed', error),
    });
    return () => subscription.unsubscribe();
  }, [database]);
  return config;
}
