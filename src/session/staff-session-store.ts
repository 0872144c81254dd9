/*
 * Who is working the till right now. Set by the staff sign-in (src/features/staff) after a PIN check
 * against the store config; read by every feature that records who did something (sales, handovers,
 * drawer events, audit). In memory only: after a reload the cashier signs in again, which is also what
 * a shared tablet needs.
 */
import { create } from 'zustand';
import type { Role } from '../domain/permissions.ts';

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

export const useStaffSessionStore = create<StaffSessionState>()((set) => ({
  staff: null,
  lastActivityAt: 0,
  signIn: (staff) => set({ staff, lastActivityAt: Date.now() }),
  signOut: () => set({ staff: null }),
  touch: (now = Date.now()) => set({ lastActivityAt: now }),
}));
