/*
 * How long the tablet takes to compute its Z report (issue 17: z_report_device_2k_ms, <= 300 ms): the domain
 * function (src/domain/day-report.ts) over a day of about 2,000 realistic sales on four tills (built by the
 * counter's buildSaleDocument, some cancelled; tests/support/day-factory.test-helper.ts) with their shifts,
 * each run over a fresh copy of the documents parsed from JSON, as a tablet reads them out of IndexedDB.
 * Measured in Node (the same V8 as the tablet's Chromium, without IndexedDB: reading the documents is not
 * in the figure). The baseline in the same run: summing the documents' totals alone, the least any report
 * could do over the same objects.
 *   z_report_device_2k_ms           median of the runs (the first, cold one in detail)
 *   z_report_sum_totals_baseline_ms median of the same runs' plain sum of totals
 */
import { dayReport } from '../../src/domain/day-report.ts';
import type { DayReportInput } from '../../src/domain/day-report.ts';
import type { SaleDocument, ShiftEventDocument } from '../../src/domain/documents.ts';
import { makeDay } from '../support/day-factory.test-helper.ts';
import { median, report } from './report.ts';

const RUNS = 9;
const SETTINGS = { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0 };

export async function benchZReport(): Promise<void> {
  const tills = ['device-t01', 'device-t02', 'device-t03', 'device-t04'].map((deviceId) => ({ deviceId }));
  const day = makeDay({ storeId: 'store-q1', date: '2025-11-24', settings: SETTINGS, tills, salesPerTill: 500, cashierId: 'staff-lan', managerId: 'staff-nam' });
  const text = JSON.stringify(day);
  const reportTimes: number[] = [];
  const sumTimes: number[] = [];
  let figures: ReturnType<typeof dayReport> | undefined;
  for (let run = 0; run < RUNS; run++) {
    const copy = JSON.parse(text) as { sales: SaleDocument[]; shiftEvents: ShiftEventDocument[] };
    const input: DayReportInput = { date: '2025-11-24', storeId: 'store-q1', settings: { ...SETTINGS, currency: 'VND' }, sales: copy.sales, shiftEvents: copy.shiftEvents, orders: [] };
    let started = performance.now();
    figures = dayReport(input);
    reportTimes.push(performance.now() - started);
    const again = JSON.parse(text) as { sales: SaleDocument[] };
    started = performance.now();
    let total = 0;
    for (const sale of again.sales) total += sale.totals.total;
    sumTimes.push(performance.now() - started);
    // The same day both ways: the report's net is the sum of the totals of the documents inside its window.
    const [from, to] = [Date.parse(figures.from), Date.parse(figures.to)];
    const outside = again.sales.filter((sale) => !(Date.parse(sale.createdAt) >= from && Date.parse(sale.createdAt) < to)).reduce((sum, sale) => sum + sale.totals.total, 0);
    if (total - outside !== figures.net) throw new Error(`the report's net ${figures.net} is not the day's sum of totals ${total - outside}`);
  }
  const detail = {
    runtime: `Node ${process.version} (V8), no IndexedDB`,
    documents: day.sales.length,
    sales: figures?.salesCount,
    cancellations: figures?.cancellationsCount,
    shifts: figures?.cash.shifts.length,
    runs: reportTimes.map((ms) => Number(ms.toFixed(1))),
    firstRunMs: Number((reportTimes[0] ?? 0).toFixed(1)),
    limitMs: 300,
  };
  report('z_report_device_2k_ms', median(reportTimes), 'ms', detail);
  report('z_report_sum_totals_baseline_ms', median(sumTimes), 'ms', { runs: sumTimes.map((ms) => Number(ms.toFixed(2))), ratio: Number((median(reportTimes) / Math.max(median(sumTimes), 0.001)).toFixed(0)) });
}
