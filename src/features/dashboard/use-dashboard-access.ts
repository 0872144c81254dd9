/*
 * What the dashboard's door needs from the tablet: whether the person signed in at the till holds report.view
 * in the store's permission table (live from the replicated config; undefined while it is read), and this
 * tablet's enrolment (where the server is, the device token the PIN sign-in is made with). The server checks
 * again on every call: this only keeps the screen from offering what would be refused.
 */
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import type { PosDatabase } from '../../data/database.ts';
import { can, parsePermissionTable, type PermissionTable } from '../../domain/permissions.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import type { DeviceIdentity, SyncDatabase } from '../../sync/sync-database.ts';

export function useMayViewReports(database: PosDatabase): boolean | undefined {
  const role = useStaffSessionStore((state) => state.staff?.role);
  const [table, setTable] = useState<PermissionTable>();
  useEffect(() => {
    const subscription = database.config.findOne().$.subscribe({
      next: (document) => setTable(parsePermissionTable(document?.permissions)),
      error: (error: unknown) => console.error('Reading the permission table for the dashboard failed', error),
    });
    return () => subscription.unsubscribe();
  }, [database]);
  if (table === undefined) return undefined;
  return role !== undefined && can(role, 'report.view', table);
}

export type Enrolment = { state: 'loading' } | { state: 'none' } | { state: 'enrolled'; identity: DeviceIdentity };

export function useEnrolment(syncDatabase: SyncDatabase | null): Enrolment {
  const [enrolment, setEnrolment] = useState<Enrolment>({ state: 'loading' });
  useEffect(() => {
    if (!syncDatabase) return;
    const subscription = liveQuery(() => syncDatabase.device.get('this-device')).subscribe({
      next: (row) => setEnrolment(row ? { state: 'enrolled', identity: row } : { state: 'none' }),
      error: (error: unknown) => {
        console.error("Reading this tablet's enrolment for the dashboard failed", error);
        setEnrolment({ state: 'none' });
      },
    });
    return () => subscription.unsubscribe();
  }, [syncDatabase]);
  return syncDatabase ? enrolment : { state: 'none' };
}
