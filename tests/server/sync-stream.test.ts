import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../../sync-server/src/app.ts';
import { hashToken, newToken } from '../../sync-server/src/auth/tokens.ts';
import { insertDevice } from '../../sync-server/src/store/devices-repository.ts';
import { openStore } from '../../sync-server/src/store/open-store.ts';
import type { Store } from '../../sync-server/src/store/open-store.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { asNew, enroll, openShop, pull, push, ringUpSale, signIn } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';
import { openSse } from './helpers/sse.test-helper.ts';
import type { SseClient, SseEvent } from './helpers/sse.test-helper.ts';

interface ChangeData {
  collection: string;
  documents: Array<Record<string, unknown> & { id: string }>;
  checkpoint: { id: string; seq: number };
}

const changeOf = (event: SseEvent): ChangeData => JSON.parse(event.data) as ChangeData;
const hasDocument = (collection: string, id: string) => (event: SseEvent) =>
  event.event === 'change' && changeOf(event).collection === collection && changeOf(event).documents.some((d) => d.id === id);

/** A tablet of `storeId` as enrolment would leave it, without going through the enrolment limits. */
async function registerTablet(store: Store, storeId: string, name: string): Promise<EnrolledDevice> {
  const token = newToken();
  const deviceId = uuidv7();
  await insertDevice(store.db, { id: deviceId, storeId, name, tokenHash: hashToken(token), createdAt: new Date().toISOString() });
  return { deviceId, storeId, token };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

describe.each(DATABASE_KINDS)('live changes over Server-Sent Events (%s)', (kind) => {
  let t: TestApp;
  let url: string;
  let q1a: EnrolledDevice;
  let q1b: EnrolledDevice;
  let q3: EnrolledDevice;
  const streams: SseClient[] = [];

  beforeAll(async () => {
    t = await startTestApp(kind, 'sync-sse');
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
    q1a = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy 1');
    q1b = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy 2');
    q3 = await enroll(t.app, 'Q3AA-BBCC-DDEE', 'Quầy Q3');
    url = await listen(t.app);
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await t?.close();
  });

  const stream = async (device: EnrolledDevice): Promise<SseClient> => {
    const client = await openSse(`${url}/api/v1/sync/stream`, device.token);
    streams.push(client);
    await client.waitFor((e) => e.event === 'ready');
    return client;
  };

  it('a sale pushed by tablet A reaches tablet B of the same store with its stock balance, and never the tablet of another store', async () => {
    const b = await stream(q1b);
    const other = await stream(q3);
    const sale = ringUpSale(q1a, [{ productId: 'p-1', qty: 2000, unitPrice: 15_000 }]);
    const response = await push(t.app, q1a.token, 'sales', asNew([sale]));
    expect(response.statusCode).toBe(200);
    const salesEvent = changeOf(await b.waitFor(hasDocument('sales', sale.id)));
    expect(salesEvent.documents[0]).toMatchObject({ id: sale.id, number: sale.number, _deleted: false });
    expect(salesEvent.checkpoint.id).toBe(sale.id);
    const balanceEvent = changeOf(await b.waitFor(hasDocument('balances', 'stock:store-q1:p-1')));
    expect(balanceEvent.documents[0]).toMatchObject({ value: -2000 });
    // The sale's stock movement is stored as a ledger entry, pulled by integrators, never streamed to tills.
    const ledger = await pull(t.app, q1b.token, 'ledger', null);
    expect(ledger.documents.map((d) => d['id'])).toContain(sale.ledger![0]!.id);
    // Quận 3's own push arrives on its stream, and nothing of Quận 1 ever did.
    const q3Sale = ringUpSale(q3, [{ productId: 'p-2', qty: 1000, unitPrice: 9_000 }]);
    await push(t.app, q3.token, 'sales', asNew([q3Sale]));
    await other.waitFor(hasDocument('sales', q3Sale.id));
    await t.app.streamHub.idle();
    const seenByOther = other.events.filter((e) => e.event === 'change').flatMap((e) => changeOf(e).documents);
    expect(seenByOther.length).toBeGreaterThan(0);
    expect(seenByOther.every((d) => d['storeId'] === 'store-q3')).toBe(true);
  });

  it('the tablet that pushed 1,500 sales gets back only the last one, enough to move its checkpoint past them; its neighbour gets them all', async () => {
    await t.app.streamHub.idle();
    const pusher = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy đẩy');
    const own = await stream(pusher);
    const neighbour = await stream(q1b);
    const sales = Array.from({ length: 1500 }, (_, i) => ringUpSale(pusher, [{ productId: `p-${i % 7}`, qty: 1000, unitPrice: 5_000 + i }]));
    expect((await push(t.app, pusher.token, 'sales', asNew(sales))).statusCode).toBe(200);
    const lastSale = sales[sales.length - 1]!;
    await neighbour.waitFor(hasDocument('sales', lastSale.id));
    await own.waitFor(hasDocument('balances', 'stock:store-q1:p-0'));
    await t.app.streamHub.idle();
    const changes = (client: SseClient, collection: string) => client.events.filter((e) => e.event === 'change').map(changeOf).filter((c) => c.collection === collection);
    const toNeighbour = changes(neighbour, 'sales');
    expect(toNeighbour.flatMap((c) => c.documents.map((d) => d.id))).toEqual(sales.map((sale) => sale.id));
    const toPusher = changes(own, 'sales');
    expect(toPusher).toHaveLength(1);
    expect(toPusher[0]!.documents.map((d) => d.id)).toEqual([lastSale.id]);
    // Same checkpoint as the neighbour's last page: a pull from it finds nothing of the push again.
    expect(toPusher[0]!.checkpoint).toEqual(toNeighbour[toNeighbour.length - 1]!.checkpoint);
    expect((await pull(t.app, pusher.token, 'sales', toPusher[0]!.checkpoint)).documents).toEqual([]);
    // Balances are the server's, not the tablet's: the pusher gets them whole.
    expect(changes(own, 'balances').flatMap((c) => c.documents)).toHaveLength(7);
    expect([...changes(own, 'ledger'), ...changes(neighbour, 'ledger')]).toEqual([]);
    own.close();
  });

  it('a tablet alone in its store gets back the last of its own sales, read without the others', async () => {
    await openShop(t.store, 'store-q7', 'Quận 7', 'Q7AA-BBCC-DDEE');
    const alone = await enroll(t.app, 'Q7AA-BBCC-DDEE', 'Quầy Q7');
    const own = await stream(alone);
    const sales = Array.from({ length: 30 }, (_, i) => ringUpSale(alone, [{ productId: 'p-1', qty: 1000, unitPrice: 3_000 + i }]));
    expect((await push(t.app, alone.token, 'sales', asNew(sales))).statusCode).toBe(200);
    const event = changeOf(await own.waitFor(hasDocument('sales', sales[29]!.id)));
    expect(event.documents).toHaveLength(1);
    const all = await pull(t.app, alone.token, 'sales', null, 100);
    expect(event.checkpoint).toEqual(all.checkpoint);
    own.close();
  });

  it('keeps a quiet stream alive through proxies with a comment line at the heartbeat interval', async () => {
    const quick = await buildApp({ ...t.database.config(), sseHeartbeatMs: 50 }, { store: t.store });
    try {
      const client = await openSse(`${await listen(quick)}/api/v1/sync/stream`, q1a.token);
      await client.waitFor((e) => e.event === 'ready');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(client.comments).toBeGreaterThanOrEqual(3);
      client.close();
    } finally {
      await quick.close();
    }
  });

  it('fans a pushed sale out to 200 tablets streaming at once, quickly', async () => {
    // Registered straight in the database: enrolment through the API stops at 50 tablets an hour per store.
    const devices = await Promise.all(Array.from({ length: 200 }, (_, i) => registerTablet(t.store, 'store-q1', `Quầy ${i}`)));
    const clients = await Promise.all(devices.map((d) => stream(d)));
    const sale = ringUpSale(q1a, [{ productId: 'p-3', qty: 1000, unitPrice: 7_000 }]);
    const started = performance.now();
    const arrivals = clients.map((c) => c.waitFor(hasDocument('sales', sale.id), 10_000).then(() => performance.now() - started));
    expect((await push(t.app, q1a.token, 'sales', asNew([sale]))).statusCode).toBe(200);
    const latencies = (await Promise.all(arrivals)).sort((a, b) => a - b);
    const p99 = latencies[Math.ceil(latencies.length * 0.99) - 1]!;
    console.log(JSON.stringify({ name: `server_fanout_200_p99_${kind}_ms`, value: Math.round(p99), unit: 'ms' }));
    expect(p99).toBeLessThan(5000);
    for (const c of clients) c.close();
  }, 60_000);

  it('a stream without a valid token is refused with 401 and gets no events', async () => {
    const none = await fetch(`${url}/api/v1/sync/stream`);
    expect(none.status).toBe(401);
    expect((await none.json()) as { message: string }).toMatchObject({ message: expect.stringMatching(/enroll/) });
  });

  it('revoking a tablet closes its stream', async () => {
    const device = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy tạm');
    const client = await stream(device);
    const manager = await signIn(t.app, q1a, 'store-q1-manager', '999999');
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/devices/${device.deviceId}`, headers: { authorization: `Bearer ${manager}` } });
    expect(revoke.statusCode).toBe(200);
    await client.ended;
    const reopened = await openSse(`${url}/api/v1/sync/stream`, device.token);
    expect(reopened.status).toBe(401);
  });
});

describe('two server instances on one PostgreSQL share live changes through LISTEN/NOTIFY', () => {
  let t: TestApp;
  let second: { app: FastifyInstance; store: Store } | undefined;
  const streams: SseClient[] = [];

  beforeAll(async () => {
    t = await startTestApp('postgres', 'sync-sse-two');
    const store = await openStore(t.database.config());
    second = { store, app: await buildApp(t.database.config(), { store }) };
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await second?.app.close();
    await second?.store.close();
    await t?.close();
  });

  it('a sale pushed through instance 1 reaches a tablet streaming from instance 2, and not another store\'s tablet there', async () => {
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
    const a = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy 1');
    const b = await enroll(second!.app, 'Q1AA-BBCC-DDEE', 'Quầy 2');
    const c = await enroll(second!.app, 'Q3AA-BBCC-DDEE', 'Quầy Q3');
    const url2 = await listen(second!.app);
    const onB = await openSse(`${url2}/api/v1/sync/stream`, b.token);
    const onC = await openSse(`${url2}/api/v1/sync/stream`, c.token);
    streams.push(onB, onC);
    await onB.waitFor((e) => e.event === 'ready');
    await onC.waitFor((e) => e.event === 'ready');

    const sale = ringUpSale(a, [{ productId: 'p-9', qty: 1000, unitPrice: 25_000 }]);
    const started = performance.now();
    expect((await push(t.app, a.token, 'sales', asNew([sale]))).statusCode).toBe(200);
    const event = changeOf(await onB.waitFor(hasDocument('sales', sale.id)));
    const latencyMs = performance.now() - started;
    expect(event.documents[0]).toMatchObject({ id: sale.id, storeId: 'store-q1' });
    expect(latencyMs).toBeLessThan(2000);
    await onB.waitFor(hasDocument('balances', 'stock:store-q1:p-9'));
    await second!.app.streamHub.idle();
    expect(onC.events.filter((e) => e.event === 'change')).toEqual([]);
  });
});
