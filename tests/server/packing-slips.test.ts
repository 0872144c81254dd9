/*
 * Packing slips of online orders carry an order summary signed by the server: the private key stays in
 * the server's database, the public key reaches the store's tablets in their config, and a slip's QR
 * checks out with it (and stops checking out when anything in it is changed).
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDocument } from '../../src/data/schemas/types.ts';
import { ORDER_SIGNING_META_KEY, verifyPackingSlip } from '../../sync-server/src/auth/order-signing.ts';
import { publishOrderSigningKey } from '../../sync-server/src/plugins/order-signing.ts';
import { writeOnlineOrders } from '../../sync-server/src/integrations/online-orders.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { bearer, enroll, openShop, pull } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

function order(storeId: string): OrderDocument {
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    storeId,
    number: 'WEB-240601',
    status: 'ready',
    customerName: 'Phạm Thu Hà',
    currency: 'VND',
    lines: [{ productId: 'p-1', sku: 'SKU-p-1', name: 'Sữa tươi 1L', qty: 2000, unitPrice: 32_000, taxRate: 800, total: 64_000 }],
    total: 64_000,
    paid: true,
    events: [],
    placedAt: at,
    updatedAt: at,
  };
}

describe.each(DATABASE_KINDS)('signed packing slips (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  let other: EnrolledDevice;

  beforeAll(async () => {
    t = await startTestApp(kind, 'packing-slips');
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
    till = await enroll(t.app, 'Q1AA-BBCC-DDEE');
    other = await enroll(t.app, 'Q3AA-BBCC-DDEE');
  });
  afterAll(async () => t?.close());

  it("publishes the public key in each store's config once, and keeps the private key in the server's database only", async () => {
    expect(await publishOrderSigningKey(t.app)).toBe(2);
    expect(await publishOrderSigningKey(t.app)).toBe(0);
    const [config] = (await pull(t.app, till.token, 'config')).documents;
    const publicKey = (config?.['store'] as Record<string, unknown>)['orderSigningPublicKey'];
    expect(publicKey).toBe((await t.app.orderSigningKey()).publicKey);
    expect(publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await t.store.db.selectFrom('meta').select('value').where('key', '=', ORDER_SIGNING_META_KEY).executeTakeFirstOrThrow();
    const { privateKey } = JSON.parse(stored.value) as { privateKey: string };
    expect(JSON.stringify(config)).not.toContain(privateKey);
  });

  it("a tablet gets its store's order's slip, whose QR verifies with the published key; a changed QR does not", async () => {
    const online = order('store-q1');
    await writeOnlineOrders(t.store, t.app.documents, [online]);
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${online.id}/packing-slip`, headers: bearer(till.token) });
    expect(response.statusCode).toBe(200);
    const slip = response.json<{ orderId: string; qr: string; summary: Record<string, unknown>; publicKey: string }>();
    expect(slip.summary).toMatchObject({ v: 1, orderId: online.id, number: 'WEB-240601', storeId: 'store-q1', total: 64_000, currency: 'VND' });
    expect(verifyPackingSlip((await t.app.orderSigningKey()).publicKey, slip.qr)).toEqual(slip.summary);
    const [prefix, payload, signature] = slip.qr.split('.') as [string, string, string];
    const tampered = Buffer.from(Buffer.from(payload, 'base64url').toString('utf8').replace('64000', '6400'), 'utf8').toString('base64url');
    expect(verifyPackingSlip((await t.app.orderSigningKey()).publicKey, `${prefix}.${tampered}.${signature}`)).toBeUndefined();
  });

  it("another store's device, an unknown order and a missing token get nothing", async () => {
    const online = order('store-q1');
    await writeOnlineOrders(t.store, t.app.documents, [online]);
    const foreign = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${online.id}/packing-slip`, headers: bearer(other.token) });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().message).toBe(`No order "${online.id}" at this store`);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/orders/nope/packing-slip', headers: bearer(till.token) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orders/${online.id}/packing-slip` })).statusCode).toBe(401);
  });
});
