// Who is at the till, on a real IndexedDB in real Chromium: every sign-in, quick switch and sign-out leaves
// an audit entry naming the person (and, for a switch, who was there before), filed under this device.
import { afterEach, describe, expect, it } from 'vitest';
import { createPosDatabase, type PosDatabase } from '../../data/database.ts';
import type { AuditEntryDocument } from '../../data/schemas/types.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { signInStaff, signOutStaff } from './staff-actions.ts';
import type { StaffMember } from '../../session/use-staff-directory.ts';

const identity = { storeId: 'store-q1', deviceId: 'device-1' };
const pin = { pinCheck: 0, pinSalt: 's', pinIterations: 1_000, pinSetRequired: false };
const lan: StaffMember = { id: 'staff-lan', name: 'Nguyễn Thị Lan', role: 'cashier', ...pin };
const nam: StaffMember = { id: 'staff-nam', name: 'Lê Hoàng Nam', role: 'manager', ...pin };

let database: PosDatabase | undefined;

afterEach(async () => {
  useStaffSessionStore.getState().signOut();
  await database?.remove();
  database = undefined;
});

async function trail(on: PosDatabase): Promise<AuditEntryDocument[]> {
  return (await on.audit.find({ sort: [{ id: 'asc' }] }).exec()).map((document) => document.toJSON() as AuditEntryDocument);
}

describe('signing people in and out of the till', () => {
  it('records the sign-in, the quick switch with who was there before, and the sign-out with its reason', async () => {
    database = await createPosDatabase({ name: `staff-actions-${crypto.randomUUID()}`, devMode: true });
    const target = { database, identity };
    await signInStaff(target, lan);
    await signInStaff(target, nam);
    expect(useStaffSessionStore.getState().staff).toEqual({ id: nam.id, name: nam.name, role: 'manager' });
    await signOutStaff(target, 'idle');
    expect(useStaffSessionStore.getState().staff).toBeNull();

    const entries = await trail(database);
    // Entries written in the same millisecond may sort either way by id: compare them as a set.
    expect(entries).toHaveLength(3);
    expect(entries.map(({ action, staffId, details }) => ({ action, staffId, details }))).toEqual(
      expect.arrayContaining([
        { action: 'staff.sign_in', staffId: lan.id, details: undefined },
        { action: 'staff.sign_in', staffId: nam.id, details: { switchedFrom: lan.id } },
        { action: 'staff.sign_out', staffId: nam.id, details: { reason: 'idle' } },
      ]),
    );
    expect(entries.every((entry) => entry.storeId === 'store-q1' && entry.deviceId === 'device-1' && entry.approverId === undefined)).toBe(true);
  });

  it('writes nothing for a sign-out when nobody is signed in', async () => {
    database = await createPosDatabase({ name: `staff-actions-${crypto.randomUUID()}`, devMode: true });
    await signOutStaff({ database, identity }, 'manual');
    expect(await trail(database)).toEqual([]);
  });
});
