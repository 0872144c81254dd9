/*
 * One PIN attempt for one person, as the sign-in screen and the approval dialog both need it: refuse while
 * locked out (without even hashing), check the PIN, count a wrong one in IndexedDB and in the audit trail
 * (`staff.pin_failed`: guessing at someone's PIN shows), clear the count on a right one, and write a
 * `staff.pin_lockout` audit entry the moment someone gets locked out.
 */
import type { LockoutSettings, PinAttemptOutcome } from '../../domain/pin-lockout.ts';
import { recordAudit, type AuditIdentity } from '../../data/audit-log.ts';
import type { PosDatabase } from '../../data/database.ts';
import { clearWrongPins, countWrongPin, currentLockout, type StaffDatabase } from './pin-failures.ts';
import { checkPinOnTablet, type TabletPinCheck } from '../../domain/approval-proof.ts';
import { APPROVER_KEY_MS, rememberApprovalKey } from '../../session/approval-keys.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';

/** The purpose a sign-in passes; anything else is the permission being approved. */
export const SIGN_IN_PURPOSE = 'sign-in';

export interface PinCheckContext {
  staffDatabase: StaffDatabase;
  database: Pick<PosDatabase, 'audit'>;
  identity: AuditIdentity | undefined;
  settings: LockoutSettings;
  /** Why the PIN was asked: written on the lock-out entry ("sign-in" or the permission to approve). */
  purpose: string;
  now?: () => number;
}

export async function checkStaffPin(member: TabletPinCheck & { id: string }, pin: string, context: PinCheckContext): Promise<PinAttemptOutcome> {
  const now = context.now ?? Date.now;
  const locked = await currentLockout(context.staffDatabase, member.id, now());
  if (locked !== undefined) return { kind: 'locked', lockedUntil: locked, justLocked: false };
  const hash = await checkPinOnTablet(pin, member);
  if (hash !== undefined) {
    await clearWrongPins(context.staffDatabase, member.id);
    // The key that signs this person's approvals: for the whole session after a sign-in, briefly for an approval.
    const ownSession = context.purpose === SIGN_IN_PURPOSE || useStaffSessionStore.getState().staff?.id === member.id;
    await rememberApprovalKey(member.id, hash, ownSession ? Infinity : now() + APPROVER_KEY_MS);
    return { kind: 'accepted' };
  }
  const outcome = await countWrongPin(context.staffDatabase, member.id, now(), context.settings);
  if (context.identity !== undefined) {
    await recordAudit(context.database, context.identity, { action: 'staff.pin_failed', staffId: member.id, details: { purpose: context.purpose } });
  }
  if (outcome.kind === 'locked' && outcome.justLocked && context.identity !== undefined) {
    await recordAudit(context.database, context.identity, {
      action: 'staff.pin_lockout',
      staffId: member.id,
      details: { purpose: context.purpose, lockedUntil: new Date(outcome.lockedUntil).toISOString() },
    });
  }
  return outcome;
}
