/*
 * The approvals a return needs (domain/return-policy.ts: without a receipt, a refund above the store's
 * limit), got the way every approval at this counter is: the signed-in person approves by holding the
 * permissions in the store's table while their PIN's key is still here (session/approval-keys.ts), else a
 * holder types their PIN in the staff feature's dialog, through the shared approval store. The approver must
 * hold every permission asked (the document's proof names the first). Answers the approver's id, or null.
 */
import { useCallback } from 'react';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { can, parsePermissionTable } from '../../domain/permissions.ts';
import { hasApprovalKey } from '../../session/approval-keys.ts';
import { useApprovalStore } from '../../session/approval-store.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';

export function useReturnApproval(config: StoreConfigDocument | null | undefined): (permissions: readonly string[], reason: string) => Promise<string | null> {
  return useCallback(
    async (permissions: readonly string[], reason: string) => {
      const [first] = permissions;
      if (first === undefined) return useStaffSessionStore.getState().staff?.id ?? null;
      const table = parsePermissionTable(config?.permissions ?? {});
      const staff = useStaffSessionStore.getState().staff;
      if (staff !== null && permissions.every((permission) => can(staff.role, permission, table))) {
        if (hasApprovalKey(staff.id)) return staff.id;
        const confirmed = await useApprovalStore.getState().requestApproval(first, reason, { allowSelf: true });
        return confirmed?.id ?? null;
      }
      const approver = await useApprovalStore.getState().requestApproval(first, reason);
      if (approver === null) return null;
      // Offered for the first permission; the rest must be theirs too.
      return permissions.every((permission) => can(approver.role, permission, table)) ? approver.id : null;
    },
    [config],
  );
}
