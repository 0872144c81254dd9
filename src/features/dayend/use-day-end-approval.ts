/*
 * A manager's approval for the drawer and the day: whoever is signed in approves it themselves when their
 * role holds the permission and their PIN's key is here to prove it (session/approval-keys.ts; after a
 * reload they type their PIN again); anyone else asks a holder on the spot through the approval dialog
 * (session/approval-store.ts). Answers the approver's id, or null when nobody approved.
 */
import { useCallback } from 'react';
import { can } from '../../domain/permissions.ts';
import type { PermissionTable } from '../../domain/permissions.ts';
import { hasApprovalKey } from '../../session/approval-keys.ts';
import { useApprovalStore } from '../../session/approval-store.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';

export function useDayEndApproval(permissions: PermissionTable): (permission: string, reason: string) => Promise<string | null> {
  return useCallback(
    async (permission: string, reason: string) => {
      const staff = useStaffSessionStore.getState().staff;
      if (staff !== null && can(staff.role, permission, permissions)) {
        if (hasApprovalKey(staff.id)) return staff.id;
        const confirmed = await useApprovalStore.getState().requestApproval(permission, reason, { allowSelf: true });
        return confirmed?.id ?? null;
      }
      const approver = await useApprovalStore.getState().requestApproval(permission, reason);
      return approver?.id ?? null;
    },
    [permissions],
  );
}
