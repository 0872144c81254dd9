// A PIN check on a real IndexedDB, in real Chromium: wrong PINs count across a reload (a fresh Dexie
// connection), each leaves an audit entry, the fifth locks the person out and leaves one more, a right PIN
// clears the count.
import { afterEach, describe, expect, it } from 'vitest';
import { createPosDatabase, type PosDatabase } from '../../data/database.ts';
import { openStaffDatabase, type StaffDatabase } from './pin-failures.ts';
import { checkStaffPin, type PinCheckContext } from './check-staff-pin.ts';

// '482913' as a tablet checks it: the first 12 bits of its PBKDF2 hash (1,000 iterations to keep the test quick).
const lan = { id: 'staff-lan', pinCheck: 3102, pinSalt: 'c2FsdC1mb3ItbGFuLTAwMQ==', pinIterations: 1_000 };
const identity = { storeId: 'store-q1', deviceId: 'device-1' };
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setUp(): Promise<{ database: PosDatabase; staffName: string; context: (staffDatabase: StaffDatabase, now: number) => PinCheckContext }> {
  const database = await createPosDatabase({ name: `staff-test-${crypto.randomUUID()}`, devMode: true });
  const staffName = `staff-test-${crypto.randomUUID()}`;
  cleanups.push(async () => {
    await database.remove();
    await openStaffDatabase(staffName).delete();
  });
  const context = (staffDatabase: StaffDatabase, now: number): PinCheckContext => ({
    staffDatabase,
    database,
    identity,
    settings: { maxFailures: 5, lockoutMs: 5 * 60_000 },
    purpose: 'sign-in',
    now: () => now,
  });
  return { database, staffName, context };
}

describe('a cashier typing PINs at the till', () => {
  it('is locked out on the fifth wrong PIN, and a reload does not give fresh tries', async () => {
    const { database, staffName, context } = await setUp();
    const before = openStaffDatabase(staffName);
    for (let i = 0; i < 4; i++) expect((await checkStaffPin(lan, '000000', context(before, 1_000))).kind).toBe('wrong');
    before.close();

    const afterReload = openStaffDatabase(staffName);
    const fifth = await checkStaffPin(lan, '000000', context(afterReload, 2_000));
    expect(fifth).toEqual({ kind: 'locked', lockedUntil: 2_000 + 5 * 60_000, justLocked: true });
    // Even the right PIN is refused during the lock-out.
    expect((await checkStaffPin(lan, '482913', context(afterReload, 60_000))).kind).toBe('locked');

    // Each wrong PIN leaves a trace (guessing shows), the lock-out one more; the refused try while locked none.
    const entries = await database.audit.find({ sort: [{ id: 'asc' }] }).exec();
    expect(entries.map((e) => [e.action, e.staffId])).toEqual([...Array.from({ length: 5 }, () => ['staff.pin_failed', 'staff-lan']), ['staff.pin_lockout', 'staff-lan']]);
    expect(entries.every((e) => e.details?.['purpose'] === 'sign-in' && e.approverId === undefined)).toBe(true);
    afterReload.close();
  });

  it('signs in with the right PIN after the lock-out ends, which clears the count', async () => {
    const { staffName, context } = await setUp();
    const staffDatabase = openStaffDatabase(staffName);
    for (let i = 0; i < 5; i++) await checkStaffPin(lan, '111111', context(staffDatabase, 0));
    expect((await checkStaffPin(lan, '482913', context(staffDatabase, 5 * 60_000 + 1))).kind).toBe('accepted');
    expect(await staffDatabase.pinFailures.get(lan.id)).toBeUndefined();
    staffDatabase.close();
  });
});
