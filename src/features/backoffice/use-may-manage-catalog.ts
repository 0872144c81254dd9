/*
 * Whether the person at the till may use the back office's catalog import: their role must hold
 * `catalog.manage` in the store's permission table (live from the replicated config). undefined while the
 * config is being read; false for nobody signed in, an unknown role or a malformed table. The server checks
 * again on every call: this only keeps the screen from offering what would be refused.
 */
import { useEffect, useState } from 'react';
import type { PosDatabase } from '../../data/database.ts';
import { can, parsePermissionTable, PERMISSIONS, type PermissionTable } from '../../domain/permissions.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';

export function useMayManageCatalog(database: PosDatabase): boolean | undefined {
  const role = useStaffSessionStore((state) => state.staff?.role);
  const [table, setTable] = useState<PermissionTable>();
  useEffect(() => {
    const subscription = database.config.findOne().$.subscribe({
      next: (document) => setTable(parsePermissionTable(document?.permissions)),
      error: (error: unknown) => console.error('Reading the permission table for the back office failed', error),
    });
    return () => subscription.unsubscribe();
  }, [database]);
  if (table === undefined) return undefined;
  return role !== undefined && can(role, PERMISSIONS.manageCatalog, table);
}
