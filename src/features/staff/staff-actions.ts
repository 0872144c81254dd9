/*
 * Signing people in and out of the till, with the audit entry each change leaves. The session itself is the
 * shared store in src/ui/staff-session-store.ts; these functions are the only writers of it.
 */
import { recordAudit, type AuditIdentity } from '../../data/audit-log.ts';
import type { PosDatabase } from '../../data/database.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import type { StaffMember } from '../../session/use-staff-directory.ts';

type AuditTarget = { database: Pick<PosDatabase, 'audit'>; identity: AuditIdentity | undefined };

async function audit(target: AuditTarget, entry: Parameters<typeof recordAudit>[2]): Promise<void> {
  if (target.identity === undefined) {
    // Staff come from the store config, which only an enrolled device has; without an identity there is
    // no store to file the entry under. Worth a developer's attention, not the cashier's.
    console.warn(`Audit entry ${entry.action} not written: this device has no sync identity`);
    return;
  }
  await recordAudit(target.database, target.identity, entry);
}

export async function signInStaff(target: AuditTarget, member: StaffMember): Promise<void> {
  const previous = useStaffSessionStore.getState().staff;
  useStaffSessionStore.getState().signIn({ id: member.id, name: member.name, role: member.role });
  await audit(target, {
    action: 'staff.sign_in',
    staffId: member.id,
    ...(previous && previous.id !== member.id ? { details: { switchedFrom: previous.id } } : {}),
  });
}

export async function signOutStaff(target: AuditTarget, reason: 'manual' | 'idle'): Promise<void> {
  const current = useStaffSessionStore.getState().staff;
  if (!current) return;
  useStaffSessionStore.getState().signOut();
  await audit(target, { action: 'staff.sign_out', staffId: current.id, details: { reason } });
}

export { audit as recordStaffAudit };
