import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleDocument } from '../../data/schemas/types.ts';
import { useStoreTime } from '../../data/use-store-time.ts';
import { formatMoney } from '../../domain/money-format.ts';

interface ReceiptRowProps {
  readonly sale: SaleDocument;
  readonly cancelled: boolean;
  readonly busy: boolean;
  readonly onReprint: () => void;
  readonly onPreview: () => void;
  readonly onCancel: () => void;
}

/**
 * One of today's receipts: time, number, lines, amount, a reprint, and for a sale not yet cancelled the
 * "cancel sale" action behind a confirmation (the reversal cannot be taken back). A cancellation is listed
 * as its own receipt, naming the sale it cancels.
 */
export function ReceiptRow({ sale, cancelled, busy, onReprint, onPreview, onCancel }: ReceiptRowProps) {
  const { t, i18n } = useTranslation();
  const storeTime = useStoreTime();
  const [confirming, setConfirming] = useState(false);
  const reversal = sale.kind === 'return';
  const originalNumber = typeof sale['originalNumber'] === 'string' ? sale['originalNumber'] : undefined;
  return (
    <li data-testid="receipt-row" data-number={sale.number} data-total={sale.totals.total} data-kind={sale.kind} data-cancelled={cancelled ? 'true' : 'false'} className={cancelled ? 'cancelled' : undefined}>
      <span data-testid="receipt-time">{storeTime(sale.createdAt)}</span>
      <strong>{sale.number}</strong>
      <span>{t('sale.park.lines', { count: sale.lines.length })}</span>
      <span>{formatMoney(sale.totals.total, sale.currency, i18n.language)}</span>
      {reversal && originalNumber !== undefined && <span data-testid="receipt-cancels">{t('sale.receipts.cancels', { number: originalNumber })}</span>}
      {cancelled && <span className="badge" data-testid="receipt-cancelled">{t('sale.receipts.cancelled')}</span>}
      <button type="button" onClick={onPreview} data-testid="receipt-preview-open">
        {t('sale.receipts.preview')}
      </button>
      <button type="button" onClick={onReprint} data-testid="receipt-reprint">
        {t('sale.receipts.reprint')}
      </button>
      {!reversal && !cancelled && !confirming && (
        <button type="button" onClick={() => setConfirming(true)} disabled={busy} data-testid="receipt-cancel">
          {t('sale.receipts.cancel')}
        </button>
      )}
      {!reversal && !cancelled && confirming && (
        <span className="confirm" role="group" aria-label={t('sale.receipts.cancelConfirm', { number: sale.number })}>
          <span>{t('sale.receipts.cancelConfirm', { number: sale.number })}</span>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => {
              setConfirming(false);
              onCancel();
            }}
            data-testid="receipt-cancel-confirm"
          >
            {t('sale.receipts.cancelYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)} data-testid="receipt-cancel-keep">
            {t('sale.receipts.cancelNo')}
          </button>
        </span>
      )}
    </li>
  );
}
