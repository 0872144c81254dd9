/*
 * Key/value facts about this installation, kept as JSON text in the meta table: the demo store's id and
 * the plain demo credentials (staff PINs, pickup codes) that main prints at start-up so a person trying
 * the demo can sign in, and the packing-slip signing key pair (auth/order-signing.ts), which never leaves
 * the server. Real stores' PINs never go here: they live only as PBKDF2 hashes in config.
 */
import type { Kysely } from 'kysely';
import type { Database } from './database-types.ts';

export async function readMeta<T>(db: Kysely<Database>, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row === undefined ? undefined : (JSON.parse(row.value) as T);
}

export async function writeMeta(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  await db
    .insertInto('meta')
    .values({ key, value: text })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: text }))
    .execute();
}

/** Writes `value` only when `key` has none yet (two instances starting together keep the first one's). */
export async function insertMetaIfAbsent(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
