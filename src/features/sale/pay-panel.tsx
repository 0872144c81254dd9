import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { peekNextReceiptSequence } from '../../data/receipt-sequence.ts';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { cartTotals } from '../../domain/cart-totals.ts';
import { formatReceiptNumber } from '../../domain/receipt-number.ts';
import { addTender, paymentState, removeTender } from '../../domain/tender.ts';
import type { Tender } from '../../domain/tender.ts';
import { checkTerminalReference } from '../../domain/tender-reference.ts';
import { useStaffSessionStore } from '../../ui/staff-session-store.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { CashTender } from './cash-tender.tsx';
import { CardTender } from './card-tender.tsx';
import { QrTender } from './qr-tender.tsx';
import { receiptCodes } from './complete-sale.ts';
import { useCounterStore } from './counter-store.ts';
import { useCompleteSale } from './use-complete-sale.ts';
import { useCounterDatabase } from './use-parked-carts.ts';
import { useMoney, useSaleSettings } from './sale-settings-context.ts';

type Method = 'cash' | 'card' | 'bank_qr';

/** Taking payment: any mix of cash, card on the terminal and bank QR; only cash may go over (change). */
export function PayPanel({ config }: { readonly config: StoreConfigDocument }) {
  const { t } = useTranslation();
  const settings = useSaleSettings();
  const money = useMoney();
  const cart = useCounterStore((state) => state.cart);
  const tenders = useCounterStore((state) => state.tenders);
  const staff = useStaffSessionStore((state) => state.staff);
  const enrolment = useSyncStatusStore((state) => state.enrolment);
  const counter = useCounterDatabase();
  const [method, setMethod] = useState<Method>('cash');
  const [expectedNumber, setExpectedNumber] = useState('');
  const { complete, busy } = useCompleteSale(config);
  const total = useMemo(() => cartTotals(cart, settings.taxClasses).total, [cart, settings.taxClasses]);
  const payment = paymentState(total, tenders);

  useEffect(() => {
    if (enrolment === undefined) return undefined;
    let current = true;
    peekNextReceiptSequence(counter).then(
      (sequence) => current && setExpectedNumber(formatReceiptNumber({ ...receiptCodes(enrolment.storeId, enrolment.deviceId), sequence })),
      (error: unknown) => console.error('Reading the receipt counter failed', error),
    );
    return () => {
      current = false;
    };
  }, [counter, enrolment]);

  const take = (tender: Tender) => {
    const store = useCounterStore.getState();
    const result = addTender(store.tenders, tender, total);
    if (!result.ok) {
      const values: Record<string, string> = result.largestAllowed === undefined ? {} : { amount: money(result.largestAllowed) };
      return store.tell({ tone: 'error', key: `pay.tenderRefused.${result.reason}`, values });
    }
    store.setTenders(result.tenders);
    store.tell(null);
  };
  const qrReference = checkTerminalReference(`QR ${expectedNumber}`);

  return (
    <section className="pay-panel" data-testid="pay-panel">
      <p className="due">
        {t('sale.pay.due')} <strong data-testid="pay-due" data-amount={total}>{money(total)}</strong>
      </p>
      <ul className="tenders" data-testid="tenders">
        {tenders.map((tender, index) => (
          <li key={index} data-testid="tender" data-method={tender.method} data-amount={tender.amount}>
            {t(`receipt.tender.${tender.method}`)} {money(tender.amount)}
            <button type="button" onClick={() => useCounterStore.getState().setTenders(removeTender(useCounterStore.getState().tenders, index))}>
              {t('sale.pay.removeTender')}
            </button>
          </li>
        ))}
      </ul>
      <p data-testid="pay-remaining" data-amount={payment.remaining}>
        {payment.change > 0 ? t('sale.pay.change', { amount: money(payment.change) }) : t('sale.pay.remaining', { amount: money(payment.remaining) })}
      </p>
      <div className="tender-methods" role="tablist">
        {(['cash', 'card', 'bank_qr'] as const).map((each) => (
          <button key={each} type="button" role="tab" aria-selected={method === each} onClick={() => setMethod(each)} data-testid={`method-${each}`}>
            {t(`receipt.tender.${each}`)}
          </button>
        ))}
        <button type="button" role="tab" disabled title={t('sale.pay.loyaltyLater')}>
          {t('sale.pay.otherTenders')}
        </button>
      </div>
      {payment.remaining > 0 && method === 'cash' && <CashTender remaining={payment.remainingInCash} onTender={(amount) => take({ method: 'cash', amount })} />}
      {payment.remaining > 0 && method === 'card' && <CardTender remaining={payment.remaining} onTender={(amount, reference) => take({ method: 'card', amount, reference })} />}
      {payment.remaining > 0 && method === 'bank_qr' && (
        <QrTender
          remaining={payment.remaining}
          purpose={expectedNumber}
          onConfirmed={(amount) => take({ method: 'bank_qr', amount, ...(qrReference.ok ? { reference: qrReference.reference } : {}) })}
        />
      )}
      {staff === null && <p className="notice error" role="alert" data-testid="sign-in-to-sell">{t('sale.staff.signInToSell')}</p>}
      <div className="pay-actions">
        <button type="button" onClick={() => useCounterStore.getState().openPanel('cart')}>
          {t('sale.pay.back')}
        </button>
        <button type="button" className="primary" disabled={!payment.canComplete || busy || staff === null} onClick={() => void complete()} data-testid="pay-complete">
          {t('sale.pay.complete')}
        </button>
      </div>
    </section>
  );
}
