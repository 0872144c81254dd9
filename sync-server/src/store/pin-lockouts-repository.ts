/*
 * Wrong-PIN counters per store and person (pin_lockouts), kept in the database so that every server
 * instance sees the same count: after `maxFailures` wrong PINs in a row (the store's config, 5 by default)
 * the person is locked out for a while, which makes guessing a 4-digit PIN through the API hopeless.
 * A correct PIN resets the count.
 */
import type { Kysely } from 'kysely';
import type { Database } from './database-types.ts';

export async function lockedUntil(db: Kysely<Database>, storeId: string, staffId: string, now: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('pin_lockouts')
    .select('locked_until')
    .where('store_id', '=', storeId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return row?.locked_until !== null && row?.locked_until !== undefined && row.locked_until > now ? row.locked_until : undefined;
}

/** Counts a wrong PIN; returns how many are left, or the lock-out end when this one used the last. */
export async function recordPinFailure(
  db: Kysely<Database>,
  storeId: string,
  staffId: string,
  lockUntil: string,
  maxFailures: number,
): Promise<{ left: number } | { lockedUntil: string }> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('pin_lockouts')
      .values({ store_id: storeId, staff_id: staffId, failures: 1, locked_until: null })
      .onConflict((oc) => oc.columns(['store_id', 'staff_id']).doUpdateSet((eb) => ({ failures: eb('pin_lockouts.failures', '+', 1) })))
      .execute();
    const row = await trx
      .selectFrom('pin_lockouts')
      .select('failures')
      .where('store_id', '=', storeId)
      .where('staff_id', '=', staffId)
      .executeTakeFirstOrThrow();
    if (row.failures < maxFailures) return { left: maxFailures - row.failures };
    await trx
      .updateTable('pin_lockouts')
      .set({ failures: 0, locked_until: lockUntil })
      .where('store_id', '=', storeId)
      .where('staff_id', '=', staffId)
      .execute();
    return { lockedUntil: lockUntil };
  });
}

export async function clearPinFailures(db: Kysely<Database>, storeId: string, staffId: string): Promise<void> {
  await db.deleteFrom('pin_lockouts').where('store_id', '=', storeId).where('staff_id', '=', staffId).execute();
}
