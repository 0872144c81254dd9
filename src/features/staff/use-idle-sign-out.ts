/*
 * Signs the till's person out after the store's idle time (config `permissions.idleSignOutMinutes`,
 * default 10): a shared tablet left alone must not keep selling in someone's name. Activity is a pointer
 * press or a key; the clock is checked every few seconds, so a tablet that slept signs out as it wakes.
 */
import { useEffect } from 'react';
import { isIdle } from '../../domain/pin-lockout.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { signOutStaff } from './staff-actions.ts';
import type { StaffServices } from './use-staff-services.ts';

const CHECK_EVERY_MS = 5_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown'] as const;

export function useIdleSignOut({ database, directory, identity }: StaffServices): void {
  const signedIn = useStaffSessionStore((state) => state.staff !== null);
  const idleMs = directory?.idleSignOutMs;
  useEffect(() => {
    if (!signedIn || !database || idleMs === undefined) return;
    const touch = () => useStaffSessionStore.getState().touch();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { capture: true, passive: true });
    const check = () => {
      if (!isIdle(useStaffSessionStore.getState().lastActivityAt, Date.now(), idleMs)) return;
      signOutStaff({ database, identity }, 'idle').catch((error: unknown) => console.error('Writing the idle sign-out to the audit trail failed', error));
    };
    // At once too: a session kept across a reload (session/staff-session-store.ts) may have gone idle meanwhile.
    check();
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [signedIn, database, identity, idleMs]);
}
