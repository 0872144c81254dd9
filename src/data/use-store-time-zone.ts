/*
 * The store's time zone (config store.timeZone, synced to this device), live; undefined until the device
 * database is open and the config is read (callers then use the default store zone, Vietnam's).
 */
import { useContext, useEffect, useState } from 'react';
import { DatabaseContext } from './database-context.ts';

export function useStoreTimeZone(): string | undefined {
  // No provider (a screen tested on its own) or not open yet: unknown.
  const status = useContext(DatabaseContext);
  const database = status?.state === 'ready' ? status.database : undefined;
  const [timeZone, setTimeZone] = useState<{ database: unknown; zone: string | undefined }>();
  useEffect(() => {
    if (database === undefined) return undefined;
    const subscription = database.config.findOne().$.subscribe({
      next: (document) => setTimeZone({ database, zone: document?.store.timeZone }),
      error: (error: unknown) => console.error('Reading the store\'s time zone failed; times are shown on Vietnam\'s clock', error),
    });
    return () => subscription.unsubscribe();
  }, [database]);
  return timeZone?.database === database ? timeZone?.zone : undefined;
}
