import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDateOf } from './business-day.ts';
import type { BusinessDaySettings } from './business-day.ts';
import { attachCustomer, emptyCart, ringUpLine } from './cart.ts';
import { dashboardFigures } from './dashboard-figures.ts';
import type { DashboardFigures } from './dashboard-figures.ts';
import { dayReport } from './day-report.ts';
import type { ReportSale } from './day-report-figures.ts';
import { dayArb, REPORT_STORE, settingsArb } from './day-report.test-helper.ts';
import type { ShiftEventDocument } from './documents.ts';
import { cartOf, coffee, pork, saleOf, testTaxClasses } from './paid-sale.test-helper.ts';
import { buildSaleDocument } from './sale-document.ts';
import { buildSaleReversal } from './sale-reversal.ts';

const HANOI: BusinessDaySettings = { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0 };
const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
const figuresOf = (sales: readonly ReportSale[], settings: BusinessDaySettings, shiftEvents: ShiftEventDocument[] = []): DashboardFigures =>
  dashboardFigures({ settings: { ...settings, currency: 'VND' }, sales, shiftEvents });

describe('the dashboard figures of a day at the Quận 1 store, in Hà Nội time', () => {
  const context = (id: string, createdAt: string, deviceId = 'device-t03') => ({ id, storeId: REPORT_STORE, deviceId, number: `Q1-${id}`, createdAt, staffId: 'staff-lan', currency: 'VND' });
  const rules = { taxClasses: testTaxClasses, loyalty: { amountPerPoint: 10_000 } };
  // 08:05: three coffees (87,000 at 10 % included), paid 100,000 in cash (13,000 change).
  const morning = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee, { qty: 3000 })), [{ method: 'cash', amount: 100_000 }], context('s1', '2025-11-24T01:05:00.000Z'), rules));
  // 12:30: a member buys 0.5 kg of pork (80,000 at 5 %): 30,000 in points, 50,000 by card.
  const member = attachCustomer(cartOf(ringUpLine(emptyCart(), pork, { qty: 500 })), 'cust-7');
  const lunch = saleOf(buildSaleDocument(member, [{ method: 'points', amount: 30_000, points: 300 }, { method: 'card', amount: 50_000, reference: 'APPR 1' }], context('s2', '2025-11-24T05:30:00.000Z', 'device-t01'), rules));
  // 23:30 local (16:30Z): a coffee by bank transfer, still the 24th in Hà Nội, hour 23.
  const late = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee)), [{ method: 'bank_qr', amount: 29_000 }], context('s3', '2025-11-24T16:30:00.000Z'), rules));
  // 00:30 local on the 25th: the next business day, hour 0.
  const after = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee)), [{ method: 'cash', amount: 29_000 }], context('s4', '2025-11-24T17:30:00.000Z'), rules));
  // 15:00 local: the late coffee comes back, damaged, from an online order.
  const reversed = buildSaleReversal(late, { id: 'r1', deviceId: 'device-t03', number: 'Q1-r1', createdAt: '2025-11-24T08:00:00.000Z', staffId: 'staff-lan', approverId: 'staff-nam' });
  if (!reversed.ok) throw new Error(reversed.detail);
  const returned: ReportSale = { ...reversed.reversal, reason: 'damaged', orderId: 'order-1042' };
  const close: ShiftEventDocument = { id: 'e3', shiftId: 'shift-a', storeId: REPORT_STORE, deviceId: 'device-t03', type: 'close', amount: 395_000, expected: 400_000, staffId: 'staff-lan', createdAt: '2025-11-24T16:45:00.000Z' };
  const figures = figuresOf([morning, lunch, late, after, returned], HANOI, [close]);

  it('buckets each sale by the hour on the shop’s clock and its business day', () => {
    expect([...figures.hours].sort((a, b) => a.day.localeCompare(b.day) || a.hour - b.hour)).toEqual([
      { storeId: REPORT_STORE, day: '2025-11-24', hour: 8, salesCount: 1, net: 87_000 },
      { storeId: REPORT_STORE, day: '2025-11-24', hour: 12, salesCount: 1, net: 80_000 },
      { storeId: REPORT_STORE, day: '2025-11-24', hour: 15, salesCount: 0, net: -29_000 },
      { storeId: REPORT_STORE, day: '2025-11-24', hour: 23, salesCount: 1, net: 29_000 },
      { storeId: REPORT_STORE, day: '2025-11-25', hour: 0, salesCount: 1, net: 29_000 },
    ]);
  });

  it('sums products, tenders, returns and the day’s figures as counted by hand', () => {
    const day24 = figures.products.filter((row) => row.day === '2025-11-24').sort((a, b) => a.productId.localeCompare(b.productId));
    // Coffee: 3 + 1 - 1 sold (thousandths), 87,000 + 29,000 - 29,000; VAT 10 % inside: 7,909 + 2,636 - 2,636.
    expect(day24).toEqual([
      { storeId: REPORT_STORE, day: '2025-11-24', productId: 'p-coffee', name: 'Cà phê sữa', qty: 3000, amount: 87_000, tax: 7_909 },
      { storeId: REPORT_STORE, day: '2025-11-24', productId: 'p-pork', name: 'Thịt heo', qty: 500, amount: 80_000, tax: 3_810 },
    ]);
    const tenders = Object.fromEntries(figures.tenders.filter((row) => row.day === '2025-11-24').map((row) => [row.method, [row.count, row.amount]]));
    // Cash: 100,000 less 13,000 change; the return refunds by bank transfer as it was paid.
    expect(tenders).toEqual({ cash: [1, 87_000], card: [1, 50_000], points: [1, 30_000], bank_qr: [2, 0] });
    expect(figures.returns).toEqual([{ storeId: REPORT_STORE, day: '2025-11-24', reason: 'damaged', count: 1, amount: -29_000, online: 1 }]);
    expect(figures.days.find((row) => row.day === '2025-11-24')).toMatchObject({ salesCount: 3, returnsCount: 1, cancellationsCount: 0, gross: 196_000, returns: -29_000, net: 167_000, onlineReturns: { count: 1, amount: -29_000 }, points: { redeemed: 300 } });
    expect(figures.shifts).toEqual([{ storeId: REPORT_STORE, day: '2025-11-24', shiftId: 'shift-a', deviceId: 'device-t03', closedAt: '2025-11-24T16:45:00.000Z', counted: 395_000, expected: 400_000, variance: -5_000 }]);
  });
});

describe('for any generated day', () => {
  it('the buckets of each business day add up to that day’s report', () => {
    fc.assert(
      fc.property(settingsArb.chain((settings) => fc.tuple(fc.constant(settings), dayArb(settings))), ([settings, sales]) => {
        const figures = figuresOf(sales, settings);
        const dates = new Set(sales.map((sale) => businessDateOf(Date.parse(sale.createdAt), settings)));
        for (const date of dates) {
          const report = dayReport({ date, storeId: REPORT_STORE, settings: { ...settings, currency: 'VND' }, sales, shiftEvents: [], orders: [] });
          const of = <Row extends { day: string }>(rows: readonly Row[]): Row[] => rows.filter((row) => row.day === date);
          const day = of(figures.days)[0];
          const { salesCount, returnsCount, cancellationsCount, gross, discounts, taxAdded, returns, cancellations, net, onlineReturns, points, giftCards } = report;
          expect(day).toEqual({ storeId: REPORT_STORE, day: date, salesCount, returnsCount, cancellationsCount, gross, discounts, taxAdded, returns, cancellations, net, onlineReturns, points, giftCards });
          expect(sum(of(figures.hours).map((row) => row.net))).toBe(report.net);
          expect(sum(of(figures.hours).map((row) => row.salesCount))).toBe(report.salesCount);
          expect(sum(of(figures.products).map((row) => row.amount))).toBe(sum(report.taxes.map((row) => row.base + row.tax)));
          expect(sum(of(figures.products).map((row) => row.tax))).toBe(sum(report.taxes.map((row) => row.tax)));
          for (const tender of report.tenders) {
            expect(of(figures.tenders).find((row) => row.method === tender.method)).toMatchObject({ amount: tender.amount, count: tender.count });
          }
          expect(sum(of(figures.returns).map((row) => row.amount))).toBe(report.returns);
          expect(sum(of(figures.returns).map((row) => row.online))).toBe(report.onlineReturns.count);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('a day pushed in two batches adds up to the same buckets as in one (what the server’s running sums rely on)', () => {
    fc.assert(
      fc.property(dayArb(HANOI), fc.nat(), (sales, cut) => {
        const at = sales.length === 0 ? 0 : cut % (sales.length + 1);
        const whole = figuresOf(sales, HANOI);
        const [first, second] = [figuresOf(sales.slice(0, at), HANOI), figuresOf(sales.slice(at), HANOI)];
        const netByDay = (figures: DashboardFigures[]) => {
          const totals = new Map<string, number>();
          for (const f of figures) for (const row of f.hours) totals.set(`${row.day}|${row.hour}`, (totals.get(`${row.day}|${row.hour}`) ?? 0) + row.net);
          return Object.fromEntries([...totals].sort());
        };
        expect(netByDay([first, second])).toEqual(netByDay([whole]));
        expect(sum([...first.days, ...second.days].map((row) => row.net))).toBe(sum(whole.days.map((row) => row.net)));
      }),
      { numRuns: 80 },
    );
  });
});
