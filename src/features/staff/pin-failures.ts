/*
 * Wrong-PIN counts per person, in a small Dexie database of their own, `store-pos-staff`, table
 * `pinFailures` (`&staffId`): one row { staffId, failures, lockedUntil? } per person with recent wrong PINs.
 * In IndexedDB and not in memory so that reloading the page (or closing the tab) does not give a guesser
 * five fresh tries; kept out of RxDB because it must never sync (it is this tablet's own count; the server
 * counts its own) and the RxDB database has a fixed set of replicated collections. The rule lives in
 * src/domain/pin-lockout.ts. No PIN is stored here, only counts and times.
 */
import { Dexie, type EntityTable } from 'dexie';
import { afterWrongPin, freshRecord, lockedUntil, type LockoutSettings, type PinAttemptOutcome, type PinFailureRecord } from '../../domain/pin-lockout.ts';

export type StaffDatabase = Dexie & { pinFailures: EntityTable<PinFailureRecord, 'staffId'> };

export const staffDatabaseName = 'store-pos-staff';

export function openStaffDatabase(name: string = staffDatabaseName): StaffDatabase {
  const database = new Dexie(name) as StaffDatabase;
  database.version(1).stores({ pinFailures: '&staffId' });
  return database;
}

let shared: StaffDatabase | undefined;

/** The page's one staff database, opened on first use (Dexie opens lazily). */
export function staffDatabase(): StaffDatabase {
  shared ??= openStaffDatabase();
  return shared;
}

export async function currentLockout(database: StaffDatabase, staffId: string, now: number): Promise<number | undefined> {
  return lockedUntil(await database.pinFailures.get(staffId), now);
}

/** Counts a wrong PIN in one transaction, so two tabs cannot both spend the same try. */
export async function countWrongPin(database: StaffDatabase, staffId: string, now: number, settings: LockoutSettings): Promise<PinAttemptOutcome> {
  return database.transaction('rw', database.pinFailures, async () => {
    const { record, outcome } = afterWrongPin((await database.pinFailures.get(staffId)) ?? freshRecord(staffId), now, settings);
    await database.pinFailures.put(record);
    return outcome;
  });
}

export async function clearWrongPins(database: StaffDatabase, staffId: string): Promise<void> {
  await database.pinFailures.delete(staffId);
}
