/*
 * The database's shape, as one ordered list of migrations that runs on SQLite and on PostgreSQL.
 * Column types branch on the dialect only where the two differ (timestamps, JSON, booleans); everything
 * else is one definition. Migrations are append-only: never edit one that has shipped, add the next.
 * Kysely's Migrator records applied migrations in kysely_migration and takes a lock (an advisory lock on
 * PostgreSQL), so several server instances starting together on one database migrate it once.
 *
 * Tables:
 *  meta              key/value facts of this installation (demo store id, printable demo credentials)
 *  stores            a store and the enrollment code its tablets join with
 *  devices           enrolled tablets; only the hash of each bearer token is kept; revoked_at ends access
 *  documents         every synced document of every collection, one row per (collection, id), with the
 *                    server-assigned seq used as pull checkpoint (see documents-repository.ts)
 *  sequence_counter  the counter that stamps seq inside the write transaction
 *  staff_sessions    short-lived staff tokens (hash only) a device gets for a person after a PIN check
 *  pin_lockouts      wrong-PIN counters per store and person, and until when the person is locked out
 *  incidents         what a manager must look at: append-only conflicts, sale mismatches, overdrafts,
 *                    order flags (see sync-server/src/sync/incidents.ts); who handled one and when (0019)
 *  customer_aliases  the id a device gave a customer created offline -> the known customer (same phone)
 *                    it was merged into, so sales and points referencing either id resolve
 *  customer_stores   customers of other stores that a store may see (orders there, merged there)
 *  rate_limit_failures  failed tries (wrong enrollment codes, PINs, webhook signatures) per key and minute (0006)
 *  staff_credentials    each staff member's full PIN hash, which tablets no longer receive (0008)
 *  order_inbox, outbox  platform order deliveries awaiting their application; notices back to the platforms (0009)
 *  bank_notices, payment_waits  bank transfers told by SePay / payOS; bank-QR payments waiting for one (0009)
 *  (0010 adds no table: time indexes of a store's sales, shift events and orders, for the day report)
 *  (0020 adds no table: indexes of the delivered outbox notices and finished bank notices, for pruning them)
 *  (0021 adds no table: a time index of a store's bank-QR payments, for the day report's transfers to reconcile)
 *  dashboard_*      the dashboard's running sums per store and business day (0015, dashboard/dashboard-tables.ts;
 *                    0017 leaves room on their pages for updates on PostgreSQL; 0022 drops their day indexes)
 *  stock_operations  the back office's receivings, adjustments, transfers and counts by client id (0013)
 *  product_terms     each product's barcodes, SKU and name words, kept by triggers on documents (0016)
 * Since 0005, documents.body is text on PostgreSQL too (it was jsonb): the server stores and serves the
 * JSON text as it is and never queries inside it except the customer phone (an expression index).
 */
import { Migrator, sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { Database } from './database-types.ts';
import type { Store, StoreKind } from './open-store.ts';
import { splitStaffHashes } from '../../../src/domain/approval-proof.ts';
import { createDashboardTables, dropDashboardDayIndexes, leaveRoomForUpdates } from '../dashboard/dashboard-tables.ts';
import { createProductTerms } from '../catalog/product-terms.ts';
import { grantStockToManagers } from '../backoffice/stock-permission-upgrade.ts';

interface ColumnTypes {
  timestamp: 'timestamptz' | 'text';
  json: 'jsonb' | 'text';
  boolean: 'boolean' | 'integer';
  falseValue: ReturnType<typeof sql>;
}

function columnTypes(kind: StoreKind): ColumnTypes {
  return kind === 'postgres'
    ? { timestamp: 'timestamptz', json: 'jsonb', boolean: 'boolean', falseValue: sql`false` }
    : { timestamp: 'text', json: 'text', boolean: 'integer', falseValue: sql`0` };
}

// Kysely<any> is what Kysely's Migration interface asks for: a migration must not depend on today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function buildMigrations(kind: StoreKind): Record<string, Migration> {
  const t = columnTypes(kind);
  return {
    '0001_meta': {
      async up(db: AnyDb) {
        await db.schema
          .createTable('meta')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0002_stores_and_devices': {
      async up(db: AnyDb) {
        await db.schema
          .createTable('stores')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('enrollment_code', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('devices')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .addColumn('revoked_at', t.timestamp)
          .execute();
        await db.schema.createIndex('devices_store_idx').on('devices').column('store_id').execute();
      },
    },
    '0003_documents': {
      async up(db: AnyDb) {
        await db.schema
          .createTable('documents')
          .addColumn('collection', 'text', (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('store_id', 'text', (c) => c.references('stores.id'))
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('deleted', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
          .addColumn('body', t.json, (c) => c.notNull())
          .addColumn('updated_at', t.timestamp, (c) => c.notNull())
          .addPrimaryKeyConstraint('documents_pk', ['collection', 'id'])
          .execute();
        // Pull: one collection, one store (or chain-wide: store_id is null), after a checkpoint.
        await db.schema
          .createIndex('documents_pull_idx')
          .on('documents')
          .columns(['collection', 'store_id', 'seq'])
          .execute();
        // Each seq is handed out once; the unique index makes a broken counter fail loudly instead of
        // letting two documents share a checkpoint.
        await db.schema.createIndex('documents_seq_unique').on('documents').column('seq').unique().execute();
        await db.schema
          .createTable('sequence_counter')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('value', 'bigint', (c) => c.notNull())
          .execute();
        await db.insertInto('sequence_counter').values({ name: 'documents', value: 0 }).execute();
      },
    },
    '0004_sync_auth_incidents_customers': {
      async up(db: AnyDb) {
        await db.schema
          .createTable('staff_sessions')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
          .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
          .addColumn('staff_id', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .addColumn('expires_at', t.timestamp, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('staff_sessions_device_idx').on('staff_sessions').column('device_id').execute();
        await db.schema
          .createTable('pin_lockouts')
          .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
          .addColumn('staff_id', 'text', (c) => c.notNull())
          .addColumn('failures', 'integer', (c) => c.notNull())
          .addColumn('locked_until', t.timestamp)
          .addPrimaryKeyConstraint('pin_lockouts_pk', ['store_id', 'staff_id'])
          .execute();
        await db.schema
          .createTable('incidents')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('collection', 'text', (c) => c.notNull())
          .addColumn('document_id', 'text', (c) => c.notNull())
          .addColumn('detail', t.json, (c) => c.notNull())
          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('incidents_store_idx').on('incidents').columns(['store_id', 'created_at']).execute();
        await db.schema
          .createTable('customer_aliases')
          .addColumn('alias_id', 'text', (c) => c.primaryKey())
          .addColumn('customer_id', 'text', (c) => c.notNull())
          .addColumn('created_at', t.timestamp, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('customer_stores')
          .addColumn('customer_id', 'text', (c) => c.notNull())
          .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
          .addPrimaryKeyConstraint('customer_stores_pk', ['customer_id', 'store_id'])
          .execute();
        await db.schema.createIndex('customer_stores_store_idx').on('customer_stores').columns(['store_id', 'customer_id']).execute();
        // Customers by phone across the chain (merge by phone, search by phone prefix): an index on the
        // phone inside the document, only for customer rows, so every write path keeps it up to date.
        const phone = kind === 'postgres' ? sql`(body->>'phone')` : sql`json_extract(body, '$.phone')`;
        await sql`create index documents_customer_phone_idx on documents (${phone}) where collection = 'customers'`.execute(db);
      },
    },
    '0005_documents_body_text': {
      async up(db: AnyDb) {
        // PostgreSQL only (SQLite keeps JSON as text already): jsonb cost a full parse on every insert
        // and a re-print on every pull; ingest of 2,000 sales and the 100k catalog pull were bound by it.
        if (kind !== 'postgres') return;
        await sql`drop index documents_customer_phone_idx`.execute(db);
        await sql`alter table documents alter column body type text using body::text`.execute(db);
        await sql`create index documents_customer_phone_idx on documents (((body::jsonb)->>'phone')) where collection = 'customers'`.execute(db);
      },
    },
    '0006_rate_limit_failures': {
      async up(db: AnyDb) {
        // Failed tries per key (e.g. "enroll:<address>") and minute: every instance on one database counts together.
        await db.schema
          .createTable('rate_limit_failures')
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('minute', 'bigint', (c) => c.notNull())
          .addColumn('failures', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('rate_limit_failures_pk', ['key', 'minute'])
          .execute();
        await db.schema.createIndex('rate_limit_failures_minute_idx').on('rate_limit_failures').column('minute').execute();
      },
    },
    '0007_ledger_and_balance_tables': {
      async up(db: AnyDb) {
        // Ledger entries and balances move out of `documents` into narrow tables (narrow-tables.ts): they
        // are most of the rows a push writes.
        await db.schema
          .createTable('ledger_entries')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('store_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('device_id', 'text')
          .addColumn('ref_id', 'text', (c) => c.notNull())
          .addColumn('delta', 'bigint', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('source_id', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('balances')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('store_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('ref_id', 'text', (c) => c.notNull())
          .addColumn('value', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        // Pulls: one store's rows after a checkpoint.
        await db.schema.createIndex('ledger_entries_pull_idx').on('ledger_entries').columns(['store_id', 'seq']).execute();
        await db.schema.createIndex('balances_pull_idx').on('balances').columns(['store_id', 'seq']).execute();
        const text = (name: string) => (kind === 'postgres' ? sql.raw(`(body::jsonb)->>'${name}'`) : sql.raw(`json_extract(body, '$.${name}')`));
        const integer = (name: string) => (kind === 'postgres' ? sql.raw(`((body::jsonb)->>'${name}')::bigint`) : text(name));
        await sql`insert into ledger_entries (id, store_id, seq, kind, device_id, ref_id, delta, reason, source_id, created_at)
          select id, store_id, seq, ${text('kind')}, ${text('deviceId')}, ${text('refId')}, ${integer('delta')}, ${text('reason')},
                 ${text('sourceId')}, ${text('createdAt')}
            from documents where collection = 'ledger'`.execute(db);
        await sql`insert into balances (id, store_id, seq, kind, ref_id, value, updated_at)
          select id, store_id, seq, ${text('kind')}, ${text('refId')}, ${integer('value')}, ${text('updatedAt')}
            from documents where collection = 'balances'`.execute(db);
        await sql`delete from documents where collection in ('ledger', 'balances')`.execute(db);
        // PostgreSQL compresses bodies over 2 KB (most sales) with pglz unless told otherwise; lz4 compresses
        // a 2,000-sale insert in about half the time. Only new rows are compressed the new way; a server
        // built without lz4 keeps pglz.
        if (kind === 'postgres') {
          const { rows } = await sql<{ lz4: boolean }>`
            select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`.execute(db);
          if (rows[0]?.lz4 === true) await sql`alter table documents alter column body set compression lz4`.execute(db);
        }
      },
    },
    '0008_staff_credentials': {
      async up(db: AnyDb) {
        // Full PIN hashes leave the config document (every tablet pulls it) for a server-only table; the
        // config keeps the salt, the iterations and the hash's first 12 bits (src/domain/approval-proof.ts).
        await db.schema
          .createTable('staff_credentials')
          .addColumn('store_id', 'text', (c) => c.notNull())
          .addColumn('staff_id', 'text', (c) => c.notNull())
          .addColumn('pin_hash', 'text', (c) => c.notNull())
          .addColumn('pin_salt', 'text', (c) => c.notNull())
          .addColumn('pin_iterations', 'integer', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('staff_credentials_pk', ['store_id', 'staff_id'])
          .execute();
        const configs = (await db.selectFrom('documents').select(['id', 'store_id', 'body']).where('collection', '=', 'config').execute()) as {
          id: string;
          store_id: string | null;
          body: string;
        }[];
        for (const row of configs) {
          const split = splitStaffHashes(JSON.parse(row.body) as Record<string, unknown>);
          if (split.credentials.length === 0) continue;
          const storeId = row.store_id ?? row.id;
          await db
            .insertInto('staff_credentials')
            .values(split.credentials.map((c) => ({ store_id: storeId, staff_id: c.staffId, pin_hash: c.pinHash, pin_salt: c.pinSalt, pin_iterations: c.pinIterations, updated_at: new Date().toISOString() })))
            .onConflict((oc) => oc.columns(['store_id', 'staff_id']).doNothing())
            .execute();
          // The same seq: a tablet's own migration (src/data/migrations.ts) turns its copy into this body.
          await db.updateTable('documents').set({ body: JSON.stringify(split.config) }).where('collection', '=', 'config').where('id', '=', row.id).execute();
        }
      },
    },
    '0009_online_orders_outbox_bank_notices': {
      async up(db: AnyDb) {
        // Platform order deliveries, kept durably before the webhook answers and applied after it
        // (integrations/order-inbox.ts); a platform's delivery id is unique per source (redeliveries).
        await db.schema
          .createTable('order_inbox')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('delivery_id', 'text')
          .addColumn('topic', 'text', (c) => c.notNull())
          .addColumn('source_order_id', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text')
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addColumn('processed_at', 'text')
          .execute();
        await db.schema.createIndex('order_inbox_delivery_idx').unique().on('order_inbox').columns(['source', 'delivery_id']).execute();
        await db.schema.createIndex('order_inbox_state_idx').on('order_inbox').columns(['state', 'id']).execute();
        // Notices back to the shop platforms, enqueued with the order change that causes them
        // (integrations/outbox-worker.ts); event_key makes one notice per order event and kind.
        await db.schema
          .createTable('outbox')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('event_key', 'text', (c) => c.notNull().unique())
          .addColumn('store_id', 'text', (c) => c.notNull())
          .addColumn('order_id', 'text', (c) => c.notNull())
          .addColumn('target', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('next_attempt_at', 'text', (c) => c.notNull())
          .addColumn('lease_until', 'text')
          .addColumn('last_error', 'text')
          .addColumn('last_status', 'integer')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('delivered_at', 'text')
          .execute();
        await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['state', 'next_attempt_at']).execute();
        await db.schema.createIndex('outbox_order_idx').on('outbox').columns(['order_id', 'id']).execute();
        await db.schema.createIndex('outbox_store_idx').on('outbox').columns(['store_id', 'state']).execute();
        // Bank transfers the banks' notifiers told of, matched to a waiting bank-QR payment or kept for
        // reconciliation; and the waiting payments themselves, by amount (integrations/bank-notices.ts).
        await db.schema
          .createTable('bank_notices')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('provider', 'text', (c) => c.notNull())
          .addColumn('store_id', 'text')
          .addColumn('payment_id', 'text')
          .addColumn('amount', 'bigint', (c) => c.notNull())
          .addColumn('note', 'text', (c) => c.notNull())
          .addColumn('account_number', 'text')
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('bank_notices_state_idx').on('bank_notices').columns(['state', 'amount']).execute();
        await db.schema
          .createTable('payment_waits')
          .addColumn('payment_id', 'text', (c) => c.primaryKey())
          .addColumn('store_id', 'text', (c) => c.notNull())
          .addColumn('reference', 'text', (c) => c.notNull())
          .addColumn('amount', 'bigint', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('payment_waits_state_idx').on('payment_waits').columns(['state', 'amount']).execute();
        // Platform order lines are matched to products by SKU (chain-wide catalog): an expression index.
        const sku = kind === 'postgres' ? sql.raw(`((body::jsonb)->>'sku')`) : sql.raw(`json_extract(body, '$.sku')`);
        await sql`create index documents_product_sku_idx on documents (${sku}) where collection = 'products'`.execute(db);
      },
    },
    '0010_documents_by_time': {
      async up(db: AnyDb) {
        // The day report (routes/reports-day.ts) reads one store's sales and shift events of a day by the time
        // the device wrote them, and its orders changed since: without these it would read every sale the
        // store ever made. The createdAt expression must be written as the reads write it
        // (documents-repository.ts, createdAtOf), and the collection as a literal for SQLite to use a partial index.
        const createdAt = kind === 'postgres' ? sql.raw(`((body::json)->>'createdAt')`) : sql.raw(`json_extract(body, '$.createdAt')`);
        await sql`create index documents_sales_time_idx on documents (store_id, ${createdAt}) where collection = 'sales'`.execute(db);
        await sql`create index documents_shifts_time_idx on documents (store_id, ${createdAt}) where collection = 'shifts'`.execute(db);
        await sql`create index documents_orders_updated_idx on documents (store_id, updated_at) where collection = 'orders'`.execute(db);
      },
    },
    '0011_returns_and_customer_spend': {
      async up(db: AnyDb) {
        // What came back of each purchase, line by line, across every store (policies/sale-returns.ts): a
        // return is checked against the sale or online order it names by what all earlier returns of it took
        // back, found by the purchase's id. `within_qty` is the part within what was bought (the rest was an
        // excess, flagged); `value` the server's price of that part.
        await db.schema
          .createTable('sale_returns')
          .addColumn('return_id', 'text', (c) => c.notNull())
          .addColumn('line', 'integer', (c) => c.notNull())
          .addColumn('original_id', 'text', (c) => c.notNull())
          .addColumn('original_line', 'integer', (c) => c.notNull())
          .addColumn('store_id', 'text', (c) => c.notNull())
          .addColumn('qty', 'bigint', (c) => c.notNull())
          .addColumn('within_qty', 'bigint', (c) => c.notNull())
          .addColumn('value', 'bigint', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('sale_returns_pk', ['return_id', 'line'])
          .execute();
        await db.schema.createIndex('sale_returns_original_idx').on('sale_returns').column('original_id').execute();
        // What each customer spent, per sale or return, for the loyalty tier reached over a period (loyalty.ts),
        // chain-wide: a sum over one customer's rows of a period, never a scan of the sales.
        await db.schema
          .createTable('customer_spend')
          .addColumn('sale_id', 'text', (c) => c.primaryKey())
          .addColumn('customer_id', 'text', (c) => c.notNull())
          .addColumn('store_id', 'text', (c) => c.notNull())
          .addColumn('amount', 'bigint', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('customer_spend_customer_idx').on('customer_spend').columns(['customer_id', 'created_at']).execute();
      },
    },
    '0012_purchases_by_number': {
      async up(db: AnyDb) {
        // A return at the counter finds its purchase by the number on the receipt's barcode or the online
        // order's number, in any store (routes/purchases.ts): an expression index per collection, written as
        // the reads write it (purchases-repository.ts).
        const number = kind === 'postgres' ? sql.raw(`((body::json)->>'number')`) : sql.raw(`json_extract(body, '$.number')`);
        await sql`create index documents_sales_number_idx on documents (${number}) where collection = 'sales'`.execute(db);
        await sql`create index documents_orders_number_idx on documents (${number}) where collection = 'orders'`.execute(db);
        // What came back before returns were counted: every cancellation already stored took back all of its
        // sale, and every customer's sale counts towards their loyalty tier (gift cards were not sold then,
        // so a sale's spend is its total).
        const text = (path: string) => (kind === 'postgres' ? sql.raw(`(body::json)#>>'{${path.replace(/\./g, ',')}}'`) : sql.raw(`json_extract(body, '$.${path}')`));
        const voids = (await sql<{ id: string; store_id: string; body: string }>`
          select id, store_id, body from documents
           where collection = 'sales' and ${text('kind')} = 'return' and ${text('reason')} = 'void'`.execute(db)).rows;
        for (const row of voids) {
          const reversal = JSON.parse(row.body) as { originalSaleId?: unknown; createdAt: string; lines: Array<{ qty: number; total: number }> };
          if (typeof reversal.originalSaleId !== 'string') continue;
          const rows = reversal.lines.map((line, index) => ({
            return_id: row.id,
            line: index,
            original_id: reversal.originalSaleId as string,
            original_line: index,
            store_id: row.store_id,
            qty: Math.abs(line.qty),
            within_qty: Math.abs(line.qty),
            value: Math.abs(line.total),
            created_at: reversal.createdAt,
          }));
          if (rows.length > 0) await db.insertInto('sale_returns').values(rows).onConflict((oc) => oc.columns(['return_id', 'line']).doNothing()).execute();
        }
        await sql`insert into customer_spend (sale_id, customer_id, store_id, amount, created_at)
          select id, ${text('customerId')}, store_id, ${kind === 'postgres' ? sql.raw(`((body::json)#>>'{totals,total}')::bigint`) : text('totals.total')}, ${text('createdAt')}
            from documents where collection = 'sales' and ${text('customerId')} is not null
          on conflict (sale_id) do nothing`.execute(db);
      },
    },
    '0013_stock_operations': {
      async up(db: AnyDb) {
        // The back office's stock operations by their client-given id (routes/stock-*.ts): a request sent
        // twice is applied once; a transfer waits here, in transit, until its receiving store takes it in.
        await db.schema
          .createTable('stock_operations')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('store_id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('to_store_id', 'text')
          .addColumn('staff_id', 'text', (c) => c.notNull())
          .addColumn('request', 'text', (c) => c.notNull())
          .addColumn('result', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('received_at', 'text')
          .addColumn('received_by', 'text')
          .execute();
        await db.schema.createIndex('stock_operations_store_idx').on('stock_operations').columns(['store_id', 'created_at']).execute();
        await db.schema.createIndex('stock_operations_to_store_idx').on('stock_operations').columns(['to_store_id', 'received_at']).execute();
      },
    },
    '0015_dashboard_figures': {
      async up(db: AnyDb) {
        await createDashboardTables(db);
      },
    },
    '0016_product_terms_stock_for_managers': {
      async up(db: AnyDb) {
        // The catalog's barcode, SKU and name-word lookup (catalog/product-terms.ts), and 'stock.manage' for
        // the managers of stores created before stock existed (backoffice/stock-permission-upgrade.ts).
        await createProductTerms(db, kind);
        await grantStockToManagers(db);
      },
    },
    '0017_dashboard_room_for_updates': {
      async up(db: AnyDb) {
        // PostgreSQL: pages of the dashboard's summed tables keep room for a row's next version (HOT updates).
        await leaveRoomForUpdates(db, kind);
      },
    },
    '0018_customer_email_index': {
      async up(db: AnyDb) {
        // Platform orders without a phone find their customer by e-mail, in the order inbox's transaction:
        // without an index each such order read every customer of the chain (integrations/order-customers.ts).
        const email = kind === 'postgres' ? sql`(lower((body::jsonb)->>'email'))` : sql`lower(json_extract(body, '$.email'))`;
        await sql`create index documents_customer_email_idx on documents (${email}) where collection = 'customers'`.execute(db);
      },
    },
    '0019_incidents_handled': {
      async up(db: AnyDb) {
        // A manager marks an incident handled in the back office (routes/incidents.ts): who (id and the name
        // the store's staff list gave them then), when, and an optional note. Null while it still needs a look.
        await db.schema.alterTable('incidents').addColumn('handled_at', t.timestamp).execute();
        await db.schema.alterTable('incidents').addColumn('handled_by', 'text').execute();
        await db.schema.alterTable('incidents').addColumn('handled_by_name', 'text').execute();
        await db.schema.alterTable('incidents').addColumn('handled_note', 'text').execute();
      },
    },
    '0020_prune_finished_notices': {
      async up(db: AnyDb) {
        // The hourly pruning (integrations/retention-pruning.ts) deletes delivered outbox notices (but online
        // refunds, kept for the returns desk) by when they were delivered, and matched or reconciled bank notices
        // by when they arrived (reconciled: their 'bank-notice-unmatched' incidents handled, looked up by the
        // notice's id), oldest first, a chunk at a time: without these it would read whole tables each hour.
        // Partial indexes' conditions are written as their queries write them, in literals, for SQLite to use them;
        // the outbox's leads with the state so SQLite prefers it to outbox_due_idx (state, next_attempt_at).
        await sql`create index outbox_delivered_idx on outbox (state, delivered_at) where kind <> 'online-refund'`.execute(db);
        await db.schema.createIndex('bank_notices_received_idx').on('bank_notices').columns(['state', 'received_at']).execute();
        await sql`create index incidents_bank_notice_idx on incidents (document_id) where kind = 'bank-notice-unmatched'`.execute(db);
      },
    },
    '0021_payments_by_time': {
      async up(db: AnyDb) {
        // The day report (routes/reports-day.ts) reads a store's bank-QR payments of the day to find the
        // transfers only a cashier confirmed: without this it would read every payment the store ever waited
        // for. Written as 0010's indexes are (documents-repository.ts, createdAtOf; the collection a literal).
        const createdAt = kind === 'postgres' ? sql.raw(`((body::json)->>'createdAt')`) : sql.raw(`json_extract(body, '$.createdAt')`);
        await sql`create index documents_payments_time_idx on documents (store_id, ${createdAt}) where collection = 'payments'`.execute(db);
      },
    },
    '0022_dashboard_without_day_indexes': {
      async up(db: AnyDb) {
        // Each dashboard table's primary key (store, day, own key) already serves a store's and a chain's range of
        // days. With a year of history PostgreSQL took the day-only index for the product charts instead, reading
        // every store's rows of the range (2,445 pages for 30,000 rows against 891 by the key), so the charts
        // grew with the number of stores and the history; the day indexes served nothing else.
        await dropDashboardDayIndexes(db);
      },
    },
  };
}

/** How many migrations the code knows; a fully migrated database reports this as its schemaVersion. */
export const latestSchemaVersion = Object.keys(buildMigrations('sqlite')).length;

function migratorFor(store: Store): Migrator {
  return new Migrator({
    db: store.db,
    provider: { getMigrations: async () => buildMigrations(store.kind) },
    // On PostgreSQL the migration table must be looked up in our own schema, not in any schema that
    // happens to hold a kysely_migration table (tests run side by side in separate schemas).
    ...(store.schema !== undefined ? { migrationTableSchema: store.schema } : {}),
  });
}

/** Applies every pending migration; returns the names applied now (empty when already up to date). */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const { error, results } = await migratorFor(store).migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${(error as Error).message}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies the migrations up to and including `name` (tests build a database as an older version left it). */
export async function migrateTo(store: Store, name: string): Promise<void> {
  const { error } = await migratorFor(store).migrateTo(name);
  if (error !== undefined) throw new Error(`Database migration to ${name} failed: ${(error as Error).message}`, { cause: error });
}

/** The number of applied migrations. Also serves as the health check's database round trip. */
export async function readSchemaVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('kysely_migration')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
