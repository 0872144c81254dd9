// A chain of two stores maps its online orders with the admin command (issue 15's store mapping): a Shopify
// pickup order for Quận 3 arrives before any store lists its pickup point and waits unrouted; the command
// lists the point for Quận 3, the waiting delivery is tried again and lands there, and later orders go
// straight to it. A key another store lists is refused, "" clears a list, and without a platform option the
// command prints what the store lists. On SQLite and PostgreSQL, with the server running on the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConfigDocument } from '../../src/data/schemas/types.ts';
import { runAdmin } from '../../sync-server/src/admin/run-admin.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { base64Hmac, platformJson, shopifyOrder } from './helpers/platform-payloads.test-helper.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { enroll, openShop, pull } from './helpers/shop.test-helper.ts';

const SHOPIFY_SECRET = 'shpss_admin_locations_0123456789abcd';

interface Run {
  code: number;
  out: string;
  err: string;
}

describe.each(DATABASE_KINDS)('a chain maps its online orders to its stores with the admin command (%s)', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind, 'admin-online-locations', { env: { POS_SHOPIFY_WEBHOOK_SECRET: SHOPIFY_SECRET } });
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
  });
  afterAll(async () => t?.close());

  const admin = async (args: string[]): Promise<Run> => {
    const out: string[] = [];
    const err: string[] = [];
    const exit = await runAdmin(args, { env: { ...t.database.env, LOG_LEVEL: 'silent' }, out: (line) => out.push(line), err: (line) => err.push(line), readPin: async () => '' });
    return { code: exit, out: out.join('\n'), err: err.join('\n') };
  };
  const deliver = (body: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/orders/webhooks/shopify',
      headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-webhook-id': `admin-${Math.random()}`, 'x-shopify-hmac-sha256': base64Hmac(SHOPIFY_SECRET, body) },
      payload: body,
    });
  const locationsOf = async (storeId: string) => ((await t.app.documents.get('config', storeId))?.body as StoreConfigDocument | undefined)?.store['onlineLocations'];
  const inboxState = async (sourceOrderId: string) =>
    (await t.store.db.selectFrom('order_inbox').select('state').where('source_order_id', '=', sourceOrderId).executeTakeFirstOrThrow()).state;

  it('an order that arrived before its store was mapped waits unrouted, and lands at the store once the command lists its pickup point', async () => {
    const early = await deliver(platformJson(shopifyOrder({ id: '820982911946188001', name: '#2001', pickupPoint: 'Cửa hàng Quận 3' })));
    expect(early.statusCode, early.body).toBe(202);
    await t.app.orderInbox.applyPending();
    expect(await inboxState('820982911946188001')).toBe('unrouted');
    const orderId = early.json<{ orderId: string }>().orderId;
    expect(await t.app.documents.get('orders', orderId)).toBeUndefined();

    const run = await admin(['online-locations', '--store', 'Quận 3', '--shopify', 'Cửa hàng Quận 3, 655441491,Cửa hàng Quận 3']);
    expect(run, run.err).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain('Online orders for "Quận 3" (store-q3):');
    expect(run.out).toMatch(/shopify: +"Cửa hàng Quận 3", "655441491"/);
    expect(run.out).toMatch(/woocommerce: +\(none listed\)/);
    expect(run.out).toContain('1 delivery kept unrouted will be tried again.');
    expect(await locationsOf('store-q3')).toEqual({ shopify: ['Cửa hàng Quận 3', '655441491'] });

    await t.app.orderInbox.applyPending();
    expect(await inboxState('820982911946188001')).toBe('done');
    expect((await t.app.documents.get('orders', orderId))?.body).toMatchObject({ storeId: 'store-q3', number: '#2001', fulfilment: 'pickup' });
    // Quận 3's tablet gets the order and the store's new config; Quận 1's gets neither.
    const q3 = await enroll(t.app, 'Q3AA-BBCC-DDEE');
    expect((await pull(t.app, q3.token, 'orders')).documents.map((d) => d.id)).toContain(orderId);
    expect((await pull(t.app, q3.token, 'config')).documents[0]).toMatchObject({ store: { onlineLocations: { shopify: ['Cửa hàng Quận 3', '655441491'] } } });
    const q1 = await enroll(t.app, 'Q1AA-BBCC-DDEE');
    expect((await pull(t.app, q1.token, 'orders')).documents.map((d) => d.id)).not.toContain(orderId);

    // A later order for the location id goes straight there.
    const later = await deliver(platformJson(shopifyOrder({ id: '820982911946188002', pickupPoint: null, shippingAddress: true, locationId: '655441491' })));
    await t.app.orderInbox.applyPending();
    expect((await t.app.documents.get('orders', later.json<{ orderId: string }>().orderId))?.body.storeId).toBe('store-q3');
  });

  it('refuses a location another store lists, writing nothing; "" clears a list; no platform option only prints', async () => {
    const seq = await new DocumentsRepository(t.store).lastSeq();
    const taken = await admin(['online-locations', '--store', 'store-q1', '--shopify', 'Cửa hàng Quận 1,655441491']);
    expect(taken.code).toBe(2);
    expect(taken.err).toBe('The shopify location "655441491" is already listed by the store "Quận 3" (store-q3): a location\'s orders go to one store; remove it there first');
    expect(await new DocumentsRepository(t.store).lastSeq()).toBe(seq);
    expect(await locationsOf('store-q1')).toBeUndefined();

    const woo = await admin(['online-locations', '--store', 'store-q1', '--woocommerce', 'local_pickup:3', '--haravan', '764892']);
    expect(woo.code, woo.err).toBe(0);
    expect(await locationsOf('store-q1')).toEqual({ woocommerce: ['local_pickup:3'], haravan: ['764892'] });
    const cleared = await admin(['online-locations', '--store', 'store-q1', '--woocommerce', '']);
    expect(cleared.code, cleared.err).toBe(0);
    expect(await locationsOf('store-q1')).toEqual({ haravan: ['764892'] });

    const seqBeforePrint = await new DocumentsRepository(t.store).lastSeq();
    const printed = await admin(['online-locations', '--store', 'Quận 1']);
    expect(printed).toMatchObject({ code: 0, err: '' });
    expect(printed.out.split('\n')).toEqual(['Online orders for "Quận 1" (store-q1):', '  shopify:     (none listed)', '  woocommerce: (none listed)', '  haravan:     "764892"']);
    expect(await new DocumentsRepository(t.store).lastSeq()).toBe(seqBeforePrint);
  });

  it('wrong arguments exit 2 with what is wrong', async () => {
    for (const [args, message] of [
      [['online-locations', '--shopify', 'x'], /^online-locations needs --store/],
      [['online-locations', '--store', 'Quận 1', '--shopify', 'x'.repeat(201)], /^--shopify: "x{40}…" is longer than 200 characters/],
      [['online-locations', '--store', 'Quận 1', '--lazada', 'x'], /^online-locations: Unknown option '--lazada'/],
      [['online-locations', '--store', 'Quận 9', '--shopify', 'x'], /^No store has the id or name "Quận 9"/],
    ] as const) {
      const run = await admin([...args]);
      expect(run.code, run.err).toBe(2);
      expect(run.err).toMatch(message);
    }
  });
});
