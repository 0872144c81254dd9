/*
 * Whether the person at the till may open the stock screens (their role holds `stock.manage` in the
 * store's permission table, live from the replicated config), and this tablet's enrolment (where the
 * server is, the device token the staff sign-in is made with), read from the sync database, never written.
 * The server checks the permission again on every call: this only keeps the screen from offering what
 * would be refused.
 */
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import type { PosDatabase } from '../../data/database.ts';
import { can, parsePermissionTable, PERMISSIONS, type PermissionTable } from '../../domain/permissions.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import type { DeviceIdentity, SyncDatabase } from '../../sync/sync-database.ts';

export function useMayManageStock(database: PosDatabase): boolean | undefined {
  const role = useStaffSessionStore((state) => state.staff?.role);
  const [table, setTable] = useState<PermissionTable>();
  useEffect(() => {
    const subscription = database.config.findOne().$.subscribe({
      next: (document) => setTable(parsePermissionTable(document?.permissions)),
      error: (error: unknown) => console.error('Reading the permission table for the stock screens failed', error),
    });
    return () => subscription.unsubscribe();
  }, [database]);
  if (table === undefined) return undefined;
  return role !== undefined && can(role, PERMISSIONS.manageStock, table);
}

export type StockEnrolment = { state: 'loading' } | { state: 'none' } | { state: 'enrolled'; identity: DeviceIdentity };

export function useStockEnrolment(syncDatabase: SyncDatabase | null): StockEnrolment {
  const [enrolment, setEnrolment] = useState<StockEnrolment>({ state: 'loading' });
  useEffect(() => {
    if (!syncDatabase) return;
    const subscription = liveQuery(() => syncDatabase.device.get('this-device')).subscribe({
      next: (row) => setEnrolment(row ? { state: 'enrolled', identity: row } : { state: 'none' }),
      error: (error: unknown) => {
        console.error("Reading this tablet's enrolment for the stock screens failed", error);
        setEnrolment({ state: 'none' });
      },
    });
    return () => subscription.unsubscribe();
  }, [syncDatabase]);
  return syncDatabase ? enrolment : { state: 'none' };
}
