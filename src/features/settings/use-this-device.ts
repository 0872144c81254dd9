/*
 * This tablet's enrolment as the sync database holds it (owned by src/sync; read here, never written):
 * where the server is, which device this is, and its device token for the staff sign-in call.
 * 'loading' until read, 'none' on a device that is not enrolled.
 */
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import type { DeviceIdentity, SyncDatabase } from '../../sync/sync-database.ts';

export type ThisDevice = { state: 'loading' } | { state: 'none' } | { state: 'enrolled'; identity: DeviceIdentity };

export function useThisDevice(syncDatabase: SyncDatabase): ThisDevice {
  const [device, setDevice] = useState<ThisDevice>({ state: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(() => syncDatabase.device.get('this-device')).subscribe({
      next: (row) => setDevice(row ? { state: 'enrolled', identity: row } : { state: 'none' }),
      error: (error: unknown) => {
        console.error('Reading this device\'s enrolment for the devices panel failed', error);
        setDevice({ state: 'none' });
      },
    });
    return () => subscription.unsubscribe();
  }, [syncDatabase]);
  return device;
}
