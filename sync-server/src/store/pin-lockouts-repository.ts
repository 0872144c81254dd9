/*
 * Wrong-PIN counters per store and person (pin_lockouts), kept in the database so that every server
 * instance sees the same count: after `maxFailures` wrong PINs in a row (the store's config, 5 by default)
 * the person is locked out for a while, which makes guessing a 4-digit PIN through the API hopeless.
 * Every attempt is counted BEFORE its PIN is checked (reservePinAttempt, one statement), and a right PIN
 * wipes the count (clearPinFailures): checking first and counting after let 40 guesses sent at once all be
 * checked. So however many guesses arrive together, at most `maxFailures` PINs are checked per lock-out.
 * A row means: `failures` attempts counted in a row; once they reach the maximum the person is locked out
 * until `locked_until`, which every counted attempt sets to its own time plus the lock-out (so it is the
 * end of the lock-out that the last allowed attempt started). After that a new count begins.
 */
import type { Kysely } from 'kysely';
import type { Database } from './database-types.ts';

export type PinAttempt =
  /** Counted as the `attempt`th in a row; if its PIN is wrong and attempt reached the maximum, locked till then. */
  | { attempt: number; lockedUntil: string }
  /** Not counted and not to be checked: the person is locked out. */
  | { refusedUntil: string };

/**
 * Counts an attempt at `staffId`'s PIN unless the person is locked out at `now`. One statement: on
 * PostgreSQL the ON CONFLICT branch locks the person's row and tests it at its latest count, so concurrent
 * attempts on any server instance are numbered one after another and never past `maxFailures`.
 */
export async function reservePinAttempt(
  db: Kysely<Database>,
  storeId: string,
  staffId: string,
  now: string,
  lockUntil: string,
  maxFailures: number,
): Promise<PinAttempt> {
  const counted = await db
    .insertInto('pin_lockouts')
    .values({ store_id: storeId, staff_id: staffId, failures: 1, locked_until: lockUntil })
    .onConflict((oc) =>
      oc
        .columns(['store_id', 'staff_id'])
        .doUpdateSet((eb) => ({
          // A lock-out that has ended starts a new count.
          failures: eb.case().when('pin_lockouts.failures', '>=', maxFailures).then(1).else(eb('pin_lockouts.failures', '+', 1)).end(),
          locked_until: eb.ref('excluded.locked_until'),
        }))
        .where((eb) => eb.or([eb('pin_lockouts.failures', '<', maxFailures), eb('pin_lockouts.locked_until', '<=', now)])),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirst();
  if (counted !== undefined) return { attempt: counted.failures, lockedUntil: counted.locked_until ?? lockUntil };
  // Undefined only when the lock-out ended or was lifted a moment ago: then the wait is a moment.
  return { refusedUntil: (await lockedUntil(db, storeId, staffId, now, maxFailures)) ?? now };
}

/** Until when the person is locked out at `now`, or undefined when they may try. */
export async function lockedUntil(db: Kysely<Database>, storeId: string, staffId: string, now: string, maxFailures: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('pin_lockouts')
    .select(['failures', 'locked_until'])
    .where('store_id', '=', storeId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  const until = row?.locked_until;
  return row !== undefined && row.failures >= maxFailures && until !== null && until !== undefined && until > now ? until : undefined;
}

export async function clearPinFailures(db: Kysely<Database>, storeId: string, staffId: string): Promise<void> {
  await db.deleteFrom('pin_lockouts').where('store_id', '=', storeId).where('staff_id', '=', staffId).execute();
}
