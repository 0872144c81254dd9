import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, businessDateOf, businessDayWindow } from './business-day.ts';
import type { BusinessDaySettings } from './business-day.ts';
import { attachCustomer, emptyCart, ringUpLine } from './cart.ts';
import { dayReport, dayReportSettingsOf, salesWindowFor } from './day-report.ts';
import type { DayReport, ReportOrder } from './day-report.ts';
import type { DayFigures, ReportSale } from './day-report-figures.ts';
import { dayArb, REPORT_DATE, REPORT_STORE, settingsArb } from './day-report.test-helper.ts';
import type { SaleDocument, ShiftEventDocument } from './documents.ts';
import { returnPolicyOf } from './return-policy.ts';
import { purchaseOfSale } from './returnable-purchase.ts';
import { cartOf, coffee, pork, saleOf, testTaxClasses } from './paid-sale.test-helper.ts';
import { buildSaleDocument } from './sale-document.ts';
import { buildSaleReturn } from './sale-return.ts';
import { buildSaleReversal } from './sale-reversal.ts';
import { computeTaxes } from './tax.ts';

const HANOI: BusinessDaySettings = { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0 };
const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

function reportOf(sales: readonly ReportSale[], settings: BusinessDaySettings, extra: { shiftEvents?: ShiftEventDocument[]; orders?: ReportOrder[]; asOf?: string; deviceId?: string; date?: string } = {}): DayReport {
  return dayReport({
    date: extra.date ?? REPORT_DATE,
    storeId: REPORT_STORE,
    settings: { ...settings, currency: 'VND' },
    sales,
    shiftEvents: extra.shiftEvents ?? [],
    orders: extra.orders ?? [],
    ...(extra.asOf === undefined ? {} : { asOf: extra.asOf }),
    ...(extra.deviceId === undefined ? {} : { deviceId: extra.deviceId }),
  });
}

/** The money figures that add up across tills. */
function moneyOf(figures: DayFigures) {
  const { gross, discounts, taxAdded, returns, cancellations, net, cashRounding, salesCount, returnsCount, cancellationsCount, taxes, tenders, onlineReturns, points, giftCards } = figures;
  return { gross, discounts, taxAdded, returns, cancellations, net, cashRounding, salesCount, returnsCount, cancellationsCount, taxes, tenders, onlineReturns, points, giftCards };
}

function event(id: string, shiftId: string, deviceId: string, type: ShiftEventDocument['type'], amount: number, createdAt: string, extra: Partial<ShiftEventDocument> = {}): ShiftEventDocument {
  return { id, shiftId, storeId: REPORT_STORE, deviceId, type, amount, staffId: 'staff-lan', createdAt, ...extra };
}

describe('a day at the Quận 1 store, in Hà Nội time', () => {
  const context = (id: string, createdAt: string, deviceId = 'device-t03') => ({ id, storeId: REPORT_STORE, deviceId, number: `Q1-${id}`, createdAt, staffId: 'staff-lan', currency: 'VND' });
  const rules = { taxClasses: testTaxClasses, loyalty: { amountPerPoint: 10_000 } };
  // 08:05: three coffees (87,000 at 10 % included), paid 100,000 in cash.
  const morning = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee, { qty: 3000 })), [{ method: 'cash', amount: 100_000 }], context('s1', '2025-11-24T01:05:00.000Z'), rules));
  // 12:30: a member buys 0.5 kg of pork (80,000 at 5 %): 30,000 in points (300), the rest by card.
  const member = attachCustomer(cartOf(ringUpLine(emptyCart(), pork, { qty: 500 })), 'cust-7');
  const lunch = saleOf(
    buildSaleDocument(member, [{ method: 'points', amount: 30_000, points: 300 }, { method: 'card', amount: 50_000, reference: 'APPR 1' }], context('s2', '2025-11-24T05:30:00.000Z', 'device-t01'), rules),
  );
  // 23:30 local (16:30Z): a coffee by bank transfer, still the 24th in Hà Nội.
  const late = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee)), [{ method: 'bank_qr', amount: 29_000 }], context('s3', '2025-11-24T16:30:00.000Z'), rules));
  // 00:30 local on the 25th (17:30Z on the 24th): the next business day.
  const after = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee)), [{ method: 'cash', amount: 29_000 }], context('s4', '2025-11-24T17:30:00.000Z'), rules));
  // 14:00: the morning sale is cancelled (the manager approves) on till T03.
  const voided = buildSaleReversal(morning, { id: 'v1', deviceId: 'device-t03', number: 'Q1-v1', createdAt: '2025-11-24T07:00:00.000Z', staffId: 'staff-lan', approverId: 'staff-nam' });
  if (!voided.ok) throw new Error(voided.detail);
  const sales: ReportSale[] = [morning, lunch, late, after, voided.reversal];
  const shiftEvents = [
    event('e1', 'shift-a', 'device-t03', 'open', 500_000, '2025-11-24T00:55:00.000Z'),
    event('e2', 'shift-a', 'device-t03', 'cash_out', 100_000, '2025-11-24T09:00:00.000Z', { reason: 'safe_drop' }),
    event('e3', 'shift-a', 'device-t03', 'close', 395_000, '2025-11-24T16:45:00.000Z', { expected: 400_000 }),
    event('e4', 'shift-b', 'device-t01', 'open', 200_000, '2025-11-24T05:00:00.000Z'),
  ];
  const orders: ReportOrder[] = [
    { id: 'order-1042', storeId: REPORT_STORE, events: [{ id: 'h1', type: 'handed_over', at: '2025-11-24T08:00:00.000Z', deviceId: 'device-t01' }] },
    { id: 'order-1043', storeId: REPORT_STORE, events: [{ id: 'h2', type: 'ready', at: '2025-11-24T08:00:00.000Z' }] },
  ];

  it('counts what happened on the 24th by the shop’s clock, with the parts adding up to net', () => {
    const report = reportOf(sales, HANOI, { shiftEvents, orders });
    expect(report).toMatchObject({
      kind: 'Z',
      date: '2025-11-24',
      storeId: REPORT_STORE,
      timeZone: 'Asia/Ho_Chi_Minh',
      businessDayCutoff: '00:00',
      from: '2025-11-23T17:00:00.000Z',
      to: '2025-11-24T17:00:00.000Z',
      salesCount: 3,
      returnsCount: 0,
      cancellationsCount: 1,
      gross: 87_000 + 80_000 + 29_000,
      discounts: 0,
      taxAdded: 0,
      returns: 0,
      cancellations: -87_000,
      net: 109_000,
      cashRounding: 0,
      onlineReturns: { count: 0, amount: 0 },
      pickups: { handedOver: 1 },
      // 5 points earned on the 50,000 paid by card; 300 spent.
      points: { issued: 5, redeemed: 300 },
      giftCards: { sold: { count: 0, amount: 0 }, redeemed: { count: 0, amount: 0 } },
    });
    expect(report.tenders).toEqual([
      { method: 'cash', amount: 0, count: 2 },
      { method: 'card', amount: 50_000, count: 1 },
      { method: 'bank_qr', amount: 29_000, count: 1 },
      { method: 'points', amount: 30_000, count: 1 },
    ]);
    // Coffee at 10 % (the cancelled one nets out), pork at 5 %, VAT inside the prices.
    expect(report.taxes).toEqual([
      { rate: 500, base: 76_190, tax: 3_810 },
      { rate: 1000, base: 26_364, tax: 2_636 },
    ]);
    expect(report.cash).toMatchObject({ expected: 400_000 + 200_000, counted: 395_000, variance: -5_000, openShifts: 1 });
    expect(report.cash.shifts.map((shift) => [shift.shiftId, shift.cashSales, shift.expected])).toEqual([
      // T03 kept 87,000 from the coffees and handed it back at the cancellation.
      ['shift-a', 0, 400_000],
      ['shift-b', 0, 200_000],
    ]);
  });

  it('each till has its own figures, and the store’s are their sum', () => {
    const report = reportOf(sales, HANOI, { shiftEvents, orders });
    expect(report.tills?.map((till) => [till.deviceId, till.salesCount, till.net, till.pickups.handedOver])).toEqual([
      ['device-t01', 1, 80_000, 1],
      ['device-t03', 2, 29_000, 0],
    ]);
    const t01 = reportOf(sales, HANOI, { shiftEvents, orders, deviceId: 'device-t01' });
    expect(t01).toMatchObject({ deviceId: 'device-t01', salesCount: 1, net: 80_000, cash: { expected: 200_000, openShifts: 1 } });
    expect(t01.tills).toBeUndefined();
  });

  it('the X report at 13:00 shows the morning without the afternoon, and the shifts still open', () => {
    const report = reportOf(sales, HANOI, { shiftEvents, orders, asOf: '2025-11-24T06:00:00.000Z' });
    expect(report).toMatchObject({ kind: 'X', asOf: '2025-11-24T06:00:00.000Z', salesCount: 2, cancellationsCount: 0, net: 87_000 + 80_000, pickups: { handedOver: 0 } });
    expect(report.cash).toMatchObject({ expected: 500_000 + 87_000 + 200_000, counted: 0, variance: 0, openShifts: 2 });
  });

  it('the next day starts with the sale at 00:30, and nothing before the first document exists is counted', () => {
    expect(reportOf(sales, HANOI, { date: '2025-11-25' })).toMatchObject({ salesCount: 1, net: 29_000, tenders: [{ method: 'cash', amount: 29_000, count: 1 }] });
    const empty = reportOf([], HANOI, { date: '2025-11-26' });
    expect(moneyOf(empty)).toEqual({
      gross: 0, discounts: 0, taxAdded: 0, returns: 0, cancellations: 0, net: 0, cashRounding: 0, salesCount: 0, returnsCount: 0, cancellationsCount: 0,
      taxes: [], tenders: [], onlineReturns: { count: 0, amount: 0 }, points: { issued: 0, redeemed: 0 }, giftCards: { sold: { count: 0, amount: 0 }, redeemed: { count: 0, amount: 0 } },
    });
    expect(empty.cash).toEqual({ expected: 0, counted: 0, variance: 0, openShifts: 0, noSaleOpenings: 0, shifts: [] });
  });

  it('card is split by the terminal each tender names, with the store’s names, and a cancelled card sale comes off its own terminal', () => {
    const terminals = [
      { id: 'vcb-1', name: 'Vietcombank quầy 1' },
      { id: 'tcb-2', name: 'Techcombank quầy 2' },
    ];
    const onCounter = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee)), [{ method: 'card', amount: 29_000, reference: 'APPR 11', terminal: 'vcb-1' }], context('c1', '2025-11-24T02:00:00.000Z'), rules));
    const onBack = saleOf(
      buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee, { qty: 2000 })), [{ method: 'card', amount: 58_000, reference: 'APPR 12', terminal: 'tcb-2' }], context('c2', '2025-11-24T02:10:00.000Z', 'device-t01'), rules),
    );
    const again = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee)), [{ method: 'card', amount: 29_000, reference: 'APPR 13', terminal: 'vcb-1' }], context('c3', '2025-11-24T02:20:00.000Z'), rules));
    const undone = buildSaleReversal(again, { id: 'c4', deviceId: 'device-t03', number: 'Q1-c4', createdAt: '2025-11-24T02:30:00.000Z', staffId: 'staff-lan', approverId: 'staff-nam' });
    if (!undone.ok) throw new Error(undone.detail);
    const report = dayReport({
      date: REPORT_DATE,
      storeId: REPORT_STORE,
      settings: { ...HANOI, currency: 'VND', cardTerminals: terminals },
      sales: [lunch, onBack, onCounter, again, undone.reversal],
      shiftEvents: [],
      orders: [],
    });
    expect(report.tenders.find((row) => row.method === 'card')).toEqual({ method: 'card', amount: 137_000, count: 5 });
    expect(report.cardTerminals).toEqual([
      { terminal: 'vcb-1', name: 'Vietcombank quầy 1', amount: 29_000, count: 3 },
      { terminal: 'tcb-2', name: 'Techcombank quầy 2', amount: 58_000, count: 1 },
      { terminal: '', amount: 50_000, count: 1 },
    ]);
    expect(report.tills?.find((till) => till.deviceId === 'device-t01')?.cardTerminals).toEqual([
      { terminal: 'tcb-2', name: 'Techcombank quầy 2', amount: 58_000, count: 1 },
      { terminal: '', amount: 50_000, count: 1 },
    ]);
    // A terminal the store no longer lists keeps its row, by its id, before the tenders that name none.
    expect(reportOf([lunch, onBack], HANOI).cardTerminals).toEqual([
      { terminal: 'tcb-2', amount: 58_000, count: 1 },
      { terminal: '', amount: 50_000, count: 1 },
    ]);
    expect(reportOf([morning], HANOI).cardTerminals).toEqual([]);
  });

  it('gift cards count as soon as sales record them: a card sold (its line) and one spent (its tender)', () => {
    const giftCard = { id: 'p-gc', sku: 'GC', name: 'Thẻ quà tặng', price: 0, taxClassId: 'exempt', weighed: false };
    const built = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), giftCard, { giftCard: { id: 'GC-100', amount: 500_000 } })), [{ method: 'cash', amount: 500_000 }], context('s9', '2025-11-24T03:00:00.000Z'), rules));
    // The card's value goes on it by a load movement of the sale (sale-document.ts: <id>-giftcard-load-<line>).
    const cardSale = { ...built, ledger: [...built.ledger.filter((entry) => entry.kind !== 'giftcard'), { id: 's9-giftcard-load-0', kind: 'giftcard' as const, refId: 'GC-100', delta: 500_000, reason: 'load' }] };
    const spent = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee)), [{ method: 'gift_card', amount: 29_000, giftCardId: 'GC-7' }], context('s10', '2025-11-24T04:00:00.000Z'), rules));
    expect(reportOf([], HANOI).giftCards).toEqual({ sold: { count: 0, amount: 0 }, redeemed: { count: 0, amount: 0 } });
    const report = reportOf([cardSale, spent], HANOI);
    expect(report.giftCards).toEqual({ sold: { count: 1, amount: 500_000 }, redeemed: { count: 1, amount: 29_000 } });
    expect(report.tenders).toEqual([{ method: 'cash', amount: 500_000, count: 1 }, { method: 'gift_card', amount: 29_000, count: 1 }]);
    const undone = buildSaleReversal(spent, { id: 'v2', deviceId: 'device-t03', number: 'Q1-v2', createdAt: '2025-11-24T04:10:00.000Z', staffId: 'staff-lan', approverId: 'staff-nam' });
    if (!undone.ok) throw new Error(undone.detail);
    expect(reportOf([cardSale, spent, undone.reversal], HANOI).giftCards.redeemed).toEqual({ count: 0, amount: 0 });
    const cardUndone = buildSaleReversal(cardSale, { id: 'v3', deviceId: 'device-t03', number: 'Q1-v3', createdAt: '2025-11-24T04:20:00.000Z', staffId: 'staff-lan', approverId: 'staff-nam' });
    if (!cardUndone.ok) throw new Error(cardUndone.detail);
    expect(reportOf([cardSale, cardUndone.reversal], HANOI).giftCards.sold).toEqual({ count: 0, amount: 0 });
  });

  it('asks for the sales of its shifts: the day, and on to the close of a shift opened in it', () => {
    const window = businessDayWindow(REPORT_DATE, HANOI);
    expect(salesWindowFor(window, REPORT_STORE, shiftEvents.slice(0, 3))).toEqual(window);
    // A night shift opened at 22:00 local and closed at 02:00 the next morning: its sales reach past midnight.
    const night = [event('n1', 'shift-n', 'device-t02', 'open', 0, '2025-11-24T15:00:00.000Z'), event('n2', 'shift-n', 'device-t02', 'close', 0, '2025-11-24T19:00:00.000Z')];
    expect(salesWindowFor(window, REPORT_STORE, night)).toEqual({ start: window.start, end: Date.parse('2025-11-24T19:00:00.000Z') + 1 });
    // A shift still open is counted to the day's end: no sale after it is needed.
    expect(salesWindowFor(window, REPORT_STORE, [...night.slice(0, 1), ...shiftEvents])).toEqual(window);
  });
});

describe('the report’s settings from the store’s config', () => {
  it('Vietnam at midnight in dong by default; a zone, cut-off or currency that is wrong is said, never guessed', () => {
    expect(dayReportSettingsOf({ currency: 'VND' })).toEqual({ ok: true, value: { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0, currency: 'VND' } });
    expect(dayReportSettingsOf({ currency: 'EUR', timeZone: 'Europe/Berlin', businessDayCutoff: '05:00' })).toEqual({ ok: true, value: { timeZone: 'Europe/Berlin', cutoffMinutes: 300, currency: 'EUR' } });
    expect(dayReportSettingsOf({ currency: 'XXX' })).toMatchObject({ ok: false, detail: expect.stringContaining('store.currency') });
    expect(dayReportSettingsOf({ currency: 'VND', timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, detail: expect.stringContaining('store.timeZone') });
  });
});

describe('returns and exchanges at the counter (sale-return.ts)', () => {
  const shirt = { id: 'p-shirt-m', sku: 'AT-M', name: 'Áo thun size M', price: 125_000, taxClassId: 'vat8', weighed: false };
  const shirtL = { id: 'p-shirt-l', sku: 'AT-L', name: 'Áo thun size L', price: 135_000, taxClassId: 'vat8', weighed: false };
  const saleRules = { taxClasses: testTaxClasses, loyalty: { amountPerPoint: 10_000 } };
  const returnRules = { policy: returnPolicyOf({ windowDays: 7, refundMethods: ['original_tender', 'cash'] }) };
  const at = (id: string, createdAt: string) => ({ id, storeId: REPORT_STORE, deviceId: 'device-t03', number: `Q1-${id}`, createdAt, staffId: 'staff-lan', currency: 'VND' });
  const three = attachCustomer(cartOf(ringUpLine(emptyCart(), shirt, { qty: 3000 })), 'cust-hoa');
  const sale = saleOf(buildSaleDocument(three, [{ method: 'cash', amount: 400_000 }], at('s1', '2025-11-24T02:00:00.000Z'), saleRules));

  function built(result: ReturnType<typeof buildSaleReturn>): SaleDocument {
    if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
    return result.document;
  }

  it('one shirt of three back for cash, another exchanged for a size L with 10,000 to pay: returns negative, the new shirt a sale', () => {
    const back = built(buildSaleReturn({ purchase: purchaseOfSale(sale), lines: [{ originalLine: 0, qty: 1000, reason: 'không vừa', condition: 'resellable' }], refund: { toOriginal: true, rest: { kind: 'cash' } } }, at('r1', '2025-11-24T05:00:00.000Z'), returnRules));
    const newShirt = { productId: shirtL.id, sku: shirtL.sku, name: shirtL.name, qty: 1000, unitPrice: 135_000, discount: 0, taxRate: 800, total: 135_000, priceIncludesTax: true, unit: 'pcs' as const };
    const exchange = built(
      buildSaleReturn(
        { purchase: purchaseOfSale(sale), earlierReturns: [back], lines: [{ originalLine: 0, qty: 1000, reason: 'đổi size', condition: 'resellable' }], newLines: [newShirt], payments: [{ method: 'cash', amount: 10_000 }], refund: { toOriginal: true, rest: { kind: 'cash' } } },
        at('r2', '2025-11-24T06:00:00.000Z'),
        returnRules,
      ),
    );
    const report = reportOf([sale, back, exchange], HANOI);
    expect(report).toMatchObject({ salesCount: 1, returnsCount: 2, gross: 375_000 + 135_000, returns: -250_000, net: 375_000 - 125_000 + 10_000 });
    expect(report.gross + report.discounts + report.taxAdded + report.returns + report.cancellations).toBe(report.net);
    expect(sum(report.tenders.map((row) => row.amount))).toBe(report.net + report.cashRounding);
    // 37 points earned on 375,000; the shirts that came back take their share of them back.
    expect(report.points.issued).toBe(37 + sum([back, exchange].flatMap((document) => (document.ledger ?? []).filter((entry) => entry.kind === 'points').map((entry) => entry.delta))));
    expect(report.points.issued).toBeLessThan(37);
  });
});

describe('for any generated day', () => {
  it('the parts add up to net, net is the sum of the documents’ totals, and returns and cancellations are negative', () => {
    fc.assert(
      fc.property(settingsArb.chain((settings) => fc.tuple(fc.constant(settings), dayArb(settings))), ([settings, sales]) => {
        const report = reportOf(sales, settings);
        const counted = sales.filter((sale) => businessDateOf(Date.parse(sale.createdAt), settings) === REPORT_DATE);
        expect(report.gross + report.discounts + report.taxAdded + report.returns + report.cancellations).toBe(report.net);
        expect(report.net).toBe(sum(counted.map((sale) => sale.totals.total)));
        expect(report.salesCount + report.returnsCount + report.cancellationsCount).toBe(counted.length);
        expect(report.returns).toBeLessThanOrEqual(0);
        expect(report.cancellations).toBeLessThanOrEqual(0);
        expect(report.discounts).toBeLessThanOrEqual(0);
        expect(report.gross).toBeGreaterThanOrEqual(0);
        expect(report.onlineReturns.amount).toBeLessThanOrEqual(0);
        expect(report.onlineReturns.amount).toBeGreaterThanOrEqual(report.returns);
        // The VAT added on top is exactly that of the sales' tax-exclusive lines.
        const exclusiveVat = counted
          .filter((sale) => sale.kind === 'sale')
          .map((sale) => {
            const lines = sale.lines.map((line) => ({ amount: line.total, rateBasisPoints: line.taxRate, pricesIncludeTax: line.priceIncludesTax ?? true }));
            return sum(computeTaxes(lines).lines.filter((_, index) => lines[index]?.pricesIncludeTax === false).map((line) => line.tax));
          });
        expect(report.taxAdded).toBe(sum(exclusiveVat));
      }),
      { numRuns: 150 },
    );
  });

  it('VAT per rate adds up to net and to the documents’ VAT; tenders add up to net paid (net + cash rounding)', () => {
    fc.assert(
      fc.property(settingsArb.chain((settings) => fc.tuple(fc.constant(settings), dayArb(settings))), ([settings, sales]) => {
        const report = reportOf(sales, settings);
        const counted = sales.filter((sale) => businessDateOf(Date.parse(sale.createdAt), settings) === REPORT_DATE);
        expect(sum(report.taxes.map((row) => row.base + row.tax))).toBe(report.net);
        expect(sum(report.taxes.map((row) => row.tax))).toBe(sum(counted.map((sale) => sale.totals.tax)));
        expect(sum(report.tenders.map((row) => row.amount))).toBe(report.net + report.cashRounding);
        expect(sum(report.tenders.map((row) => row.count))).toBe(sum(counted.map((sale) => sale.tenders.length)));
      }),
      { numRuns: 150 },
    );
  });

  it('card by terminal adds up to the card tender, amount and count, for the store and each till', () => {
    const terminalArb = fc.constantFrom<string | undefined>('vcb-1', 'tcb-2', 'old-3', undefined);
    const dayWithTerminals = settingsArb.chain((settings) =>
      fc.tuple(fc.constant(settings), dayArb(settings), fc.array(terminalArb, { minLength: 60, maxLength: 60 })),
    );
    fc.assert(
      fc.property(dayWithTerminals, ([settings, sales, picks]) => {
        // Each sale's card tenders name a terminal (or none); a reversal keeps the terminal of the tender it refunds.
        const bySale = new Map<string, string | undefined>();
        const withTerminals = sales.map((sale) => {
          const key = sale.number.slice(-6);
          if (!bySale.has(key)) bySale.set(key, picks[bySale.size % picks.length]);
          const terminal = bySale.get(key);
          return { ...sale, tenders: sale.tenders.map((tender) => (tender.method === 'card' && terminal !== undefined ? { ...tender, terminal } : tender)) };
        });
        const report = dayReport({
          date: REPORT_DATE,
          storeId: REPORT_STORE,
          settings: { ...settings, currency: 'VND', cardTerminals: [{ id: 'vcb-1', name: 'Quầy 1' }, { id: 'tcb-2', name: 'Quầy 2' }] },
          sales: withTerminals,
          shiftEvents: [],
          orders: [],
        });
        for (const figures of [report, ...(report.tills ?? [])]) {
          const card = figures.tenders.find((row) => row.method === 'card') ?? { amount: 0, count: 0 };
          expect(sum(figures.cardTerminals.map((row) => row.amount))).toBe(card.amount);
          expect(sum(figures.cardTerminals.map((row) => row.count))).toBe(card.count);
          expect(new Set(figures.cardTerminals.map((row) => row.terminal)).size).toBe(figures.cardTerminals.length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the store’s figures are the sum of its tills’, each till’s report is its line in the store’s, and the order of the documents does not matter', () => {
    fc.assert(
      fc.property(settingsArb.chain((settings) => fc.tuple(fc.constant(settings), dayArb(settings, { maxSales: 15 }))), fc.nat(), ([settings, sales], seed) => {
        const report = reportOf(sales, settings);
        const tills = report.tills ?? [];
        for (const key of ['gross', 'discounts', 'taxAdded', 'returns', 'cancellations', 'net', 'cashRounding', 'salesCount', 'returnsCount', 'cancellationsCount'] as const) {
          expect(sum(tills.map((till) => till[key]))).toBe(report[key]);
        }
        for (const till of tills) {
          const own = reportOf(sales, settings, { deviceId: till.deviceId });
          expect(moneyOf(own)).toEqual(moneyOf(till));
        }
        const shuffled = [...sales].sort((a, b) => ((a.id.charCodeAt(20) * 31 + seed) % 7) - ((b.id.charCodeAt(20) * 31 + seed) % 7) || (seed % 2 === 0 ? 1 : -1) * a.id.localeCompare(b.id));
        expect(reportOf(shuffled, settings)).toEqual(report);
      }),
      { numRuns: 60 },
    );
  });

  it('a day split across the time-zone boundary: each document counts on exactly one of the two days', () => {
    const nearMidnight = fc.integer({ min: 24 * 60 - 180, max: 24 * 60 + 180 });
    fc.assert(
      fc.property(settingsArb.chain((settings) => fc.tuple(fc.constant(settings), dayArb(settings, { minute: nearMidnight }))), ([settings, sales]) => {
        const today = reportOf(sales, settings);
        const tomorrow = reportOf(sales, settings, { date: addDays(REPORT_DATE, 1) });
        const bothDays = sales.filter((sale) => [REPORT_DATE, addDays(REPORT_DATE, 1)].includes(businessDateOf(Date.parse(sale.createdAt), settings)));
        expect(today.net + tomorrow.net).toBe(sum(bothDays.map((sale) => sale.totals.total)));
        expect(today.salesCount + tomorrow.salesCount).toBe(bothDays.filter((sale) => sale.kind === 'sale').length);
        const end = Date.parse(today.to);
        for (const sale of sales) {
          const at = Date.parse(sale.createdAt);
          if (at >= Date.parse(today.from) && at < end) expect(businessDateOf(at, settings)).toBe(REPORT_DATE);
        }
        expect(tomorrow.from).toBe(today.to);
      }),
      { numRuns: 100 },
    );
  });

  it('a day whose every sale is cancelled the same day nets to zero in every figure of money, points and cards', () => {
    fc.assert(
      fc.property(dayArb(HANOI, { maxSales: 10, minute: fc.integer({ min: 0, max: 600 }) }), (sales) => {
        const onlySales = sales.filter((sale) => sale.kind === 'sale');
        const voids = onlySales.map((sale, index) => {
          const reversed = buildSaleReversal(sale, {
            id: `void-${index}`, deviceId: sale.deviceId, number: `V-${index}`, createdAt: new Date(Date.parse(sale.createdAt) + 60_000).toISOString(), staffId: 'staff-lan', approverId: 'staff-nam',
          });
          if (!reversed.ok) throw new Error(reversed.detail);
          return reversed.reversal;
        });
        const report = reportOf([...onlySales, ...voids], HANOI);
        expect(report.net).toBe(0);
        expect(report.cancellations).toBe(0 - (report.gross + report.discounts + report.taxAdded));
        for (const row of report.tenders) expect(row.amount).toBe(0);
        for (const row of report.taxes) expect([row.base, row.tax]).toEqual([0, 0]);
        expect(report.points).toEqual({ issued: 0, redeemed: 0 });
        expect(report.giftCards).toEqual({ sold: { count: 0, amount: 0 }, redeemed: { count: 0, amount: 0 } });
      }),
      { numRuns: 60 },
    );
  });
});
