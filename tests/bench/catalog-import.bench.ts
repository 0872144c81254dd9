/*
 * Catalog import: a 100,000-row CSV (the demo catalog's products with barcodes, categories and opening
 * stock, about 10 MB) posted to POST /api/v1/catalog/import by a manager, read, checked and written on the
 * server, on SQLite and on PostgreSQL, each time into an empty catalog (100,000 created, 100,000 opening
 * stock entries and balances). The baseline, measured in the same run on the same kind of database, is the
 * demo seed writing the same 100,000 products and their stock balances (no file to read or check, no
 * ledger entries). The detail also gives re-importing the same file (all unchanged, nothing written) and a
 * file with 10,000 new prices (10,000 updated).
 * The request runs in-process (inject): the figure is the server's work, not the network's.
 */
import type { ProductDocument } from '../../src/data/schemas/types.ts';
import { addManager } from '../../sync-server/src/admin/add-manager.ts';
import { createStore } from '../../sync-server/src/admin/store-admin.ts';
import { buildApp } from '../../sync-server/src/app.ts';
import { generateProduct, generateStock } from '../../sync-server/src/seed/catalog.ts';
import { seedDemoStore } from '../../sync-server/src/seed/demo-store.ts';
import { migrateToLatest } from '../../sync-server/src/store/migrations.ts';
import { openStore } from '../../sync-server/src/store/open-store.ts';
import type { StoreKind } from '../../sync-server/src/store/open-store.ts';
import { createTestDatabase } from '../server/helpers/test-databases.test-helper.ts';
import { median, report } from './report.ts';

const ROWS = Number(process.env['BENCH_IMPORT_ROWS'] ?? 100_000);
const ROUNDS = Number(process.env['BENCH_IMPORT_ROUNDS'] ?? 3);
const PIN = '246810';
const HEADER = 'sku,name,barcodes,price,taxClass,unit,weighed,category,stock';

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function catalogCsv(rows: number, repriced = 0): string {
  const updatedAt = new Date().toISOString();
  const lines = [HEADER];
  for (let index = 0; index < rows; index++) {
    const product: ProductDocument = generateProduct(index, updatedAt);
    const stock = generateStock(index, product, 'bench', updatedAt).value;
    const units = product.weighed ? `${Math.floor(stock / 1000)}.${String(stock % 1000).padStart(3, '0')}` : String(stock / 1000);
    const price = index < repriced ? product.price + 500 : product.price;
    lines.push(
      [product.sku, csvCell(product.name), product.barcodes.join('|'), String(price), product.taxClassId, product.unit, product.weighed ? 'yes' : 'no', csvCell(product.category ?? ''), units].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

interface ImportRound {
  importMs: number;
  /** The server's own Server-Timing phases of the first import. */
  phases: Record<string, number>;
  unchangedMs: number;
  repricedMs: number;
}

async function importRound(kind: StoreKind, csv: string, repricedCsv: string): Promise<ImportRound> {
  const database = await createTestDatabase(kind, 'bench-import');
  const store = await openStore(database.config());
  try {
    await migrateToLatest(store);
    const { record } = await createStore(store, { name: 'Bench store' });
    const { staffId } = await addManager(store, record.id, 'Bench manager', PIN);
    const app = await buildApp(database.config(), { store });
    try {
      const enrolled = await app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { enrollmentCode: record.enrollmentCode, deviceName: 'bench' } });
      const device = enrolled.json<{ token: string }>().token;
      const session = await app.inject({ method: 'POST', url: '/api/v1/staff/sessions', headers: { authorization: `Bearer ${device}` }, payload: { staffId, pin: PIN } });
      const token = session.json<{ token: string }>().token;
      let phases: Record<string, number> = {};
      const post = async (body: string, expected: Record<string, number>): Promise<number> => {
        const started = performance.now();
        const answer = await app.inject({ method: 'POST', url: '/api/v1/catalog/import', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, payload: body });
        const elapsed = performance.now() - started;
        const counts = answer.json<Record<string, number>>();
        if (answer.statusCode !== 200 || Object.entries(expected).some(([name, n]) => counts[name] !== n)) {
          throw new Error(`import answered ${answer.statusCode}: ${answer.body.slice(0, 300)}`);
        }
        phases = Object.fromEntries([...String(answer.headers['server-timing'] ?? '').matchAll(/(\w+);dur=([\d.]+)/g)].map(([, name, dur]) => [`${name}_ms`, Number(dur)]));
        return elapsed;
      };
      const importMs = await post(csv, { created: ROWS });
      const firstPhases = phases;
      const unchangedMs = await post(csv, { unchanged: ROWS });
      const repricedMs = await post(repricedCsv, { updated: Math.min(10_000, ROWS) });
      return { importMs, phases: firstPhases, unchangedMs, repricedMs };
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
    await database.dispose();
  }
}

async function seedRound(kind: StoreKind): Promise<number> {
  const database = await createTestDatabase(kind, 'bench-seed');
  const store = await openStore(database.config());
  try {
    await migrateToLatest(store);
    const started = performance.now();
    await seedDemoStore(store, { products: ROWS, customers: 0, pickupOrders: 0 });
    return performance.now() - started;
  } finally {
    await store.close();
    await database.dispose();
  }
}

export async function benchCatalogImport(): Promise<void> {
  const csv = catalogCsv(ROWS);
  const repricedCsv = catalogCsv(ROWS, 10_000);
  for (const kind of ['sqlite', 'postgres'] as const) {
    const rounds: ImportRound[] = [];
    const seeds: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push(await importRound(kind, csv, repricedCsv));
      seeds.push(await seedRound(kind));
    }
    const importMs = rounds.map((r) => r.importMs);
    report(`catalog_import_100k_${kind}_ms`, median(importMs), 'ms', {
      database: kind,
      rows: ROWS,
      csv_bytes: Buffer.byteLength(csv),
      rounds: importMs.map(Math.round),
      baseline_seed_same_products_ms: Math.round(median(seeds)),
      baseline_rounds: seeds.map(Math.round),
      ...Object.fromEntries(Object.keys(rounds[0]?.phases ?? {}).map((name) => [`server_${name}`, Math.round(median(rounds.map((r) => r.phases[name] ?? 0)))])),
      reimport_unchanged_ms: Math.round(median(rounds.map((r) => r.unchangedMs))),
      reimport_10k_prices_ms: Math.round(median(rounds.map((r) => r.repricedMs))),
      target_ms: 20_000,
    });
  }
}
