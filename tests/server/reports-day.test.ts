/*
 * GET /api/v1/reports/day on both databases: two tills push a day of real sales (built by the counter's
 * buildSaleDocument, some cancelled), their shift events and an online order's handover, and bank-QR
 * payments the server registered (one per till confirmed by the bank's notice), and the manager's report from
 * the server equals the domain function's report over the same documents with the bank transfers to
 * reconcile the tablet's day end adds (bankQrReconciliation), to the unit: the store's, each till's, the X
 * report mid-day and the CSV. A store's day with one transfer the bank confirmed and others only the cashier
 * did gives each till its own figure. Only the manager's staff token may read it; a bad date is refused
 * with the format; the day's sales and payments are read through their time indexes.
 */
import { CompiledQuery, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDocument, PaymentDocument, SaleDocument } from '../../src/data/schemas/types.ts';
import { bankQrReconciliation } from '../../src/domain/bank-qr-reconciliation.ts';
import { transferNoteKey } from '../../src/domain/bank-transfer-match.ts';
import { businessDayWindow } from '../../src/domain/business-day.ts';
import { dayReport } from '../../src/domain/day-report.ts';
import type { DayReport, DayReportInput } from '../../src/domain/day-report.ts';
import { dayReportCsv } from '../../src/domain/day-report-csv.ts';
import { receiveBankNotice, registerBankQrPayment } from '../../sync-server/src/integrations/bank-notices.ts';
import { writeOnlineOrders } from '../../sync-server/src/integrations/online-orders.ts';
import { byCreatedAtQuery } from '../../sync-server/src/store/documents-repository.ts';
import type { TimedCollection } from '../../sync-server/src/store/documents-repository.ts';
import { daysAgo, makeDay } from '../support/day-factory.test-helper.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import { asNew, bearer, enroll, openShop, pullAll, push, ringUpSale, serverWrites, signIn } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const HANOI = { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0 };
const STORE = 'store-q1';
const MINUTE = 60_000;

/** The report as the server gives it: the domain's, with the bank transfers to reconcile the tablet's day end adds. */
function withTransfers(report: DayReport, sales: readonly SaleDocument[], payments: readonly PaymentDocument[]): DayReport {
  const transfers = bankQrReconciliation(report, sales, payments);
  return { ...report, bankTransfersToReconcile: { count: transfers.count, amount: transfers.amount } };
}

let transaction = 70_000;

describe.each(DATABASE_KINDS)('the day report from the server (%s)', (kind) => {
  let t: TestApp;
  let tillA: EnrolledDevice;
  let tillB: EnrolledDevice;
  let managerToken: string;
  let input: Omit<DayReportInput, 'deviceId' | 'asOf'>;
  let sales: SaleDocument[];
  let payments: PaymentDocument[];
  // A day that has ended in Hà Nội, after the store was created (no sale is dated before it existed).
  const date = daysAgo(1, HANOI);

  async function get(url: string, token: string) {
    return t.app.inject({ method: 'GET', url, headers: bearer(token) });
  }

  /**
   * The till shows the sale's VietQR a minute before the sale is rung up (the server registers the payment
   * then, with the sale's number as the transfer note); the bank's notice, when there is one, arrives two
   * minutes after the cashier already confirmed by the customer's phone screen. Returns the stored payment.
   */
  async function payByQr(sale: SaleDocument, amount: number, bank: 'notice' | 'none'): Promise<PaymentDocument> {
    const at = Date.parse(sale.createdAt);
    const request = { id: uuidv7(), storeId: sale.storeId, deviceId: sale.deviceId, reference: sale.number, amount, currency: 'VND' };
    const registered = await registerBankQrPayment(t.store, t.app.documents, undefined, request, new Date(at - MINUTE));
    expect(registered.result).toBe('created');
    if (bank === 'notice') {
      transaction += 1;
      const notice = { provider: 'sepay' as const, transactionId: String(transaction), amount, note: `MBVCB.${transaction}.${transferNoteKey(sale.number)}.CT tu 0123 NGUYEN VAN A` };
      const outcome = await receiveBankNotice(t.store, t.app.documents, undefined, notice, JSON.stringify(notice), new Date(at + 2 * MINUTE));
      expect(outcome).toMatchObject({ result: 'matched', paymentId: request.id });
    }
    const stored = await t.app.documents.get('payments', request.id);
    if (stored === undefined) throw new Error(`payment ${request.id} was not stored`);
    return stored.body;
  }

  /** A sale's bank-QR tender amount (the day's sales pay by one tender kind). */
  const qrAmount = (sale: SaleDocument): number => sale.tenders.filter((tender) => tender.method === 'bank_qr').reduce((sum, tender) => sum + tender.amount, 0);

  /** The report as JSON carries it: fields that are undefined are not there. */
  const asJson = (report: DayReport): unknown => JSON.parse(JSON.stringify(report));

  beforeAll(async () => {
    t = await startTestApp(kind, 'reports-day');
    await openShop(t.store, STORE, 'Quận 1', 'Q1AA-BBCC-DDEE');
    tillA = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy 1');
    tillB = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy 2');
    const made = makeDay({ storeId: STORE, date, settings: HANOI, tills: [tillA, tillB], salesPerTill: 60, cashierId: `${STORE}-cashier`, managerId: `${STORE}-manager` });
    // The store names its two card terminals (issue 17): till A's card sales name one or the other by turns,
    // till B's (paid before the store listed them) name none, and one names a terminal the store no longer lists.
    const config = await t.app.documents.get('config', STORE);
    if (config === undefined) throw new Error('the store has no config');
    const cardTerminals = [
      { id: 'vcb-1', name: 'Vietcombank quầy 1' },
      { id: 'tcb-2', name: 'Techcombank quầy 2' },
    ];
    await t.app.documents.put([{ collection: 'config', id: STORE, storeId: STORE, body: { ...config.body, store: { ...config.body.store, cardTerminals } } }]);
    let cardSales = 0;
    const day = {
      ...made,
      sales: made.sales.map((sale) => {
        if (sale.deviceId !== tillA.deviceId || !sale.tenders.some((tender) => tender.method === 'card')) return sale;
        cardSales += 1;
        const terminal = cardSales === 1 ? 'old-3' : cardSales % 2 === 0 ? 'vcb-1' : 'tcb-2';
        return { ...sale, tenders: sale.tenders.map((tender) => (tender.method === 'card' ? { ...tender, terminal } : tender)) };
      }),
    };
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
    // Each till's first two bank-QR sales of the day waited for the bank: the first one's notice came, the other's never did.
    payments = [];
    for (const till of [tillA, tillB]) {
      const window = businessDayWindow(date, HANOI);
      const paidByQr = day.sales.filter((sale) => sale.deviceId === till.deviceId && sale.kind === 'sale' && qrAmount(sale) > 0 && Date.parse(sale.createdAt) >= window.start);
      expect(paidByQr.length).toBeGreaterThan(2);
      payments.push(await payByQr(paidByQr[0]!, qrAmount(paidByQr[0]!), 'notice'), await payByQr(paidByQr[1]!, qrAmount(paidByQr[1]!), 'none'));
    }
    managerToken = await signIn(t.app, tillA, `${STORE}-manager`, '999999');
    sales = day.sales;
    input = { date, storeId: STORE, settings: { ...HANOI, currency: 'VND', cardTerminals }, sales, shiftEvents: day.shiftEvents, orders: [handedOver] };
  });
  afterAll(async () => t?.close());

  it('equals, to the unit, the domain function’s report over the documents the tills pushed', async () => {
    const response = await get(`/api/v1/reports/day?date=${date}`, managerToken);
    expect(response.statusCode, response.body).toBe(200);
    const expected = dayReport(input);
    expect(response.json()).toEqual(asJson(withTransfers(expected, sales, payments)));
    // What the issue names, and the day it covers: every till sold, a handover and both shifts' cash are in it.
    expect(response.json()).toMatchObject({ kind: 'Z', date, storeId: STORE, timeZone: 'Asia/Ho_Chi_Minh', pickups: { handedOver: 1 } });
    expect(expected.salesCount).toBeGreaterThan(100);
    expect(expected.tills?.map((till) => till.deviceId).sort()).toEqual([tillA.deviceId, tillB.deviceId].sort());
    expect(expected.cash.shifts).toHaveLength(3);
    expect(expected.gross + expected.discounts + expected.taxAdded + expected.returns + expected.cancellations).toBe(expected.net);
    const body = response.json<{ taxes: Array<{ rate: number; base: number; tax: number }>; tenders: Array<{ method: string; amount: number; count: number }>; net: number; cashRounding: number }>();
    expect(body.taxes.reduce((sum, row) => sum + row.base + row.tax, 0)).toBe(body.net);
    expect(body.tenders.reduce((sum, row) => sum + row.amount, 0)).toBe(body.net + body.cashRounding);
    // Card by terminal, with the names the store's config gives, adds up to the card tender.
    const split = response.json<DayReport>().cardTerminals;
    expect(split.map((row) => [row.terminal, row.name])).toEqual([
      ['vcb-1', 'Vietcombank quầy 1'],
      ['tcb-2', 'Techcombank quầy 2'],
      ['old-3', undefined],
      ['', undefined],
    ]);
    const card = body.tenders.find((row) => row.method === 'card');
    expect(split.reduce((sum, row) => sum + row.amount, 0)).toBe(card?.amount);
    expect(split.reduce((sum, row) => sum + row.count, 0)).toBe(card?.count);
  });

  it('a till’s report, the X report at noon and the CSV are the domain’s too', async () => {
    const till = await get(`/api/v1/reports/day?date=${date}&deviceId=${tillB.deviceId}`, managerToken);
    expect(till.statusCode, till.body).toBe(200);
    expect(till.json()).toEqual(asJson(withTransfers(dayReport({ ...input, deviceId: tillB.deviceId }), sales, payments)));
    const noon = new Date(businessDayWindow(date, HANOI).start + 12 * 3_600_000).toISOString();
    const interim = await get(`/api/v1/reports/day?date=${date}&asOf=${encodeURIComponent(noon)}`, managerToken);
    expect(interim.statusCode, interim.body).toBe(200);
    expect(interim.json()).toEqual(asJson(withTransfers(dayReport({ ...input, asOf: noon }), sales, payments)));
    expect(interim.json()).toMatchObject({ kind: 'X', asOf: noon });
    const csv = await get(`/api/v1/reports/day?date=${date}&format=csv`, managerToken);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toBe(dayReportCsv(withTransfers(dayReport(input), sales, payments)));
    expect(csv.body).toContain('bank_transfers_to_reconcile');
  });

  it('of the day’s bank-QR sales, the one the bank’s notice confirmed is reconciled: each till’s report counts only its own others', async () => {
    const window = businessDayWindow(date, HANOI);
    const inDay = (sale: SaleDocument) => Date.parse(sale.createdAt) >= window.start && Date.parse(sale.createdAt) < window.end;
    for (const till of [tillA, tillB]) {
      const confirmed = payments.filter((payment) => payment.deviceId === till.deviceId && payment.status === 'confirmed');
      expect(confirmed).toHaveLength(1);
      const byQr = sales.filter((sale) => sale.deviceId === till.deviceId && inDay(sale) && qrAmount(sale) !== 0);
      const tenders = byQr.flatMap((sale) => sale.tenders.filter((tender) => tender.method === 'bank_qr'));
      const response = await get(`/api/v1/reports/day?date=${date}&deviceId=${till.deviceId}`, managerToken);
      expect(response.statusCode, response.body).toBe(200);
      // Every tender of the generated day was confirmed by the cashier ("QR …"): all but the one the bank's notice confirmed are to reconcile.
      expect(response.json<DayReport>().bankTransfersToReconcile).toEqual({
        count: tenders.length - 1,
        amount: tenders.reduce((sum, tender) => sum + tender.amount, 0) - confirmed[0]!.amount,
      });
    }
    // The store's figure is the two tills' together.
    const store = (await get(`/api/v1/reports/day?date=${date}`, managerToken)).json<DayReport>();
    const tillFigures = await Promise.all([tillA, tillB].map(async (till) => (await get(`/api/v1/reports/day?date=${date}&deviceId=${till.deviceId}`, managerToken)).json<DayReport>().bankTransfersToReconcile));
    expect(store.bankTransfersToReconcile).toEqual({ count: tillFigures[0]!.count + tillFigures[1]!.count, amount: tillFigures[0]!.amount + tillFigures[1]!.amount });
    // The tablets hold the same payments (their store's): each till's day end and the server agree.
    const pulled = (await pullAll(t.app, tillA.token, 'payments')).map((document) => document.id).sort();
    expect(pulled).toEqual(payments.map((payment) => payment.id).sort());
  });

  it('a store’s day of two tills: a transfer the bank confirmed, one only the cashier did, and one rung up offline', async () => {
    await openShop(t.store, 'store-q7', 'Quận 7', 'Q7AA-BBCC-DDEE');
    const counter = await enroll(t.app, 'Q7AA-BBCC-DDEE', 'Quầy 1');
    const kiosk = await enroll(t.app, 'Q7AA-BBCC-DDEE', 'Quầy 2');
    const start = businessDayWindow(date, HANOI).start;
    const byQr = (till: EnrolledDevice, hour: number, productId: string, unitPrice: number): SaleDocument => {
      const sale = ringUpSale(till, [{ productId, qty: 1000, unitPrice, taxRate: 800 }], { createdAt: new Date(start + hour * 3_600_000).toISOString() });
      return { ...sale, tenders: [{ method: 'bank_qr', amount: sale.totals.total, reference: `QR ${sale.number}` }] };
    };
    const confirmedByBank = byQr(counter, 9, 'p-rice', 185_000);
    const confirmedByHand = byQr(counter, 10, 'p-oil', 62_000);
    const offline = byQr(kiosk, 11, 'p-milk', 36_500);
    for (const [till, sales] of [[counter, [confirmedByBank, confirmedByHand]], [kiosk, [offline]]] as const) {
      const pushed = await push(t.app, till.token, 'sales', asNew(sales));
      expect(pushed.statusCode, pushed.body).toBe(200);
      expect(pushed.json()).toEqual([]);
    }
    const q7Payments = [await payByQr(confirmedByBank, confirmedByBank.totals.total, 'notice'), await payByQr(confirmedByHand, confirmedByHand.totals.total, 'none')];
    expect(q7Payments.map((payment) => payment.status)).toEqual(['confirmed', 'waiting']);
    const manager = await signIn(t.app, counter, 'store-q7-manager', '999999');

    const store = await get(`/api/v1/reports/day?date=${date}`, manager);
    expect(store.statusCode, store.body).toBe(200);
    expect(store.json<DayReport>().bankTransfersToReconcile).toEqual({ count: 2, amount: confirmedByHand.totals.total + offline.totals.total });
    const counterReport = await get(`/api/v1/reports/day?date=${date}&deviceId=${counter.deviceId}`, manager);
    expect(counterReport.json<DayReport>().bankTransfersToReconcile).toEqual({ count: 1, amount: confirmedByHand.totals.total });
    const kioskReport = await get(`/api/v1/reports/day?date=${date}&deviceId=${kiosk.deviceId}`, manager);
    expect(kioskReport.json<DayReport>().bankTransfersToReconcile).toEqual({ count: 1, amount: offline.totals.total });
    // What the counter's own day end computes over its sales and the payments it pulled.
    const q7Input = { date, storeId: 'store-q7', settings: { ...HANOI, currency: 'VND' }, sales: [confirmedByBank, confirmedByHand], shiftEvents: [], orders: [] };
    expect(counterReport.json()).toEqual(asJson(withTransfers(dayReport({ ...q7Input, deviceId: counter.deviceId }), q7Input.sales, q7Payments)));
    const csv = await get(`/api/v1/reports/day?date=${date}&format=csv`, manager);
    expect(csv.body).toBe(dayReportCsv(withTransfers(dayReport({ ...q7Input, sales: [confirmedByBank, confirmedByHand, offline] }), [confirmedByBank, confirmedByHand, offline], q7Payments)));
    expect(csv.body).toContain(`bank_transfers_to_reconcile,,2,${confirmedByHand.totals.total + offline.totals.total},VND`);
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

  it.each<[TimedCollection, string]>([
    ['sales', 'documents_sales_time_idx'],
    ['payments', 'documents_payments_time_idx'],
  ])('reads the day’s %s through their time index, not every one the store ever had', async (collection, index) => {
    const window = businessDayWindow(date, HANOI);
    const compiled = byCreatedAtQuery(t.store, collection, STORE, { from: new Date(window.start).toISOString(), to: new Date(window.end).toISOString() }).compile();
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
    expect(plan).toContain(index);
  });
});
