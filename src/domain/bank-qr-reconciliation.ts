/*
 * Bank transfers to reconcile at day end (issue 15): a bank-QR tender is reconciled when the bank itself
 * said the money arrived, and "to reconcile" (against the bank statement) when only the cashier confirmed
 * it, by the customer's phone screen (offline, or no bank notice matched in time).
 *
 * How a tender shows the bank's word: the pay panel takes a tender the bank's notice confirmed with the
 * reference "BANK <provider> <transaction id>" (features/sale/tenders/bank-qr.tsx), one the cashier
 * confirmed with "QR <sale number>". A notice can also arrive after the cashier confirmed: the server's
 * match reaches the tablet as a confirmed `payments` document naming the sale's number (its transfer note)
 * and the amount, which then reconciles one hand-confirmed tender of that sale and amount (each payment
 * once). Everything else paid by bank_qr (a refund by transfer too) is to reconcile.
 *
 * Which sales count: those the day report counts (saleCountsIn, day-report.ts: its store, currency and window
 * [from, to), up to asOf, one till's when the report is a till's), so that reconciled + to reconcile = the
 * report's bank_qr tender amount. The tablet gives the sales and payments it holds, the server
 * (GET /api/v1/reports/day) those of every till of the store. Amounts are integer minor units.
 */
import { saleCountsIn } from './day-report.ts';
import type { DayReportScope } from './day-report.ts';
import { ReportOverflowError } from './day-report-figures.ts';
import type { PaymentDocument, SaleDocument } from './documents.ts';

export type ReconciliationSale = Pick<SaleDocument, 'id' | 'number' | 'storeId' | 'deviceId' | 'createdAt' | 'currency' | 'tenders'>;
/** What is read of a `payments` document (the tablet's synced collection): a bank-QR wait and the bank's word on it. */
export type ReconciliationPayment = Pick<PaymentDocument, 'id' | 'storeId' | 'reference' | 'amount' | 'currency' | 'status'>;

export interface BankQrToReconcile {
  readonly saleId: string;
  readonly saleNumber: string;
  readonly createdAt: string;
  readonly deviceId: string;
  readonly amount: number;
  /** The tender's reference as taken ("QR <number>"), or '' when it has none. */
  readonly reference: string;
}

export interface BankQrReconciliation {
  /** The hand-confirmed bank-QR tenders, in time order. */
  readonly toReconcile: readonly BankQrToReconcile[];
  readonly count: number;
  readonly amount: number;
  /** The tenders the bank confirmed: count and amount. */
  readonly reconciled: { readonly count: number; readonly amount: number };
}

const BANK_REFERENCE = /^BANK\s/;

function addMoney(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new ReportOverflowError('bank transfer amounts');
  return sum;
}

/** The day's bank-QR tenders the bank did not confirm (see the file header). */
export function bankQrReconciliation(scope: DayReportScope, sales: readonly ReconciliationSale[], payments: readonly ReconciliationPayment[]): BankQrReconciliation {
  // Confirmed notices not yet used, by "<sale number>\u0000<amount>".
  const notices = new Map<string, number>();
  for (const payment of payments) {
    if (payment.status !== 'confirmed' || payment.storeId !== scope.storeId || payment.currency !== scope.currency) continue;
    const key = `${payment.reference.trim()}\u0000${payment.amount}`;
    notices.set(key, (notices.get(key) ?? 0) + 1);
  }
  const inDay = sales
    .filter(saleCountsIn(scope))
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
  const toReconcile: BankQrToReconcile[] = [];
  let amount = 0;
  const reconciled = { count: 0, amount: 0 };
  for (const sale of inDay) {
    // A tender the bank confirmed used its own notice: that one reconciles no hand-confirmed tender.
    for (const tender of sale.tenders) {
      if (tender.method !== 'bank_qr' || typeof tender.reference !== 'string' || !BANK_REFERENCE.test(tender.reference)) continue;
      const key = `${sale.number}\u0000${tender.amount}`;
      const notice = notices.get(key) ?? 0;
      if (notice > 0) notices.set(key, notice - 1);
    }
    for (const tender of sale.tenders) {
      if (tender.method !== 'bank_qr') continue;
      const reference = typeof tender.reference === 'string' ? tender.reference : '';
      const key = `${sale.number}\u0000${tender.amount}`;
      const notice = notices.get(key) ?? 0;
      if (BANK_REFERENCE.test(reference) || notice > 0) {
        if (!BANK_REFERENCE.test(reference)) notices.set(key, notice - 1);
        reconciled.count += 1;
        reconciled.amount = addMoney(reconciled.amount, tender.amount);
        continue;
      }
      toReconcile.push({ saleId: sale.id, saleNumber: sale.number, createdAt: sale.createdAt, deviceId: sale.deviceId, amount: tender.amount, reference });
      amount = addMoney(amount, tender.amount);
    }
  }
  return { toReconcile, count: toReconcile.length, amount, reconciled };
}
