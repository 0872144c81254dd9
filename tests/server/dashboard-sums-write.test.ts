/*
 * The dashboard's running sums as the push writes them (sync-server/src/dashboard/record-dashboard-figures.ts),
 * on both databases: one statement per table whatever the batch's size (rows as arrays on PostgreSQL, JSON on
 * SQLite). A day of 2,500 sales in two pushes of 300 products whose names hold quotes, braces, commas and
 * backslashes adds up in the tables to exactly what the pure dashboardFigures gives for the whole day, the
 * chain's product rows equal the store's, and the names come back as the tills wrote them.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardFigures } from '../../src/domain/dashboard-figures.ts';
import type { SaleDocument } from '../../src/data/schemas/types.ts';
import { recordDashboardFigures } from '../../sync-server/src/dashboard/record-dashboard-figures.ts';
import type { PushedBatch } from '../../sync-server/src/policies/write-plan.ts';
import { createDocumentValidators, describeValidationErrors } from '../../sync-server/src/schemas.ts';
import type { DocumentWrite } from '../../sync-server/src/store/documents-repository.ts';
import type { Store } from '../../sync-server/src/store/open-store.ts';
import { makeSales } from '../support/sale-factory.test-helper.ts';
import { DATABASE_KINDS, openTestStore } from './helpers/test-databases.test-helper.ts';
import type { TestDatabase } from './helpers/test-databases.test-helper.ts';

const STORE = 'store-sums';
const NAMES = ['Cà phê "sữa" đá', 'Bánh {mì}, thịt', 'Trà \\ chanh', 'NULL', "Nước 'suối'"];
const products = Array.from({ length: 300 }, (_, i) => ({ id: `p-${i}`, sku: `SKU${i}`, name: `${NAMES[i % NAMES.length]} #${i}`, price: 10_000 + i * 100, taxRate: [1000, 800, 500, 0][i % 4]!, weighed: i % 7 === 0 }));
const settings = { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0, currency: 'VND' };

const validators = createDocumentValidators();

/** The factory's sales, each checked by the sales schema (as a push checks it) and typed as a sale from then on. */
function salesOf(seed: number, count: number, first: number): SaleDocument[] {
  return makeSales({ storeId: STORE, deviceId: 'till-1', staffId: 'lan', products, seed }, count, first).map((doc) => {
    if (!validators.sales(doc)) throw new Error(`the factory's sale does not pass the schema: ${describeValidationErrors(validators.sales.errors)}`);
    return doc;
  });
}

async function push(store: Store, sales: readonly SaleDocument[]): Promise<void> {
  const batch: PushedBatch = { collection: 'sales', rows: sales.map((doc, index) => ({ id: doc.id, index, deleted: false, doc, assumed: undefined, assumedDeleted: false })) };
  const writes = sales.map((doc): DocumentWrite => ({ collection: 'sales', id: doc.id, storeId: STORE, body: doc, isNew: true }));
  await store.db.transaction().execute((trx) => recordDashboardFigures(trx, store.kind, STORE, batch, writes));
}

describe.each(DATABASE_KINDS)('the dashboard sums a push writes (%s)', (kind) => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    ({ database, store } = await openTestStore(kind, 'dashboard-sums'));
  });
  afterAll(async () => {
    await store.close();
    await database.dispose();
  });

  it('adds two pushes of a day up to the figures of the whole day, the chain rows equal to the store rows, names as written', async () => {
    const first = salesOf(1, 2_000, 1);
    const second = salesOf(2, 500, 2_001);
    await push(store, first);
    await push(store, second);
    const whole = dashboardFigures({ settings, sales: [...first, ...second] });

    const rows = async (storeId: string) =>
      (await sql<{ product_id: string; name: string; qty: string | number; amount: string | number; tax: string | number }>`select product_id, name, qty, amount, tax from dashboard_products where store_id = ${storeId} order by product_id`.execute(store.db)).rows.map(
        (row) => ({ productId: row.product_id, name: row.name, qty: Number(row.qty), amount: Number(row.amount), tax: Number(row.tax) }),
      );
    const expected = [...whole.products].sort((a, b) => (a.productId < b.productId ? -1 : 1)).map(({ productId, name, qty, amount, tax }) => ({ productId, name, qty, amount, tax }));
    expect(await rows(STORE)).toEqual(expected);
    expect(await rows('*')).toEqual(expected);
    expect(expected.some((row) => row.name.includes('"') && row.name.includes('sữa'))).toBe(true);

    const [day] = (await sql<{ sales_count: string | number; net: string | number; gross: string | number }>`select sales_count, net, gross from dashboard_days where store_id = ${STORE}`.execute(store.db)).rows;
    expect({ salesCount: Number(day?.sales_count), net: Number(day?.net), gross: Number(day?.gross) }).toEqual({ salesCount: 2_500, net: whole.days[0]?.net, gross: whole.days[0]?.gross });
    const hours = (await sql<{ hour: number; net: string | number }>`select hour, net from dashboard_hours where store_id = ${STORE} order by hour`.execute(store.db)).rows;
    expect(hours.map((row) => ({ hour: Number(row.hour), net: Number(row.net) }))).toEqual([...whole.hours].sort((a, b) => a.hour - b.hour).map(({ hour, net }) => ({ hour, net })));
  });
});
