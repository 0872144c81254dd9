import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayReport } from './day-report.ts';
import { DAY_REPORT_CSV_HEADER, dayReportCsv } from './day-report-csv.ts';
import { dayArb, REPORT_DATE, REPORT_STORE } from './day-report.test-helper.ts';

const HANOI = { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0, currency: 'VND' };

function rowsOf(csv: string): Record<string, string>[] {
  return parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

function amountOf(rows: readonly Record<string, string>[], figure: string, deviceId = '', detail = ''): number | undefined {
  const found = rows.find((row) => row['figure'] === figure && row['device_id'] === deviceId && row['detail'] === detail);
  return found === undefined ? undefined : Number(found['amount'] || found['count']);
}

describe('the day report as CSV', () => {
  it('reads back to the same figures, the store’s and each till’s, for any generated day', () => {
    fc.assert(
      fc.property(dayArb(HANOI, { maxSales: 12 }), (sales) => {
        const report = dayReport({ date: REPORT_DATE, storeId: REPORT_STORE, settings: HANOI, sales, shiftEvents: [], orders: [] });
        const csv = dayReportCsv(report);
        expect(csv.startsWith(`${DAY_REPORT_CSV_HEADER.join(',')}\r\n`)).toBe(true);
        const rows = rowsOf(csv);
        const figures = { gross: report.gross, discounts: report.discounts, tax_added: report.taxAdded, returns: report.returns, cancellations: report.cancellations, net: report.net, cash_rounding: report.cashRounding };
        for (const [figure, amount] of Object.entries(figures)) expect(amountOf(rows, figure), figure).toBe(amount);
        for (const tender of report.tenders) {
          const found = rows.find((row) => row['figure'] === 'tender' && row['device_id'] === '' && row['detail'] === tender.method);
          expect([Number(found?.['count']), Number(found?.['amount'])]).toEqual([tender.count, tender.amount]);
        }
        for (const till of report.tills ?? []) expect(amountOf(rows, 'net', till.deviceId)).toBe(till.net);
        expect(rows.every((row) => row['date'] === REPORT_DATE && row['store_id'] === REPORT_STORE)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a spreadsheet from running a till id as a formula, and quotes commas', () => {
    const report = dayReport({ date: REPORT_DATE, storeId: 'Quận 1, Sài Gòn', settings: HANOI, sales: [], shiftEvents: [], orders: [], deviceId: '=HYPERLINK("x")' });
    const rows = rowsOf(dayReportCsv(report));
    expect(rows[0]).toMatchObject({ store_id: 'Quận 1, Sài Gòn', device_id: `'=HYPERLINK("x")`, figure: 'report', detail: 'Z' });
    expect(amountOf(rows, 'net', `'=HYPERLINK("x")`)).toBe(0);
  });
});

describe('the bank transfers to reconcile in the CSV (issue 15)', () => {
  it('has their count and sum when the day end gave them, and no row otherwise', () => {
    const report = dayReport({ date: REPORT_DATE, storeId: REPORT_STORE, settings: HANOI, sales: [], shiftEvents: [], orders: [] });
    expect(rowsOf(dayReportCsv(report)).some((row) => row['figure'] === 'bank_transfers_to_reconcile')).toBe(false);
    const rows = rowsOf(dayReportCsv({ ...report, bankTransfersToReconcile: { count: 2, amount: 235_000 } }));
    expect(rows.find((row) => row['figure'] === 'bank_transfers_to_reconcile')).toMatchObject({ count: '2', amount: '235000', unit: 'VND' });
  });
});

describe('card by terminal in the CSV (issue 17)', () => {
  it('has one row per terminal, the store’s and the till’s, by id (empty for card tenders naming none), adding up to the card tender row', () => {
    const report = dayReport({ date: REPORT_DATE, storeId: REPORT_STORE, settings: HANOI, sales: [], shiftEvents: [], orders: [] });
    const withTerminals = {
      ...report,
      tenders: [{ method: 'card' as const, amount: 137_000, count: 3 }],
      cardTerminals: [
        { terminal: 'vcb-1', name: 'Vietcombank quầy 1', amount: 87_000, count: 2 },
        { terminal: '', amount: 50_000, count: 1 },
      ],
    };
    const rows = rowsOf(dayReportCsv(withTerminals));
    expect(rows.filter((row) => row['figure'] === 'card_terminal')).toEqual([
      { date: REPORT_DATE, store_id: REPORT_STORE, device_id: '', figure: 'card_terminal', detail: 'vcb-1', count: '2', amount: '87000', unit: 'VND' },
      { date: REPORT_DATE, store_id: REPORT_STORE, device_id: '', figure: 'card_terminal', detail: '', count: '1', amount: '50000', unit: 'VND' },
    ]);
    expect(amountOf(rows, 'tender', '', 'card')).toBe(137_000);
    expect(rowsOf(dayReportCsv(report)).some((row) => row['figure'] === 'card_terminal')).toBe(false);
  });
});
