/*
 * Failed tries per key and minute (rate_limit_failures): wrong enrollment codes per address, wrong PINs
 * per device, bad webhook signatures per address. Kept in the database, not in memory, so N server
 * instances on one PostgreSQL count one limit together instead of N separate ones. Rows older than the
 * previous minute are of no use to anyone and are deleted whenever a failure is recorded.
 */
import type { Kysely } from 'kysely';
import type { Database } from './database-types.ts';

/** Failures of `key` in minute `minute` and in the minute before it. */
export async function recentFailures(db: Kysely<Database>, key: string, minute: number): Promise<{ previous: number; current: number }> {
  const rows = await db
    .selectFrom('rate_limit_failures')
    .select(['minute', 'failures'])
    .where('key', '=', key)
    .where('minute', 'in', [minute - 1, minute])
    .execute();
  let previous = 0;
  let current = 0;
  for (const row of rows) {
    if (Number(row.minute) === minute) current = row.failures;
    else previous = row.failures;
  }
  return { previous, current };
}

export async function recordFailure(db: Kysely<Database>, key: string, minute: number): Promise<void> {
  await db
    .insertInto('rate_limit_failures')
    .values({ key, minute, failures: 1 })
    .onConflict((oc) => oc.columns(['key', 'minute']).doUpdateSet((eb) => ({ failures: eb('rate_limit_failures.failures', '+', 1) })))
    .execute();
  await db.deleteFrom('rate_limit_failures').where('minute', '<', minute - 1).execute();
}
