/*
 * The server's tables as Kysely sees them. SQLite and PostgreSQL store some columns differently (see
 * migrations.ts); the driver set-up in open-store.ts makes both hand back the same JavaScript types, except
 * `deleted`, which SQLite keeps as 0/1 (read it with isDeleted()).
 */
import type { ColumnType, Generated } from 'kysely';

export interface Database {
  meta: MetaTable;
  stores: StoresTable;
  devices: DevicesTable;
  documents: DocumentsTable;
  ledger_entries: LedgerEntriesTable;
  balances: BalancesTable;
  sequence_counter: SequenceCounterTable;
  staff_sessions: StaffSessionsTable;
  pin_lockouts: PinLockoutsTable;
  staff_credentials: StaffCredentialsTable;
  incidents: IncidentsTable;
  customer_aliases: CustomerAliasesTable;
  customer_stores: CustomerStoresTable;
  rate_limit_failures: RateLimitFailuresTable;
  kysely_migration: KyselyMigrationTable;
}

/** Small facts about this installation, e.g. the demo store's id and its printable demo credentials. */
export interface MetaTable {
  key: string;
  /** JSON text. */
  value: string;
}

export interface StoresTable {
  id: string;
  name: string;
  /** What staff type on a new tablet to join this store (unique). */
  enrollment_code: string;
  /** ISO-8601 (text in SQLite, timestamptz in PostgreSQL). */
  created_at: string;
}

export interface DevicesTable {
  id: string;
  store_id: string;
  name: string;
  /** SHA-256 of the bearer token: the token itself is never stored. */
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface DocumentsTable {
  collection: string;
  id: string;
  /** Null for chain-wide documents such as products. */
  store_id: string | null;
  /** Server-assigned, strictly increasing in commit order: the pull checkpoint. */
  seq: number;
  deleted: ColumnType<boolean | number, boolean | number, boolean | number>;
  /** The document as JSON text (text on both databases since migration 0005). */
  body: string;
  updated_at: string;
}

/** Ledger entries, one column per field (narrow-tables.ts); seq from the same counter as documents. */
export interface LedgerEntriesTable {
  id: string;
  store_id: string;
  seq: number;
  kind: string;
  device_id: string | null;
  ref_id: string;
  /** Thousandths of a unit (stock), minor units or points: an integer. */
  delta: number;
  reason: string;
  source_id: string | null;
  /** The entry's createdAt exactly as its device wrote it (text on both databases). */
  created_at: string;
}

/** Balances (stock, points, gift-card money, store credit), one column per field (narrow-tables.ts). */
export interface BalancesTable {
  /** kind:storeId:refId */
  id: string;
  store_id: string;
  seq: number;
  kind: string;
  ref_id: string;
  value: number;
  updated_at: string;
}

export interface SequenceCounterTable {
  name: string;
  value: number;
}

export interface StaffSessionsTable {
  /** SHA-256 of the staff bearer token. */
  token_hash: string;
  store_id: string;
  /** The device the person signed in on; revoking the device ends the session. */
  device_id: string;
  staff_id: string;
  role: string;
  created_at: string;
  expires_at: string;
}

export interface PinLockoutsTable {
  store_id: string;
  staff_id: string;
  /** Wrong PINs in a row since the last success or lockout. */
  failures: number;
  locked_until: string | null;
}

/**
 * A staff member's full PIN hash (PBKDF2-SHA256, base64), kept only here: the store's config document, which
 * every tablet of the store pulls, carries the salt, the iterations and a 12-bit check (approval-proof.ts).
 */
export interface StaffCredentialsTable {
  store_id: string;
  staff_id: string;
  pin_hash: string;
  pin_salt: string;
  pin_iterations: number;
  updated_at: string;
}

export interface IncidentsTable {
  id: string;
  store_id: string;
  kind: string;
  collection: string;
  document_id: string;
  /** JSON text. */
  detail: string;
  created_at: string;
}

export interface CustomerAliasesTable {
  alias_id: string;
  customer_id: string;
  created_at: string;
}

export interface CustomerStoresTable {
  customer_id: string;
  store_id: string;
}

/** Failed tries per key and minute (minutes since the epoch), shared by every server instance. */
export interface RateLimitFailuresTable {
  key: string;
  minute: number;
  failures: number;
}

export interface KyselyMigrationTable {
  name: string;
  timestamp: Generated<string>;
}

/** SQLite hands booleans back as 0/1, PostgreSQL as booleans. */
export function isDeleted(value: boolean | number): boolean {
  return value === true || value === 1;
}
