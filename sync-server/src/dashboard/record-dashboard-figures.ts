/*
 * The dashboard's running sums, added to inside the push transaction that stores the documents they count
 * (push-batch.ts calls this after writing them): a chart then reads a few rows per store and day
 * (dashboard-tables.ts) instead of a year of sales. Only sales and shift events the push inserts as new
 * facts are added (a document pushed again is not written again, so it is not counted again), and a
 * failure here rolls the push back with them, so the sums never drift from the documents.
 * The work is the pure src/domain/dashboard-figures.ts over the batch, one read of the store's config (its
 * time zone, cut-off and currency) and one upsert statement per table and 400 rows: the push's hot path
 * pays a few statements, not a statement per sale.
 * A store whose config cannot date a day (no config yet, or a wrong zone) is counted in the default zone
 * (Vietnam) at midnight in the currency of its documents, rather than not counted at all.
 */
import { sql } from 'kysely';
import type { RawBuilder, Transaction } from 'kysely';
import { DEFAULT_STORE_TIME_ZONE } from '../../../src/domain/business-day.ts';
import { dashboardFigures } from '../../../src/domain/dashboard-figures.ts';
import type { DashboardFigures } from '../../../src/domain/dashboard-figures.ts';
import { dayReportSettingsOf } from '../../../src/domain/day-report.ts';
import type { DayReportSettings } from '../../../src/domain/day-report.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentWrite } from '../store/documents-repository.ts';
import type { PushedBatch } from '../policies/write-plan.ts';
import { DAY_SUM_COLUMNS, WHOLE_CHAIN } from './dashboard-tables.ts';

const ROWS_PER_STATEMENT = 400;
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

/** insert ... on conflict (keys) do update set each sum column = stored + new (or do nothing without sums). */
async function addRows(trx: Transaction<Database>, table: string, keys: readonly string[], sums: readonly string[], replaced: readonly string[], rows: ReadonlyArray<readonly Value[]>): Promise<void> {
  const columns = [...keys, ...replaced, ...sums];
  const updates: RawBuilder<unknown>[] = [
    ...sums.map((column) => sql`${sql.id(column)} = ${sql.id(table)}.${sql.id(column)} + excluded.${sql.id(column)}`),
    ...replaced.map((column) => sql`${sql.id(column)} = excluded.${sql.id(column)}`),
  ];
  const action = sums.length === 0 ? sql`do nothing` : sql`do update set ${sql.join(updates)}`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const values = rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => sql`(${sql.join(row)})`);
    await sql`insert into ${sql.id(table)} (${sql.join(columns.map((column) => sql.id(column)))}) values ${sql.join(values)}
      on conflict (${sql.join(keys.map((column) => sql.id(column)))}) ${action}`.execute(trx);
  }
}

async function writeFigures(trx: Transaction<Database>, figures: DashboardFigures): Promise<void> {
  const key = ['store_id', 'day'];
  await addRows(trx, 'dashboard_days', key, DAY_SUM_COLUMNS, [], figures.days.map((d) => [
    d.storeId, d.day, d.salesCount, d.returnsCount, d.cancellationsCount, d.gross, d.discounts, d.taxAdded, d.returns, d.cancellations, d.net,
    d.onlineReturnsCount, d.onlineReturnsAmount, d.pointsIssued, d.pointsRedeemed, d.cardsSold, d.cardsRedeemed,
  ]));
  await addRows(trx, 'dashboard_hours', [...key, 'hour'], ['sales_count', 'net'], [], figures.hours.map((h) => [h.storeId, h.day, h.hour, h.salesCount, h.net]));
  const products = figures.products.map((p): Value[] => [p.storeId, p.day, p.productId, p.name, p.qty, p.amount, p.tax]);
  // The chain's own rows too (dashboard-tables.ts, WHOLE_CHAIN): a push is one store's, so they are its rows renamed.
  await addRows(trx, 'dashboard_products', [...key, 'product_id'], ['qty', 'amount', 'tax'], ['name'], [...products, ...products.map(([, ...rest]) => [WHOLE_CHAIN, ...rest])]);
  await addRows(trx, 'dashboard_tenders', [...key, 'method'], ['count', 'amount'], [], figures.tenders.map((t) => [t.storeId, t.day, t.method, t.count, t.amount]));
  await addRows(trx, 'dashboard_returns', [...key, 'reason'], ['count', 'amount', 'online'], [], figures.returns.map((r) => [r.storeId, r.day, r.reason, r.count, r.amount, r.online]));
  await addRows(trx, 'dashboard_shifts', [...key, 'shift_id'], [], ['device_id', 'closed_at', 'counted', 'expected', 'variance'], figures.shifts.map((s) => [s.storeId, s.day, s.shiftId, s.deviceId, s.closedAt, s.counted, s.expected, s.variance]));
}

/** Adds the sales and shift closes this push inserts to the dashboard's sums (see the file header). */
export async function recordDashboardFigures(trx: Transaction<Database>, storeId: string, batch: PushedBatch, writes: readonly DocumentWrite[]): Promise<void> {
  if (batch.collection !== 'sales' && batch.collection !== 'shifts') return;
  const inserted = new Set(writes.filter((write) => write.isNew === true && write.collection === batch.collection).map((write) => write.id));
  if (inserted.size === 0) return;
  if (batch.collection === 'sales') {
    const sales = batch.rows.filter((row) => !row.deleted && inserted.has(row.id)).map((row) => row.doc);
    if (sales.length === 0) return;
    const settings = await settingsOf(trx, storeId, sales[0]?.currency ?? 'VND');
    await writeFigures(trx, dashboardFigures({ settings, sales }));
  } else {
    const closes = batch.rows.filter((row) => !row.deleted && row.doc.type === 'close' && inserted.has(row.id)).map((row) => row.doc);
    if (closes.length === 0) return;
    const settings = await settingsOf(trx, storeId, closes[0]?.currency ?? 'VND');
    await writeFigures(trx, dashboardFigures({ settings, sales: [], shiftEvents: closes }));
  }
}
