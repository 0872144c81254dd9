/*
 * A change the domain says needs approval: whoever is at the till approves it by being signed in when
 * their role holds the permission in the store's table (src/domain/permissions.ts) and their PIN's key is
 * still here to prove it (session/approval-keys.ts; gone after a reload: they type their PIN); anyone else asks a
 * holder on the spot through the shared approval store (src/ui/approval-store.ts), whose PIN dialog the
 * staff feature renders. Answers the approver's id, or null when nobody approved.
 */
import { useCallback } from 'react';
import { can } from '../../domain/permissions.ts';
import { hasApprovalKey } from '../../session/approval-keys.ts';
import { useApprovalStore } from '../../session/approval-store.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { useSaleSettings } from '../../data/sale-settings-context.ts';

export function useApproval(): (permission: string, reason: string) => Promise<string | null> {
  const settings = useSaleSettings();
  return useCallback(
    async (permission: string, reason: string) => {
      const staff = useStaffSessionStore.getState().staff;
      if (staff !== null && can(staff.role, permission, settings.permissions)) {
        // Their PIN's key proves it; after a reload they confirm with their PIN first.
        if (hasApprovalKey(staff.id)) return staff.id;
        const confirmed = await useApprovalStore.getState().requestApproval(permission, reason, { allowSelf: true });
        return confirmed?.id ?? null;
      }
      const approver = await useApprovalStore.getState().requestApproval(permission, reason);
      return approver?.id ?? null;
    },
    [settings],
  );
}
