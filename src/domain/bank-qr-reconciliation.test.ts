import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankQrReconciliation } from './bank-qr-reconciliation.ts';
import type { ReconciliationPayment, ReconciliationSale } from './bank-qr-reconciliation.ts';
import { dayReport } from './day-report.ts';
import type { DayReportScope } from './day-report.ts';
import { dayArb, REPORT_DATE, REPORT_STORE, settingsArb, TILLS } from './day-report.test-helper.ts';

const scope: DayReportScope = { storeId: 'store-q1', currency: 'VND', from: '2026-12-06T17:00:00.000Z', to: '2026-12-07T17:00:00.000Z' };

function sale(number: string, createdAt: string, tenders: ReconciliationSale['tenders'], deviceId = 'device-t01'): ReconciliationSale {
  return { id: `id-${number}`, number, storeId: 'store-q1', deviceId, createdAt, currency: 'VND', tenders };
}

function payment(reference: string, amount: number, status: ReconciliationPayment['status'] = 'confirmed'): ReconciliationPayment {
  return { id: `p-${reference}-${amount}`, storeId: 'store-q1', reference, amount, currency: 'VND', status };
}

describe('bankQrReconciliation', () => {
  const byHand = sale('Q1-0001', '2026-12-07T02:00:00.000Z', [{ method: 'bank_qr', amount: 150_000, reference: 'QR Q1-0001' }]);
  const byBank = sale('Q1-0002', '2026-12-07T03:00:00.000Z', [{ method: 'bank_qr', amount: 90_000, reference: 'BANK sepay 777' }]);
  const cash = sale('Q1-0003', '2026-12-07T04:00:00.000Z', [{ method: 'cash', amount: 50_000 }]);

  it('lists the hand-confirmed tender and not the one the bank confirmed', () => {
    const result = bankQrReconciliation(scope, [byBank, cash, byHand], []);
    expect(result.toReconcile).toEqual([{ saleId: 'id-Q1-0001', saleNumber: 'Q1-0001', createdAt: byHand.createdAt, deviceId: 'device-t01', amount: 150_000, reference: 'QR Q1-0001' }]);
    expect(result.count).toBe(1);
    expect(result.amount).toBe(150_000);
    expect(result.reconciled).toEqual({ count: 1, amount: 90_000 });
  });

  it('a bank notice arriving later for the sale number and amount reconciles it; a waiting, cancelled or other-amount one does not', () => {
    expect(bankQrReconciliation(scope, [byHand], [payment('Q1-0001', 150_000, 'waiting'), payment('Q1-0001', 150_001), payment('Q1-0001', 150_000, 'cancelled')]).count).toBe(1);
    const result = bankQrReconciliation(scope, [byHand], [payment('Q1-0001', 150_000)]);
    expect(result.count).toBe(0);
    expect(result.reconciled).toEqual({ count: 1, amount: 150_000 });
  });

  it('one notice reconciles one tender only', () => {
    const twice = sale('Q1-0004', '2026-12-07T05:00:00.000Z', [
      { method: 'bank_qr', amount: 10_000, reference: 'QR Q1-0004' },
      { method: 'bank_qr', amount: 10_000, reference: 'QR Q1-0004' },
    ]);
    expect(bankQrReconciliation(scope, [twice], [payment('Q1-0004', 10_000)]).count).toBe(1);
  });

  it('the notice of a tender the bank confirmed does not reconcile a hand-confirmed one beside it', () => {
    const both = sale('Q1-0009', '2026-12-07T05:00:00.000Z', [
      { method: 'bank_qr', amount: 20_000, reference: 'QR Q1-0009' },
      { method: 'bank_qr', amount: 20_000, reference: 'BANK payos 42' },
    ]);
    const result = bankQrReconciliation(scope, [both], [payment('Q1-0009', 20_000)]);
    expect(result.toReconcile.map((row) => row.reference)).toEqual(['QR Q1-0009']);
    expect(result.reconciled).toEqual({ count: 1, amount: 20_000 });
  });

  it('follows the report: the window, asOf, the till, the store and the currency', () => {
    const before = sale('Q1-0005', '2026-12-06T16:59:59.999Z', [{ method: 'bank_qr', amount: 1 }]);
    const otherTill = sale('Q1-0006', '2026-12-07T02:00:00.000Z', [{ method: 'bank_qr', amount: 2 }], 'device-t02');
    const late = sale('Q1-0007', '2026-12-07T10:00:00.000Z', [{ method: 'bank_qr', amount: 4 }]);
    const usd = { ...sale('Q1-0008', '2026-12-07T02:00:00.000Z', [{ method: 'bank_qr', amount: 8 }]), currency: 'USD' };
    const all = [before, otherTill, late, usd];
    expect(bankQrReconciliation(scope, all, []).amount).toBe(6);
    expect(bankQrReconciliation({ ...scope, asOf: '2026-12-07T09:00:00.000Z' }, all, []).amount).toBe(2);
    expect(bankQrReconciliation({ ...scope, deviceId: 'device-t01' }, all, []).amount).toBe(4);
    expect(bankQrReconciliation({ ...scope, storeId: 'store-q2' }, all, []).count).toBe(0);
  });
});

describe('for any generated day', () => {
  it('reconciled + to reconcile = the day report’s bank_qr tender amount, for the store and each till', () => {
    const dayWithReferences = settingsArb.chain((settings) =>
      fc.tuple(
        fc.constant(settings),
        dayArb(settings).chain((sales) =>
          fc.tuple(
            fc.constant(sales),
            fc.array(fc.constantFrom<'bank' | 'hand' | 'none'>('bank', 'hand', 'none'), { minLength: sales.length, maxLength: sales.length }),
            fc.subarray(sales.flatMap((each) => each.tenders.filter((tender) => tender.method === 'bank_qr').map((tender) => ({ reference: each.number, amount: tender.amount })))),
          ),
        ),
      ),
    );
    fc.assert(
      fc.property(dayWithReferences, ([settings, [generated, how, noticed]]) => {
        const sales = generated.map((each, index) => ({
          ...each,
          tenders: each.tenders.map((tender) => (tender.method !== 'bank_qr' || how[index] === 'none' ? tender : { ...tender, reference: how[index] === 'bank' ? 'BANK payos 1' : `QR ${each.number}` })),
        }));
        const payments = noticed.map((notice, index) => ({ id: `p-${index}`, storeId: REPORT_STORE, currency: 'VND', status: 'confirmed' as const, ...notice }));
        for (const deviceId of [undefined, ...TILLS]) {
          const report = dayReport({ date: REPORT_DATE, storeId: REPORT_STORE, settings: { ...settings, currency: 'VND' }, sales, shiftEvents: [], orders: [], ...(deviceId === undefined ? {} : { deviceId }) });
          const result = bankQrReconciliation(report, sales, payments);
          const bankQr = report.tenders.find((row) => row.method === 'bank_qr');
          expect(result.amount + result.reconciled.amount).toBe(bankQr?.amount ?? 0);
          expect(result.count + result.reconciled.count).toBe(bankQr?.count ?? 0);
          expect(result.amount).toBe(result.toReconcile.reduce((total, row) => total + row.amount, 0));
          expect(result.toReconcile.every((row) => Number.isSafeInteger(row.amount))).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
