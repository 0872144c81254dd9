/*
 * The store and device ids every audit entry carries, read from the sync database's device row (owned by
 * src/sync; read here, never written). undefined on a device that is not enrolled.
 */
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import type { AuditIdentity } from '../../data/audit-log.ts';
import { useSyncDatabase } from '../../sync/sync-database-context.ts';

/** `enabled` false (the device database is not open yet) skips reading until it is needed. */
export function useAuditIdentity(enabled: boolean): AuditIdentity | undefined {
  const syncDatabase = useSyncDatabase();
  const [identity, setIdentity] = useState<AuditIdentity>();
  useEffect(() => {
    if (!enabled) return;
    const subscription = liveQuery(() => syncDatabase.device.get('this-device')).subscribe({
      next: (row) => setIdentity(row ? { storeId: row.storeId, deviceId: row.deviceId } : undefined),
      error: (error: unknown) => console.error('Reading the device identity for the audit trail failed', error),
    });
    return () => subscription.unsubscribe();
  }, [syncDatabase, enabled]);
  return enabled ? identity : undefined;
}
