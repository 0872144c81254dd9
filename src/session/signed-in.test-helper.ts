// Signs a person in as the sign-in screen does after their PIN passed: the session, and the approval key
// their PIN unlocks (session/approval-keys.ts), so their own permission-bound actions are proven.
import { forgetApprovalKey, rememberApprovalKey } from './approval-keys.ts';
import { useStaffSessionStore, type SignedInStaff } from './staff-session-store.ts';

export async function signInWithPin(staff: SignedInStaff): Promise<void> {
  useStaffSessionStore.getState().signIn(staff);
  // Any 32 bytes stand for the PIN's hash here: the tablet never checks the key, the server does.
  await rememberApprovalKey(staff.id, new Uint8Array(32).fill(7), Infinity);
}

/** Signed in with the session only, as after a reload: the key from the PIN is gone. */
export function signInAfterReload(staff: SignedInStaff): void {
  useStaffSessionStore.getState().signIn(staff);
  forgetApprovalKey(staff.id);
}
