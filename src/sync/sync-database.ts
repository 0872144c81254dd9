/*
 * What this device keeps about its own sync, in a small Dexie database of its own, `<name>-sync`:
 *
 *   device      `&key`          one row, key "this-device": the enrolment (server URL, device and store ids,
 *                               the device token) and, once the server answered 401, when it was revoked.
 *                               Kept apart from the catalog so that wiping and re-pulling the catalog never
 *                               loses the device's identity, and apart from RxDB so that it can be read at
 *                               start-up before RxDB is even loaded.
 *   quarantine  `&[collection+id], collection`   documents the server refused (400/403) with its message:
 *                               set aside so that later documents keep flowing, shown in the sync status,
 *                               and never deleted from RxDB (a sale is never deleted).
 *   progress    `&key`          one row, key "last-synced": when this device last exchanged anything with
 *                               the server successfully (last-synced.ts). Kept so that a reload, an offline
 *                               start or a second tab (which never syncs itself) still says when it was;
 *                               held in memory only, a tablet that synced a minute ago said "never synced".
 *
 * The token is as sensitive as the device itself: it never leaves this database except in the
 * Authorization header of sync calls, and it is never put into logs or the UI state.
 */
import { Dexie, type EntityTable } from 'dexie';

export interface DeviceIdentity {
  deviceId: string;
  storeId: string;
  storeName: string;
  deviceName: string;
  /** Where the sync server is, e.g. "https://pos.example.vn" (the page origin by default). */
  serverUrl: string;
  token: string;
  enrolledAt: string;
  /** Set when the server answered 401: the device was revoked and stops syncing. */
  revokedAt?: string;
}

export interface DeviceIdentityRow extends DeviceIdentity {
  key: 'this-device';
}

export interface QuarantinedDocument {
  collection: string;
  id: string;
  /** The full document as it was pushed, so nothing is lost whatever happens to it later. */
  document: Record<string, unknown>;
  status: number;
  /** The server's error code and message, as sent. */
  error: string;
  message: string;
  quarantinedAt: string;
}

/** When this device last synced successfully (ISO date-time, the device's clock). */
export interface LastSyncedRow {
  key: 'last-synced';
  at: string;
}

export type SyncDatabase = Dexie & {
  device: EntityTable<DeviceIdentityRow, 'key'>;
  quarantine: EntityTable<QuarantinedDocument, 'collection' | 'id'>;
  progress: EntityTable<LastSyncedRow, 'key'>;
};

export function syncDatabaseName(deviceDatabaseName: string): string {
  return `${deviceDatabaseName}-sync`;
}

export function openSyncDatabase(name: string): SyncDatabase {
  const database = new Dexie(name) as SyncDatabase;
  database.version(1).stores({
    device: '&key',
    quarantine: '&[collection+id], collection',
  });
  // 2 adds progress (the last successful sync); nothing else changes.
  database.version(2).stores({ progress: '&key' });
  return database;
}
