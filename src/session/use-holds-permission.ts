/*
 * Whether the person signed in at the till holds a permission in the store's permission table, live from the
 * replicated config (a role changed on the server reaches an open screen). undefined while the config is
 * being read; false for nobody signed in, an unknown role or a malformed table. The server checks again on
 * every call: this only keeps a screen from offering what would be refused. Shared by every screen with a
 * door (audit, back office, stock, dashboard).
 */
import { useEffect, useState } from 'react';
import type { PosDatabase } from '../data/database.ts';
import { can, parsePermissionTable, type Permission, type PermissionTable } from '../domain/permissions.ts';
import { useStaffSessionStore } from './staff-session-store.ts';

export function useHoldsPermission(database: PosDatabase, permission: Permission): boolean | undefined {
  const role = useStaffSessionStore((state) => state.staff?.role);
  const [table, setTable] = useState<PermissionTable>();
  useEffect(() => {
    const subscription = database.config.findOne().$.subscribe({
      next: (document) => setTable(parsePermissionTable(document?.permissions)),
      error: (error: unknown) => console.error(`Reading the permission table (for ${permission}) failed`, error),
    });
    return () => subscription.unsubscribe();
  }, [database, permission]);
  if (table === undefined) return undefined;
  return role !== undefined && can(role, permission, table);
}
