/*
 * Enrolled devices (tablets, counter PCs) and the staff sessions opened on them, in the devices and
 * staff_sessions tables. Tokens are stored as SHA-256 hashes only; revoking a device (revoked_at) ends its
 * access and that of every staff session opened on it at once, on every server instance.
 */
import type { Kysely } from 'kysely';
import type { Database } from './database-types.ts';

export interface DeviceRecord {
  id: string;
  storeId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

export type TokenOwner =
  | { kind: 'device'; device: DeviceRecord }
  | { kind: 'staff'; device: DeviceRecord; staffId: string; role: string; expiresAt: string };

export async function insertDevice(
  db: Kysely<Database>,
  device: { id: string; storeId: string; name: string; tokenHash: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('devices')
    .values({ id: device.id, store_id: device.storeId, name: device.name, token_hash: device.tokenHash, created_at: device.createdAt, revoked_at: null })
    .execute();
}

export async function listDevices(db: Kysely<Database>, storeId: string): Promise<DeviceRecord[]> {
  const rows = await db.selectFrom('devices').selectAll().where('store_id', '=', storeId).orderBy('created_at').execute();
  return rows.map(toDevice);
}

/** Revokes a device of the store; false when the store has no such device. */
export async function revokeDevice(db: Kysely<Database>, storeId: string, deviceId: string, at: string): Promise<DeviceRecord | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('devices').selectAll().where('id', '=', deviceId).where('store_id', '=', storeId).executeTakeFirst();
    if (row === undefined) return undefined;
    const revokedAt = row.revoked_at ?? at;
    await trx.updateTable('devices').set({ revoked_at: revokedAt }).where('id', '=', deviceId).execute();
    await trx.deleteFrom('staff_sessions').where('device_id', '=', deviceId).execute();
    return toDevice({ ...row, revoked_at: revokedAt });
  });
}

/** Who holds a token: an active device, or a staff session on one (expired sessions included). */
export async function findTokenOwner(db: Kysely<Database>, tokenHash: string): Promise<TokenOwner | 'revoked' | undefined> {
  const device = await db.selectFrom('devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (device !== undefined) return device.revoked_at === null ? { kind: 'device', device: toDevice(device) } : 'revoked';
  const session = await db
    .selectFrom('staff_sessions')
    .innerJoin('devices', 'devices.id', 'staff_sessions.device_id')
    .select([
      'staff_sessions.staff_id',
      'staff_sessions.role',
      'staff_sessions.expires_at',
      'devices.id',
      'devices.store_id',
      'devices.name',
      'devices.created_at',
      'devices.revoked_at',
      'devices.token_hash',
    ])
    .where('staff_sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (session === undefined) return undefined;
  if (session.revoked_at !== null) return 'revoked';
  return { kind: 'staff', device: toDevice(session), staffId: session.staff_id, role: session.role, expiresAt: session.expires_at };
}

export async function insertStaffSession(
  db: Kysely<Database>,
  session: { tokenHash: string; storeId: string; deviceId: string; staffId: string; role: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('staff_sessions')
    .values({
      token_hash: session.tokenHash,
      store_id: session.storeId,
      device_id: session.deviceId,
      staff_id: session.staffId,
      role: session.role,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
  // Expired sessions are of no use to anyone: clear them out as new ones are made.
  await db.deleteFrom('staff_sessions').where('expires_at', '<', session.createdAt).execute();
}

function toDevice(row: { id: string; store_id: string; name: string; created_at: string; revoked_at: string | null }): DeviceRecord {
  return { id: row.id, storeId: row.store_id, name: row.name, createdAt: row.created_at, revokedAt: row.revoked_at };
}
