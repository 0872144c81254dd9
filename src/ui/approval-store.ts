/*
 * Asking for a supervisor's or manager's PIN on the spot. A feature that hits an action beyond the signed-in
 * person's role calls `requestApproval(permission, reason)` and awaits the approver (or null if the cashier
 * cancels); the staff feature renders the PIN dialog for the pending request and resolves it after checking
 * the PIN and the approver's role. Both people are then recorded on the action and in the audit trail.
 */
import { create } from 'zustand';

export interface Approver {
  id: string;
  name: string;
  role: 'supervisor' | 'manager';
}

export interface ApprovalRequest {
  permission: string;
  /** Shown to the approver: what they are approving, in the user's language. */
  reason: string;
  resolve: (approver: Approver | null) => void;
}

interface ApprovalState {
  pending: ApprovalRequest | null;
  requestApproval: (permission: string, reason: string) => Promise<Approver | null>;
  settle: (approver: Approver | null) => void;
}

export const useApprovalStore = create<ApprovalState>()((set, get) => ({
  pending: null,
  requestApproval: (permission, reason) => {
    get().pending?.resolve(null);
    return new Promise<Approver | null>((resolve) => set({ pending: { permission, reason, resolve } }));
  },
  settle: (approver) => {
    const pending = get().pending;
    set({ pending: null });
    pending?.resolve(approver);
  },
}));
