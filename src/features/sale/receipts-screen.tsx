import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/database-context.ts';
import type { SaleDocument, StoreConfigDocument } from '../../data/schemas/types.ts';
import { useStoreConfig } from '../../data/use-store-config.ts';
import { cancelledSaleIds } from '../../domain/sale-reversal.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { useStaffSessionStore } from '../../ui/staff-session-store.ts';
import { printSaleReceipt } from './print-sale-receipt.ts';
import { ReceiptRow } from './receipt-row.tsx';
import { saleSettingsOf } from './sale-settings.ts';
import { SaleSettingsContext } from './sale-settings-context.ts';
import { useCancelSale } from './use-cancel-sale.ts';
import './receipts.css';

/** Midnight today on this device's clock, as the ISO time sales are stamped with. */
function startOfToday(now = new Date()): string {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();
}

type Message = { readonly tone: 'error' | 'success'; readonly text: string };

/** Today's sales rung up on this till, newest first (live), each with a reprint and a manager's cancel. */
export function ReceiptsScreen() {
  const { t } = useTranslation();
  const config = useStoreConfig();
  const deviceId = useSyncStatusStore((state) => state.enrolment?.deviceId);
  const settings = useMemo(() => (config ? saleSettingsOf(config) : null), [config]);
  return (
    <section className="screen receipts" data-testid="receipts-screen">
      <h1>{t('sale.receipts.title')}</h1>
      {deviceId === undefined && <p className="notice">{t('sale.syncNotSetUp')}</p>}
      {config === null && <p className="notice" data-testid="no-store-config">{t('sale.config.missing')}</p>}
      {deviceId !== undefined && config && settings && (
        <SaleSettingsContext value={settings}>
          <TodaysReceipts deviceId={deviceId} config={config} />
        </SaleSettingsContext>
      )}
    </section>
  );
}

function TodaysReceipts({ deviceId, config }: { readonly deviceId: string; readonly config: StoreConfigDocument }) {
  const { t, i18n } = useTranslation();
  const database = useDatabase();
  const [sales, setSales] = useState<SaleDocument[]>();
  const [message, setMessage] = useState<Message | null>(null);
  const { cancel, busyId } = useCancelSale(config);
  const cancelled = useMemo(() => cancelledSaleIds(sales ?? []), [sales]);

  useEffect(() => {
    const subscription = database.sales
      .find({ selector: { createdAt: { $gte: startOfToday() }, deviceId }, sort: [{ createdAt: 'desc' }] })
      .$.subscribe({
        next: (documents) => setSales(documents.map((document) => document.toJSON() as SaleDocument)),
        error: (error: unknown) => console.error('Reading today’s sales failed', error),
      });
    return () => subscription.unsubscribe();
  }, [database, deviceId]);

  const reprint = async (sale: SaleDocument) => {
    const staffName = useStaffSessionStore.getState().staff?.name;
    const outcome = await printSaleReceipt(sale, { config, locale: i18n.language, reprint: true, ...(staffName ? { staffName } : {}) });
    setMessage(outcome.ok ? null : { tone: 'error', text: t(`receipt.printer.${outcome.problem}`) });
  };

  const cancelSale = async (sale: SaleDocument) => {
    setMessage(null);
    const outcome = await cancel(sale, cancelled);
    if (!outcome.ok) return setMessage({ tone: 'error', text: t(`sale.receipts.cancelRefused.${outcome.problem}`, { number: sale.number }) });
    const done = t('sale.receipts.cancelDone', { number: sale.number, reversal: outcome.number });
    if (outcome.printProblem !== undefined) return setMessage({ tone: 'error', text: `${done} ${t(`receipt.printer.${outcome.printProblem}`)}` });
    setMessage({ tone: 'success', text: outcome.printWarning === undefined ? done : `${done} ${t(`receipt.printer.${outcome.printWarning}`)}` });
  };

  return (
    <>
      {message !== null && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`notice ${message.tone}`} data-testid="receipts-message">
          {message.text}
        </p>
      )}
      {sales?.length === 0 && <p data-testid="receipts-empty">{t('sale.receipts.none')}</p>}
      <ul className="receipt-list" data-testid="receipt-list" data-count={sales?.length ?? ''}>
        {sales?.map((sale) => (
          <ReceiptRow
            key={sale.id}
            sale={sale}
            cancelled={cancelled.has(sale.id)}
            busy={busyId !== null}
            onReprint={() => void reprint(sale)}
            onCancel={() => void cancelSale(sale)}
          />
        ))}
      </ul>
    </>
  );
}
