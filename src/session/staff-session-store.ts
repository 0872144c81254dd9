/*
 * Who is working the till right now. Set by the staff sign-in (src/features/staff) after a PIN check
 * against the store config; read by every feature that records who did something (sales, handovers,
 * drawer events, audit). Kept in the tab's sessionStorage (who and when they last did something, nothing
 * secret), so a reload within the store's idle time keeps the person signed in; the idle sign-out
 * (features/staff/use-idle-sign-out.ts) checks at once after a reload and signs out a session that went
 * idle meanwhile. Closing the tab ends it. What a PIN unlocks (the approval key) is never stored: after a
 * reload the person types their PIN again for an action that needs one (session/approval-keys.ts).
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
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

export const STAFF_SESSION_STORAGE_KEY = 'pos-staff-session';

export const useStaffSessionStore = create<StaffSessionState>()(
  persist(
    (set, get) => ({
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
    }),
    {
      name: STAFF_SESSION_STORAGE_KEY,
      storage: createJSONStorage(() => sessionStorage),
      partialize: (state) => ({ staff: state.staff, lastActivityAt: state.lastActivityAt }),
    },
  ),
);
