/*
 * backoffice_product_search_p95_ms (issue 14): a manager finds a product in the back office among 100,000
 * (GET /api/v1/backoffice/products?q=, through the route, in-process by inject: the server's work, not the
 * network's), on SQLite and on PostgreSQL. The searches a shop makes: a whole SKU, the start of a SKU, a
 * scanned barcode, its first digits, the start of a name with or without diacritics, and a two-letter start
 * of a name (the widest, thousands of matches counted and the first page read). p95 over every search of
 * every kind, each run ROUNDS times after one warm-up; the figure is the slower database's, the detail gives
 * each database's p95 and each kind's median.
 */
import type { ProductDocument } from '../../src/data/schemas/types.ts';
import { addManager } from '../../sync-server/src/admin/add-manager.ts';
import { createStore } from '../../sync-server/src/admin/store-admin.ts';
import { buildApp } from '../../sync-server/src/app.ts';
import { findProducts } from '../../sync-server/src/backoffice/product-edits.ts';
import { seedDemoStore } from '../../sync-server/src/seed/demo-store.ts';
import { migrateToLatest } from '../../sync-server/src/store/migrations.ts';
import { openStore } from '../../sync-server/src/store/open-store.ts';
import type { StoreKind } from '../../sync-server/src/store/open-store.ts';
import { createTestDatabase } from '../server/helpers/test-databases.test-helper.ts';
import { median, percentile, report } from './report.ts';

const PRODUCTS = Number(process.env['BENCH_PRODUCTS'] ?? 100_000);
const SAMPLES = 20;
const ROUNDS = 5;
const PIN = '246810';
const TARGET_MS = 200;

/** The searches, by kind, made of products spread over the catalog. */
function searchesOf(sample: readonly ProductDocument[]): Record<string, string[]> {
  const scannable = sample.filter((p) => p.barcodes.length > 0);
  return {
    sku: sample.map((p) => p.sku),
    sku_start: sample.map((p) => p.sku.slice(0, Math.max(3, p.sku.length - 2)).toLowerCase()),
    barcode: scannable.map((p) => p.barcodes[0]!),
    barcode_start: scannable.map((p) => p.barcodes[0]!.slice(0, 9)),
    name_start: sample.map((p) => p.name.split(' ').slice(0, 2).join(' ')),
    name_start_folded: sample.map((p) => p.searchName.split(' ').slice(0, 2).join(' ')),
    two_letters: sample.map((p) => p.searchName.slice(0, 2)),
  };
}

async function searchRound(kind: StoreKind): Promise<{ all: number[]; byKind: Record<string, number>; found: Record<string, number> }> {
  const database = await createTestDatabase(kind, 'bench-search');
  const store = await openStore(database.config());
  try {
    await migrateToLatest(store);
    await seedDemoStore(store, { products: PRODUCTS, customers: 0, pickupOrders: 0 });
    const { record } = await createStore(store, { name: 'Bench store' });
    const { staffId } = await addManager(store, record.id, 'Bench manager', PIN);
    const everyNth = Math.floor(PRODUCTS / SAMPLES);
    const sample: ProductDocument[] = [];
    for (let i = 0; i < SAMPLES; i++) sample.push(...(await findProducts(store, '', i * everyNth, 1)).products);
    const app = await buildApp(database.config(), { store });
    try {
      const enrolled = await app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { enrollmentCode: record.enrollmentCode, deviceName: 'bench' } });
      const device = enrolled.json<{ token: string }>().token;
      const session = await app.inject({ method: 'POST', url: '/api/v1/staff/sessions', headers: { authorization: `Bearer ${device}` }, payload: { staffId, pin: PIN } });
      const token = session.json<{ token: string }>().token;
      const search = async (q: string): Promise<{ ms: number; total: number }> => {
        const started = performance.now();
        const answer = await app.inject({ method: 'GET', url: `/api/v1/backoffice/products?${new URLSearchParams({ q, limit: '25' })}`, headers: { authorization: `Bearer ${token}` } });
        const ms = performance.now() - started;
        if (answer.statusCode !== 200) throw new Error(`search "${q}" answered ${answer.statusCode}: ${answer.body.slice(0, 300)}`);
        return { ms, total: answer.json<{ total: number }>().total };
      };
      const all: number[] = [];
      const byKind: Record<string, number> = {};
      const found: Record<string, number> = {};
      for (const [name, queries] of Object.entries(searchesOf(sample))) {
        const times: number[] = [];
        const totals: number[] = [];
        for (const q of queries) {
          const first = await search(q); // warm-up, and the search must find something
          if (first.total === 0) throw new Error(`the ${name} search "${q}" found nothing`);
          totals.push(first.total);
          for (let round = 0; round < ROUNDS; round++) times.push((await search(q)).ms);
        }
        all.push(...times);
        byKind[`${name}_median_ms`] = Number(median(times).toFixed(1));
        found[`${name}_median_found`] = median(totals);
      }
      return { all, byKind, found };
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
    await database.dispose();
  }
}

export async function benchProductSearch(): Promise<void> {
  const p95: Record<string, number> = {};
  const detail: Record<string, unknown> = {};
  for (const kind of ['sqlite', 'postgres'] as const) {
    const { all, byKind, found } = await searchRound(kind);
    p95[kind] = percentile(all, 95);
    detail[kind] = { p95_ms: Number(p95[kind].toFixed(1)), searches: all.length, ...byKind, ...found };
  }
  // The figure is the slower database's p95; each database's own is in the detail.
  report('backoffice_product_search_p95_ms', Math.max(...Object.values(p95)), 'ms', { products: PRODUCTS, ...detail, target_ms: TARGET_MS });
}
