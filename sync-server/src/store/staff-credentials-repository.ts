/*
 * Staff members' full PIN hashes (staff_credentials, migration 0008), server-only: no replication route,
 * stream or export reads this table. Written with the config document that names the person, in the same
 * transaction, so a tablet never sees a check whose hash the server lacks.
 */
import type { Kysely, Transaction } from 'kysely';
import type { StaffCredential } from '../auth/staff-pins.ts';
import type { Database } from './database-types.ts';

export interface StaffCredentialRow extends StaffCredential {
  staffId: string;
}

export async function putStaffCredentials(
  db: Kysely<Database> | Transaction<Database>,
  storeId: string,
  rows: readonly StaffCredentialRow[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const updatedAt = now.toISOString();
  await db
    .insertInto('staff_credentials')
    .values(rows.map((row) => ({ store_id: storeId, staff_id: row.staffId, pin_hash: row.pinHash, pin_salt: row.pinSalt, pin_iterations: row.pinIterations, updated_at: updatedAt })))
    .onConflict((oc) =>
      oc.columns(['store_id', 'staff_id']).doUpdateSet((eb) => ({
        pin_hash: eb.ref('excluded.pin_hash'),
        pin_salt: eb.ref('excluded.pin_salt'),
        pin_iterations: eb.ref('excluded.pin_iterations'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** The credentials of the named people of one store, by staff id (people without one are absent). */
export async function getStaffCredentials(
  db: Kysely<Database> | Transaction<Database>,
  storeId: string,
  staffIds: readonly string[],
): Promise<Map<string, StaffCredential>> {
  const found = new Map<string, StaffCredential>();
  if (staffIds.length === 0) return found;
  const rows = await db
    .selectFrom('staff_credentials')
    .select(['staff_id', 'pin_hash', 'pin_salt', 'pin_iterations'])
    .where('store_id', '=', storeId)
    .where('staff_id', 'in', [...new Set(staffIds)])
    .execute();
  for (const row of rows) found.set(row.staff_id, { pinHash: row.pin_hash, pinSalt: row.pin_salt, pinIterations: Number(row.pin_iterations) });
  return found;
}
