/*
 * The counter's "sale complete" state: from the moment a sale is saved until the next item is rung up, the
 * counter offers its receipt on screen (the receipts screen's own preview, receipt-preview.tsx, in the selling
 * area's panel) and a reprint (a copy marked as such, as from the receipts screen). The sale is read back from
 * the device database by the id the counter kept (counter-store.ts lastSale), so it is the sale as stored.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/database-context.ts';
import type { SaleDocument, StoreConfigDocument } from '../../data/schemas/types.ts';
import { useCounterStore } from './counter-store.ts';
import { printSaleReceipt } from './print-sale-receipt.ts';
import { ReceiptPreview } from './receipt-preview.tsx';
import './receipts.css';

/** The last sale as stored, or null while it is read (or when it cannot be). */
function useStoredSale(id: string | undefined): { sale: SaleDocument | null; failed: boolean } {
  const database = useDatabase();
  const [read, setRead] = useState<{ id: string; sale: SaleDocument | null; failed: boolean } | null>(null);
  useEffect(() => {
    if (id === undefined) return undefined;
    let current = true;
    database.sales
      .findOne(id)
      .exec()
      .then((document) => current && setRead({ id, sale: document === null ? null : (document.toJSON() as SaleDocument), failed: document === null }))
      .catch((error: unknown) => {
        console.error('Reading the completed sale back for its receipt failed', { id, error });
        if (current) setRead({ id, sale: null, failed: true });
      });
    return () => {
      current = false;
    };
  }, [database, id]);
  return read === null || read.id !== id ? { sale: null, failed: false } : read;
}

/** Prints the sale's receipt again, marked as a copy; a problem is told on the counter. */
function useReprint(config: StoreConfigDocument): (sale: SaleDocument) => Promise<void> {
  const { t, i18n } = useTranslation();
  const database = useDatabase();
  return async (sale) => {
    const outcome = await printSaleReceipt(sale, { config, database, locale: i18n.language, reprint: true });
    const store = useCounterStore.getState();
    if (!outcome.ok) store.tell({ tone: 'error', key: 'done.reprintFailed', values: { number: sale.number, problem: t(`receipt.printer.${outcome.problem}`) } });
    else store.tell({ tone: 'success', key: 'done.reprinted', values: { number: sale.number } });
  };
}

/** "View receipt" and "Reprint" of the sale just completed, until the next item is rung up. */
export function CompletedSaleActions({ config }: { readonly config: StoreConfigDocument }) {
  const { t } = useTranslation();
  const lastSale = useCounterStore((state) => state.lastSale);
  const idle = useCounterStore((state) => state.cart.lines.length === 0 && state.panel === 'cart');
  const { sale } = useStoredSale(lastSale?.id);
  const reprint = useReprint(config);
  const [printing, setPrinting] = useState(false);
  if (lastSale === null || !idle) return null;
  return (
    <div className="completed-sale" role="group" aria-label={t('sale.done.label', { number: lastSale.number })} data-testid="completed-sale" data-number={lastSale.number}>
      <span>{t('sale.done.label', { number: lastSale.number })}</span>
      <button type="button" onClick={() => useCounterStore.getState().openPanel('receipt')} data-testid="completed-sale-view">
        {t('sale.done.view')}
      </button>
      <button
        type="button"
        disabled={sale === null || printing}
        onClick={() => {
          if (sale === null) return;
          setPrinting(true);
          void reprint(sale).finally(() => setPrinting(false));
        }}
        data-testid="completed-sale-reprint"
      >
        {t('sale.done.reprint')}
      </button>
    </div>
  );
}

/** The selling area's panel showing the last sale's receipt, as the receipts screen shows one. */
export function CompletedSaleReceipt({ config }: { readonly config: StoreConfigDocument }) {
  const { t } = useTranslation();
  const lastSale = useCounterStore((state) => state.lastSale);
  const { sale, failed } = useStoredSale(lastSale?.id);
  const reprint = useReprint(config);
  const close = () => useCounterStore.getState().openPanel('cart');
  if (failed || lastSale === null) {
    return (
      <div className="panel" data-testid="completed-sale-missing">
        <p className="error" role="alert">{t('sale.done.missing')}</p>
        <button type="button" onClick={close}>{t('sale.receipts.previewClose')}</button>
      </div>
    );
  }
  if (sale === null) return <p role="status">{t('sale.receipts.previewLoading')}</p>;
  return <ReceiptPreview sale={sale} config={config} onClose={close} onPrint={() => void reprint(sale)} />;
}
