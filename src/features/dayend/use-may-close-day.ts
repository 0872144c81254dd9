// Who may use the day-end screen: a role holding report.view or day.close in the store's table.
import { can, PERMISSIONS } from '../../domain/permissions.ts';
import type { PermissionTable } from '../../domain/permissions.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';

export function useMayUseDayEnd(permissions: PermissionTable): boolean {
  const role = useStaffSessionStore((state) => state.staff?.role);
  return role !== undefined && (can(role, PERMISSIONS.viewReports, permissions) || can(role, PERMISSIONS.closeDay, permissions));
}
