/*
 * The day's bank transfers to reconcile (issue 15), live: the report's sales (its store, window, asOf and
 * till) against the synced `payments` collection, through bankQrReconciliation (src/domain). A bank notice
 * the server matches after the cashier confirmed by hand arrives as a confirmed payment and takes the
 * transfer off the list at once.
 */
import { useEffect, useState } from 'react';
import type { PosDatabase } from '../../data/database.ts';
import type { PaymentDocument, SaleDocument } from '../../data/schemas/types.ts';
import { bankQrReconciliation } from '../../domain/bank-qr-reconciliation.ts';
import type { BankQrReconciliation } from '../../domain/bank-qr-reconciliation.ts';
import type { DayReport } from '../../domain/day-report.ts';

const MARGIN_MS = 86_400_000;

export function useBankQrReconciliation(database: PosDatabase, report: DayReport | null): BankQrReconciliation | null {
  const [result, setResult] = useState<{ readonly report: DayReport; readonly value: BankQrReconciliation } | null>(null);
  useEffect(() => {
    if (report === null) return undefined;
    let sales: SaleDocument[] | undefined;
    let payments: PaymentDocument[] | undefined;
    const update = () => {
      if (sales !== undefined && payments !== undefined) setResult({ report, value: bankQrReconciliation(report, sales, payments) });
    };
    // A day more on each side: a time written with another offset sorts differently as text.
    const range = { $gte: new Date(Date.parse(report.from) - MARGIN_MS).toISOString(), $lt: new Date(Date.parse(report.to) + MARGIN_MS).toISOString() };
    const salesSubscription = database.sales.find({ selector: { createdAt: range } }).$.subscribe((documents) => {
      sales = documents.map((document) => document.toJSON() as SaleDocument);
      update();
    });
    const paymentsSubscription = database.payments.find({ selector: { status: 'confirmed' } }).$.subscribe((documents) => {
      payments = documents.map((document) => document.toJSON() as PaymentDocument);
      update();
    });
    return () => {
      salesSubscription.unsubscribe();
      paymentsSubscription.unsubscribe();
    };
  }, [database, report]);
  return result !== null && result.report === report ? result.value : null;
}
