/*
 * Issue 15: an online order not paid online is paid at the pickup counter by an ordinary sale naming it
 * (pickupOrderId). The server marks the order paid, in the push that stores the sale, only when the sale adds
 * up and covers the order's lines at the order's prices; a short sale is kept and flagged, and an order
 * already paid is flagged, never paid twice. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDocument, SaleDocument } from '../../src/data/schemas/types.ts';
import { writeOnlineOrders } from '../../sync-server/src/integrations/online-orders.ts';
import { shirtAndMilkOrder } from './helpers/online-order.test-helper.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { asNew, pullAll, push, ringUpSale, startOneTillShop } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice, SaleLineInput } from './helpers/shop.test-helper.ts';

// The order's lines at the order's prices (helpers/online-order.test-helper.ts).
const ORDER_LINES: SaleLineInput[] = [
  { productId: 'p-shirt-m', qty: 1000, unitPrice: 125_000 },
  { productId: 'p-milk', qty: 2000, unitPrice: 32_000 },
];

describe.each(DATABASE_KINDS)('an online order paid at the pickup counter (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;

  beforeAll(async () => {
    ({ t, till } = await startOneTillShop(kind, 'orders-paid-at-counter'));
  }, 60_000);
  afterAll(async () => t?.close());

  async function placeOrder(paid: boolean): Promise<OrderDocument> {
    const order = { ...shirtAndMilkOrder('store-q1', 'ready'), paid };
    await writeOnlineOrders(t.store, t.app.documents, [order]);
    return order;
  }

  async function pushSale(sale: SaleDocument): Promise<void> {
    const response = await push(t.app, till.token, 'sales', asNew([sale]));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual([]);
  }

  async function orderOnTablet(id: string): Promise<Record<string, unknown> | undefined> {
    return (await pullAll(t.app, till.token, 'orders')).find((order) => order.id === id);
  }

  async function incidentsOf(saleId: string): Promise<Array<Record<string, unknown>>> {
    const rows = await t.store.db.selectFrom('incidents').select('detail').where('kind', '=', 'pickup-payment').where('document_id', '=', saleId).execute();
    return rows.map((row) => JSON.parse(row.detail) as Record<string, unknown>);
  }

  it('a sale of the order lines at its prices, with one more item, marks the order paid with an event naming the sale; once', async () => {
    const order = await placeOrder(false);
    const sale = { ...ringUpSale(till, [...ORDER_LINES, { productId: 'p-candy', qty: 1000, unitPrice: 15_000 }]), pickupOrderId: order.id };
    await pushSale(sale);
    await pushSale(sale);
    const pulled = await orderOnTablet(order.id);
    expect(pulled).toMatchObject({ id: order.id, paid: true, status: 'ready' });
    const events = (pulled?.['events'] ?? []) as Array<Record<string, unknown>>;
    expect(events.filter((event) => event['type'] === 'paid_at_counter')).toEqual([
      { id: sale.id, type: 'paid_at_counter', at: sale.createdAt, staffId: sale.staffId, deviceId: till.deviceId, saleId: sale.id },
    ]);
    expect(await incidentsOf(sale.id)).toEqual([]);
  });

  it('an order line discounted online is paid by a sale carrying that discount, and not by one taking more off', async () => {
    const base = shirtAndMilkOrder('store-q1', 'ready');
    const [shirt, milk] = base.lines;
    if (shirt === undefined || milk === undefined) throw new Error('the order has a shirt and milk');
    // 4,000 off the milk online: the line's total is 60,000.
    const discounted: OrderDocument = { ...base, paid: false, total: 185_000, lines: [shirt, { ...milk, total: 60_000 }] };
    await writeOnlineOrders(t.store, t.app.documents, [discounted]);
    const tooMuchOff = { ...ringUpSale(till, [{ productId: 'p-shirt-m', qty: 1000, unitPrice: 125_000 }, { productId: 'p-milk', qty: 2000, unitPrice: 32_000, discount: 5_000 }]), pickupOrderId: discounted.id };
    await pushSale(tooMuchOff);
    expect(await orderOnTablet(discounted.id)).toMatchObject({ paid: false });
    expect((await incidentsOf(tooMuchOff.id))[0]?.['gaps']).toEqual([
      { kind: 'line-underpaid', line: 1, sku: 'SUA1L', expected: 60_000, actual: 59_000 },
      { kind: 'total-short', expected: 185_000, actual: 184_000 },
    ]);
    const asOrdered = { ...ringUpSale(till, [{ productId: 'p-shirt-m', qty: 1000, unitPrice: 125_000 }, { productId: 'p-milk', qty: 2000, unitPrice: 32_000, discount: 4_000 }]), pickupOrderId: discounted.id };
    await pushSale(asOrdered);
    expect(await orderOnTablet(discounted.id)).toMatchObject({ paid: true });
    expect(await incidentsOf(asOrdered.id)).toEqual([]);
  });

  it('a sale short of a line is kept and flagged for the manager; the order stays unpaid', async () => {
    const order = await placeOrder(false);
    const short = { ...ringUpSale(till, [{ productId: 'p-shirt-m', qty: 1000, unitPrice: 125_000 }, { productId: 'p-milk', qty: 1000, unitPrice: 32_000 }]), pickupOrderId: order.id };
    await pushSale(short);
    expect(await orderOnTablet(order.id)).toMatchObject({ paid: false });
    const stored = await t.store.db.selectFrom('documents').select('id').where('id', '=', short.id).execute();
    expect(stored).toHaveLength(1);
    const [incident, ...more] = await incidentsOf(short.id);
    expect(more).toEqual([]);
    expect(incident).toMatchObject({ orderId: order.id, orderNumber: '#1042', why: 'not-covered' });
    expect(incident?.['gaps']).toEqual([
      { kind: 'line-short', line: 1, sku: 'SUA1L', unitPrice: 32_000, expectedQty: 2000, coveredQty: 1000 },
      { kind: 'total-short', expected: 189_000, actual: 157_000 },
    ]);
  });

  it('a sale at today\'s lower price does not pay the order', async () => {
    const order = await placeOrder(false);
    const cheaper = { ...ringUpSale(till, [{ productId: 'p-shirt-m', qty: 1000, unitPrice: 99_000 }, { productId: 'p-milk', qty: 2000, unitPrice: 32_000 }, { productId: 'p-candy', qty: 2000, unitPrice: 20_000 }]), pickupOrderId: order.id };
    await pushSale(cheaper);
    expect(await orderOnTablet(order.id)).toMatchObject({ paid: false });
    expect((await incidentsOf(cheaper.id)).map((detail) => detail['why'])).toEqual(['not-covered']);
  });

  it('an order already paid online is flagged, never paid twice, and a second counter sale meets it paid', async () => {
    const online = await placeOrder(true);
    const sale = { ...ringUpSale(till, ORDER_LINES), pickupOrderId: online.id };
    await pushSale(sale);
    const pulled = await orderOnTablet(online.id);
    expect(((pulled?.['events'] ?? []) as Array<Record<string, unknown>>).some((event) => event['type'] === 'paid_at_counter')).toBe(false);
    expect((await incidentsOf(sale.id)).map((detail) => detail['why'])).toEqual(['already-paid']);

    const unpaid = await placeOrder(false);
    const first = { ...ringUpSale(till, ORDER_LINES), pickupOrderId: unpaid.id };
    const second = { ...ringUpSale(till, ORDER_LINES), pickupOrderId: unpaid.id };
    const response = await push(t.app, till.token, 'sales', asNew([first, second]));
    expect(response.statusCode, response.body).toBe(200);
    expect(await incidentsOf(first.id)).toEqual([]);
    expect(await incidentsOf(second.id)).toEqual([{ number: second.number, orderId: unpaid.id, why: 'already-paid', orderNumber: '#1042', paidBySale: first.id }]);
  });

  it('a sale naming an order that is not this store\'s is kept and flagged', async () => {
    const sale = { ...ringUpSale(till, ORDER_LINES), pickupOrderId: 'order-nobody-knows' };
    await pushSale(sale);
    expect((await incidentsOf(sale.id)).map((detail) => detail['why'])).toEqual(['unknown-order']);
  });
});
