/*
 * The dashboard's running sums (migration 0015), written inside the push transaction that stores the
 * documents they count (record-dashboard-figures.ts) and read by GET /api/v1/reports/dashboard
 * (routes/reports-dashboard.ts). One row per store and business day (in the store's time zone and
 * cut-off when the document was stored) and:
 *   dashboard_days      the day's figures (counts, gross, discounts, returns, cancellations, net, online
 *                       returns, points issued/redeemed, gift-card money sold/redeemed)
 *   dashboard_hours     the hour on the store's clock: sales and net
 *   dashboard_products  the product: quantity (thousandths of the unit for weighed goods, as sale lines), amount with VAT, VAT
 *   dashboard_tenders   the tender method: count and amount
 *   dashboard_returns   the reason of a customer return: count, amount (<= 0), online orders among them
 *   dashboard_shifts    one row per closed shift: counted, expected, variance
 * dashboard_products also holds the whole chain's sums under the store id WHOLE_CHAIN ('*'): a chain's top
 * products over a month would otherwise add up every store's row of every product and day (360,000 rows for
 * 20 stores), where the chain's rows are one per product and day.
 * They are sums, so a document must be added once: only documents a push inserts as new facts are added
 * (the append-only policy decides that under the push lock), and the rows are upserted by adding.
 * On PostgreSQL the summed tables leave room on each page for the next version of a row (0017, leaveRoomForUpdates).
 * The tables are typed here, not in database-types.ts: only the dashboard reads or writes them
 * (`db.withTables<DashboardTables>()`).
 */
import { sql } from 'kysely';
import type { CreateTableBuilder, Kysely } from 'kysely';

type DayKeyColumns = {
  store_id: string;
  day: string;
};

// A type, not an interface: Kysely's withTables wants a record of tables (an interface has no index signature).
export type DashboardTables = {
  dashboard_days: DayKeyColumns & {
    sales_count: number;
    returns_count: number;
    cancellations_count: number;
    gross: number;
    discounts: number;
    tax_added: number;
    returns: number;
    cancellations: number;
    net: number;
    online_returns_count: number;
    online_returns_amount: number;
    points_issued: number;
    points_redeemed: number;
    cards_sold: number;
    cards_redeemed: number;
  };
  dashboard_hours: DayKeyColumns & { hour: number; sales_count: number; net: number };
  dashboard_products: DayKeyColumns & { product_id: string; name: string; qty: number; amount: number; tax: number };
  dashboard_tenders: DayKeyColumns & { method: string; count: number; amount: number };
  dashboard_returns: DayKeyColumns & { reason: string; count: number; amount: number; online: number };
  dashboard_shifts: DayKeyColumns & { shift_id: string; device_id: string; closed_at: string; counted: number; expected: number; variance: number };
};

/** The store id of the whole chain's rows in dashboard_products (no store is named '*'). */
export const WHOLE_CHAIN = '*';

export const DAY_SUM_COLUMNS = [
  'sales_count',
  'returns_count',
  'cancellations_count',
  'gross',
  'discounts',
  'tax_added',
  'returns',
  'cancellations',
  'net',
  'online_returns_count',
  'online_returns_amount',
  'points_issued',
  'points_redeemed',
  'cards_sold',
  'cards_redeemed',
] as const;

// Kysely<any> is what a migration gets: it must not depend on today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const DASHBOARD_TABLES = ['dashboard_days', 'dashboard_hours', 'dashboard_products', 'dashboard_tenders', 'dashboard_returns', 'dashboard_shifts'] as const;

/** Migration 0015: the tables above, each keyed by store, day and its own key (so a day's range is one index range per store, and a chain's per day). */
export async function createDashboardTables(db: AnyDb): Promise<void> {
  // Each table: its key (store, day and its own), what it keeps as it is, its sums; the primary key last.
  const create = (table: string, ownKey: ReadonlyArray<[string, 'text' | 'integer']>, kept: readonly string[], sums: readonly string[]) => {
    let builder: CreateTableBuilder<string, string> = db.schema.createTable(table).addColumn('store_id', 'text', (c) => c.notNull()).addColumn('day', 'text', (c) => c.notNull());
    for (const [column, type] of ownKey) builder = builder.addColumn(column, type, (c) => c.notNull());
    for (const column of kept) builder = builder.addColumn(column, 'text', (c) => c.notNull());
    for (const column of sums) builder = builder.addColumn(column, 'bigint', (c) => c.notNull().defaultTo(0));
    return builder.addPrimaryKeyConstraint(`${table}_pk`, ['store_id', 'day', ...ownKey.map(([column]) => column)]).execute();
  };
  await create('dashboard_days', [], [], DAY_SUM_COLUMNS);
  await create('dashboard_hours', [['hour', 'integer']], [], ['sales_count', 'net']);
  await create('dashboard_products', [['product_id', 'text']], ['name'], ['qty', 'amount', 'tax']);
  await create('dashboard_tenders', [['method', 'text']], [], ['count', 'amount']);
  await create('dashboard_returns', [['reason', 'text']], [], ['count', 'amount', 'online']);
  await create('dashboard_shifts', [['shift_id', 'text']], ['device_id', 'closed_at'], ['counted', 'expected', 'variance']);
  // A chain's view reads every store's rows of a range of days (dropped by 0022: the primary key serves it).
  for (const table of DASHBOARD_TABLES) {
    await sql`create index ${sql.id(`${table}_day_idx`)} on ${sql.id(table)} (day)`.execute(db);
  }
}

/**
 * Migration 0022: drop the day indexes 0015 made. The primary key (store, day, ...) is one index range per store
 * for a store's view and one per store of a chain's; given a day index too, PostgreSQL chose it for a chain's
 * product charts over a year of history and read every store's rows of the range.
 */
export async function dropDashboardDayIndexes(db: AnyDb): Promise<void> {
  for (const table of DASHBOARD_TABLES) await db.schema.dropIndex(`${table}_day_idx`).ifExists().execute();
}

/** The tables whose rows a push adds to (dashboard_shifts' rows are written once). */
const SUMMED_TABLES = ['dashboard_days', 'dashboard_hours', 'dashboard_products', 'dashboard_tenders', 'dashboard_returns'] as const;

/**
 * Migration 0017, PostgreSQL only: leave 30 % of each page of the summed tables free, so that adding to a row
 * writes its new version on the same page without touching the indexes (a HOT update: no column of a key or
 * of the day index changes). A push adds to about 4,000 product rows (a store's and the chain's); on full
 * pages every one of those updates also inserts into both indexes, which took about twice as long. Pages
 * written before this migration keep theirs until rewritten; SQLite updates rows in place and has no such setting.
 */
export async function leaveRoomForUpdates(db: AnyDb, kind: 'sqlite' | 'postgres'): Promise<void> {
  if (kind !== 'postgres') return;
  for (const table of SUMMED_TABLES) await sql`alter table ${sql.id(table)} set (fillfactor = 70)`.execute(db);
}
