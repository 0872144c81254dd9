/*
 * Issue 15: a store may let the pickup counter hand over an online order whose money is still due. The
 * manager turns it on in the back office's store settings (off by default: strict, as before); the tablets
 * read it from their config. A handover that left money due says how much (`unpaidAmount`); the server
 * keeps the goods handed over, flags the order and records an 'order-flag' incident with the amount for
 * the manager, once however often the push is retried. On SQLite and PostgreSQL.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOnlineOrders } from '../../sync-server/src/integrations/online-orders.ts';
import { shirtAndMilkOrder } from './helpers/online-order.test-helper.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { bearer, pull, pullAll, push, signIn, startOneTillShop } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

describe.each(DATABASE_KINDS)('handing over an order with money due (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  let manager: string;

  beforeAll(async () => {
    ({ t, till } = await startOneTillShop(kind, 'orders-unpaid-handover'));
    manager = await signIn(t.app, till, 'store-q1-manager', '999999');
  }, 60_000);
  afterAll(async () => t?.close());

  const readSettings = async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/backoffice/settings', headers: bearer(manager) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ settings: Record<string, unknown>; updatedAt: string }>();
  };
  const storeOnTablet = async () => (await pull(t.app, till.token, 'config')).documents.find((doc) => doc.id === 'store-q1')?.['store'] as Record<string, unknown>;

  it('is off until the manager turns it on in the store settings; the tablet learns it through sync; a form without it keeps it', async () => {
    const first = await readSettings();
    expect(first.settings['pickupAllowUnpaidHandover']).toBe(false);
    expect((await storeOnTablet())['pickupAllowUnpaidHandover']).toBeUndefined();

    const on = await t.app.inject({ method: 'PUT', url: '/api/v1/backoffice/settings', headers: bearer(manager), payload: { settings: { ...first.settings, pickupAllowUnpaidHandover: true } } });
    expect(on.statusCode, on.body).toBe(200);
    expect((await storeOnTablet())['pickupAllowUnpaidHandover']).toBe(true);

    // An older form that does not know the setting changes the footer and leaves the setting as it is.
    const { pickupAllowUnpaidHandover: _omitted, ...older } = (await readSettings()).settings;
    const footer = await t.app.inject({ method: 'PUT', url: '/api/v1/backoffice/settings', headers: bearer(manager), payload: { settings: { ...older, receiptFooter: ['Cảm ơn quý khách'] } } });
    expect(footer.statusCode, footer.body).toBe(200);
    expect((await readSettings()).settings['pickupAllowUnpaidHandover']).toBe(true);

    const wrong = await t.app.inject({ method: 'PUT', url: '/api/v1/backoffice/settings', headers: bearer(manager), payload: { settings: { ...older, pickupAllowUnpaidHandover: 'yes' } } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ message: string }>().message).toMatch(/pickupAllowUnpaidHandover/);
  });

  it('a handover that left 189,000 due is kept, flags the order and tells the manager how much, once', async () => {
    const order = { ...shirtAndMilkOrder('store-q1', 'ready'), paid: false };
    await writeOnlineOrders(t.store, t.app.documents, [order]);
    const stored = (await pullAll(t.app, till.token, 'orders')).find((doc) => doc.id === order.id)!;
    const handover = { id: uuidv7(), type: 'handed_over', at: new Date().toISOString(), staffId: 'store-q1-cashier', deviceId: till.deviceId, unpaidAmount: order.total };
    const next = { ...stored, events: [...(stored['events'] as object[]), handover] };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const answer = await push(t.app, till.token, 'orders', [{ assumedMasterState: stored, newDocumentState: next }]);
      expect(answer.statusCode, answer.body).toBe(200);
    }
    const after = (await pullAll(t.app, till.token, 'orders')).find((doc) => doc.id === order.id)!;
    expect(after).toMatchObject({ status: 'picked_up', paid: false, flags: [{ code: 'handed-over-unpaid', eventId: handover.id }] });
    const incidents = await t.store.db.selectFrom('incidents').select(['kind', 'detail']).where('document_id', '=', order.id).execute();
    expect(incidents.map((row) => ({ kind: row.kind, ...(JSON.parse(row.detail) as object) }))).toEqual([
      { kind: 'order-flag', number: order.number, code: 'handed-over-unpaid', eventId: handover.id, at: handover.at, statusBefore: 'ready', unpaidAmount: order.total, currency: 'VND' },
    ]);
  });

  it('handed over unpaid in two parts, pushed apart: one flag and one incident of 189,000, not two', async () => {
    const order = { ...shirtAndMilkOrder('store-q1', 'ready'), paid: false };
    await writeOnlineOrders(t.store, t.app.documents, [order]);
    const stored = (await pullAll(t.app, till.token, 'orders')).find((doc) => doc.id === order.id)!;
    const at = Date.now();
    const shirt = { id: uuidv7(), type: 'handed_over', at: new Date(at).toISOString(), staffId: 'store-q1-cashier', deviceId: till.deviceId, lines: [{ line: 0, qty: 1000 }], unpaidAmount: order.total };
    const milk = { id: uuidv7(), type: 'handed_over', at: new Date(at + 60_000).toISOString(), staffId: 'store-q1-cashier', deviceId: till.deviceId, lines: [{ line: 1, qty: 2000 }], unpaidAmount: order.total };
    const first = { ...stored, events: [...(stored['events'] as object[]), shirt] };
    expect((await push(t.app, till.token, 'orders', [{ assumedMasterState: stored, newDocumentState: first }])).statusCode).toBe(200);
    const between = (await pullAll(t.app, till.token, 'orders')).find((doc) => doc.id === order.id)!;
    const second = { ...between, events: [...(between['events'] as object[]), milk] };
    expect((await push(t.app, till.token, 'orders', [{ assumedMasterState: between, newDocumentState: second }])).statusCode).toBe(200);
    const after = (await pullAll(t.app, till.token, 'orders')).find((doc) => doc.id === order.id)!;
    expect(after).toMatchObject({ status: 'picked_up', flags: [{ code: 'handed-over-unpaid', eventId: shirt.id }] });
    const incidents = await t.store.db.selectFrom('incidents').select('detail').where('document_id', '=', order.id).execute();
    expect(incidents.map((row) => JSON.parse(row.detail) as { code: string; unpaidAmount: number })).toMatchObject([{ code: 'handed-over-unpaid', eventId: shirt.id, unpaidAmount: 189_000 }]);
  });
});
