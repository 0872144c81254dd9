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
 * The tables are typed here, not in database-types.ts: only the dashboard reads or writes them
 * (`db.withTables<DashboardTables>()`).
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

interface DayKeyColumns {
  store_id: string;
  day: string;
}

export interface DashboardTables {
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
}

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

/** Migration 0015: the tables above, each keyed by store, day and its own key (so a day's range is one index range per store, and a chain's per day). */
export async function createDashboardTables(db: AnyDb): Promise<void> {
  const key = (table: string, extra: string[]) =>
    db.schema.createTable(table).addColumn('store_id', 'text', (c) => c.notNull()).addColumn('day', 'text', (c) => c.notNull()).addPrimaryKeyConstraint(`${table}_pk`, ['store_id', 'day', ...extra]);
  const sums = (builder: ReturnType<typeof key>, columns: readonly string[]) => columns.reduce((b, column) => b.addColumn(column, 'bigint', (c) => c.notNull().defaultTo(0)), builder);
  await sums(key('dashboard_days', []), DAY_SUM_COLUMNS).execute();
  await sums(key('dashboard_hours', ['hour']).addColumn('hour', 'integer', (c) => c.notNull()), ['sales_count', 'net']).execute();
  await sums(key('dashboard_products', ['product_id']).addColumn('product_id', 'text', (c) => c.notNull()).addColumn('name', 'text', (c) => c.notNull()), ['qty', 'amount', 'tax']).execute();
  await sums(key('dashboard_tenders', ['method']).addColumn('method', 'text', (c) => c.notNull()), ['count', 'amount']).execute();
  await sums(key('dashboard_returns', ['reason']).addColumn('reason', 'text', (c) => c.notNull()), ['count', 'amount', 'online']).execute();
  await sums(
    key('dashboard_shifts', ['shift_id']).addColumn('shift_id', 'text', (c) => c.notNull()).addColumn('device_id', 'text', (c) => c.notNull()).addColumn('closed_at', 'text', (c) => c.notNull()),
    ['counted', 'expected', 'variance'],
  ).execute();
  // A chain's view reads every store's rows of a range of days.
  for (const table of ['dashboard_days', 'dashboard_hours', 'dashboard_products', 'dashboard_tenders', 'dashboard_returns', 'dashboard_shifts']) {
    await sql`create index ${sql.id(`${table}_day_idx`)} on ${sql.id(table)} (day)`.execute(db);
  }
}
