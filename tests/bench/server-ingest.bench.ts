/*
 * Server ingest: how many realistic sales per second one server process takes in, on SQLite and on
 * PostgreSQL, pushed as a device does after a day offline: 2,000 sales in one push, each with 3-8 lines and
 * their stock movements. Seven fresh batches per database after one that is not counted (the first push a
 * server process takes after starting runs its code cold, while a store's server has taken pushes all
 * day; it is reported apart, as `first_push_sales_per_s`); the median is reported. The request body is
 * serialised before the clock starts (that is the device's work, not the server's); the detail gives the
 * median of the server's own Server-Timing phases (receive = body received and parsed, check = rows
 * validated, write = decided and committed).
 */
import pg from 'pg';
import { startPosServer } from '../e2e/support/pos-server.test-helper.ts';
import { DeviceClient } from '../support/device-client.test-helper.ts';
import { makeSales, type SaleProduct } from '../support/sale-factory.test-helper.ts';
import { median, report } from './report.ts';

const PG_URL = process.env.POS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CODE = 'BENCH-INGEST-01';
const BATCH = 2000;
const ROUNDS = 7;

interface ProductDoc {
  id: string;
  sku: string;
  name: string;
  price: number;
  taxClassId: string;
  weighed: boolean;
}

const RATE_OF_CLASS: Record<string, number> = { vat10: 1000, vat8: 800, vat5: 500, vat0: 0, exempt: 0 };

async function measure(kind: 'sqlite' | 'postgres', env: Record<string, string>): Promise<void> {
  const server = await startPosServer({ env: { POS_ENROLLMENT_CODE: CODE, ...env } });
  try {
    const device = await DeviceClient.enrol(server.url, CODE, `bench-${kind}`);
    const products = (await device.pullAll<ProductDoc>('products')).map(
      (product): SaleProduct => ({ id: product.id, sku: product.sku, name: product.name, price: product.price, taxRate: RATE_OF_CLASS[product.taxClassId] ?? 1000, weighed: product.weighed }),
    );
    const staffId = ((await device.pull<{ staff: Array<{ id: string }> }>('config', null)).documents[0]?.staff[0]?.id) ?? 'staff';
    const rates: number[] = [];
    const phases = new Map<string, number[]>();
    let firstRate = 0;
    for (let round = 0; round <= ROUNDS; round++) {
      const sales = makeSales({ ...device.enrolment, staffId, products, seed: round + 1 }, BATCH, round * BATCH + 1);
      const text = DeviceClient.pushBody(sales);
      const started = performance.now();
      const { status, body, serverTiming } = await device.pushText('sales', text);
      const elapsed = performance.now() - started;
      if (status !== 200 || !Array.isArray(body) || body.length !== 0) throw new Error(`push answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
      if (round === 0) {
        firstRate = (BATCH / elapsed) * 1000;
        continue;
      }
      rates.push((BATCH / elapsed) * 1000);
      for (const [, name, ms] of (serverTiming ?? '').matchAll(/(\w+);dur=([\d.]+)/g)) phases.set(name!, [...(phases.get(name!) ?? []), Number(ms)]);
    }
    const serverMs = Object.fromEntries([...phases].map(([name, values]) => [`${name}_ms`, Math.round(median(values))]));
    report(`server_ingest_${kind}_sales_per_s`, median(rates), 'sales/s', { rounds: rates.map(Math.round), first_push_sales_per_s: Math.round(firstRate), batch: BATCH, ...serverMs });
  } finally {
    await server.stop();
  }
}

export async function benchServerIngest(): Promise<void> {
  await measure('sqlite', {});
  const schema = `pos_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    await measure('postgres', { DATABASE_URL: url.toString() });
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}
