/*
 * Tries per key and minute (rate_limit_failures): wrong enrollment codes per address, failed PIN sign-ins
 * per device and per address, bad webhook signatures per address, and successful enrolments per address and
 * per store. Kept in the database, not in memory, so N server instances on one PostgreSQL count one limit
 * together instead of N separate ones.
 * A try is counted BEFORE the work it limits (reserveTry), in one statement that also refuses it when the
 * window is full: checking the count and recording the try in two steps let a burst of concurrent guesses
 * through between them. A try that turns out not to count (a right PIN, a valid enrollment code) is handed
 * back with releaseTry. Rows older than the longest window are of no use and are deleted as keys start a new minute.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from './database-types.ts';

/** The longest window any limit counts over (successful enrolments: an hour), in minutes. */
export const LONGEST_WINDOW_MINUTES = 60;

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
  await deleteExpired(db, minute);
}

/**
 * Counts one try of `key` in `minute` unless the tries of the last `windowMinutes` minutes (this one
 * included) already reached `maxTries`; true when counted. One statement: on PostgreSQL the ON CONFLICT
 * branch locks this minute's row and tests the condition against its latest count, so concurrent callers
 * (on any server instance) can never count more than `maxTries`; SQLite runs one writer at a time. The
 * earlier minutes of the window are past and no longer grow.
 */
export async function reserveTry(db: Kysely<Database>, key: string, minute: number, windowMinutes: number, maxTries: number): Promise<boolean> {
  const earlier = sql<number>`(select coalesce(sum(e.failures), 0) from rate_limit_failures e where e.key = ${key} and e.minute > ${minute - windowMinutes} and e.minute < ${minute})`;
  const result = await sql<{ failures: number }>`
    insert into rate_limit_failures (key, minute, failures)
    select cast(${key} as text), cast(${minute} as bigint), 1 where ${earlier} < ${maxTries}
    on conflict (key, minute) do update set failures = rate_limit_failures.failures + 1
    where rate_limit_failures.failures + ${earlier} < ${maxTries}
    returning failures`.execute(db);
  // A key's first try in a minute is the moment to sweep; doing it on every try would double the writes.
  if (result.rows[0]?.failures === 1) await deleteExpired(db, minute);
  return result.rows.length > 0;
}

/** Hands back a try counted by reserveTry in `minute` (it turned out not to be one the limit counts). */
export async function releaseTry(db: Kysely<Database>, key: string, minute: number): Promise<void> {
  await db
    .updateTable('rate_limit_failures')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('key', '=', key)
    .where('minute', '=', minute)
    .where('failures', '>', 0)
    .execute();
}

/** Tries of `key` per minute over the `windowMinutes` minutes up to `minute`, oldest first. */
export async function triesInWindow(db: Kysely<Database>, key: string, minute: number, windowMinutes: number): Promise<Array<{ minute: number; tries: number }>> {
  const rows = await db
    .selectFrom('rate_limit_failures')
    .select(['minute', 'failures'])
    .where('key', '=', key)
    .where('minute', '>', minute - windowMinutes)
    .where('minute', '<=', minute)
    .orderBy('minute')
    .execute();
  return rows.map((row) => ({ minute: Number(row.minute), tries: row.failures }));
}

async function deleteExpired(db: Kysely<Database>, minute: number): Promise<void> {
  await db.deleteFrom('rate_limit_failures').where('minute', '<', minute - LONGEST_WINDOW_MINUTES).execute();
}
