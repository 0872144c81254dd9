import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildVietQr } from '../../../domain/vietqr.ts';
import { showQrToCustomer } from '../../../session/customer-display-channel.ts';
import { useMoney, useSaleSettings } from '../../../data/sale-settings-context.ts';
import { checkTerminalReference } from '../../../domain/tender-reference.ts';
import type { TenderForm, TenderFormProps } from '../../../ui/tender-form.ts';
import { useBankQrPayment } from './use-bank-qr-payment.ts';
import type { BankQrWatch } from './use-bank-qr-payment.ts';

interface QrTenderProps {
  readonly remaining: number;
  /** What the transfer content says: the number this sale is expected to get. */
  readonly purpose: string;
  readonly onConfirmed: (amount: number) => void;
  /** What the bank said so far (use-bank-qr-payment.ts); without it, the cashier confirms by hand. */
  readonly watch?: BankQrWatch;
}

/**
 * A bank transfer by VietQR: the QR with the amount and the sale number, for the customer's banking app;
 * the cashier confirms once the transfer shows as received. The QR library loads only when this opens.
 */
export function QrTender({ remaining, purpose, onConfirmed, watch }: QrTenderProps) {
  const { t } = useTranslation();
  const { bank } = useSaleSettings();
  const money = useMoney();
  const [image, setImage] = useState<{ payload: string; url: string } | null>(null);
  const [failed, setFailed] = useState(false);
  const built = bank === undefined ? undefined : buildVietQr({ bankBin: bank.bin, accountNumber: bank.accountNumber, amount: remaining, purpose });
  const payload = built?.ok ? built.payload : undefined;

  // The customer scans it on the display facing them, when the till has one (customer-display-channel.ts).
  useEffect(() => {
    showQrToCustomer(payload === undefined ? null : { payload, amount: remaining });
    return () => showQrToCustomer(null);
  }, [payload, remaining]);

  useEffect(() => {
    if (payload === undefined) return undefined;
    let current = true;
    import('qrcode')
      .then((qrcode) => qrcode.toDataURL(payload, { margin: 2, width: 280, errorCorrectionLevel: 'M' }))
      .then(
        (url) => current && setImage({ payload, url }),
        (error: unknown) => {
          console.error('Drawing the transfer QR failed', error);
          if (current) setFailed(true);
        },
      );
    return () => {
      current = false;
    };
  }, [payload]);

  if (bank === undefined) return <p className="notice" data-testid="qr-not-configured">{t('sale.pay.qrNotConfigured')}</p>;
  if (built !== undefined && !built.ok) return <p className="notice error" role="alert">{t('sale.pay.qrBadConfig')}</p>;
  return (
    <div className="tender-qr" data-testid="qr-tender" data-payload={payload}>
      {failed && <p role="alert" className="error">{t('sale.pay.qrDrawFailed')}</p>}
      {image !== null && image.payload === payload ? <img src={image.url} alt={t('sale.pay.qrAlt', { amount: money(remaining) })} width={280} height={280} /> : <p role="status">{t('sale.pay.qrDrawing')}</p>}
      <p>
        {bank.accountName ?? ''} · {bank.accountNumber} · {money(remaining)} · {purpose}
      </p>
      {watch !== undefined && (
        <p role="status" data-testid="qr-bank-status" data-state={watch.kind === 'manual' ? `manual-${watch.why}` : watch.kind}>
          {t(watch.kind === 'manual' ? `bankQr.manual.${watch.why}` : `bankQr.${watch.kind}`)}
        </p>
      )}
      <button type="button" className="primary" onClick={() => onConfirmed(remaining)} data-testid="qr-confirm" disabled={watch?.kind === 'confirmed'}>
        {t('sale.pay.qrConfirm')}
      </button>
    </div>
  );
}

/**
 * The transfer's content names the sale's expected number. Confirmed by the bank's notice (online), the
 * tender is taken by itself with the bank's transaction as its reference ("BANK <provider> <id>"); confirmed
 * by the cashier, its reference stays "QR <number>", which the day end lists for reconciliation against the
 * bank statement.
 */
function BankQrForm({ remaining, expectedNumber, take }: TenderFormProps) {
  const { currency } = useSaleSettings();
  const watch = useBankQrPayment(expectedNumber, remaining, currency);
  const taken = useRef(false);
  const takeOnce = (tender: Parameters<typeof take>[0]) => {
    if (taken.current) return;
    taken.current = true;
    take(tender);
  };
  const confirmedBy = watch.kind === 'confirmed' ? watch.payment.bank : undefined;
  useEffect(() => {
    if (watch.kind !== 'confirmed') return;
    const bankReference = checkTerminalReference(confirmedBy === undefined ? `BANK ${expectedNumber}` : `BANK ${confirmedBy.provider} ${confirmedBy.transactionId}`);
    takeOnce({ method: 'bank_qr', amount: watch.payment.amount, ...(bankReference.ok ? { reference: bankReference.reference } : {}) });
    // Taken once, when the bank's confirmation arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [watch.kind]);
  const reference = checkTerminalReference(`QR ${expectedNumber}`);
  return <QrTender remaining={remaining} purpose={expectedNumber} watch={watch} onConfirmed={(amount) => takeOnce({ method: 'bank_qr', amount, ...(reference.ok ? { reference: reference.reference } : {}) })} />;
}

export const bankQrTender: TenderForm = { id: 'bank_qr', order: 30, method: 'bank_qr', Form: BankQrForm };
