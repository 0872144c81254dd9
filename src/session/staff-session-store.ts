/*
 * Who is working the till right now. Set by the staff sign-in (src/features/staff) after a PIN check
 * against the store config; read by every feature that records who did something (sales, handovers,
 * drawer events, audit). In memory only: after a reload the cashier signs in again, which is also what
 * a shared tablet needs.
 */
import { create } from 'zustand';
import type { Role } from '../domain/permissions.ts';
import { forgetApprovalKey } from './approval-keys.ts';

/** The roles of the store's permission table (src/domain/permissions.ts); what each may do is the table's. */
export type StaffRole = Role;

export interface SignedInStaff {
  id: string;
  name: string;
  role: StaffRole;
}

interface StaffSessionState {
  staff: SignedInStaff | null;
  /** Milliseconds since epoch of the last user activity, for the idle sign-out. */
  lastActivityAt: number;
  signIn: (staff: SignedInStaff) => void;
  signOut: () => void;
  touch: (now?: number) => void;
}

export const useStaffSessionStore = create<StaffSessionState>()((set, get) => ({
  staff: null,
  lastActivityAt: 0,
  signIn: (staff) => {
    const before = get().staff;
    // The person handing over stops signing: their key goes with their session (session/approval-keys.ts).
    if (before !== null && before.id !== staff.id) forgetApprovalKey(before.id);
    set({ staff, lastActivityAt: Date.now() });
  },
  signOut: () => {
    const before = get().staff;
    if (before !== null) forgetApprovalKey(before.id);
    set({ staff: null });
  },
  touch: (now = Date.now()) => set({ lastActivityAt: now }),
}));
