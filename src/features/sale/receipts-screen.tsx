import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/database-context.ts';
import type { SaleDocument, StoreConfigDocument } from '../../data/schemas/types.ts';
import { useStoreConfig } from '../../data/use-store-config.ts';
import { businessDateOf, businessDaySettingsOf, businessDayWindow, DEFAULT_STORE_TIME_ZONE, type BusinessDaySettings } from '../../domain/business-day.ts';
import { cancelledSaleIds } from '../../domain/sale-reversal.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { printSaleReceipt } from './print-sale-receipt.ts';
import { ReceiptPreview } from './receipt-preview.tsx';
import { ReceiptRow } from './receipt-row.tsx';
import { saleSettingsOf } from '../../data/sale-settings.ts';
import { SaleSettingsContext } from '../../data/sale-settings-context.ts';
import { useCancelSale } from './use-cancel-sale.ts';
import './receipts.css';

/** The store's business day (its zone and cut-off from the config; Vietnam's midnight when unreadable). */
function businessDayOf(config: StoreConfigDocument): BusinessDaySettings {
  const settings = businessDaySettingsOf(config.store);
  if (settings.ok) return settings.value;
  console.error('The store config has no readable business day; the receipts list uses Vietnam\'s calendar day', settings.detail);
  return { timeZone: DEFAULT_STORE_TIME_ZONE, cutoffMinutes: 0 };
}

/** The instants of a business day (YYYY-MM-DD, as the date input writes it) as the ISO times sales are stamped with. */
function dayBounds(day: string, settings: BusinessDaySettings): { from: string; to: string } {
  const window = businessDayWindow(day, settings);
  return { from: new Date(window.start).toISOString(), to: new Date(window.end).toISOString() };
}

type Message = { readonly tone: 'error' | 'success'; readonly text: string };

/**
 * The sales rung up on this till on a chosen business day of the store (today unless changed), newest first
 * (live), or one found by its receipt number, each with a reprint and a manager's cancel; times on the
 * store's clock.
 */
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
          <ReceiptsOfDay deviceId={deviceId} config={config} />
        </SaleSettingsContext>
      )}
    </section>
  );
}

function ReceiptsOfDay({ deviceId, config }: { readonly deviceId: string; readonly config: StoreConfigDocument }) {
  const { t, i18n } = useTranslation();
  const database = useDatabase();
  // Days on the store's clock: a tablet left on UTC lists the shop's today, not UTC's.
  const businessDay = useMemo(() => businessDayOf(config), [config]);
  const today = businessDateOf(new Date().getTime(), businessDay);
  const [day, setDay] = useState(today);
  const [typedNumber, setTypedNumber] = useState('');
  const [number, setNumber] = useState<string | null>(null);
  const [sales, setSales] = useState<SaleDocument[]>();
  const [message, setMessage] = useState<Message | null>(null);
  const [previewed, setPreviewed] = useState<SaleDocument | null>(null);
  const { cancel, busyId } = useCancelSale(config);
  const cancelled = useMemo(() => cancelledSaleIds(sales ?? []), [sales]);

  useEffect(() => {
    // A receipt number names one sale of any till of the store; otherwise this till's sales of the day.
    const bounds = dayBounds(day, businessDay);
    const query =
      number !== null
        ? database.sales.find({ selector: { number } })
        : database.sales.find({ selector: { createdAt: { $gte: bounds.from, $lt: bounds.to }, deviceId }, sort: [{ createdAt: 'desc' }] });
    const subscription = query.$.subscribe({
      next: (documents) => setSales(documents.map((document) => document.toJSON() as SaleDocument)),
      error: (error: unknown) => console.error('Reading the sales of a day failed', { day, number, error }),
    });
    return () => subscription.unsubscribe();
  }, [database, deviceId, day, number, businessDay]);

  const reprint = async (sale: SaleDocument) => {
    // The sale's own cashier and customer, as on the first print (print-sale-receipt.ts).
    const outcome = await printSaleReceipt(sale, { config, database, locale: i18n.language, reprint: true });
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
      <form
        className="receipt-find"
        onSubmit={(event) => {
          event.preventDefault();
          setNumber(typedNumber.trim() === '' ? null : typedNumber.trim());
        }}
      >
        <label>
          {t('sale.receipts.day')}
          <input
            type="date"
            value={day}
            max={today}
            onChange={(event) => {
              if (event.target.value === '') return;
              setDay(event.target.value);
              setNumber(null);
              setTypedNumber('');
            }}
            data-testid="receipts-day"
          />
        </label>
        <label>
          {t('sale.receipts.findNumber')}
          <input value={typedNumber} onChange={(event) => setTypedNumber(event.target.value)} autoComplete="off" data-testid="receipts-number" />
        </label>
        <button type="submit" data-testid="receipts-find">{t('sale.receipts.find')}</button>
      </form>
      {message !== null && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`notice ${message.tone}`} data-testid="receipts-message">
          {message.text}
        </p>
      )}
      {sales?.length === 0 && <p data-testid="receipts-empty">{number === null ? t('sale.receipts.none') : t('sale.receipts.notFound', { number })}</p>}
      <ul className="receipt-list" data-testid="receipt-list" data-count={sales?.length ?? ''}>
        {sales?.map((sale) => (
          <ReceiptRow
            key={sale.id}
            sale={sale}
            cancelled={cancelled.has(sale.id)}
            busy={busyId !== null}
            onReprint={() => void reprint(sale)}
            onPreview={() => setPreviewed(sale)}
            onCancel={() => void cancelSale(sale)}
          />
        ))}
      </ul>
      {previewed !== null && <ReceiptPreview sale={previewed} config={config} reprint onClose={() => setPreviewed(null)} onPrint={() => void reprint(previewed)} />}
    </>
  );
}
