/*
 * Where a 2,000-sale push spends its time on the server, for whoever tunes ingest next:
 *   node --import tsx tests/bench/ingest-profile.ts [postgres|sqlite] [rounds] [products] [products sold]
 * The real app in this process (fastify.inject, no HTTP), a fresh test database, 2,000 products (the demo
 * store's default; each product a push touches is a balance written), and per round:
 * the wall time, the Node CPU time (parse, validation, policies, serialisation, driver), and on PostgreSQL
 * the CPU time of the database backends (read from /proc, so run it on the database's machine), and each
 * statement's wall time in the last round (on SQLite its prepare and its run apart). Under load, compare CPU times, not wall times.
 */
import { readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { StoreKind } from '../../sync-server/src/store/open-store.ts';
import { enroll, openShop, pushBody, serverWrites } from '../server/helpers/shop.test-helper.ts';
import { startTestApp } from '../server/helpers/test-app.test-helper.ts';
import { makeSales } from '../support/sale-factory.test-helper.ts';
import { median } from './report.ts';

const kind: StoreKind = process.argv[2] === 'sqlite' ? 'sqlite' : 'postgres';
const rounds = Number(process.argv[3] ?? 7);
const productCount = Number(process.argv[4] ?? 2000);
// How many of them the sales draw from (all by default; the device bench's push sells 500).
const soldCount = Number(process.argv[5] ?? productCount);

interface StatementTime { count: number; wallMs: number }
const statements = new Map<string, StatementTime>();
const backends = new Set<number>();

function backendCpuMs(): number {
  let ticks = 0;
  for (const pid of backends) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The backend ended (its connection closed); its time is no longer counted.
    }
  }
  return ticks * 10;
}

function statementKey(text: string): string {
  return text.replace(/\((\$\d+|\?)(, (\$\d+|\?))*\)(, \((\$\d+|\?)(, (\$\d+|\?))*\))*/g, '(...)').replace(/\s+/g, ' ').slice(0, 100);
}

function addStatementTime(key: string, ms: number): void {
  const time = statements.get(key) ?? { count: 0, wallMs: 0 };
  time.count += 1;
  time.wallMs += ms;
  statements.set(key, time);
}

// better-sqlite3 is synchronous: a statement's time is its prepare plus its run (or all).
type Prepare = (this: BetterSqlite3.Database, source: string) => BetterSqlite3.Statement;
const originalPrepare = BetterSqlite3.prototype.prepare as unknown as Prepare;
(BetterSqlite3.prototype as unknown as { prepare: Prepare }).prepare = function timedPrepare(this: BetterSqlite3.Database, source: string) {
  const key = statementKey(source);
  const started = performance.now();
  const statement = originalPrepare.call(this, source);
  addStatementTime(`${key} [prepare]`, performance.now() - started);
  for (const method of ['run', 'all', 'get'] as const) {
    const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
    (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const at = performance.now();
      try {
        return original(...args);
      } finally {
        addStatementTime(key, performance.now() - at);
      }
    };
  }
  return statement;
};

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const originalQuery = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function timedQuery(this: pg.Client, ...args: unknown[]) {
  const processId = (this as unknown as { processID?: number }).processID;
  if (processId) backends.add(processId);
  const first = args[0];
  const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '?');
  const key = statementKey(text);
  const started = performance.now();
  const result = originalQuery.apply(this, args);
  if (result instanceof Promise) void result.then(() => addStatementTime(key, performance.now() - started), () => undefined);
  return result;
};

const t = await startTestApp(kind, 'ingest-profile');
try {
  const shop = await openShop(t.store, 'store-profile', 'Cửa hàng đo', 'PROFILE-CODE-01');
  const device = await enroll(t.app, shop.enrollmentCode);
  const now = new Date().toISOString();
  const products = Array.from({ length: productCount }, (_, i) => ({ id: `p-${i}`, sku: `SKU${i}`, name: `Sản phẩm ${i}`, price: 10_000 + i * 100, taxRate: 1000, weighed: false }));
  await serverWrites(
    t.store,
    products.map((p) => ({ collection: 'products', id: p.id, storeId: null, body: { ...p, taxClassId: 'vat10', barcodes: [], updatedAt: now } })),
  );
  const sold = products.slice(0, soldCount);
  const results: Array<{ wallMs: number; nodeCpuMs: number; databaseCpuMs: number }> = [];
  for (let round = 0; round < rounds; round++) {
    statements.clear();
    const sales = makeSales({ storeId: device.storeId, deviceId: device.deviceId, staffId: shop.staff[0]!.id, products: sold, seed: round + 1 }, 2000, round * 2000 + 1);
    const payload = JSON.stringify(sales.map((sale) => ({ newDocumentState: sale })));
    const cpu = process.cpuUsage();
    const databaseCpu = backendCpuMs();
    const started = performance.now();
    const response = await pushBody(t.app, device.token, 'sales', payload);
    const wallMs = performance.now() - started;
    if (response.statusCode !== 200 || response.body !== '[]') throw new Error(`push answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
    const used = process.cpuUsage(cpu);
    const result = { wallMs, nodeCpuMs: (used.user + used.system) / 1000, databaseCpuMs: backendCpuMs() - databaseCpu };
    results.push(result);
    console.log(`round ${round}: ${wallMs.toFixed(0)} ms wall (${((2000 / wallMs) * 1000).toFixed(0)} sales/s), node CPU ${result.nodeCpuMs.toFixed(0)} ms${kind === 'postgres' ? `, database CPU ${result.databaseCpuMs} ms` : ''}`);
    if (round === rounds - 1) {
      for (const [statement, time] of [...statements].sort((a, b) => b[1].wallMs - a[1].wallMs).slice(0, 10)) {
        console.log(`  ${time.wallMs.toFixed(1).padStart(8)} ms x${time.count}  ${statement}`);
      }
    }
  }
  const later = results.slice(1);
  console.log(
    `median of rounds 2-${rounds}: ${median(later.map((r) => r.wallMs)).toFixed(0)} ms wall, node CPU ${median(later.map((r) => r.nodeCpuMs)).toFixed(0)} ms` +
      (kind === 'postgres' ? `, database CPU ${median(later.map((r) => r.databaseCpuMs)).toFixed(0)} ms` : ''),
  );
} finally {
  await t.close();
}
