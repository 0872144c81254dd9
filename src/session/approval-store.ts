/*
 * Asking an approver's PIN on the spot. A feature that hits an action beyond the signed-in person's role
 * calls `requestApproval(permission, reason)` and awaits the approver (or null if the cashier cancels); the
 * staff feature renders the PIN dialog for the pending request, offers only people whose role holds the
 * permission in the store's table, and resolves it after checking the PIN. Both people are then recorded
 * on the action and in the audit trail.
 */
import { create } from 'zustand';
import type { Role } from '../domain/permissions.ts';

/** Someone whose role holds the permission asked for (src/domain/permissions.ts's `approverRoles`). */
export interface Approver {
  id: string;
  name: string;
  role: Role;
}

export interface ApprovalRequest {
  permission: string;
  /** Shown to the approver: what they are approving, in the user's language. */
  reason: string;
  resolve: (approver: Approver | null) => void;
  /**
   * The person asking may answer too: they hold the permission but their PIN's key is gone (a reload since
   * they signed in), so they confirm with their PIN (session/approval-keys.ts).
   */
  allowSelf: boolean;
}

interface ApprovalState {
  pending: ApprovalRequest | null;
  requestApproval: (permission: string, reason: string, options?: { allowSelf?: boolean }) => Promise<Approver | null>;
  settle: (approver: Approver | null) => void;
}

export const useApprovalStore = create<ApprovalState>()((set, get) => ({
  pending: null,
  requestApproval: (permission, reason, options = {}) => {
    get().pending?.resolve(null);
    return new Promise<Approver | null>((resolve) => set({ pending: { permission, reason, resolve, allowSelf: options.allowSelf === true } }));
  },
  settle: (approver) => {
    const pending = get().pending;
    set({ pending: null });
    pending?.resolve(approver);
  },
}));
