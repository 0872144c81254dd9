/*
 * The crash loop: a tablet pushes 2,000 sales (with their stock movements) in batches while the real
 * server process is killed with SIGKILL at random moments, at least 20 times, and started again. The
 * tablet retries whatever was not acknowledged, as its queue does. In the end the server holds exactly
 * those 2,000 sales, one ledger document per movement, and stock balances equal to the tablet's own sums:
 * nothing lost, nothing counted twice, whatever moment the process died at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDocument } from '../../src/data/schemas/types.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { openStore } from '../../sync-server/src/store/open-store.ts';
import { DATABASE_KINDS, createTestDatabase } from './helpers/test-databases.test-helper.ts';
import type { TestDatabase } from './helpers/test-databases.test-helper.ts';
import { startServerProcess } from './helpers/server-process.test-helper.ts';
import type { ServerProcess } from './helpers/server-process.test-helper.ts';
import { asNew, realisticSale } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const SALES = 2000;
const BATCH = 50;
const KILLS = 20;
const CODE = 'CRASH-LOOP-2024';

describe.each(DATABASE_KINDS)('the server is killed again and again while a tablet pushes (%s)', (kind) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'crash');
    env = { ...database.env, POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: '20', POS_STATIC_DIR: database.dir };
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
  });

  it(`ends with exactly the ${SALES} sales and the tablet's stock sums after ${KILLS} SIGKILLs`, async () => {
    server = await startServerProcess(env);
    const enrolled = await fetch(`${server.url}/api/v1/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enrollmentCode: CODE, deviceName: 'Quầy 1' }),
    });
    const device = (await enrolled.json()) as EnrolledDevice;
    const sales: SaleDocument[] = Array.from({ length: SALES }, (_, i) => realisticSale(device, i));

    let kills = 0;
    let pushing = true;
    const killer = (async () => {
      while (pushing && kills < KILLS) {
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 250));
        if (!pushing) break;
        const victim = server!;
        await victim.kill();
        kills += 1;
        server = await startServerProcess(env);
      }
    })();

    let acknowledged = 0;
    let retries = 0;
    // Until the kills are done, a tablet that has nothing new keeps re-sending batches it already sent
    // (as one whose acknowledgements got lost would): they must change nothing.
    while (acknowledged < SALES || kills < KILLS) {
      const resend = acknowledged >= SALES;
      const from = resend ? BATCH * Math.floor((Math.random() * SALES) / BATCH) : acknowledged;
      const batch = sales.slice(from, from + BATCH);
      // Only the network may fail here (the server died under this push: reset, refused, cut mid-answer,
      // timed out); that is a retry. What the server answered is asserted outside, so a wrong answer
      // fails the test instead of counting as a retry.
      let answer: { status: number; text: string } | undefined;
      try {
        const response = await fetch(`${server!.url}/api/v1/sync/sales/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(asNew(batch)),
          signal: AbortSignal.timeout(10_000),
        });
        answer = { status: response.status, text: await response.text() };
      } catch {
        retries += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      expect(answer.status, answer.text).toBe(200);
      expect(JSON.parse(answer.text)).toEqual([]);
      if (!resend) acknowledged += batch.length;
      // Slow down a little so the kills land all along the queue, not after it.
      if (kills < KILLS) await new Promise((resolve) => setTimeout(resolve, 15));
    }
    pushing = false;
    await killer;
    expect(kills).toBe(KILLS);
    expect(retries).toBeGreaterThan(0);

    await server!.stop();
    server = undefined;
    const store = await openStore(database.config());
    try {
      const documents = new DocumentsRepository(store);
      expect(await documents.count({ collection: 'sales' })).toBe(SALES);
      const movements = sales.flatMap((s) => s.ledger ?? []);
      expect(await documents.count({ collection: 'ledger' })).toBe(movements.length);
      const expected = new Map<string, number>();
      for (const m of movements) expected.set(m.refId, (expected.get(m.refId) ?? 0) + m.delta);
      const stored = await documents.getMany(store.db, 'balances', [...expected.keys()].map((p) => `stock:${device.storeId}:${p}`));
      for (const [productId, sum] of expected) {
        expect(stored.get(`stock:${device.storeId}:${productId}`)?.body['value'], productId).toBe(sum);
      }
    } finally {
      await store.close();
    }
    console.log(JSON.stringify({ name: `crash_loop_${kind}`, kills, retries }));
  }, 240_000);
});
