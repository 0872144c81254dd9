/*
 * Whether the person at the till holds a back-office permission (catalog.manage, staff.edit,
 * settings.edit) in the store's permission table, live from the replicated config. undefined while the config
 * is being read; false for nobody signed in, an unknown role or a malformed table. The server checks again on
 * every call: this only keeps a screen from offering what would be refused.
 */
import { useEffect, useState } from 'react';
import type { PosDatabase } from '../../data/database.ts';
import { can, parsePermissionTable, type PermissionTable } from '../../domain/permissions.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import type { Permission } from '../../ui/screen-route.ts';

export function useMayManage(database: PosDatabase, permission: Permission): boolean | undefined {
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
  return role !== undefined && can(role, permission, table);
}
