/*
 * This tablet's enrolment as the sync database holds it (read here, written only by enrolment.ts): where
 * the server is and the device token a staff sign-in is made with. 'loading' until read, 'none' on a device
 * that is not enrolled (or has no sync database). Live: an enrolment or a revocation shows at once.
 */
import { liveQuery } from 'dexie';
import { useContext, useEffect, useState } from 'react';
import { SyncDatabaseContext } from './sync-database-context.ts';
import type { DeviceIdentity } from './sync-database.ts';

export type Enrolment = { state: 'loading' } | { state: 'none' } | { state: 'enrolled'; identity: DeviceIdentity };

export function useEnrolment(): Enrolment {
  const syncDatabase = useContext(SyncDatabaseContext);
  const [enrolment, setEnrolment] = useState<Enrolment>({ state: 'loading' });
  useEffect(() => {
    if (!syncDatabase) return;
    const subscription = liveQuery(() => syncDatabase.device.get('this-device')).subscribe({
      next: (row) => setEnrolment(row ? { state: 'enrolled', identity: row } : { state: 'none' }),
      error: (error: unknown) => {
        console.error("Reading this tablet's enrolment failed", error);
        setEnrolment({ state: 'none' });
      },
    });
    return () => subscription.unsubscribe();
  }, [syncDatabase]);
  return syncDatabase ? enrolment : { state: 'none' };
}
