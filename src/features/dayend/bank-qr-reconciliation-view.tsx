// The day end's "bank transfers to reconcile" (issue 15): the bank-QR tenders only the cashier confirmed.
import { useTranslation } from 'react-i18next';
import type { BankQrReconciliation } from '../../domain/bank-qr-reconciliation.ts';
import { formatMoney } from '../../domain/money-format.ts';

export function BankQrReconciliationView({ reconciliation, currency, timeZone }: { reconciliation: BankQrReconciliation; currency: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const money = (amount: number) => formatMoney(amount, currency, i18n.language);
  return (
    <section className="dayend-reconcile" data-testid="bank-to-reconcile" data-count={reconciliation.count} data-amount={reconciliation.amount}>
      <h3>{t('dayReport.bankToReconcile')}</h3>
      {reconciliation.count === 0 ? (
        <p data-testid="bank-to-reconcile-none">{t('dayReport.bankToReconcileNone')}</p>
      ) : (
        <>
          <p className="notice-detail">{t('dayReport.bankToReconcileHint')}</p>
          <table className="dayend-table">
            <thead>
              <tr>
                <th>{t('dayReport.bankToReconcileSale')}</th>
                <th>{t('dayReport.bankToReconcileTime')}</th>
                <th>{t('dayReport.bankToReconcileTill')}</th>
                <th>{t('dayReport.bankToReconcileReference')}</th>
                <th>{t('dayReport.bankToReconcileAmount')}</th>
              </tr>
            </thead>
            <tbody>
              {reconciliation.toReconcile.map((row, index) => (
                <tr key={`${row.saleId}-${index}`} data-testid="bank-to-reconcile-row" data-sale-number={row.saleNumber} data-amount={row.amount}>
                  <td>{row.saleNumber}</td>
                  <td>{new Date(row.createdAt).toLocaleTimeString(i18n.language, { timeZone, hour: '2-digit', minute: '2-digit' })}</td>
                  <td>{row.deviceId}</td>
                  <td>{row.reference}</td>
                  <td>{money(row.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="dayend-figures">
            <dt>{t('dayReport.bankToReconcileCount', { count: reconciliation.count })}</dt>
            <dd data-testid="bank-to-reconcile-total">{money(reconciliation.amount)}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
