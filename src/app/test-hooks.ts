/*
 * E2E tests only: when the page's localStorage has `pos.e2eHooks` = "on" (the E2E harness sets it before the
 * app loads), the device database is reachable as `window.__posTestHooks.databaseOpening`, so a test can
 * write a document the way a not-yet-built screen will (an audit entry, a customer) and watch it sync.
 * This opens nothing new: any script on this origin can already read and write its IndexedDB.
 * `signInStaff` sets who is at the till (the in-memory staff session) until the sign-in screen exists.
 */
import type { PosDatabase } from '../data/database.ts';
import { useStaffSessionStore, type SignedInStaff } from '../ui/staff-session-store.ts';

export const TEST_HOOKS_FLAG = 'pos.e2eHooks';

export interface PosTestHooks {
  databaseOpening: Promise<PosDatabase>;
  signInStaff?: (staff: SignedInStaff) => void;
}

declare global {
  interface Window {
    __posTestHooks?: PosTestHooks;
  }
}

export function exposeTestHooks(hooks: PosTestHooks): void {
  let enabled = false;
  try {
    enabled = localStorage.getItem(TEST_HOOKS_FLAG) === 'on';
  } catch (error) {
    console.warn('Could not read the test-hooks flag; hooks stay off', error);
  }
  if (enabled) window.__posTestHooks = { signInStaff: (staff) => useStaffSessionStore.getState().signIn(staff), ...hooks };
}
