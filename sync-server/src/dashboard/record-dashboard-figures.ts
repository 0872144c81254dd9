/*
 * The dashboard's running sums, added to inside the push transaction that stores the documents they count
 * (push-batch.ts calls this after writing them): a chart then reads a few rows per store and day
 * (dashboard-tables.ts) instead of a year of sales. Only sales and shift events the push inserts as new
 * facts are added (a document pushed again is not written again, so it is not counted again), and a
 * failure here rolls the push back with them, so the sums never drift from the documents.
 * The work is the pure src/domain/dashboard-figures.ts over the batch (each sale's VAT computed once, for
 * both the day's figures and its products), one read of the store's config (its time zone, cut-off and
 * currency) and one upsert statement per table whatever the batch's size (addRows): a 2,000-sale push of
 * 2,000 different products upserts about 4,000 product rows (the store's and the chain's) in one statement.
 * A store whose config cannot date a day (no config yet, or a wrong zone) is counted in the default zone
 * (Vietnam) at midnight in the currency of its documents, rather than not counted at all.
 */
import { sql } from 'kysely';
import type { RawBuilder, Transaction } from 'kysely';
import { DEFAULT_STORE_TIME_ZONE } from '../../../src/domain/business-day.ts';
import { dashboardFigures } from '../../../src/domain/dashboard-figures.ts';
import type { DashboardDayRow, DashboardFigures } from '../../../src/domain/dashboard-figures.ts';
import { dayReportSettingsOf } from '../../../src/domain/day-report.ts';
import type { DayReportSettings } from '../../../src/domain/day-report.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentWrite } from '../store/documents-repository.ts';
import type { PushedBatch } from '../policies/write-plan.ts';
import type { StoreKind } from '../store/open-store.ts';
import { DAY_SUM_COLUMNS, WHOLE_CHAIN } from './dashboard-tables.ts';
import type { DashboardTables } from './dashboard-tables.ts';

type Value = string | number;

async function settingsOf(trx: Transaction<Database>, storeId: string, currency: string): Promise<DayReportSettings> {
  const row = await trx.selectFrom('documents').select('body').where('collection', '=', 'config').where('id', '=', storeId).executeTakeFirst();
  if (row !== undefined) {
    const body: unknown = JSON.parse(row.body);
    const store = typeof body === 'object' && body !== null && 'store' in body && typeof body.store === 'object' && body.store !== null ? { ...body.store } : {};
    const settings = dayReportSettingsOf(store);
    if (settings.ok) return settings.value;
  }
  return { timeZone: DEFAULT_STORE_TIME_ZONE, cutoffMinutes: 0, currency };
}

/** Each day column's figure in a day row (the columns of DAY_SUM_COLUMNS, in their order). */
const DAY_COLUMN_FIGURES: { readonly [column in (typeof DAY_SUM_COLUMNS)[number]]: (row: DashboardDayRow) => number } = {
  sales_count: (d) => d.salesCount,
  returns_count: (d) => d.returnsCount,
  cancellations_count: (d) => d.cancellationsCount,
  gross: (d) => d.gross,
  discounts: (d) => d.discounts,
  tax_added: (d) => d.taxAdded,
  returns: (d) => d.returns,
  cancellations: (d) => d.cancellations,
  net: (d) => d.net,
  online_returns_count: (d) => d.onlineReturns.count,
  online_returns_amount: (d) => d.onlineReturns.amount,
  points_issued: (d) => d.points.issued,
  points_redeemed: (d) => d.points.redeemed,
  cards_sold: (d) => d.giftCards.sold.amount,
  cards_redeemed: (d) => d.giftCards.redeemed.amount,
};

type ColumnType = 'text' | 'int4' | 'int8';

/** A running-sum table as the upsert writes it: its key, what a row replaces (the latest wins), what it adds to. */
interface SumTable {
  readonly name: keyof DashboardTables;
  readonly keys: ReadonlyArray<readonly [string, ColumnType]>;
  readonly replaced: ReadonlyArray<readonly [string, ColumnType]>;
  readonly sums: readonly string[];
}

const DAY_KEY = [['store_id', 'text'], ['day', 'text']] as const;
const DAYS: SumTable = { name: 'dashboard_days', keys: DAY_KEY, replaced: [], sums: DAY_SUM_COLUMNS };
const HOURS: SumTable = { name: 'dashboard_hours', keys: [...DAY_KEY, ['hour', 'int4']], replaced: [], sums: ['sales_count', 'net'] };
const PRODUCTS: SumTable = { name: 'dashboard_products', keys: [...DAY_KEY, ['product_id', 'text']], replaced: [['name', 'text']], sums: ['qty', 'amount', 'tax'] };
const TENDERS: SumTable = { name: 'dashboard_tenders', keys: [...DAY_KEY, ['method', 'text']], replaced: [], sums: ['count', 'amount'] };
const RETURNS: SumTable = { name: 'dashboard_returns', keys: [...DAY_KEY, ['reason', 'text']], replaced: [], sums: ['count', 'amount', 'online'] };
// A shift's close is one fact: its row is written once and never added to.
const SHIFTS: SumTable = {
  name: 'dashboard_shifts',
  keys: [...DAY_KEY, ['shift_id', 'text']],
  replaced: [['device_id', 'text'], ['closed_at', 'text'], ['counted', 'int8'], ['expected', 'int8'], ['variance', 'int8']],
  sums: [],
};

/**
 * One statement per table whatever the number of rows: insert ... on conflict (keys) do update set each sum
 * column = stored + new (do nothing for a table without sums). The rows go as one array parameter per column
 * on PostgreSQL (unnest) and as one JSON text on SQLite (json_each), as store/by-ids.ts does for ids: no
 * statement of thousands of bound parameters to build, send and parse, nor one statement per 400 rows.
 */
async function addRows(trx: Transaction<Database>, kind: StoreKind, table: SumTable, rows: ReadonlyArray<readonly Value[]>): Promise<void> {
  if (rows.length === 0) return;
  const columns: Array<readonly [string, ColumnType]> = [...table.keys, ...table.replaced, ...table.sums.map((column) => [column, 'int8'] as const)];
  const updates: RawBuilder<unknown>[] = [
    ...table.sums.map((column) => sql`${sql.id(column)} = ${sql.id(table.name)}.${sql.id(column)} + excluded.${sql.id(column)}`),
    ...table.replaced.map(([column]) => sql`${sql.id(column)} = excluded.${sql.id(column)}`),
  ];
  const action = table.sums.length === 0 ? sql`do nothing` : sql`do update set ${sql.join(updates)}`;
  const source =
    kind === 'postgres'
      ? sql`select * from unnest(${sql.join(columns.map(([, type], index) => sql`${rows.map((row) => row[index])}::${sql.raw(type)}[]`))})`
      : sql`select ${sql.join(columns.map((_, index) => sql`value ->> ${sql.lit(index)}`))} from json_each(${JSON.stringify(rows)}) where true`;
  await sql`insert into ${sql.id(table.name)} (${sql.join(columns.map(([column]) => sql.id(column)))}) ${source}
    on conflict (${sql.join(table.keys.map(([column]) => sql.id(column)))}) ${action}`.execute(trx);
}

async function writeFigures(trx: Transaction<Database>, kind: StoreKind, figures: DashboardFigures): Promise<void> {
  await addRows(trx, kind, DAYS, figures.days.map((d) => [d.storeId, d.day, ...DAY_SUM_COLUMNS.map((column) => DAY_COLUMN_FIGURES[column](d))]));
  await addRows(trx, kind, HOURS, figures.hours.map((h) => [h.storeId, h.day, h.hour, h.salesCount, h.net]));
  const products = figures.products.map((p): Value[] => [p.storeId, p.day, p.productId, p.name, p.qty, p.amount, p.tax]);
  // The chain's own rows too (dashboard-tables.ts, WHOLE_CHAIN): a push is one store's, so they are its rows renamed.
  await addRows(trx, kind, PRODUCTS, [...products, ...products.map(([, ...rest]) => [WHOLE_CHAIN, ...rest])]);
  await addRows(trx, kind, TENDERS, figures.tenders.map((t) => [t.storeId, t.day, t.method, t.count, t.amount]));
  await addRows(trx, kind, RETURNS, figures.returns.map((r) => [r.storeId, r.day, r.reason, r.count, r.amount, r.online]));
  await addRows(trx, kind, SHIFTS, figures.shifts.map((s) => [s.storeId, s.day, s.shiftId, s.deviceId, s.closedAt, s.counted, s.expected, s.variance]));
}

/** Adds the sales and shift closes this push inserts to the dashboard's sums (see the file header). */
export async function recordDashboardFigures(trx: Transaction<Database>, kind: StoreKind, storeId: string, batch: PushedBatch, writes: readonly DocumentWrite[]): Promise<void> {
  if (batch.collection !== 'sales' && batch.collection !== 'shifts') return;
  const inserted = new Set(writes.filter((write) => write.isNew === true && write.collection === batch.collection).map((write) => write.id));
  if (inserted.size === 0) return;
  if (batch.collection === 'sales') {
    const sales = batch.rows.filter((row) => !row.deleted && inserted.has(row.id)).map((row) => row.doc);
    if (sales.length === 0) return;
    const settings = await settingsOf(trx, storeId, sales[0]?.currency ?? 'VND');
    await writeFigures(trx, kind, dashboardFigures({ settings, sales }));
  } else {
    const closes = batch.rows.filter((row) => !row.deleted && row.doc.type === 'close' && inserted.has(row.id)).map((row) => row.doc);
    if (closes.length === 0) return;
    const settings = await settingsOf(trx, storeId, closes[0]?.currency ?? 'VND');
    await writeFigures(trx, kind, dashboardFigures({ settings, sales: [], shiftEvents: closes }));
  }
}
