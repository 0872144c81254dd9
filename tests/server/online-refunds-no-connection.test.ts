/*
 * A server with no platform connection at all (no notice target configured, so no outbox worker) still owes
 * the customer the money of a return refunded online (issue 16): the refund is enqueued with the return and
 * shows up failing at once, with the reason 'no platform connection configured', for the manager (the outbox
 * list and one 'outbox-failing' incident) and for the returns desk (the order's refund status), instead of
 * waiting 'pending' forever. On both databases.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnPolicyOf } from '../../src/domain/return-policy.ts';
import { purchaseOfOrder } from '../../src/domain/returnable-purchase.ts';
import { buildSaleReturn } from '../../src/domain/sale-return.ts';
import { writeOnlineOrders } from '../../sync-server/src/integrations/online-orders.ts';
import { shirtAndMilkOrder } from './helpers/online-order.test-helper.ts';
import { eventually } from './helpers/platform-receivers.test-helper.ts';
import { asNew, bearer, enroll, openShop, push, signIn } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';

describe.each(DATABASE_KINDS)('an online refund on a server with no platform connection (%s)', (kind) => {
  let t: TestApp;
  let q3: EnrolledDevice;

  beforeAll(async () => {
    t = await startTestApp(kind, 'online-refunds-no-connection');
    await t.app.ready();
    expect(t.app.noticeTargets.size).toBe(0);
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
    q3 = await enroll(t.app, 'Q3AA-BBCC-DDEE');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a shirt from a Shopify order paid online, brought back to Quận 3 and refunded online, fails at once for want of a connection, once, for the manager and the desk', async () => {
    const base = shirtAndMilkOrder('store-q1', 'picked_up');
    const order = { ...base, source: 'shopify' as const, sourceOrderId: '450789499', lines: base.lines.map((line, index) => ({ ...line, sourceLineId: `86655031176643900${index}` })) };
    await writeOnlineOrders(t.store, t.app.documents, [order]);
    const built = buildSaleReturn(
      { purchase: purchaseOfOrder(order), lines: [{ originalLine: 0, qty: 1000, reason: 'wrong-size', condition: 'resellable' }], refund: { toOriginal: false, rest: { kind: 'online' } } },
      { id: uuidv7(), storeId: q3.storeId, deviceId: q3.deviceId, number: 'Q3-R00001', createdAt: new Date().toISOString(), staffId: 'store-q3-cashier', currency: order.currency },
      { policy: returnPolicyOf(undefined) },
    );
    if (!built.ok) throw new Error(`${built.reason}: ${built.detail}`);
    const answer = await push(t.app, q3.token, 'sales', asNew([built.document]));
    expect(answer.statusCode, answer.body).toBe(200);

    const notices = () => t.store.db.selectFrom('outbox').selectAll().where('order_id', '=', order.id).execute();
    await eventually(async () => (await notices())[0]?.state === 'failing', 'the refund to show failing');
    const [notice] = await notices();
    expect(notice).toMatchObject({ kind: 'online-refund', target: 'shopify', store_id: 'store-q3', state: 'failing' });
    expect(notice!.last_error).toMatch(/^no platform connection configured/);

    const manager = await signIn(t.app, q3, 'store-q3-manager', '999999');
    const failing = await t.app.inject({ method: 'GET', url: '/api/v1/outbox?state=failing', headers: bearer(manager) });
    expect(failing.statusCode, failing.body).toBe(200);
    expect(failing.json().notices).toEqual([expect.objectContaining({ id: notice!.id, orderId: order.id, kind: 'online-refund', state: 'failing', lastError: expect.stringMatching(/^no platform connection configured/) })]);

    const status = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}/refunds`, headers: bearer(q3.token) });
    expect(status.json()).toEqual({ refunds: [expect.objectContaining({ id: notice!.id, amount: 125_000, state: 'failing', reason: 'no platform connection configured' })] });

    // Another push of the same return, and a later push of something else: still one incident, still failing.
    expect((await push(t.app, q3.token, 'sales', asNew([built.document]))).statusCode).toBe(200);
    const incidents = await t.app.inject({ method: 'GET', url: '/api/v1/incidents?kind=outbox-failing', headers: bearer(manager) });
    expect(incidents.json().incidents).toEqual([expect.objectContaining({ kind: 'outbox-failing', documentId: order.id, detail: expect.objectContaining({ noticeId: notice!.id, kind: 'online-refund', target: 'shopify' }) })]);
    expect((await notices()).map((row) => row.state)).toEqual(['failing']);
  });
});
