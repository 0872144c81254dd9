/*
 * This tablet's enrolment as the sync database holds it (owned by src/sync; read here, never written):
 * where the server is and the device token the staff sign-in is made with. 'loading' until read, 'none'
 * on a device that is not enrolled.
 */
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import type { DeviceIdentity, SyncDatabase } from '../../sync/sync-database.ts';

export type Enrolment = { state: 'loading' } | { state: 'none' } | { state: 'enrolled'; identity: DeviceIdentity };

export function useEnrolment(syncDatabase: SyncDatabase | null): Enrolment {
  const [enrolment, setEnrolment] = useState<Enrolment>({ state: 'loading' });
  useEffect(() => {
    if (!syncDatabase) return;
    const subscription = liveQuery(() => syncDatabase.device.get('this-device')).subscribe({
      next: (row) => setEnrolment(row ? { state: 'enrolled', identity: row } : { state: 'none' }),
      error: (error: unknown) => {
        console.error("Reading this tablet's enrolment for the back office failed", error);
        setEnrolment({ state: 'none' });
      },
    });
    return () => subscription.unsubscribe();
  }, [syncDatabase]);
  return syncDatabase ? enrolment : { state: 'none' };
}
