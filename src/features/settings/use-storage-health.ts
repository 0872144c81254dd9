/*
 * Storage used/quota and persistence of this device's data, read on demand from the browser
 * (src/data/storage-health.ts); `requestPersistence` asks again and re-reads.
 */
import { useCallback, useEffect, useState } from 'react';
import { readStorageHealth, requestPersistentStorage, type StorageHealth } from '../../data/storage-health.ts';

export type StorageHealthState =
  | { state: 'loading' }
  | { state: 'ready'; health: StorageHealth }
  | { state: 'failed' };

export function useStorageHealth(): { status: StorageHealthState; requestPersistence: () => Promise<void> } {
  const [status, setStatus] = useState<StorageHealthState>({ state: 'loading' });

  const refresh = useCallback(async () => {
    try {
      setStatus({ state: 'ready', health: await readStorageHealth() });
    } catch (error) {
      console.error('Reading storage health failed', error);
      setStatus({ state: 'failed' });
    }
  }, []);

  useEffect(() => {
    let current = true;
    readStorageHealth().then(
      (health) => current && setStatus({ state: 'ready', health }),
      (error: unknown) => {
        console.error('Reading storage health failed', error);
        if (current) setStatus({ state: 'failed' });
      },
    );
    return () => {
      current = false;
    };
  }, []);

  const requestPersistence = useCallback(async () => {
    try {
      await requestPersistentStorage();
    } catch (error) {
      console.error('Requesting persistent storage failed', error);
    }
    await refresh();
  }, [refresh]);

  return { status, requestPersistence };
}
