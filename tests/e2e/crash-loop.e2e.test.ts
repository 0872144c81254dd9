import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPosServer, type RunningPosServer } from './support/pos-server.ts';
import { DeviceClient } from '../support/device-client.ts';
import { freePort } from '../support/free-port.ts';
import { makeRandom, makeSales, type SaleProduct } from '../support/sale-factory.ts';

// The promise to a store: a sale rung up offline is never lost and never counted twice, whatever the
// server does. Here the server process is killed with SIGKILL (no shutdown hooks, like a power cut) at
// random moments while a device pushes a day's 2,000 sales, and restarted on the same database.

const CODE = 'CRASH-LOOP-2026';
const SALES = 2000;
const BATCH = 25;
const KILLS = 20;

interface ProductDoc { id: string; sku: string; name: string; price: number; taxClassId: string; weighed: boolean }
interface BalanceDoc { kind: string; refId: string; value: number }
interface SaleDoc { id: string; ledger: Array<{ id: string; kind: string; refId: string; delta: number }> }
interface LedgerDoc { id: string; kind: string; refId: string; delta: number }

const RATE_OF_CLASS: Record<string, number> = { vat10: 1000, vat8: 800, vat5: 500, vat0: 0, exempt: 0 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the server crashes again and again while a device pushes its sales', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pos-crash-'));
  let server: RunningPosServer | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('ends with exactly the 2,000 sales and the stock they moved, nothing lost, nothing doubled', async () => {
    const port = await freePort();
    const start = () => startPosServer({ dataDir, env: { PORT: String(port), POS_ENROLLMENT_CODE: CODE } });
    server = await start();
    const device = await DeviceClient.enrol(server.url, CODE, 'counter-1');
    const products = (await device.pullAll<ProductDoc>('products')).slice(0, 300).map(
      (p): SaleProduct => ({ id: p.id, sku: p.sku, name: p.name, price: p.price, taxRate: RATE_OF_CLASS[p.taxClassId] ?? 1000, weighed: p.weighed }),
    );
    const staffId = (await device.pull<{ staff: Array<{ id: string }> }>('config', null)).documents[0]!.staff[0]!.id;
    const stockBefore = stockByProduct(await device.pullAll<BalanceDoc>('balances'));
    const sales = makeSales({ ...device.enrolment, staffId, products, seed: 2026 }, SALES);

    // The device: pushes batch after batch, and retries a batch until the server acknowledges it.
    let pushed = 0;
    let failedAttempts = 0;
    const pushing = (async () => {
      for (let offset = 0; offset < sales.length; offset += BATCH) {
        for (;;) {
          try {
            const { status } = await device.push('sales', sales.slice(offset, offset + BATCH));
            if (status === 200) break;
            failedAttempts++;
          } catch {
            failedAttempts++;
          }
          await sleep(20);
        }
        pushed = offset + BATCH;
      }
    })();

    // The crashes: SIGKILL at a random moment of each run, then a restart on the same file and port.
    const random = makeRandom(42);
    let kills = 0;
    while (kills < KILLS && pushed < sales.length) {
      await sleep(Math.floor(random() * 120));
      await server.kill();
      kills++;
      server = await start();
    }
    await pushing;

    expect(kills, `only ${kills} kills happened before the device finished`).toBeGreaterThanOrEqual(KILLS);
    expect(failedAttempts).toBeGreaterThan(0);

    const stored = await device.pullAll<SaleDoc>('sales');
    expect(stored).toHaveLength(SALES);
    expect(new Set(stored.map((sale) => sale.id))).toEqual(new Set(sales.map((sale) => sale.id as string)));

    const deviceMovements = new Map<string, number>();
    for (const sale of sales as unknown as SaleDoc[]) for (const entry of sale.ledger) add(deviceMovements, entry.refId, entry.delta);
    const ledger = await device.pullAll<LedgerDoc>('ledger');
    const serverMovements = new Map<string, number>();
    for (const entry of ledger) if (entry.kind === 'stock') add(serverMovements, entry.refId, entry.delta);
    expect(Object.fromEntries(serverMovements)).toEqual(Object.fromEntries(deviceMovements));

    const stockAfter = stockByProduct(await device.pullAll<BalanceDoc>('balances'));
    for (const [productId, moved] of deviceMovements) {
      expect(stockAfter.get(productId), `stock of ${productId}`).toBe((stockBefore.get(productId) ?? 0) + moved);
    }
  }, 300_000);
});

function add(map: Map<string, number>, key: string, delta: number): void {
  map.set(key, (map.get(key) ?? 0) + delta);
}

function stockByProduct(balances: BalanceDoc[]): Map<string, number> {
  return new Map(balances.filter((balance) => balance.kind === 'stock').map((balance) => [balance.refId, balance.value]));
}
