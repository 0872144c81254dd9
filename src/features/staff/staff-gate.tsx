import './staff.css';
import type { ReactNode } from 'react';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { SignInPanel } from './sign-in-panel.tsx';
import { useStaffServices } from './use-staff-services.ts';

/**
 * Nobody sells until somebody signs in: once the store's staff list is on this device and nobody is signed
 * in, the sign-in panel sits above the counter and the counter is inert (it stays visible, so the catalog
 * and sync state can still be read, but nothing in it can be pressed). Before enrolment there is nobody to
 * sign in and nothing to sell, so the counter shows its "set up sync" message as before.
 */
export function StaffGate({ children }: { children: ReactNode }) {
  const services = useStaffServices();
  const signedIn = useStaffSessionStore((state) => state.staff !== null);
  const { database, directory } = services;
  if (signedIn || !database || !directory || directory.staff.length === 0) return children;
  return (
    <>
      <SignInPanel services={{ ...services, database, directory }} />
      <div className="staff-gate-locked" inert data-testid="staff-gate-locked">
        {children}
      </div>
    </>
  );
}
