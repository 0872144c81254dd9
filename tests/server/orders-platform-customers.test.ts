/*
 * Issue 15: a platform order gets a customer, so the counter can sell more to the person collecting it and
 * loyalty counts. Matched by phone (+84 and 0 are one number) or, without one, by e-mail; made for the
 * order's store when the chain has none; a redelivery or a second order of the same new customer makes no
 * second one. A customer of another store is linked, not changed: the order's store sees her read-only,
 * without her e-mail (issue 12). On SQLite and PostgreSQL.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerDocument, StoreConfigDocument } from '../../src/data/schemas/types.ts';
import { customersByEmailQuery } from '../../sync-server/src/integrations/order-customers.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { base64Hmac, platformJson, shopifyOrder, wooOrder } from './helpers/platform-payloads.test-helper.ts';
import { enroll, newCustomer, openShop, pullAll, serverWrites } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const SHOPIFY_SECRET = 'shpss_customers_0123456789abcdef01';
const WOO_SECRET = 'woo-customers-secret-0123456789ab';

describe.each(DATABASE_KINDS)('the customer of a platform order (%s)', (kind) => {
  let t: TestApp;
  let q1: EnrolledDevice;
  let mai: CustomerDocument;
  let haQ3: CustomerDocument;

  beforeAll(async () => {
    t = await startTestApp(kind, 'orders-platform-customers', { env: { POS_SHOPIFY_WEBHOOK_SECRET: SHOPIFY_SECRET, POS_WOOCOMMERCE_WEBHOOK_SECRET: WOO_SECRET } });
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
    for (const [storeId, locations] of [
      ['store-q1', { shopify: ['Cửa hàng Quận 1'], woocommerce: ['Cửa hàng Quận 1'] }],
      ['store-q3', { shopify: ['Cửa hàng Quận 3'], woocommerce: ['Cửa hàng Quận 3'] }],
    ] as const) {
      const config = (await t.app.documents.get('config', storeId))!.body as StoreConfigDocument;
      await serverWrites(t.store, [{ collection: 'config', id: storeId, storeId, body: { ...config, store: { ...config.store, onlineLocations: locations } } }]);
    }
    mai = newCustomer('store-q1', 'Nguyễn Thị Mai', '0903000003', { email: 'Mai.Nguyen@Example.vn' });
    haQ3 = newCustomer('store-q3', 'Phạm Thu Hà', '0987654321', { email: 'ha.pham@example.vn', memberCard: 'TV00000042' });
    await serverWrites(t.store, [mai, haQ3].map((c) => ({ collection: 'customers' as const, id: c.id, storeId: c.storeId, body: c })));
    q1 = await enroll(t.app, 'Q1AA-BBCC-DDEE');
  });
  afterAll(async () => t?.close());

  const deliver = async (platform: 'shopify' | 'woocommerce', order: Record<string, unknown>): Promise<string> => {
    const body = platformJson(order);
    const headers =
      platform === 'shopify'
        ? { 'x-shopify-hmac-sha256': base64Hmac(SHOPIFY_SECRET, body), 'x-shopify-topic': 'orders/create', 'x-shopify-webhook-id': uuidv7() }
        : { 'x-wc-webhook-signature': base64Hmac(WOO_SECRET, body), 'x-wc-webhook-topic': 'order.created' };
    const answer = await t.app.inject({ method: 'POST', url: `/api/v1/orders/webhooks/${platform}`, headers: { 'content-type': 'application/json', ...headers }, payload: body });
    expect(answer.statusCode, answer.body).toBe(202);
    await t.app.orderInbox.applyPending();
    return answer.json<{ orderId: string }>().orderId;
  };
  const order = async (id: string) => (await t.app.documents.get('orders', id))!.body as { customerId?: string; storeId: string };
  const customersWithPhone = async (phone: string) =>
    (await t.store.db.selectFrom('documents').select('body').where('collection', '=', 'customers').execute()).map((row) => JSON.parse(row.body) as CustomerDocument).filter((c) => c.phone === phone);

  it('a Shopify order from +84 903 000 003 is Mai\'s, Quận 1\'s own customer: no new customer', async () => {
    const id = await deliver('shopify', shopifyOrder({ customer: { first_name: 'Mai', last_name: 'Nguyễn', phone: '+84 903 000 003' } }));
    expect(await order(id)).toMatchObject({ storeId: 'store-q1', customerId: mai.id });
    expect(await customersWithPhone('0903000003')).toHaveLength(1);
  });

  it('without a phone, a WooCommerce order is matched by e-mail whatever its case', async () => {
    const woo = wooOrder({ pickupLocation: 'Cửa hàng Quận 1' });
    const billing = { ...(woo['billing'] as Record<string, unknown>), phone: '', email: 'MAI.NGUYEN@example.VN' };
    const id = await deliver('woocommerce', { ...woo, billing, shipping: { ...(woo['shipping'] as Record<string, unknown>), phone: '' } });
    expect(await order(id)).toMatchObject({ customerId: mai.id });
  });

  it('an order without a phone finds its customer through the e-mail index, not by reading every customer', async () => {
    const query = customersByEmailQuery(kind, 'mai.nguyen@example.vn');
    expect((await query.execute(t.store.db)).rows.map((row) => row.id)).toEqual([mai.id]);
    const plan = await t.store.db.transaction().execute(async (trx) => {
      // PostgreSQL would read a table this small whole anyway: forbid that, so the plan shows what a big one gets.
      if (kind === 'postgres') await sql`set local enable_seqscan = off`.execute(trx);
      const explained = await sql<Record<string, unknown>>`${sql.raw(kind === 'postgres' ? 'explain' : 'explain query plan')} ${query}`.execute(trx);
      return JSON.stringify(explained.rows);
    });
    expect(plan).toContain('documents_customer_email_idx');
  });

  it('a new number makes one customer of the order\'s store, however often delivered and for a second order too; the tablet gets her', async () => {
    const customer = { first_name: 'Lan', last_name: 'Trần', phone: '0912 555 777' };
    const first = await deliver('shopify', { ...shopifyOrder({ id: '7700000000000001', customer }), email: 'lan.tran@example.vn' });
    await deliver('shopify', { ...shopifyOrder({ id: '7700000000000001', customer }), email: 'lan.tran@example.vn' });
    const second = await deliver('shopify', shopifyOrder({ customer: { ...customer, phone: '+84912555777' } }));
    const made = await customersWithPhone('0912555777');
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ storeId: 'store-q1', name: 'Lan Trần', email: 'lan.tran@example.vn', searchName: expect.any(String) });
    expect((await order(first)).customerId).toBe(made[0]!.id);
    expect((await order(second)).customerId).toBe(made[0]!.id);
    expect((await pullAll(t.app, q1.token, 'customers')).map((c) => c.id)).toContain(made[0]!.id);
  });

  it('a Quận 1 order from Quận 3\'s Phạm Thu Hà links her unchanged: Quận 1 sees her without her e-mail or member card', async () => {
    const before = await t.app.documents.get('customers', haQ3.id);
    const id = await deliver('shopify', { ...shopifyOrder({ customer: { first_name: 'Hà', last_name: 'Phạm', phone: '0987 654 321' } }), email: 'someone.else@example.vn' });
    expect(await order(id)).toMatchObject({ storeId: 'store-q1', customerId: haQ3.id });
    expect((await t.app.documents.get('customers', haQ3.id))!.body).toEqual(before!.body);
    const seen = (await pullAll(t.app, q1.token, 'customers')).find((c) => c.id === haQ3.id);
    expect(seen).toBeDefined();
    expect(seen).not.toHaveProperty('email');
    expect(seen).not.toHaveProperty('memberCard');
    expect(await customersWithPhone('0987654321')).toHaveLength(1);
  });

  it('where Quận 1 keeps its own customer with that number too, the order takes Quận 1\'s', async () => {
    const haQ1 = newCustomer('store-q1', 'Chị Hà', '+84987654321');
    await serverWrites(t.store, [{ collection: 'customers', id: haQ1.id, storeId: haQ1.storeId, body: haQ1 }]);
    const id = await deliver('shopify', shopifyOrder({ customer: { first_name: 'Hà', last_name: 'Phạm', phone: '0987654321' } }));
    expect(await order(id)).toMatchObject({ customerId: haQ1.id });
  });

  it('an order without a customer (Shopify redacts them) gets none, and makes none', async () => {
    const count = async () => (await t.store.db.selectFrom('documents').select('id').where('collection', '=', 'customers').execute()).length;
    const before = await count();
    const id = await deliver('shopify', shopifyOrder({ customer: null }));
    expect((await order(id)).customerId).toBeUndefined();
    expect(await count()).toBe(before);
  });
});
