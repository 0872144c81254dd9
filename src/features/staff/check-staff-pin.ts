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
import { pinMatches, type StoredPin } from './verify-pin.ts';

export interface PinCheckContext {
  staffDatabase: StaffDatabase;
  database: Pick<PosDatabase, 'audit'>;
  identity: AuditIdentity | undefined;
  settings: LockoutSettings;
  /** Why the PIN was asked: written on the lock-out entry ("sign-in" or the permission to approve). */
  purpose: string;
  now?: () => number;
}

export async function checkStaffPin(member: StoredPin & { id: string }, pin: string, context: PinCheckContext): Promise<PinAttemptOutcome> {
  const now = context.now ?? Date.now;
  const locked = await currentLockout(context.staffDatabase, member.id, now());
  if (locked !== undefined) return { kind: 'locked', lockedUntil: locked, justLocked: false };
  if (await pinMatches(pin, member)) {
    await clearWrongPins(context.staffDatabase, member.id);
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
