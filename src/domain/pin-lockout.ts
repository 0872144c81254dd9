/*
 * The PIN lock-out rule of the counter: after `maxFailures` wrong PINs in a row a person is locked out for
 * `lockoutMs`; a right PIN (or the end of the lock-out) starts the count again. Pure: the caller persists the
 * record (src/features/staff/pin-failures.ts keeps it in IndexedDB, so a reload does not reset the count)
 * and passes the clock in. The same numbers as the server's own lock-out (POS_PIN_LOCKOUT_MINUTES, 5 tries).
 */

export interface PinFailureRecord {
  staffId: string;
  /** Wrong PINs in a row since the last right one or the last lock-out's end. */
  failures: number;
  /** Epoch milliseconds until which the person may not try; absent when not locked out. */
  lockedUntil?: number;
}

export interface LockoutSettings {
  maxFailures: number;
  lockoutMs: number;
}

export const DEFAULT_LOCKOUT: LockoutSettings = { maxFailures: 5, lockoutMs: 5 * 60_000 };

export type PinAttemptOutcome =
  | { kind: 'accepted' }
  | { kind: 'wrong'; triesLeft: number }
  | { kind: 'locked'; lockedUntil: number; justLocked: boolean };

export function freshRecord(staffId: string): PinFailureRecord {
  return { staffId, failures: 0 };
}

/** Epoch milliseconds until which `record` is locked, or undefined when the person may try now. */
export function lockedUntil(record: PinFailureRecord | undefined, now: number): number | undefined {
  return record?.lockedUntil !== undefined && record.lockedUntil > now ? record.lockedUntil : undefined;
}

/** The record after a wrong PIN, and what to tell the person. An expired lock-out starts a new count. */
export function afterWrongPin(
  record: PinFailureRecord,
  now: number,
  settings: LockoutSettings = DEFAULT_LOCKOUT,
): { record: PinFailureRecord; outcome: PinAttemptOutcome } {
  const stillLocked = lockedUntil(record, now);
  if (stillLocked !== undefined) return { record, outcome: { kind: 'locked', lockedUntil: stillLocked, justLocked: false } };
  const failures = (record.lockedUntil === undefined ? record.failures : 0) + 1;
  if (failures >= settings.maxFailures) {
    const until = now + settings.lockoutMs;
    return { record: { staffId: record.staffId, failures, lockedUntil: until }, outcome: { kind: 'locked', lockedUntil: until, justLocked: true } };
  }
  return { record: { staffId: record.staffId, failures }, outcome: { kind: 'wrong', triesLeft: settings.maxFailures - failures } };
}

/** The lock-out settings from the config's `permissions` object (`pinLockoutMinutes`), else the defaults. */
export function lockoutSettingsFrom(permissions: unknown): LockoutSettings {
  const minutes = numberSetting(permissions, 'pinLockoutMinutes', 1, 24 * 60);
  const maxFailures = numberSetting(permissions, 'pinMaxFailures', 3, 20);
  return {
    maxFailures: maxFailures ?? DEFAULT_LOCKOUT.maxFailures,
    lockoutMs: minutes === undefined ? DEFAULT_LOCKOUT.lockoutMs : minutes * 60_000,
  };
}

export const DEFAULT_IDLE_SIGN_OUT_MS = 10 * 60_000;

/** Idle time before the till signs its person out, from `permissions.idleSignOutMinutes` (default 10). */
export function idleSignOutMsFrom(permissions: unknown): number {
  const minutes = numberSetting(permissions, 'idleSignOutMinutes', 1, 12 * 60);
  return minutes === undefined ? DEFAULT_IDLE_SIGN_OUT_MS : minutes * 60_000;
}

/** True once nobody touched the till for `idleMs`: the signed-in person is then signed out. */
export function isIdle(lastActivityAt: number, now: number, idleMs: number): boolean {
  return now - lastActivityAt >= idleMs;
}

function numberSetting(source: unknown, key: string, min: number, max: number): number | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const value = (source as Record<string, unknown>)[key];
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}
