import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/database-context.ts';
import type { SaleDocument } from '../../data/schemas/types.ts';
import { useStoreConfig } from '../../data/use-store-config.ts';
import { formatMoney } from '../../domain/money-format.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { useStaffSessionStore } from '../../ui/staff-session-store.ts';
import { printSaleReceipt } from './print-sale-receipt.ts';

/** Midnight today on this device's clock, as the ISO time sales are stamped with. */
function startOfToday(now = new Date()): string {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();
}

/** Today's sales rung up on this till, newest first (live), each with a reprint. */
export function ReceiptsScreen() {
  const { t, i18n } = useTranslation();
  const database = useDatabase();
  const config = useStoreConfig();
  const deviceId = useSyncStatusStore((state) => state.enrolment?.deviceId);
  const [sales, setSales] = useState<SaleDocument[]>();
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (deviceId === undefined) return undefined;
    const subscription = database.sales
      .find({ selector: { createdAt: { $gte: startOfToday() }, deviceId }, sort: [{ createdAt: 'desc' }] })
      .$.subscribe({
        next: (documents) => setSales(documents.map((document) => document.toJSON() as SaleDocument)),
        error: (error: unknown) => console.error('Reading today’s sales failed', error),
      });
    return () => subscription.unsubscribe();
  }, [database, deviceId]);

  const reprint = async (sale: SaleDocument) => {
    if (!config) return;
    const staffName = useStaffSessionStore.getState().staff?.name;
    const outcome = await printSaleReceipt(sale, { config, locale: i18n.language, reprint: true, ...(staffName ? { staffName } : {}) });
    setProblem(outcome.ok ? null : outcome.problem);
  };

  return (
    <section className="screen receipts" data-testid="receipts-screen">
      <h1>{t('sale.receipts.title')}</h1>
      {problem !== null && <p role="alert" className="notice error">{t(`receipt.printer.${problem}`)}</p>}
      {deviceId === undefined && <p className="notice">{t('sale.syncNotSetUp')}</p>}
      {sales?.length === 0 && <p data-testid="receipts-empty">{t('sale.receipts.none')}</p>}
      <ul className="receipt-list" data-testid="receipt-list" data-count={sales?.length ?? ''}>
        {sales?.map((sale) => (
          <li key={sale.id} data-testid="receipt-row" data-number={sale.number} data-total={sale.totals.total}>
            <span>{new Date(sale.createdAt).toLocaleTimeString(i18n.language)}</span>
            <strong>{sale.number}</strong>
            <span>{t('sale.park.lines', { count: sale.lines.length })}</span>
            <span>{formatMoney(sale.totals.total, sale.currency, i18n.language)}</span>
            <button type="button" onClick={() => void reprint(sale)} disabled={!config} data-testid="receipt-reprint">
              {t('sale.receipts.reprint')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
