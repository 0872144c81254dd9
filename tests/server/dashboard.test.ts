/*
 * GET /api/v1/reports/dashboard on both databases. Two stores of a chain: Quận 1's tills push a day counted
 * by hand (coffees, pork paid in points and by card, a sale at 23:30 that still belongs to the day, one
 * after midnight that does not, a damaged return of an online order, a blind close 5,000 short), an online
 * order handed over two hours after it was placed and one cancelled, a gift card holding 500,000; Quận 3
 * pushes a generated day. The charts answer the hand-computed figures, the day sums equal the day report's,
 * a push sent twice counts once, and only report.view holders see a store: a manager their own store, an
 * owner on every store's staff list the chain (read from the chain's own product rows).
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDocument, SaleDocument, ShiftEventDocument, StoreConfigDocument } from '../../src/data/schemas/types.ts';
import { addDays, businessDayWindow, instantOfWallClock } from '../../src/domain/business-day.ts';
import { attachCustomer, emptyCart, ringUpLine } from '../../src/domain/cart.ts';
import { dayReport } from '../../src/domain/day-report.ts';
import { cartOf, coffee, pork, saleOf, testTaxClasses } from '../../src/domain/paid-sale.test-helper.ts';
import { buildSaleDocument } from '../../src/domain/sale-document.ts';
import { buildSaleReversal } from '../../src/domain/sale-reversal.ts';
import { writeOnlineOrders } from '../../sync-server/src/integrations/online-orders.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { listStoreRecords } from '../../sync-server/src/store/stores-repository.ts';
import { daysAgo, makeDay } from '../support/day-factory.test-helper.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import { asNew, bearer, enroll, openShop, push, serverWrites, signIn } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const HANOI = { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0 };
const Q1 = 'store-q1';
const Q3 = 'store-q3';

describe.each(DATABASE_KINDS)('the dashboard from the server (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  let tillQ3: EnrolledDevice;
  let managerToken: string;
  let ownerToken: string;
  let q3Sales: SaleDocument[];
  let chainStores: string[];
  const date = daysAgo(1, HANOI);
  const at = (hours: number, minutes = 0, dayOffset = 0): string => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return new Date(instantOfWallClock(Date.UTC(y, m - 1, d + dayOffset, hours, minutes), HANOI.timeZone)).toISOString();
  };
  let handSales: SaleDocument[];

  const get = (url: string, token: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });

  beforeAll(async () => {
    t = await startTestApp(kind, 'dashboard');
    await openShop(t.store, Q1, 'Quận 1', 'Q1AA-BBCC-DDEE');
    await openShop(t.store, Q3, 'Quận 3', 'Q3AA-BBCC-DDEE');
    till = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy 1');
    tillQ3 = await enroll(t.app, 'Q3AA-BBCC-DDEE', 'Quầy 1');
    // The chain's owner is on both stores' staff lists as a manager (admin/add-manager.ts does that).
    const documents = new DocumentsRepository(t.store);
    const q1Config = (await documents.get('config', Q1))!.body;
    const owner = { ...q1Config.staff.find((member) => member.id === `${Q1}-manager`)!, id: 'owner-hoa', name: 'Võ Thị Hoa' };
    const withOwner = (config: StoreConfigDocument): StoreConfigDocument => ({ ...config, staff: [...config.staff, owner] });
    // On every store's list (the demo store's too), so the chain view is the whole chain's.
    chainStores = (await listStoreRecords(t.store.db)).map((store) => store.id);
    for (const storeId of chainStores) {
      const config = await documents.get('config', storeId);
      if (config !== undefined) await documents.put([{ collection: 'config', id: storeId, storeId, body: withOwner(config.body) }]);
    }
    const managerPin = await t.store.db.selectFrom('staff_credentials').selectAll().where('store_id', '=', Q1).where('staff_id', '=', `${Q1}-manager`).executeTakeFirstOrThrow();
    await t.store.db.insertInto('staff_credentials').values({ ...managerPin, staff_id: 'owner-hoa' }).execute();

    const context = (id: string, createdAt: string) => ({ id, storeId: Q1, deviceId: till.deviceId, number: `Q1-${id.slice(-6)}`, createdAt, staffId: `${Q1}-cashier`, currency: 'VND' });
    const rules = { taxClasses: testTaxClasses, loyalty: { amountPerPoint: 10_000 } };
    const morning = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee, { qty: 3000 })), [{ method: 'cash', amount: 100_000 }], context(uuidv7(), at(8, 5)), rules));
    const lunch = saleOf(buildSaleDocument(attachCustomer(cartOf(ringUpLine(emptyCart(), pork, { qty: 500 })), 'cust-7'), [{ method: 'points', amount: 30_000, points: 300 }, { method: 'card', amount: 50_000, reference: 'APPR 1' }], context(uuidv7(), at(12, 30)), rules));
    const late = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee)), [{ method: 'bank_qr', amount: 29_000 }], context(uuidv7(), at(23, 30)), rules));
    const after = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee)), [{ method: 'cash', amount: 29_000 }], context(uuidv7(), at(0, 30, 1)), rules));
    const reversed = buildSaleReversal(late, { id: uuidv7(), deviceId: till.deviceId, number: 'Q1-R1', createdAt: at(23, 50), staffId: `${Q1}-cashier`, approverId: `${Q1}-manager` });
    if (!reversed.ok) throw new Error(reversed.detail);
    const handOrder = { id: uuidv7(), storeId: Q1, number: '#1042', customerName: 'Phạm Thu Hà', currency: 'VND', lines: [], total: 29_000, paid: true, fulfilment: 'pickup' as const };
    const returned: SaleDocument = { ...reversed.reversal, reason: 'damaged', orderId: handOrder.id };
    handSales = [morning, lunch, late, after, returned];
    const sales = await push(t.app, till.token, 'sales', asNew(handSales));
    expect(sales.statusCode, sales.body).toBe(200);
    const shift = uuidv7();
    const events: ShiftEventDocument[] = [
      { id: uuidv7(), shiftId: shift, storeId: Q1, deviceId: till.deviceId, type: 'open', amount: 500_000, staffId: `${Q1}-cashier`, createdAt: at(7, 55) },
      { id: uuidv7(), shiftId: shift, storeId: Q1, deviceId: till.deviceId, type: 'close', amount: 582_000, expected: 587_000, staffId: `${Q1}-cashier`, createdAt: at(22, 0) },
    ];
    const shifts = await push(t.app, till.token, 'shifts', asNew(events));
    expect(shifts.statusCode, shifts.body).toBe(200);

    // Placed at 09:00, handed over at 11:00; another placed at 10:00 and cancelled by the shop at 15:00.
    const placed: OrderDocument = { ...handOrder, status: 'ready', events: [{ id: uuidv7(), type: 'placed', at: at(9) }], placedAt: at(9), updatedAt: at(9) };
    const cancelled: OrderDocument = { ...handOrder, id: uuidv7(), number: '#1043', status: 'cancelled', events: [{ id: uuidv7(), type: 'placed', at: at(10) }], placedAt: at(10), updatedAt: at(15) };
    await writeOnlineOrders(t.store, t.app.documents, [placed, cancelled]);
    const handedOver = { ...placed, status: 'picked_up' as const, events: [...placed.events, { id: uuidv7(), type: 'handed_over', at: at(11), deviceId: till.deviceId }] };
    const handover = await push(t.app, till.token, 'orders', [{ assumedMasterState: { ...placed, _deleted: false }, newDocumentState: { ...handedOver, _deleted: false } }]);
    expect(handover.statusCode, handover.body).toBe(200);
    const now = new Date().toISOString();
    await serverWrites(t.store, [
      { collection: 'products', id: 'p-coffee', storeId: null, body: { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 29_000, taxClassId: 'vat10', weighed: false, category: 'Quầy cà phê', updatedAt: now } },
      { collection: 'products', id: 'p-pork', storeId: null, body: { id: 'p-pork', sku: 'TH01', name: 'Thịt heo', price: 160_000, taxClassId: 'vat5', weighed: true, unit: 'kg', category: 'Thịt', updatedAt: now } },
      { collection: 'balances', id: `giftcard:${Q1}:GC-0001`, storeId: Q1, body: { id: `giftcard:${Q1}:GC-0001`, kind: 'giftcard', storeId: Q1, refId: 'GC-0001', value: 500_000, updatedAt: now } },
    ]);

    q3Sales = makeDay({ storeId: Q3, date, settings: HANOI, tills: [tillQ3], salesPerTill: 40, cashierId: `${Q3}-cashier`, managerId: `${Q3}-manager` }).sales;
    const q3 = await push(t.app, tillQ3.token, 'sales', asNew(q3Sales));
    expect(q3.statusCode, q3.body).toBe(200);
    managerToken = await signIn(t.app, till, `${Q1}-manager`, '999999');
    ownerToken = await signIn(t.app, till, 'owner-hoa', '999999');
  });
  afterAll(async () => t?.close());

  it('answers the hand-computed figures of the day at Quận 1', async () => {
    const response = await get(`/api/v1/reports/dashboard?from=${date}&to=${date}`, managerToken);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ from: date, to: date, storeIds: [Q1], chain: false, currency: 'VND', timeZone: 'Asia/Ho_Chi_Minh' });
    // 87,000 + 80,000 + 29,000 sold, 29,000 returned.
    expect(body.totals).toMatchObject({ salesCount: 3, returnsCount: 1, cancellationsCount: 0, gross: 196_000, returns: -29_000, net: 167_000, onlineReturnsCount: 1, pointsRedeemed: 300 });
    const hours = body.salesByHour.filter((point: { net: number; salesCount: number }) => point.net !== 0 || point.salesCount !== 0);
    expect(hours).toEqual([
      { hour: 8, salesCount: 1, net: 87_000 },
      { hour: 12, salesCount: 1, net: 80_000 },
      { hour: 23, salesCount: 1, net: 0 },
    ]);
    expect(body.salesByHour).toHaveLength(24);
    expect(body.salesByDay).toEqual([{ date, salesCount: 3, returnsCount: 1, net: 167_000 }]);
    expect(body.topProducts).toEqual([
      { productId: 'p-coffee', name: 'Cà phê sữa', qty: 3000, amount: 87_000, tax: 7_909 },
      { productId: 'p-pork', name: 'Thịt heo', qty: 500, amount: 80_000, tax: 3_810 },
    ]);
    expect(body.topCategories).toEqual([
      { category: 'Quầy cà phê', qty: 3000, amount: 87_000 },
      { category: 'Thịt', qty: 500, amount: 80_000 },
    ]);
    expect(body.tenderMix).toEqual([
      { method: 'cash', count: 1, amount: 87_000 },
      { method: 'card', count: 1, amount: 50_000 },
      { method: 'points', count: 1, amount: 30_000 },
      { method: 'bank_qr', count: 2, amount: 0 },
    ]);
    expect(body.returnReasons).toEqual([{ reason: 'damaged', count: 1, amount: -29_000, online: 1 }]);
    expect(body.cashVariance).toEqual([{ date, storeId: Q1, shiftId: expect.any(String), deviceId: till.deviceId, closedAt: at(22, 0), counted: 582_000, expected: 587_000, variance: -5_000 }]);
    expect(body.online).toEqual({
      pickups: { handedOver: 1, cancelled: 1, completionRate: 0.5, leadTimeMinutes: { median: 120, p90: 120, mean: 120 } },
      onlineReturnsInStore: { count: 1, share: 1 },
      points: { issued: 5, redeemed: 300, redemptionRate: 60 },
      giftCardLiability: 500_000,
    });
    // The sale after midnight is the next day's.
    const next = (await get(`/api/v1/reports/dashboard?from=${addDays(date, 1)}&to=${addDays(date, 1)}`, managerToken)).json();
    expect(next.salesByDay).toEqual([{ date: addDays(date, 1), salesCount: 1, returnsCount: 0, net: 29_000 }]);
  });

  it('sums each day as the day report does, and a push sent again counts once', async () => {
    const again = await push(t.app, tillQ3.token, 'sales', asNew(q3Sales));
    expect(again.statusCode, again.body).toBe(200);
    const report = dayReport({ date, storeId: Q3, settings: { ...HANOI, currency: 'VND' }, sales: q3Sales, shiftEvents: [], orders: [] });
    const body = (await get(`/api/v1/reports/dashboard?from=${date}&to=${date}&storeId=${Q3}`, ownerToken)).json();
    expect(body.storeIds).toEqual([Q3]);
    expect(body.totals).toMatchObject({ salesCount: report.salesCount, returnsCount: report.returnsCount, cancellationsCount: report.cancellationsCount, gross: report.gross, net: report.net, pointsIssued: report.points.issued });
    expect(body.tenderMix.map((row: { method: string; amount: number; count: number }) => [row.method, row.amount, row.count]).sort()).toEqual(report.tenders.map((row) => [row.method, row.amount, row.count]).sort());
    expect(body.salesByHour.reduce((sum: number, point: { net: number }) => sum + point.net, 0)).toBe(report.net);
  });

  it('shows a manager their own store and the owner the chain; a cashier and another store’s view are refused', async () => {
    const chain = (await get(`/api/v1/reports/dashboard?from=${date}&to=${date}&storeId=all`, ownerToken)).json();
    expect(chain).toMatchObject({ chain: true });
    expect([...chain.storeIds].sort()).toEqual([...chainStores].sort());
    expect(chain.storeIds.slice(0, 1)).toEqual([Q1]);
    const q3 = dayReport({ date, storeId: Q3, settings: { ...HANOI, currency: 'VND' }, sales: q3Sales, shiftEvents: [], orders: [] });
    expect(chain.totals.net).toBe(167_000 + q3.net);
    // The chain's products are the two stores' products added up.
    const q3View = (await get(`/api/v1/reports/dashboard?from=${date}&to=${date}&storeId=${Q3}`, ownerToken)).json();
    const amountOf = (view: { topCategories: Array<{ amount: number }> }) => view.topCategories.reduce((sum, row) => sum + row.amount, 0);
    expect(amountOf(chain)).toBe(167_000 + amountOf(q3View));
    const managerChain = await get(`/api/v1/reports/dashboard?from=${date}&to=${date}&storeId=all`, managerToken);
    expect(managerChain.json()).toMatchObject({ chain: true, storeIds: [Q1] });
    const other = await get(`/api/v1/reports/dashboard?storeId=${Q3}`, managerToken);
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toContain('report.view');
    const cashier = await get('/api/v1/reports/dashboard', await signIn(t.app, till, `${Q1}-cashier`, '1111'));
    expect(cashier.statusCode).toBe(403);
    expect((await get('/api/v1/reports/dashboard', till.token)).statusCode).toBe(403);
  });

  it('says what is wrong with a range', async () => {
    const bad = await get('/api/v1/reports/dashboard?from=24/11/2025', managerToken);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('querystring/from');
    expect((await get(`/api/v1/reports/dashboard?from=${date}&to=${addDays(date, -1)}`, managerToken)).json().message).toContain('is after to');
    expect((await get(`/api/v1/reports/dashboard?from=${addDays(date, -400)}&to=${date}`, managerToken)).statusCode).toBe(400);
    const defaults = (await get('/api/v1/reports/dashboard', managerToken)).json();
    expect(defaults.salesByDay).toHaveLength(30);
    expect(businessDayWindow(defaults.to, HANOI).start).toBeGreaterThan(Date.now() - 86_400_000);
  });
});
