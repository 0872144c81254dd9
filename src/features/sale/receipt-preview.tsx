/*
 * The receipt on screen, exactly as it prints: the same receipt model (print-sale-receipt.ts) drawn by the
 * HTML rendering of the printer code (html-receipt.ts, which escapes every text). Shown from the receipts
 * list before a reprint, and after a sale whether or not a printer printed it. After a sale it shows the
 * customer's points balance and each gift card's balance as the paper does (read the same way, from the
 * catalog's confirmed balances and this till's sales since); a reprint leaves them out, as the paper does.
 */
import { useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogContext } from '../../catalog/catalog-context.ts';
import { useDatabase } from '../../data/database-context.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import type { SaleDocument, StoreConfigDocument } from '../../data/schemas/types.ts';
import { saleReceipt } from './print-sale-receipt.ts';
import './receipts.css';

interface ReceiptPreviewProps {
  readonly sale: SaleDocument;
  readonly config: StoreConfigDocument;
  readonly reprint?: boolean;
  readonly onClose: () => void;
  readonly onPrint?: () => void;
}

export function ReceiptPreview({ sale, config, reprint = false, onClose, onPrint }: ReceiptPreviewProps) {
  const { t, i18n } = useTranslation();
  const database = useDatabase();
  const catalog = useContext(CatalogContext);
  const enrolment = useSyncStatusStore((state) => state.enrolment);
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    const balanceFrom = catalog === null || enrolment === undefined ? undefined : { catalog, storeId: enrolment.storeId, deviceId: enrolment.deviceId };
    Promise.all([saleReceipt(sale, { config, database, locale: i18n.language, reprint, ...(balanceFrom === undefined ? {} : { balanceFrom }) }), import('../../devices/printer/html-receipt.ts')])
      .then(([receipt, { renderReceiptBody }]) => current && setHtml(renderReceiptBody(receipt)))
      .catch((error: unknown) => {
        console.error('Building the receipt preview failed', { number: sale.number, error });
        if (current) setFailed(true);
      });
    return () => {
      current = false;
    };
  }, [sale, config, database, catalog, enrolment, i18n.language, reprint]);
  return (
    <section className="panel receipt-preview" data-testid="receipt-preview" aria-label={t('sale.receipts.previewTitle', { number: sale.number })}>
      <h2>{t('sale.receipts.previewTitle', { number: sale.number })}</h2>
      {failed && <p className="error" role="alert">{t('sale.receipts.previewFailed')}</p>}
      {html === null && !failed && <p role="status">{t('sale.receipts.previewLoading')}</p>}
      {/* Built by html-receipt.ts, which escapes every text of the sale and the store. */}
      {html !== null && <div className="receipt-paper" data-testid="receipt-preview-paper" dangerouslySetInnerHTML={{ __html: html }} />}
      <div className="receipt-preview-actions">
        {onPrint && (
          <button type="button" className="primary" onClick={onPrint} data-testid="receipt-preview-print">
            {t('sale.receipts.reprint')}
          </button>
        )}
        <button type="button" onClick={onClose} data-testid="receipt-preview-close">
          {t('sale.receipts.previewClose')}
        </button>
      </div>
    </section>
  );
}
