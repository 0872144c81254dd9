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
  order_inbox: OrderInboxTable;
  outbox: OutboxTable;
  bank_notices: BankNoticesTable;
  payment_waits: PaymentWaitsTable;
  sale_returns: SaleReturnsTable;
  customer_spend: CustomerSpendTable;
  stock_operations: StockOperationsTable;
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
  /** Set when a manager marked it handled (0019); null while it still needs a look. */
  handled_at: string | null;
  handled_by: string | null;
  handled_by_name: string | null;
  handled_note: string | null;
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

/** A platform's order delivery, kept before the webhook answers and applied after it (0009). */
export interface OrderInboxTable {
  id: string;
  source: string;
  /** The platform's delivery id (X-Shopify-Webhook-Id, X-WC-Webhook-Delivery-ID): unique per source. */
  delivery_id: string | null;
  topic: string;
  source_order_id: string;
  /** The delivery as a mapped platform order (JSON text, integrations/platform-order.ts). */
  body: string;
  /** pending -> done | unrouted (no store lists its location) | failed (cannot be applied: see outcome). */
  state: string;
  /** What applying it did: created, updated, unchanged, stale (JSON text with detail). */
  outcome: string | null;
  received_at: string;
  processed_at: string | null;
}

/** A notice back to an order's source, sent by the outbox worker until the receiver answers 2xx (0009). */
export interface OutboxTable {
  /** UUIDv7, sent as the Idempotency-Key: the same id on every attempt, across restarts. */
  id: string;
  /** `<order id>|<event id>|<kind>`: one notice per order event and kind. */
  event_key: string;
  store_id: string;
  order_id: string;
  target: string;
  kind: string;
  /** JSON text (integrations/outbox-notices.ts). */
  payload: string;
  /** pending | failing (still retried, shown to the manager) | delivered */
  state: string;
  attempts: number;
  next_attempt_at: string;
  /** While a worker is sending it (ISO time); another worker may take it after that. */
  lease_until: string | null;
  last_error: string | null;
  last_status: number | null;
  created_at: string;
  delivered_at: string | null;
}

/** A bank transfer a notifier (SePay, payOS) told of (0009). */
export interface BankNoticesTable {
  /** `<provider>:<the provider's transaction id>`: a retried notice is recognised. */
  id: string;
  provider: string;
  store_id: string | null;
  payment_id: string | null;
  amount: number;
  note: string;
  account_number: string | null;
  /** matched | unmatched */
  state: string;
  body: string;
  received_at: string;
}

/** A bank-QR payment a tablet waits for (its `payments` document), by amount for matching (0009). */
export interface PaymentWaitsTable {
  payment_id: string;
  store_id: string;
  /** The transfer note it expects, upper-case letters and digits only. */
  reference: string;
  amount: number;
  /** waiting | confirmed | cancelled */
  state: string;
  created_at: string;
}

/** One returned line of a return (or a cancellation), against the purchase it names (migration 0011). */
export interface SaleReturnsTable {
  return_id: string;
  /** The line's index in the return document. */
  line: number;
  /** The sale's or online order's id. */
  original_id: string;
  original_line: number;
  /** The returning store. */
  store_id: string;
  /** Thousandths returned, and of those, within what was bought less what came back before. */
  qty: number;
  within_qty: number;
  /** The server's price of the part within (minor units). */
  value: number;
  created_at: string;
}

/** What a customer spent on one sale or return (negative), for loyalty tiers (migration 0011). */
export interface CustomerSpendTable {
  sale_id: string;
  customer_id: string;
  store_id: string;
  amount: number;
  /** ISO 8601 UTC (Z), so text order is time order. */
  created_at: string;
}

/**
 * A stock operation of the back office (migration 0013): receiving, adjustment, transfer or count, by its
 * client-given id, so the same request sent again is answered from here and applied once. Its ledger
 * entries carry the id as their sourceId.
 */
export interface StockOperationsTable {
  id: string;
  /** The store whose stock it changed (a transfer's sending store). */
  store_id: string;
  kind: 'receiving' | 'adjustment' | 'transfer' | 'count';
  /** A transfer's receiving store; null otherwise. */
  to_store_id: string | null;
  staff_id: string;
  /** The request as checked (JSON text): a repeat must be the same request. */
  request: string;
  /** The answer given when it was applied (JSON text), given again to a repeat. */
  result: string;
  created_at: string;
  /** A transfer's arrival at to_store_id, and who received it; null while in transit. */
  received_at: string | null;
  received_by: string | null;
}

export interface KyselyMigrationTable {
  name: string;
  timestamp: Generated<string>;
}

/** SQLite hands booleans back as 0/1, PostgreSQL as booleans. */
export function isDeleted(value: boolean | number): boolean {
  return value === true || value === 1;
}
