/*
 * Stores of the chain and the enrollment code each one's tablets join with. The code is kept readable
 * (staff type it, the manager shows it) and unique, so the code alone names the store.
 */
import type { Kysely } from 'kysely';
import type { Database } from './database-types.ts';

export interface StoreRecord {
  id: string;
  name: string;
  enrollmentCode: string;
  createdAt: string;
}

export async function insertStoreRecord(db: Kysely<Database>, store: StoreRecord): Promise<void> {
  await db
    .insertInto('stores')
    .values({ id: store.id, name: store.name, enrollment_code: store.enrollmentCode, created_at: store.createdAt })
    .execute();
}

export async function findStoreRecord(db: Kysely<Database>, id: string): Promise<StoreRecord | undefined> {
  const row = await db.selectFrom('stores').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, name: row.name, enrollmentCode: row.enrollment_code, createdAt: row.created_at };
}

/** Every store of the chain, oldest first. */
export async function listStoreRecords(db: Kysely<Database>): Promise<StoreRecord[]> {
  const rows = await db.selectFrom('stores').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, name: row.name, enrollmentCode: row.enrollment_code, createdAt: row.created_at }));
}

/** A store's name as the chain's lists show it (the config document carries it for the tablets). */
export async function renameStoreRecord(db: Kysely<Database>, id: string, name: string): Promise<void> {
  await db.updateTable('stores').set({ name }).where('id', '=', id).execute();
}

export async function findStoreByEnrollmentCode(db: Kysely<Database>, code: string): Promise<StoreRecord | undefined> {
  const row = await db.selectFrom('stores').selectAll().where('enrollment_code', '=', code).executeTakeFirst();
  return row && { id: row.id, name: row.name, enrollmentCode: row.enrollment_code, createdAt: row.created_at };
}

export async function setEnrollmentCode(db: Kysely<Database>, storeId: string, code: string): Promise<void> {
  await db.updateTable('stores').set({ enrollment_code: code }).where('id', '=', storeId).execute();
}
