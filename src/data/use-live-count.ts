/*
 * A live count of the documents in a collection, straight from IndexedDB (RxDB count query): the
 * catalog is never loaded into memory to be counted. undefined until the first answer arrives.
 */
import { useEffect, useState } from 'react';
import type { DeviceCollectionName } from './database.ts';
import { useDatabase } from './database-context.ts';

export function useLiveCount(collection: DeviceCollectionName): number | undefined {
  const database = useDatabase();
  const [count, setCount] = useState<{ collection: DeviceCollectionName; value: number }>();
  useEffect(() => {
    const subscription = database[collection].count().$.subscribe({
      next: (value) => setCount({ collection, value }),
      error: (error: unknown) => console.error(`Live count of ${collection} failed`, error),
    });
    return () => subscription.unsubscribe();
  }, [database, collection]);
  // Ignore a count that belongs to the previous collection while the new subscription starts.
  return count?.collection === collection ? count.value : undefined;
}
