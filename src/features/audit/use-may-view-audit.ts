/*
 * Whether the person at the till may read the audit trail: their role must hold `report.view` in the store's
 * permission table (live from the replicated config, read through src/domain/permissions.ts). undefined
 * while the config is being read; false for nobody signed in, an unknown role or a malformed table.
 */
import { useEffect, useState } from 'react';
import type { PosDatabase } from '../../data/database.ts';
import { can, parsePermissionTable, PERMISSIONS, type PermissionTable } from '../../domain/permissions.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';

export function useMayViewAudit(database: PosDatabase): boolean | undefined {
  const role = useStaffSessionStore((state) => state.staff?.role);
  const [table, setTable] = useState<PermissionTable>();
  useEffect(() => {
    const subscription = database.config.findOne().$.subscribe({
      next: (document) => setTable(parsePermissionTable(document?.permissions)),
      error: (error: unknown) => console.error('Reading the permission table for the audit viewer failed', error),
    });
    return () => subscription.unsubscribe();
  }, [database]);
  if (table === undefined) return undefined;
  return role !== undefined && can(role, PERMISSIONS.viewAudit, table);
}
