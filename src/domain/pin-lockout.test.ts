import { describe, expect, it } from 'vitest';
import {
  afterWrongPin,
  DEFAULT_IDLE_SIGN_OUT_MS,
  freshRecord,
  idleSignOutMsFrom,
  isIdle,
  lockedUntil,
  lockoutSettingsFrom,
  type PinFailureRecord,
} from './pin-lockout.ts';

const MINUTE = 60_000;
const settings = { maxFailures: 5, lockoutMs: 5 * MINUTE };

function wrongTimes(times: number, start: PinFailureRecord, now: number) {
  let record = start;
  let outcome;
  for (let i = 0; i < times; i++) ({ record, outcome } = afterWrongPin(record, now, settings));
  return { record, outcome };
}

describe('the PIN lock-out at the counter', () => {
  it('tells the cashier how many tries are left after each wrong PIN', () => {
    const { outcome } = wrongTimes(3, freshRecord('lan'), 0);
    expect(outcome).toEqual({ kind: 'wrong', triesLeft: 2 });
  });

  it('locks the person out on the fifth wrong PIN for the configured time', () => {
    const { record, outcome } = wrongTimes(5, freshRecord('lan'), 1_000);
    expect(outcome).toEqual({ kind: 'locked', lockedUntil: 1_000 + 5 * MINUTE, justLocked: true });
    expect(lockedUntil(record, 1_000 + 4 * MINUTE)).toBe(1_000 + 5 * MINUTE);
    expect(lockedUntil(record, 1_000 + 5 * MINUTE)).toBeUndefined();
  });

  it('keeps refusing during the lock-out without extending it', () => {
    const { record } = wrongTimes(5, freshRecord('lan'), 0);
    const again = afterWrongPin(record, 2 * MINUTE, settings);
    expect(again.outcome).toEqual({ kind: 'locked', lockedUntil: 5 * MINUTE, justLocked: false });
    expect(again.record).toBe(record);
  });

  it('gives a full five tries again once the lock-out is over', () => {
    const { record } = wrongTimes(5, freshRecord('lan'), 0);
    const after = afterWrongPin(record, 6 * MINUTE, settings);
    expect(after.outcome).toEqual({ kind: 'wrong', triesLeft: 4 });
    expect(after.record.lockedUntil).toBeUndefined();
  });

  it('reads the lock-out time from config and falls back to 5 tries and 5 minutes', () => {
    expect(lockoutSettingsFrom({ pinLockoutMinutes: 15 })).toEqual({ maxFailures: 5, lockoutMs: 15 * MINUTE });
    expect(lockoutSettingsFrom({ pinLockoutMinutes: 'soon', pinMaxFailures: 1 })).toEqual({ maxFailures: 5, lockoutMs: 5 * MINUTE });
    expect(lockoutSettingsFrom(undefined)).toEqual({ maxFailures: 5, lockoutMs: 5 * MINUTE });
  });
});

describe('signing out an idle till', () => {
  it('signs out after the configured idle time, default 10 minutes', () => {
    expect(idleSignOutMsFrom({})).toBe(DEFAULT_IDLE_SIGN_OUT_MS);
    expect(idleSignOutMsFrom({ idleSignOutMinutes: 2 })).toBe(2 * MINUTE);
    expect(isIdle(0, 2 * MINUTE - 1, 2 * MINUTE)).toBe(false);
    expect(isIdle(0, 2 * MINUTE, 2 * MINUTE)).toBe(true);
  });
});
