/*
 * GET /api/v1/reports/day on both databases: two tills push a day of real sales (built by the counter's
 * buildSaleDocument, some cancelled), their shift events and an online order's handover, and the manager's
 * report from the server equals the domain function's report over the same documents, to the unit: the
 * store's, each till's, the X report mid-day and the CSV. Only the manager's staff token may read it; a
 * bad date is refused with the format; the day's sales are read through the time index.
 */
import { CompiledQuery, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDocument } from '../../src/data/schemas/types.ts';
import { businessDayWindow } from '../../src/domain/business-day.ts';
import { dayReport } from '../../src/domain/day-report.ts';
import type { DayReport, DayReportInput } from '../../src/domain/day-report.ts';
import { dayReportCsv } from '../../src/domain/day-report-csv.ts';
import { writeOnlineOrders } from '../../sync-server/src/integrations/online-orders.ts';
import { byCreatedAtQuery } from '../../sync-server/src/store/documents-repository.ts';
import { daysAgo, makeDay } from '../support/day-factory.test-helper.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import { asNew, bearer, enroll, openShop, push, serverWrites, signIn } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const HANOI = { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0 };
const STORE = 'store-q1';

describe.each(DATABASE_KINDS)('the day report from the server (%s)', (kind) => {
  let t: TestApp;
  let tillA: EnrolledDevice;
  let tillB: EnrolledDevice;
  let managerToken: string;
  let input: Omit<DayReportInput, 'deviceId' | 'asOf'>;
  // A day that has ended in Hà Nội, after the store was created (no sale is dated before it existed).
  const date = daysAgo(1, HANOI);

  async function get(url: string, token: string) {
    return t.app.inject({ method: 'GET', url, headers: bearer(token) });
  }

  /** The report as JSON carries it: fields that are undefined are not there. */
  const asJson = (report: DayReport): unknown => JSON.parse(JSON.stringify(report));

  beforeAll(async () => {
    t = await startTestApp(kind, 'reports-day');
    await openShop(t.store, STORE, 'Quận 1', 'Q1AA-BBCC-DDEE');
    tillA = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy 1');
    tillB = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy 2');
    const day = makeDay({ storeId: STORE, date, settings: HANOI, tills: [tillA, tillB], salesPerTill: 60, cashierId: `${STORE}-cashier`, managerId: `${STORE}-manager` });
    for (const till of [tillA, tillB]) {
      const sales = day.sales.filter((sale) => sale.deviceId === till.deviceId);
      const pushed = await push(t.app, till.token, 'sales', asNew(sales));
      expect(pushed.statusCode, pushed.body).toBe(200);
      expect(pushed.json()).toEqual([]);
      const shifts = await push(t.app, till.token, 'shifts', asNew(day.shiftEvents.filter((event) => event.deviceId === till.deviceId)));
      expect(shifts.statusCode, shifts.body).toBe(200);
    }
    // An online order placed the day before, handed over at till A at 11:00.
    const placedAt = new Date(businessDayWindow(date, HANOI).start - 3_600_000).toISOString();
    const order: OrderDocument = {
      id: uuidv7(), storeId: STORE, number: '#1042', status: 'ready', customerName: 'Phạm Thu Hà', currency: 'VND',
      lines: [{ productId: 'p-milk', sku: 'SU01', name: 'Sữa tươi 1L', qty: 1000, unitPrice: 36_500, taxRate: 500, total: 36_500 }],
      total: 36_500, paid: true, events: [{ id: uuidv7(), type: 'placed', at: placedAt }], placedAt, updatedAt: placedAt,
    };
    await writeOnlineOrders(t.store, t.app.documents, [order]);
    const handedOver = { ...order, status: 'picked_up' as const, events: [...order.events, { id: uuidv7(), type: 'handed_over', at: new Date(businessDayWindow(date, HANOI).start + 11 * 3_600_000).toISOString(), deviceId: tillA.deviceId }] };
    const handover = await push(t.app, tillA.token, 'orders', [{ assumedMasterState: { ...order, _deleted: false }, newDocumentState: { ...handedOver, _deleted: false } }]);
    expect(handover.statusCode, handover.body).toBe(200);
    managerToken = await signIn(t.app, tillA, `${STORE}-manager`, '999999');
    input = { date, storeId: STORE, settings: { ...HANOI, currency: 'VND' }, sales: day.sales, shiftEvents: day.shiftEvents, orders: [handedOver] };
  });
  afterAll(async () => t?.close());

  it('equals, to the unit, the domain function’s report over the documents the tills pushed', async () => {
    const response = await get(`/api/v1/reports/day?date=${date}`, managerToken);
    expect(response.statusCode, response.body).toBe(200);
    const expected = dayReport(input);
    expect(response.json()).toEqual(asJson(expected));
    // What the issue names, and the day it covers: every till sold, a handover and both shifts' cash are in it.
    expect(response.json()).toMatchObject({ kind: 'Z', date, storeId: STORE, timeZone: 'Asia/Ho_Chi_Minh', pickups: { handedOver: 1 } });
    expect(expected.salesCount).toBeGreaterThan(100);
    expect(expected.tills?.map((till) => till.deviceId).sort()).toEqual([tillA.deviceId, tillB.deviceId].sort());
    expect(expected.cash.shifts).toHaveLength(3);
    expect(expected.gross + expected.discounts + expected.taxAdded + expected.returns + expected.cancellations).toBe(expected.net);
    const body = response.json<{ taxes: Array<{ rate: number; base: number; tax: number }>; tenders: Array<{ method: string; amount: number; count: number }>; net: number; cashRounding: number }>();
    expect(body.taxes.reduce((sum, row) => sum + row.base + row.tax, 0)).toBe(body.net);
    expect(body.tenders.reduce((sum, row) => sum + row.amount, 0)).toBe(body.net + body.cashRounding);
  });

  it('a till’s report, the X report at noon and the CSV are the domain’s too', async () => {
    const till = await get(`/api/v1/reports/day?date=${date}&deviceId=${tillB.deviceId}`, managerToken);
    expect(till.statusCode, till.body).toBe(200);
    expect(till.json()).toEqual(asJson(dayReport({ ...input, deviceId: tillB.deviceId })));
    const noon = new Date(businessDayWindow(date, HANOI).start + 12 * 3_600_000).toISOString();
    const interim = await get(`/api/v1/reports/day?date=${date}&asOf=${encodeURIComponent(noon)}`, managerToken);
    expect(interim.statusCode, interim.body).toBe(200);
    expect(interim.json()).toEqual(asJson(dayReport({ ...input, asOf: noon })));
    expect(interim.json()).toMatchObject({ kind: 'X', asOf: noon });
    const csv = await get(`/api/v1/reports/day?date=${date}&format=csv`, managerToken);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toBe(dayReportCsv(dayReport(input)));
  });

  it('the day before and the day after hold none of these sales but the ones just after midnight', async () => {
    const before = await get(`/api/v1/reports/day?date=${daysAgo(2, HANOI)}`, managerToken);
    expect(before.json()).toMatchObject({ salesCount: 0, net: 0, taxes: [], tenders: [], cash: { shifts: [] } });
    // Today is not over: its report is as of now (an X report), or as of the moment asked.
    const today = daysAgo(0, HANOI);
    expect((await get(`/api/v1/reports/day?date=${today}`, managerToken)).json()).toMatchObject({ kind: 'X', date: today });
    const endOfToday = new Date(businessDayWindow(today, HANOI).end).toISOString();
    const after = await get(`/api/v1/reports/day?date=${today}&asOf=${encodeURIComponent(endOfToday)}`, managerToken);
    // Each till's last sale was rung up at 00:30 the next day.
    expect(after.json()).toMatchObject({ kind: 'Z', salesCount: 2 });
  });

  it('refuses a device token alone, a cashier, and anyone without a token', async () => {
    const deviceOnly = await get(`/api/v1/reports/day?date=${date}`, tillA.token);
    expect(deviceOnly.statusCode).toBe(403);
    expect(deviceOnly.json<{ message: string }>().message).toMatch(/report\.view.*staff token/);
    const cashier = await get(`/api/v1/reports/day?date=${date}`, await signIn(t.app, tillA, `${STORE}-cashier`, '1111'));
    expect(cashier.statusCode).toBe(403);
    expect(cashier.json<{ message: string }>().message).toMatch(/cashier/);
    const nobody = await t.app.inject({ method: 'GET', url: `/api/v1/reports/day?date=${date}` });
    expect(nobody.statusCode).toBe(401);
  });

  it('a bad or missing date is a 400 that says the format; a till of no store of ours is a 404', async () => {
    for (const bad of ['2025-02-30', '24-11-2025', '2025-11-24T00:00:00Z', 'yesterday', '']) {
      const response = await get(`/api/v1/reports/day?date=${encodeURIComponent(bad)}`, managerToken);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json<{ message: string }>().message, bad).toContain('YYYY-MM-DD');
    }
    const missing = await get('/api/v1/reports/day', managerToken);
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ message: string }>().message).toContain('YYYY-MM-DD');
    const unknown = await get(`/api/v1/reports/day?date=${date}&deviceId=not-a-till`, managerToken);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ message: string }>().message).toContain('not-a-till');
  });

  it('a store whose config names no time zone Intl knows is told so, not reported in a guessed zone', async () => {
    await openShop(t.store, 'store-mars', 'Sao Hỏa', 'MARS-AAAA-BBBB');
    const config = await t.app.documents.get('config', 'store-mars');
    if (config === undefined) throw new Error('the shop has no config');
    await serverWrites(t.store, [{ collection: 'config', id: 'store-mars', storeId: 'store-mars', body: { ...config.body, store: { ...config.body.store, timeZone: 'Mars/Olympus' } } }]);
    const till = await enroll(t.app, 'MARS-AAAA-BBBB');
    const response = await get(`/api/v1/reports/day?date=${date}`, await signIn(t.app, till, 'store-mars-manager', '999999'));
    expect(response.statusCode).toBe(409);
    expect(response.json<{ message: string }>().message).toContain('store.timeZone');
  });

  it('reads the day’s sales through the time index, not every sale the store ever made', async () => {
    const window = businessDayWindow(date, HANOI);
    const compiled = byCreatedAtQuery(t.store, 'sales', STORE, { from: new Date(window.start).toISOString(), to: new Date(window.end).toISOString() }).compile();
    let plan: string;
    if (t.store.sqlite !== undefined) {
      plan = JSON.stringify(t.store.sqlite.prepare(`explain query plan ${compiled.sql}`).all(...(compiled.parameters as unknown[])));
    } else {
      plan = await t.store.db.transaction().execute(async (trx) => {
        // A small test table would be scanned whatever the indexes: forbid the scan to see which index the planner can use.
        await sql`set local enable_seqscan = off`.execute(trx);
        const { rows } = await trx.executeQuery(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]));
        return JSON.stringify(rows);
      });
    }
    expect(plan).toContain('documents_sales_time_idx');
  });
});
