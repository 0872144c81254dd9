/*
 * A change the domain says needs a manager: a supervisor or manager at the till approves it by being
 * signed in (their role's permissions in the config); a cashier asks one on the spot through the shared
 * approval store (src/ui/approval-store.ts), whose PIN dialog the staff feature renders. Answers the
 * approver's id, or null when nobody approved.
 */
import { useCallback } from 'react';
import { useApprovalStore } from '../../ui/approval-store.ts';
import { useStaffSessionStore } from '../../ui/staff-session-store.ts';
import { roleMay } from './sale-settings.ts';
import { useSaleSettings } from './sale-settings-context.ts';

export function useApproval(): (permission: string, reason: string) => Promise<string | null> {
  const settings = useSaleSettings();
  return useCallback(
    async (permission: string, reason: string) => {
      const staff = useStaffSessionStore.getState().staff;
      if (staff !== null && staff.role !== 'cashier' && roleMay(settings, staff.role, permission)) return staff.id;
      const approver = await useApprovalStore.getState().requestApproval(permission, reason);
      return approver?.id ?? null;
    },
    [settings],
  );
}
