/*
 * dashboard_chain: the dashboard's chart queries (sync-server/src/dashboard/dashboard-queries.ts) for a chain
 * on PostgreSQL, timed over the last 30 days (the screen's default) for every store at once.
 *   dashboard_chain_p95_ms   the slowest chart's 95th percentile, with a year of history held: 20 stores at 300
 *                            sales a day (2.2 million sales) as the pushes would have summed them
 *   dashboard_growth_ratio   the same charts' p95s added up, with the whole history held, over the same with a
 *                            tenth of it (the last 36 days), measured first in the same run: about 1 when the
 *                            cost does not grow with the history
 * The history is generated in bulk straight into the running-sum tables (INSERT ... SELECT over
 * generate_series, on the server: the rows the pushes of those sales would have left: per store and day, its
 * figures, 15 open hours, 600 products out of a catalog of 1,000 (and the chain's own rows per product and day),
 * 5 tenders, 3 return reasons, 2 closed shifts),
 * plus the catalog's product documents (their categories), 3 pickup orders per store and day (documents) and
 * 10,000 gift cards' balances. The raw sale documents are not written: no chart reads them. The generation
 * time and the database's size are reported (`dashboard_generation_s`, `dashboard_database_mb`).
 * A database of its own (bench_dashboard, created and dropped here) on POS_TEST_PG_URL's server; never in CI.
 * Sizes: DASHBOARD_BENCH_STORES (20), DASHBOARD_BENCH_DAYS (365), DASHBOARD_BENCH_SALES_PER_DAY (300).
 */
import pg from 'pg';
import { sql } from 'kysely';
import { addDays } from '../../src/domain/business-day.ts';
import { cashVariance, onlineFigures, returnReasons, salesByDay, salesByHour, tenderMix, topCategories, topProducts } from '../../sync-server/src/dashboard/dashboard-queries.ts';
import type { DashboardReader, DashboardScope, DashboardTotals } from '../../sync-server/src/dashboard/dashboard-queries.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { migrateToLatest } from '../../sync-server/src/store/migrations.ts';
import { openStore } from '../../sync-server/src/store/open-store.ts';
import type { Store } from '../../sync-server/src/store/open-store.ts';
import { median, percentile, report } from './report.ts';

const PG_URL = process.env.POS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DATABASE = 'bench_dashboard';
const STORES = Number(process.env.DASHBOARD_BENCH_STORES ?? 20);
const DAYS = Number(process.env.DASHBOARD_BENCH_DAYS ?? 365);
const SALES_PER_DAY = Number(process.env.DASHBOARD_BENCH_SALES_PER_DAY ?? 300);
const PRODUCTS_PER_DAY = 600;
const CATALOG = 1000;
const WINDOW_DAYS = 30;
const RUNS = 40;
const DAY_MS = 86_400_000;

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The running sums of stores 1..STORES for the days `end - last` .. `end - first` (offsets in days). */
async function generateDays(store: Store, end: string, first: number, last: number): Promise<void> {
  const db = store.db;
  const span = sql`generate_series(1, ${sql.lit(STORES)}) s, generate_series(${sql.lit(first)}::int, ${sql.lit(last)}::int) d`;
  const storeId = sql`'bench-store-' || s`;
  const day = sql`to_char(${sql.lit(end)}::date - d, 'YYYY-MM-DD')`;
  const n = SALES_PER_DAY;
  await sql`insert into dashboard_days (store_id, day, sales_count, returns_count, cancellations_count, gross, discounts, tax_added, returns, cancellations, net,
      online_returns_count, online_returns_amount, points_issued, points_redeemed, cards_sold, cards_redeemed)
    select ${storeId}, ${day}, ${sql.lit(n)}, 6, 1, ${sql.lit(n)} * 150000 + (d % 7) * 100000, ${sql.lit(-n * 2000)}, 0, -720000, -150000, ${sql.lit(n)} * 150000 + (d % 7) * 100000 - ${sql.lit(n * 2000)} - 870000,
      2, -240000, ${sql.lit(n * 15)}, ${sql.lit(n * 10)}, 500000, 400000 from ${span}`.execute(db);
  await sql`insert into dashboard_hours (store_id, day, hour, sales_count, net)
    select ${storeId}, ${day}, h, ${sql.lit(Math.floor(n / 15))}, ${sql.lit(Math.floor(n / 15))} * (100000 + h * 5000) from ${span}, generate_series(7, 21) h`.execute(db);
  await sql`insert into dashboard_products (store_id, day, product_id, name, qty, amount, tax)
    select ${storeId}, ${day}, 'bench-p-' || ((p * 7 + d * 13 + s * 17) % ${sql.lit(CATALOG)}), 'Sản phẩm ' || ((p * 7 + d * 13 + s * 17) % ${sql.lit(CATALOG)}),
      1000 + (p % 5) * 1000, 50000 + (p % 97) * 1000, 4545 from ${span}, generate_series(1, ${sql.lit(PRODUCTS_PER_DAY)}) p`.execute(db);
  // The chain's own product rows, as the pushes keep them beside each store's (dashboard-tables.ts, WHOLE_CHAIN).
  await sql`insert into dashboard_products (store_id, day, product_id, name, qty, amount, tax)
    select '*', day, product_id, max(name), sum(qty), sum(amount), sum(tax) from dashboard_products
     where store_id <> '*' and day between to_char(${sql.lit(end)}::date - ${sql.lit(last)}, 'YYYY-MM-DD') and to_char(${sql.lit(end)}::date - ${sql.lit(first)}, 'YYYY-MM-DD')
     group by day, product_id`.execute(db);
  await sql`insert into dashboard_tenders (store_id, day, method, count, amount)
    select ${storeId}, ${day}, m, 60, 60 * 140000 from ${span}, unnest(array['cash', 'card', 'bank_qr', 'points', 'gift_card']) m`.execute(db);
  await sql`insert into dashboard_returns (store_id, day, reason, count, amount, online)
    select ${storeId}, ${day}, r, 2, -240000, 1 from ${span}, unnest(array['damaged', 'changed_mind', 'wrong_item']) r`.execute(db);
  await sql`insert into dashboard_shifts (store_id, day, shift_id, device_id, closed_at, counted, expected, variance)
    select ${storeId}, ${day}, 'bench-shift-' || s || '-' || d || '-' || k, 'bench-till-' || s || '-' || k, ${day} || 'T' || (6 + k * 8) || ':00:00.000Z',
      5000000 - (d % 11) * 1000, 5000000, -(d % 11) * 1000 from ${span}, generate_series(1, 2) k`.execute(db);
  // Three pickup orders per store and day: two handed over (30 to 150 minutes after placed), one cancelled.
  await sql`insert into documents (collection, id, store_id, seq, deleted, body, updated_at)
    select 'orders', 'bench-order-' || s || '-' || d || '-' || k, ${storeId}, 1000000 + (s * 1000 + d) * 3 + k, false,
      json_build_object('id', 'bench-order-' || s || '-' || d || '-' || k, 'storeId', ${storeId}, 'number', '#' || d || k, 'status', case when k = 2 then 'cancelled' else 'picked_up' end,
        'customerName', 'Khách', 'currency', 'VND', 'lines', json_build_array(), 'total', 100000, 'paid', true, 'fulfilment', 'pickup',
        'events', case when k = 2 then json_build_array() else json_build_array(json_build_object('id', 'h', 'type', 'handed_over', 'at', to_char((${sql.lit(end)}::date - d + time '10:00' + (30 + k * 60) * interval '1 minute'), 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'))) end,
        'placedAt', to_char((${sql.lit(end)}::date - d + time '10:00'), 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'), 'updatedAt', to_char((${sql.lit(end)}::date - d + time '12:00'), 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'))::text,
      (${sql.lit(end)}::date - d + time '12:00')::timestamptz
    from ${span}, generate_series(0, 2) k`.execute(db);
}

async function generateChain(store: Store): Promise<void> {
  const now = new Date().toISOString();
  await sql`insert into stores (id, name, enrollment_code, created_at) select 'bench-store-' || s, 'Cửa hàng ' || s, 'BENCH-' || s, ${sql.lit(now)}::timestamptz from generate_series(1, ${sql.lit(STORES)}) s`.execute(store.db);
  await sql`insert into documents (collection, id, store_id, seq, deleted, body, updated_at)
    select 'products', 'bench-p-' || p, null, p + 1, false,
      json_build_object('id', 'bench-p-' || p, 'sku', 'SKU' || p, 'name', 'Sản phẩm ' || p, 'price', 50000, 'taxClassId', 'vat10', 'weighed', false, 'category', 'Nhóm ' || (p % 20), 'updatedAt', ${sql.lit(now)})::text, ${sql.lit(now)}::timestamptz
    from generate_series(0, ${sql.lit(CATALOG - 1)}) p`.execute(store.db);
  await sql`insert into balances (id, store_id, seq, kind, ref_id, value, updated_at)
    select 'giftcard:bench-store-' || (g % ${sql.lit(STORES)} + 1) || ':GC' || g, 'bench-store-' || (g % ${sql.lit(STORES)} + 1), 100000000 + g, 'giftcard', 'GC' || g, 100000 + (g % 50) * 10000, ${sql.lit(now)}
    from generate_series(1, 10000) g`.execute(store.db);
}

interface ChartTimes {
  [chart: string]: number[];
}

async function timeCharts(store: Store, end: string): Promise<Record<string, { p95: number; median: number }>> {
  const reader: DashboardReader = { db: store.db, documents: new DocumentsRepository(store) };
  const scope: DashboardScope = { storeIds: Array.from({ length: STORES }, (_, index) => `bench-store-${index + 1}`), wholeChain: true, from: addDays(end, -WINDOW_DAYS), to: addDays(end, -1) };
  const window = { from: Date.parse(`${scope.from}T00:00:00Z`), to: Date.parse(`${scope.to}T00:00:00Z`) + DAY_MS };
  let totals: DashboardTotals | undefined;
  const charts: Record<string, () => Promise<unknown>> = {
    sales_by_hour: () => salesByHour(reader, scope),
    sales_by_day: async () => (totals = (await salesByDay(reader, scope)).totals),
    top_products: () => topProducts(reader, scope),
    top_categories: () => topCategories(reader, scope),
    tender_mix: () => tenderMix(reader, scope),
    return_reasons: () => returnReasons(reader, scope),
    cash_variance: () => cashVariance(reader, scope),
    online: () => onlineFigures(reader, scope, window, totals!),
  };
  const times: ChartTimes = {};
  for (let run = -3; run < RUNS; run++) {
    for (const [name, query] of Object.entries(charts)) {
      const started = performance.now();
      await query();
      if (run >= 0) (times[name] ??= []).push(performance.now() - started);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, { p95: Math.round(percentile(values, 95) * 10) / 10, median: Math.round(median(values) * 10) / 10 }]));
}

export async function benchDashboard(): Promise<void> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${DATABASE}`));
  await admin((client) => client.query(`CREATE DATABASE ${DATABASE}`));
  const url = new URL(PG_URL);
  url.pathname = `/${DATABASE}`;
  const store = await openStore({ database: { kind: 'postgres', url: url.toString() } });
  try {
    await migrateToLatest(store);
    const end = new Date().toISOString().slice(0, 10);
    const tenth = Math.max(WINDOW_DAYS + 1, Math.round(DAYS / 10));
    let started = performance.now();
    await generateChain(store);
    await generateDays(store, end, 1, tenth);
    await sql`analyze`.execute(store.db);
    let generationMs = performance.now() - started;
    const small = await timeCharts(store, end);
    started = performance.now();
    await generateDays(store, end, tenth + 1, DAYS);
    await sql`analyze`.execute(store.db);
    generationMs += performance.now() - started;
    const full = await timeCharts(store, end);
    const size = await sql<{ bytes: string }>`select pg_database_size(current_database()) as bytes`.execute(store.db);
    const rows = await sql<{ n: string }>`select count(*) as n from dashboard_products`.execute(store.db);
    const p95 = Math.max(...Object.values(full).map((chart) => chart.p95));
    const sum = (charts: typeof full) => Object.values(charts).reduce((total, chart) => total + chart.p95, 0);
    const sizes = { stores: STORES, days: DAYS, sales_per_day: SALES_PER_DAY, sales: STORES * DAYS * SALES_PER_DAY, window_days: WINDOW_DAYS, runs: RUNS };
    report('dashboard_chain_p95_ms', p95, 'ms', { ...sizes, charts: full });
    report('dashboard_growth_ratio', sum(full) / sum(small), 'x', { ...sizes, tenth_days: tenth, tenth_charts: small });
    report('dashboard_generation_s', generationMs / 1000, 's', { ...sizes, product_rows: Number(rows.rows[0]?.n ?? 0) });
    report('dashboard_database_mb', Number(size.rows[0]?.bytes ?? 0) / 1_048_576, 'MB', sizes);
  } finally {
    await store.close();
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${DATABASE}`));
  }
}
