/*
 * The store's staff and rules as this tablet knows them: live from the replicated config document, so a PIN
 * change or a new cashier on the server reaches the sign-in screen without a reload. undefined while the
 * config is being read or when the device has none yet (not enrolled, or the first pull has not arrived).
 * Shared by the staff sign-in and approvals and by Settings' devices panel, so it lives below both features.
 */
import { useEffect, useState } from 'react';
import { parsePermissionTable, type PermissionTable, type Role } from '../domain/permissions.ts';
import { idleSignOutMsFrom, lockoutSettingsFrom, type LockoutSettings } from '../domain/pin-lockout.ts';
import type { PosDatabase } from '../data/database.ts';
import type { StoreConfigDocument } from '../data/schemas/types.ts';

export interface StaffMember {
  id: string;
  name: string;
  role: Role;
  /** The tablet's short check of the PIN (src/domain/approval-proof.ts), never the PIN's hash. */
  pinCheck: number;
  pinSalt: string;
  pinIterations: number;
  /** The person has no PIN yet (added without one, or reset by a manager): they choose one, online, before signing in. */
  pinSetRequired: boolean;
}

export interface StaffDirectory {
  staff: StaffMember[];
  permissions: PermissionTable;
  lockout: LockoutSettings;
  idleSignOutMs: number;
}

export function directoryFrom(config: StoreConfigDocument): StaffDirectory {
  return {
    staff: config.staff
      .filter((member) => member.active)
      .map(({ id, name, role, pinCheck, pinSalt, pinIterations, pinSetRequired }) => ({ id, name, role, pinCheck, pinSalt, pinIterations, pinSetRequired: pinSetRequired === true })),
    permissions: parsePermissionTable(config.permissions),
    lockout: lockoutSettingsFrom(config.permissions),
    idleSignOutMs: idleSignOutMsFrom(config.permissions),
  };
}

/** The directory from the device database, or undefined when there is none (yet). */
export function useStaffDirectory(database: PosDatabase | undefined): StaffDirectory | undefined {
  const [directory, setDirectory] = useState<StaffDirectory>();
  useEffect(() => {
    if (!database) return;
    // One config document per store, and a device only receives its own store's.
    const subscription = database.config.findOne().$.subscribe({
      next: (document) => setDirectory(document ? directoryFrom(document.toJSON() as StoreConfigDocument) : undefined),
      error: (error: unknown) => console.error('Reading the store config for staff sign-in failed', error),
    });
    return () => subscription.unsubscribe();
  }, [database]);
  return database ? directory : undefined;
}
